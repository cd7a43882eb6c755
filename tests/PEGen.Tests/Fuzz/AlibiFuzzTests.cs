using System;
using System.Collections.Concurrent;
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
using PEGen.Tests.Support;
using Xunit.Abstractions;

namespace PEGen.Tests.Fuzz;

/// <summary>
/// Property test of [AlibiBias]: CsCheck draws every property (Heads, Reference, MaxBias, each set or not, valid or
/// not), partial or not, a clashing member, and constant AddBias calls. Each batch is one compilation, run through the
/// generator (analyzers off: it reports the stopping errors itself) and both ALiBi analyzers. An oracle written from
/// the rules decides each case's diagnostics and whether members are generated; valid declarations must compile.
/// Replay a failure with <c>PEGEN_FUZZ_SEED=&lt;seed&gt;</c>.
/// </summary>
public sealed class AlibiFuzzTests
{
    private const long Budget = 4096; // bytes: Heads above 1024 are PEG006
    private const long MaxPosition = 16777216;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private readonly ITestOutputHelper _output;

    public AlibiFuzzTests(ITestOutputHelper output) => _output = output;

    internal sealed record Case(int Index, int? Heads, string? Reference, int ReferenceValue, string? MaxBias, double MaxBiasValue,
        bool Partial, bool Clash, (int Length, int KeyCount, int Start)[] Calls)
    {
        public string ClassName => "A" + Index + "x";

        public string Source()
        {
            var args = new List<string>();
            if (Heads is { } h) args.Add("Heads = " + (h == int.MinValue ? "int.MinValue" : h.ToString(CultureInfo.InvariantCulture)));
            if (Reference is not null) args.Add("Reference = " + Reference);
            if (MaxBias is not null) args.Add("MaxBias = " + MaxBias);
            var text = new StringBuilder();
            text.Append("[PEGen.AlibiBias(").Append(string.Join(", ", args)).Append(")]\n");
            text.Append("public static ").Append(Partial ? "partial " : "").Append("class ").Append(ClassName).Append(" { ");
            if (Clash) text.Append("public static int Heads => 0; ");
            text.Append("}\n");
            if (Calls.Length > 0 && Generated)
            {
                text.Append("public static class U").Append(Index).Append("x { public static void M() {\n");
                foreach (var (length, keyCount, start) in Calls)
                    text.Append("    ").Append(ClassName).Append(".AddBias(new float[").Append(length).Append("], ").Append(keyCount).Append(", ").Append(start).Append(");\n");
                text.Append("} }\n");
            }
            return text.ToString();
        }

        private bool ReferenceDefined => ReferenceValue is >= 0 and <= 2;

        private bool MaxBiasValid => MaxBias is null || (MaxBiasValue > 0 && !double.IsInfinity(MaxBiasValue));

        /// <summary>The oracle: each diagnostic ID this declaration must get (calls included).</summary>
        public SortedSet<string> Expected()
        {
            var ids = new SortedSet<string>(StringComparer.Ordinal);
            if (!Partial) ids.Add("PEG001");
            if (Clash) ids.Add("PEG009");
            if (Heads is not { } h || h < 1) ids.Add("PEG002");
            else if (h * 4L > 64L * 1024 * 1024) ids.Add("PEG007");
            else if (h * 4L > Budget) ids.Add("PEG006");
            if (!ReferenceDefined) ids.Add("PEG010");
            if (!MaxBiasValid) ids.Add("PEG010");
            if (MaxBias is not null && MaxBiasValid && ReferenceDefined && ReferenceValue != 2) ids.Add("PEG018");
            if (Generated && Calls.Any(MustFail)) ids.Add("PEG011");
            return ids;
        }

        /// <summary>Whether members are generated: no error among the declaration's rules.</summary>
        public bool Generated =>
            Partial && !Clash && Heads is { } h && h >= 1 && h * 4L <= 64L * 1024 * 1024 && ReferenceDefined && MaxBiasValid;

        private bool MustFail((int Length, int KeyCount, int Start) call)
        {
            var (length, k, s) = call;
            if (k < 1 || k > MaxPosition + 1) return true;
            long block = (long)Heads!.Value * k;
            if (length % block != 0) return true;
            long rows = length / block;
            return s < 0 || s > MaxPosition || (rows > 0 && s + rows - 1 > MaxPosition);
        }

        public override string ToString() => Source();
    }

