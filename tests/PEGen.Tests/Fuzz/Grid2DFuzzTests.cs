using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Basic.Reference.Assemblies;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Diagnostics;
using Xunit.Abstractions;

namespace PEGen.Tests.Grid2D;

/// <summary>
/// Property test of [PositionalEncoding2D]: CsCheck draws batches of declarations setting (or omitting) every property
/// with edge values. The declaration analyzer's diagnostics (ID and property) must equal an independent oracle's; the
/// generator never throws, generates exactly the valid classes, and their code compiles without a warning.
/// A failure message starts with CsCheck's seed; replay with <c>PEGEN_FUZZ_SEED=&lt;seed&gt;</c>.
/// </summary>
public sealed class Grid2DFuzzTests
{
    private const int Batches = 70, MinBatch = 20, MaxBatch = 30;
    private const long Budget = 16L * 1024 * 1024, HardCap = 64L * 1024 * 1024;

    /// <summary>Valid tables larger than this are checked by the analyzer only (generating them takes seconds each).</summary>
    private const long GenerateAtMost = 2L * 1024 * 1024;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);
    private readonly ITestOutputHelper _output;

    public Grid2DFuzzTests(ITestOutputHelper output) => _output = output;

    private sealed record Case(int Index, int? Dim, int? Height, int? Width, int? Extra, double? BaseSize, double? Scale, double? Base, int? Storage)
    {
        public string Name => "G" + Index.ToString(CultureInfo.InvariantCulture) + "x";

        public string Source
        {
            get
            {
                var parts = new List<string>();
                if (Dim is { } d) parts.Add("Dim = " + Int(d));
                if (Height is { } h) parts.Add("GridHeight = " + Int(h));
                if (Width is { } w) parts.Add("GridWidth = " + Int(w));
                if (Extra is { } e) parts.Add("ExtraTokens = " + Int(e));
                if (BaseSize is { } b) parts.Add("BaseSize = " + Real(b));
                if (Scale is { } s) parts.Add("InterpolationScale = " + Real(s));
                if (Base is { } x) parts.Add("Base = " + Real(x));
                if (Storage is { } t) parts.Add("Storage = " + (t is 0 or 1 ? (t == 0 ? "TableStorage.Full" : "TableStorage.Compact") : "(TableStorage)(" + Int(t) + ")"));
                return "[PositionalEncoding2D(" + string.Join(", ", parts) + ")] public static partial class " + Name + " { }";
            }
        }

        public override string ToString() => Source;
    }

    private static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Real(double v) =>
        double.IsNaN(v) ? "double.NaN" : double.IsPositiveInfinity(v) ? "double.PositiveInfinity" : double.IsNegativeInfinity(v) ? "double.NegativeInfinity"
        : v == 0 && double.IsNegative(v) ? "-0.0" : v.ToString("R", CultureInfo.InvariantCulture) + (v.ToString("R", CultureInfo.InvariantCulture).Contains('E') ? "" : "d");

    private static T? Pick<T>(Random r, double omit, T[] values) where T : struct => r.NextDouble() < omit ? null : values[r.Next(values.Length)];

    private static Case Draw(int index, int seed)
    {
        var r = new Random(seed);
        int? dim = r.NextDouble() < 0.5 ? 4 * (1 + r.Next(64)) : Pick(r, 0.1, new[] { -4, 0, 1, 2, 3, 4, 6, 8, 12, 64, 768, 1152, 1536, int.MaxValue, int.MinValue });
        int? Size() => r.NextDouble() < 0.6 ? 1 + r.Next(24) : Pick(r, 0.1, new[] { -1, 0, 1, 2, 3, 14, 16, 192, 4096, 65536, int.MaxValue });
        return new Case(index, dim, Size(), Size(),
            Pick(r, 0.5, new[] { -1, 0, 1, 2, 8, int.MaxValue }),
            Pick(r, 0.5, new[] { 0, -0.0, -1, double.NaN, double.PositiveInfinity, 0.5, 1, 3, 16, 64, 1e9, 1e300, double.Epsilon }),
            Pick(r, 0.6, new[] { 1, 2, 0.5, 0, -1, double.NaN, double.PositiveInfinity, 1e-9, 1e30 }),
            Pick(r, 0.7, new[] { 10000, 1, 0.5, 1.0000001, 100, 1e15, 1e16, double.NaN, double.NegativeInfinity }),
            Pick(r, 0.6, new[] { 0, 1, 2, -1 }));
    }

    /// <summary>The rules written from SPEC section 7, independently of Grid2DRules: (ID, property or null), sorted.</summary>
    private static (List<string> Issues, long DataBytes) Oracle(Case c)
    {
        var issues = new List<string>();
        void Add(string id, string? property) => issues.Add(id + ":" + (property ?? "-"));
        bool dimOk = c.Dim is > 0, heightOk = c.Height is > 0, widthOk = c.Width is > 0;
        // A missing size is reported on the whole attribute, a set one on its property.
        if (!dimOk) Add("PEG002", c.Dim is null ? null : "Dim");
        if (!heightOk) Add("PEG002", c.Height is null ? null : "GridHeight");
        if (!widthOk) Add("PEG002", c.Width is null ? null : "GridWidth");
        if (dimOk && c.Dim % 4 != 0) { Add("PEG010", "Dim"); dimOk = false; }
        int extra = c.Extra ?? 0;
        if (extra < 0) Add("PEG010", "ExtraTokens");
        double baseSize = c.BaseSize ?? 0, scale = c.Scale ?? 1, @base = c.Base ?? 10000;
        bool positionsOk = true;
        if (!double.IsFinite(baseSize) || baseSize < 0) { Add("PEG010", "BaseSize"); positionsOk = false; }
        if (!double.IsFinite(scale) || scale <= 0) { Add("PEG010", "InterpolationScale"); positionsOk = false; }
        else if (scale != 1 && positionsOk && baseSize == 0) { Add("PEG010", "InterpolationScale"); positionsOk = false; }
        bool baseOk = double.IsFinite(@base) && @base > 1 && @base <= 1e15;
        if (!baseOk) Add("PEG010", "Base");
        int storage = c.Storage ?? 0;
        bool storageOk = storage is 0 or 1;
        if (!storageOk) Add("PEG010", "Storage");
        long bytes = 0;
        if (dimOk && heightOk && widthOk && extra >= 0 && storageOk)
        {
            long rows = extra + (long)c.Height!.Value * c.Width!.Value;
            if (rows > int.MaxValue)
            {
                Add("PEG010", "GridWidth");
            }
            else
            {
                if (positionsOk && baseOk && baseSize != 0)
                {
                    foreach (int grid in new[] { c.Height.Value, c.Width.Value })
                    {
                        // diffusers in float32: j / (float)(grid / base_size) / (float)scale.
                        float last = (float)(grid - 1) / (float)(grid / baseSize) / (float)scale;
                        if (!float.IsFinite(last) || last > 16777216f) { Add("PEG010", "BaseSize"); break; }
                    }
                }
                bytes = storage == 1 ? ((long)c.Height.Value + c.Width.Value) * (c.Dim!.Value / 2) * 4L : rows * c.Dim!.Value * 4L;
                if (bytes > HardCap) Add("PEG007", null);
                else if (bytes > Budget) Add("PEG006", null);
            }
        }
        issues.Sort(StringComparer.Ordinal);
        return (issues, bytes);
    }

    [Fact]
    public void AnalyzerMatchesTheOracle_GeneratorNeverThrows_ValidGridsCompile()
    {
        long cases = 0, generated = 0, valid = 0;
        string? seed = Environment.GetEnvironmentVariable("PEGEN_FUZZ_SEED");
        Gen.Int.Array[MinBatch, MaxBatch].Sample(
            seeds =>
            {
                var batch = seeds.Select((s, i) => Draw(i, s)).ToArray();
                var (v, g) = CheckBatch(batch);
                Interlocked.Add(ref cases, batch.Length);
                Interlocked.Add(ref valid, v);
                Interlocked.Add(ref generated, g);
            },
            seed: string.IsNullOrEmpty(seed) ? null : seed,
            iter: string.IsNullOrEmpty(seed) ? Batches : 1,
            print: seeds => string.Join("\n", seeds.Select((s, i) => Draw(i, s).ToString())));
        _output.WriteLine($"{cases} declarations, {valid} valid, {generated} generated and compiled");
        if (string.IsNullOrEmpty(seed))
        {
            Assert.True(cases >= 1000, $"only {cases} declarations");
            Assert.True(generated >= 150, $"only {generated} generated");
        }
    }

    private static (int Valid, int Generated) CheckBatch(Case[] batch)
    {
        var failures = new StringBuilder();
        var attribute = CSharpSyntaxTree.ParseText(PEGen.Families.Grid2D.Grid2DAttributeSource.Text, Parse, path: "Attribute.g.cs");
        var storage = CSharpSyntaxTree.ParseText("namespace PEGen { internal enum TableStorage { Full = 0, Compact = 1 } } namespace Microsoft.CodeAnalysis { internal sealed class EmbeddedAttribute : System.Attribute { } }", Parse, path: "Storage.g.cs");
        var trees = batch.Select(c => CSharpSyntaxTree.ParseText("using PEGen;\n" + c.Source, Parse, path: c.Name + ".cs")).ToArray();

        // 1. The analyzer over every declaration (no generator: the attribute is all it needs).
        var compilation = CSharpCompilation.Create("Fuzz", trees.Append(attribute).Append(storage), Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Grid2DDeclarationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var oracle = batch.Select(Oracle).ToArray();
        for (int i = 0; i < batch.Length; i++)
        {
            var actual = diagnostics.Where(d => d.Location.SourceTree == trees[i]).Select(d => d.Id + ":" + PropertyOf(d)).OrderBy(s => s, StringComparer.Ordinal).ToList();
            if (!actual.SequenceEqual(oracle[i].Issues))
                failures.AppendLine($"{batch[i]}\n  analyzer: {string.Join(", ", actual)}\n  oracle:   {string.Join(", ", oracle[i].Issues)}");
        }

        // 2. The generator (which embeds its own attribute sources) over the declarations small enough to generate.
        bool IsValid(int i) => oracle[i].Issues.All(s => s.StartsWith("PEG006", StringComparison.Ordinal));
        var small = Enumerable.Range(0, batch.Length).Where(i => !IsValid(i) || oracle[i].DataBytes <= GenerateAtMost).ToArray();
        var generatorInput = CSharpCompilation.Create("FuzzGen", small.Select(i => trees[i]), Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new[] { new PositionalEncodingGenerator().AsSourceGenerator() }, parseOptions: Parse)
            .RunGeneratorsAndUpdateCompilation(generatorInput, out var output, out var generatorDiagnostics);
        foreach (var d in generatorDiagnostics) failures.AppendLine("generator diagnostic: " + d);
        var result = driver.GetRunResult().Results[0];
        if (result.Exception is { } exception) failures.AppendLine("generator threw: " + exception);
        int generated = 0;
        foreach (int i in small)
        {
            bool hasSource = result.GeneratedSources.Any(s => s.HintName.StartsWith(batch[i].Name + ".", StringComparison.Ordinal));
            if (hasSource != IsValid(i)) failures.AppendLine($"{batch[i]}: generated = {hasSource}, valid = {IsValid(i)}");
            if (hasSource) generated++;
        }
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => d.Location.SourceTree is { } t && !trees.Contains(t)).ToList();
        foreach (var p in problems.Take(5)) failures.AppendLine("generated code: " + p);
        Assert.True(failures.Length == 0, failures.ToString());
        return (Enumerable.Range(0, batch.Length).Count(IsValid), generated);
    }

    // The property a diagnostic points at ("Dim = 6" -> Dim), or "-" for the class or the whole attribute.
    private static string PropertyOf(Diagnostic d)
    {
        string text = d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
        int equals = text.IndexOf(" =", StringComparison.Ordinal);
        return equals > 0 && !text.StartsWith("PositionalEncoding2D", StringComparison.Ordinal) ? text.Substring(0, equals) : "-";
    }
}
