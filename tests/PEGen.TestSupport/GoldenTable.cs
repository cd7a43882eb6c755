using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PEGen.TestSupport;

/// <summary>
/// One reference table of <c>tests/golden</c> (format: <c>tests/golden/README.md</c>). Only the
/// rows the file lists are held; every float is kept as its IEEE-754 bit pattern. Keys a file
/// lacks are <see langword="null"/> (or an empty <see cref="Rows"/>).
/// </summary>
public sealed class GoldenTable
{
    private GoldenTable(string name, IReadOnlyDictionary<string, JsonElement> config)
    {
        Name = name;
        Config = config;
    }

    /// <summary>The configuration's name, the file name without <c>.json</c>.</summary>
    public string Name { get; }

    /// <summary>The configuration: attribute property names to their values.</summary>
    public IReadOnlyDictionary<string, JsonElement> Config { get; }

    /// <summary>The positions (or integer timesteps) listed; empty in files without rows (ALiBi).</summary>
    public int[] Rows { get; private init; } = Array.Empty<int>();

    /// <summary>Float32 bit patterns: <c>Values[i]</c> is the full row for position <c>Rows[i]</c>.</summary>
    public uint[][]? Values { get; private init; }

    /// <summary>Rotary tables: the cosines of row <c>Rows[i]</c>, float32 bit patterns.</summary>
    public uint[][]? Cos { get; private init; }

    /// <summary>Rotary tables: the sines of row <c>Rows[i]</c>, float32 bit patterns.</summary>
    public uint[][]? Sin { get; private init; }

    /// <summary>LongRoPE: the positions of the <c>ShortFactors</c> table (below <c>OriginalMaxLen</c>).</summary>
    public int[]? ShortRows { get; private init; }

    /// <summary>LongRoPE: the cosines of row <c>ShortRows[i]</c> of the <c>ShortFactors</c> table.</summary>
    public uint[][]? ShortCos { get; private init; }

    /// <summary>LongRoPE: the sines of row <c>ShortRows[i]</c> of the <c>ShortFactors</c> table.</summary>
    public uint[][]? ShortSin { get; private init; }

    /// <summary>Scaled rotary: the factor the cos/sin entries are multiplied by.</summary>
    public double? AttentionFactor { get; private init; }

    /// <summary>Rotary: the float32 inverse frequencies, bit patterns.</summary>
    public uint[]? InvFreq { get; private init; }

    /// <summary>ALiBi: the per-head slopes, float32 bit patterns.</summary>
    public uint[]? Slopes { get; private init; }

    /// <summary>
    /// ALiBi tables for many head counts (<c>alibi_*_all</c>, <c>alibi_mpt_biases</c>): <c>SlopesByHeads[b][i]</c> holds the
    /// slopes of <c>config.Heads[i]</c> heads with <c>config.MaxBiases[b]</c> (one entry b = 0 for Paper and Bloom).
    /// </summary>
    public uint[][][]? SlopesByHeads { get; private init; }

    /// <summary>The integer-array <c>config</c> entry <paramref name="key"/>; throws if the file has none.</summary>
    public int[] ConfigInts(string key) => Entry(key).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    /// <summary>The number-array <c>config</c> entry <paramref name="key"/>; throws if the file has none.</summary>
    public double[] ConfigDoubles(string key) => Entry(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>Timestep tables: fractional or out-of-table timesteps, encoded in <see cref="Encoded"/>.</summary>
    public double[]? Timesteps { get; private init; }

    /// <summary>Timestep tables: <c>Encoded[i]</c> is the embedding of <c>Timesteps[i]</c>, float32 bit patterns.</summary>
    public uint[][]? Encoded { get; private init; }

    /// <summary>The file names (without <c>.json</c>) of every table in <see cref="RepoPaths.Golden"/>, sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetFiles(RepoPaths.Golden, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(n => n!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Reads <c>tests/golden/<paramref name="name"/>.json</c> (the <c>.json</c> suffix is optional).</summary>
    public static GoldenTable Load(string name)
    {
        string file = name.EndsWith(".json", StringComparison.Ordinal) ? name : name + ".json";
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Golden, file)));
        JsonElement root = document.RootElement;
        var config = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.GetProperty("config").EnumerateObject())
            config[property.Name] = property.Value.Clone();
        return new GoldenTable(root.GetProperty("name").GetString() ?? Path.GetFileNameWithoutExtension(file), config)
        {
            Rows = Ints(root, "rows") ?? Array.Empty<int>(),
            Values = Matrix(root, "values"),
            Cos = Matrix(root, "cos"),
            Sin = Matrix(root, "sin"),
            ShortRows = Ints(root, "short_rows"),
            ShortCos = Matrix(root, "short_cos"),
            ShortSin = Matrix(root, "short_sin"),
            AttentionFactor = root.TryGetProperty("attention_factor", out JsonElement factor) ? factor.GetDouble() : null,
            InvFreq = Vector(root, "inv_freq"),
            Slopes = Vector(root, "slopes"),
            SlopesByHeads = root.TryGetProperty("slopes_by_heads", out JsonElement byHeads)
                ? byHeads.EnumerateArray().Select(b => b.EnumerateArray().Select(Hex).ToArray()).ToArray()
                : null,
            Timesteps = root.TryGetProperty("timesteps", out JsonElement t) ? t.EnumerateArray().Select(e => e.GetDouble()).ToArray() : null,
            Encoded = Matrix(root, "encoded"),
        };
    }

    /// <summary>The integer <c>config</c> entry <paramref name="key"/>; throws if the file has none.</summary>
    public int ConfigInt(string key) => Entry(key).GetInt32();

    /// <summary>The integer <c>config</c> entry <paramref name="key"/>, or <paramref name="fallback"/> if the file has none.</summary>
    public int ConfigInt(string key, int fallback) => Config.TryGetValue(key, out JsonElement v) ? v.GetInt32() : fallback;

    /// <summary>The numeric <c>config</c> entry <paramref name="key"/>, or <paramref name="fallback"/> if the file has none.</summary>
    public double ConfigDouble(string key, double fallback) => Config.TryGetValue(key, out JsonElement v) ? v.GetDouble() : fallback;

    /// <summary>The string <c>config</c> entry <paramref name="key"/>; throws if the file has none.</summary>
    public string ConfigString(string key) => Entry(key).GetString()!;

    private JsonElement Entry(string key) =>
        Config.TryGetValue(key, out JsonElement v) ? v : throw new KeyNotFoundException($"{Name}: config has no '{key}'");

    private static int[]? Ints(JsonElement root, string key) =>
        root.TryGetProperty(key, out JsonElement array) ? array.EnumerateArray().Select(e => e.GetInt32()).ToArray() : null;

    private static uint[]? Vector(JsonElement root, string key) =>
        root.TryGetProperty(key, out JsonElement array) ? Hex(array) : null;

    private static uint[][]? Matrix(JsonElement root, string key) =>
        root.TryGetProperty(key, out JsonElement rows) ? rows.EnumerateArray().Select(Hex).ToArray() : null;

    private static uint[] Hex(JsonElement array) =>
        array.EnumerateArray().Select(e => Convert.ToUInt32(e.GetString(), 16)).ToArray();
}