    private static readonly Gen<int?> HeadsGen = Gen.Frequency(
        (2, Gen.Const((int?)null)), (2, Gen.Int[int.MinValue, 0].Select(v => (int?)v)), (2, Gen.Const<int?>(0)),
        (20, Gen.Int[1, 300].Select(v => (int?)v)), (2, Gen.Int[1025, 1400].Select(v => (int?)v)),
        (1, Gen.Int[16777217, int.MaxValue].Select(v => (int?)v)), (1, Gen.Const<int?>(int.MinValue)));

    private static readonly Gen<(string?, int)> ReferenceGen = Gen.Frequency(
        (4, Gen.Const(((string?)null, 0))),
        (3, Gen.Const<(string?, int)>(("PEGen.AlibiReference.Paper", 0))),
        (4, Gen.Const<(string?, int)>(("PEGen.AlibiReference.Bloom", 1))),
        (5, Gen.Const<(string?, int)>(("PEGen.AlibiReference.Mpt", 2))),
        (2, Gen.Int[-5, 9].Where(v => v is < 0 or > 2).Select(v => ((string?)("(PEGen.AlibiReference)(" + v + ")"), v))));

    private static readonly Gen<(string?, double)> MaxBiasGen = Gen.Frequency(
        (6, Gen.Const(((string?)null, 8.0))),
        (5, Gen.Double[0.01, 300].Select(v => ((string?)v.ToString("R", CultureInfo.InvariantCulture), v))),
        (1, Gen.Const<(string?, double)>(("8", 8))),
        (1, Gen.Const<(string?, double)>(("0", 0))),
        (1, Gen.Double[-100, -1e-9].Select(v => ((string?)v.ToString("R", CultureInfo.InvariantCulture), v))),
        (1, Gen.Const<(string?, double)>(("double.NaN", double.NaN))),
        (1, Gen.Const<(string?, double)>(("double.PositiveInfinity", double.PositiveInfinity))),
        (1, Gen.Const<(string?, double)>(("double.NegativeInfinity", double.NegativeInfinity))));

    private static readonly Gen<(int, int, int)> CallGen = Gen.Select(
        Gen.Frequency((3, Gen.Int[1, 64]), (1, Gen.Int[-3, 0]), (1, Gen.Int[16777216, 16777219])),
        Gen.Frequency((3, Gen.Int[0, 4]), (1, Gen.Int[0, 40])),
        Gen.Frequency((4, Gen.Int[0, 100]), (1, Gen.Int[-3, -1]), (2, Gen.Int[16777210, 16777219])),
        (k, rowsOrLength, s) => (rowsOrLength, k, s));

    private static readonly Gen<Case> CaseGen =
        Gen.Select(HeadsGen, ReferenceGen, MaxBiasGen, Gen.Int[0, 19], CallGen.Array[0, 3],
            (heads, reference, maxBias, shape, calls) => new Case(0, heads, reference.Item1, reference.Item2, maxBias.Item1, maxBias.Item2,
                Partial: shape != 0, Clash: shape == 1,
                Calls: calls.Select(c => (Length: LengthOf(heads, c.Item1, c.Item2), c.Item2, c.Item3)).ToArray()));

    // Mostly whole rows of Heads * keyCount (the value drawn is the row count), sometimes any length.
    private static int LengthOf(int? heads, int rowsOrLength, int keyCount)
    {
        if (heads is not { } h || h < 1 || keyCount < 1 || keyCount > 64) return Math.Max(rowsOrLength, 0);
        return rowsOrLength <= 4 ? (int)Math.Min(h * (long)keyCount * rowsOrLength, 1 << 20) : rowsOrLength;
    }

