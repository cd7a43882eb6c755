using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PEGen.Tests.Support;

/// <summary>One reference table from the shared golden folder (only the rows it lists).</summary>
internal sealed class GoldenTable
{
    public GoldenTable(string name, IReadOnlyDictionary<string, JsonElement> config, int[] rows, uint[][]? values, uint[][]? cos, uint[][]? sin)
    {
        Name = name;
        Config = config;
        Rows = rows;
        Values = values;
        Cos = cos;
        Sin = sin;
    }

    public string Name { get; }
    public IReadOnlyDictionary<string, JsonElement> Config { get; }
    public int[] Rows { get; }
    /// <summary>Float32 bit patterns, Values[i] is the row for position Rows[i].</summary>
    public uint[][]? Values { get; }
    public uint[][]? Cos { get; }
    public uint[][]? Sin { get; }

    public int ConfigInt(string key) => Config[key].GetInt32();
}

/// <summary>Reads <c>../shared/golden/*.json</c>.</summary>
internal static class GoldenTables
{
    public static GoldenTable Load(string fileName)
    {
        string path = Path.Combine(TestPaths.Golden, fileName);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = doc.RootElement;
        var config = new Dictionary<string, JsonElement>();
        foreach (JsonProperty prop in root.GetProperty("config").EnumerateObject())
            config[prop.Name] = prop.Value.Clone();
        var rows = new List<int>();
        foreach (JsonElement r in root.GetProperty("rows").EnumerateArray())
            rows.Add(r.GetInt32());
        return new GoldenTable(
            root.GetProperty("name").GetString() ?? fileName,
            config,
            rows.ToArray(),
            ReadMatrix(root, "values"),
            ReadMatrix(root, "cos"),
            ReadMatrix(root, "sin"));
    }

    private static uint[][]? ReadMatrix(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out JsonElement m))
            return null;
        var result = new List<uint[]>();
        foreach (JsonElement row in m.EnumerateArray())
        {
            var list = new List<uint>();
            foreach (JsonElement v in row.EnumerateArray())
                list.Add(Convert.ToUInt32(v.GetString(), 16));
            result.Add(list.ToArray());
        }
        return result.ToArray();
    }
}