    [Fact]
    public void GeneratorAndAnalyzersHandleEveryAlibiDeclaration()
    {
        int cases = 0, generated = 0;
        var ids = new ConcurrentDictionary<string, int>();
        string? seed = Environment.GetEnvironmentVariable("PEGEN_FUZZ_SEED");
        var batchGen = CaseGen.Array[12, 20].Select(a => a.Select((c, i) => c with { Index = i }).ToArray());
        batchGen.Sample(batch =>
        {
            Check(batch);
            Interlocked.Add(ref cases, batch.Length);
            Interlocked.Add(ref generated, batch.Count(c => c.Generated));
            foreach (var id in batch.SelectMany(c => c.Expected())) ids.AddOrUpdate(id, 1, (_, n) => n + 1);
        }, seed: string.IsNullOrEmpty(seed) ? null : seed, iter: string.IsNullOrEmpty(seed) ? 40 : 1, threads: 1,
            print: batch => string.Join("\n", batch.Select(c => c.Source())));
        _output.WriteLine($"{cases} declarations, {generated} generated; expected diagnostics: " +
                          string.Join(", ", ids.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        if (string.IsNullOrEmpty(seed))
        {
            Assert.True(cases >= 450, "only " + cases + " declarations");
            foreach (var id in new[] { "PEG001", "PEG002", "PEG006", "PEG007", "PEG009", "PEG010", "PEG011", "PEG018" })
                Assert.True(ids.GetValueOrDefault(id) > 3, "too few cases of " + id);
        }
    }

    private static void Check(Case[] batch)
    {
        var trees = batch.Select(c => CSharpSyntaxTree.ParseText(c.Source(), ParseOptions, path: "/fuzz/" + c.ClassName + ".cs"));
        var compilation = CSharpCompilation.Create("AlibiFuzz", trees, Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new PositionalEncodingGenerator().AsSourceGenerator() }, parseOptions: ParseOptions,
            optionsProvider: new GlobalOptionsProvider(
                ("build_property.RunAnalyzers", "false"),
                ("build_property.PEGenMaxTableBytes", Budget.ToString(CultureInfo.InvariantCulture))));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        var failures = new StringBuilder();
        if (run.Exception is not null) failures.AppendLine("generator threw: " + run.Exception);

        var exceptions = new ConcurrentBag<string>();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new AlibiDeclarationAnalyzer(), new AlibiCallSiteAnalyzer());
        var diagnostics = output.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(
                    ("build_property.PEGenMaxTableBytes", Budget.ToString(CultureInfo.InvariantCulture)))),
                onAnalyzerException: (e, a, d) => exceptions.Add(a.GetType().Name + ": " + e), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (var e in exceptions) failures.AppendLine("analyzer threw: " + e);

        foreach (var c in batch)
        {
            string path = "/fuzz/" + c.ClassName + ".cs";
            var mine = diagnostics.Where(d => d.Location.GetLineSpan().Path == path && d.Severity >= DiagnosticSeverity.Warning).ToList();
            var peg = new SortedSet<string>(mine.Where(d => d.Id.StartsWith("PEG", StringComparison.Ordinal)).Select(d => d.Id), StringComparer.Ordinal);
            var expected = c.Expected();
            if (!peg.SetEquals(expected))
                failures.AppendLine($"{c.ClassName}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", peg)}]\n{c.Source()}");
            var compilerErrors = mine.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("PEG", StringComparison.Ordinal)).ToList();
            bool hasMembers = run.GeneratedSources.Any(s => s.HintName == c.ClassName + ".AlibiBias.g.cs");
            if (hasMembers != c.Generated)
                failures.AppendLine($"{c.ClassName}: generated {hasMembers}, oracle says {c.Generated}\n{c.Source()}");
            if (c.Generated && compilerErrors.Count > 0)
                failures.AppendLine($"{c.ClassName}: valid declaration does not compile: {string.Join("; ", compilerErrors)}\n{c.Source()}");
            // With analyzers off, the generator reports exactly the stopping errors the analyzer reports.
            var generatorErrors = new SortedSet<string>(driverDiagnostics.Where(d => d.Location.GetLineSpan().Path == path).Select(d => d.Id), StringComparer.Ordinal);
            var analyzerErrors = new SortedSet<string>(mine.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("PEG", StringComparison.Ordinal)).Select(d => d.Id), StringComparer.Ordinal);
            if (!generatorErrors.SetEquals(analyzerErrors))
                failures.AppendLine($"{c.ClassName}: generator errors [{string.Join(", ", generatorErrors)}], analyzer errors [{string.Join(", ", analyzerErrors)}]");
        }
        foreach (var d in output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.Contains("AlibiBias.g.cs") == true))
            failures.AppendLine("generated code error: " + d);
        Assert.True(failures.Length == 0, failures.ToString());
    }
}
