using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Basic.Reference.Assemblies;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Diagnostics;
using Xunit.Abstractions;

namespace PEGen.Tests.Fuzz;

/// <summary>
/// Property test of the front end: CsCheck draws batches of declarations, valid and
/// invalid (<see cref="DeclarationCases"/>); each batch is one compilation, one generator run and
/// one run of both analyzers over the generator's output. Every case is then judged on the
/// diagnostics located in its own files and the sources generated for its own class.
/// A failure message starts with CsCheck's seed; replay with <c>PEGEN_FUZZ_SEED=&lt;seed&gt;</c>.
/// </summary>
public sealed class FrontEndFuzzTests
{
    /// <summary>Batches per run, and declarations per batch: at least 5,100 declarations per run.</summary>
    public const int Batches = 170;
    public const int MinBatch = 30, MaxBatch = 40;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release,
        deterministic: true);
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer(), new CallSiteAnalyzer());
    private static readonly AnalyzerOptions Options = new(
        ImmutableArray<AdditionalText>.Empty,
        new GlobalOptionsProvider(new Dictionary<string, string> { ["build_property.PEGenMaxTableBytes"] = DeclarationCases.Budget.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    private static readonly Regex ClassToken = new(@"(?:Pe|Ou|Use|K)(\d+)x", RegexOptions.CultureInvariant);

    private readonly ITestOutputHelper _output;

    public FrontEndFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void GeneratorAndAnalyzersHandleEveryDeclaration()
    {
        long cases = 0;
        var kinds = new ConcurrentDictionary<Expectation, int>();
        var compactKinds = new ConcurrentDictionary<Expectation, int>();
        var watch = Stopwatch.StartNew();
        var times = new ConcurrentBag<(long, string)>();
        var gen = Gen.Int.Array[MinBatch, MaxBatch];
        string? seed = Environment.GetEnvironmentVariable("PEGEN_FUZZ_SEED");
        gen.Sample(
            seeds =>
            {
                var batch = seeds.Select((s, i) => DeclarationCases.Build(i, s)).ToArray();
                var sw = Stopwatch.StartNew();
                CheckBatch(batch);
                times.Add((sw.ElapsedMilliseconds, string.Join(",", seeds)));
                Interlocked.Add(ref cases, batch.Length);
                foreach (var c in batch) kinds.AddOrUpdate(c.Kind, 1, (_, n) => n + 1);
                foreach (var c in batch.Where(c => c.Compact)) compactKinds.AddOrUpdate(c.Kind, 1, (_, n) => n + 1);
            },
            seed: string.IsNullOrEmpty(seed) ? null : seed,
            iter: string.IsNullOrEmpty(seed) ? Batches : 1,
            print: seeds => string.Join("\n", seeds.Select((s, i) => DeclarationCases.Build(i, s).ToString())));
        _output.WriteLine($"{cases} declarations in {watch.Elapsed.TotalSeconds:0.0} s: " +
                          string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")) +
                          "; Storage = Compact: " + string.Join(", ", compactKinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        foreach (var t in times.OrderByDescending(t => t.Item1).Take(3)) _output.WriteLine($"slowest batch {t.Item1} ms, case seeds {t.Item2}");
        if (string.IsNullOrEmpty(seed)) Assert.True(cases >= 5000, $"only {cases} declarations");
        Assert.True(kinds.GetValueOrDefault(Expectation.Valid) > 1000 || !string.IsNullOrEmpty(seed), "too few valid cases");
        // About a quarter of the declarations ask for TableStorage.Compact: enough of them must generate.
        Assert.True(compactKinds.GetValueOrDefault(Expectation.Valid) > 100 || !string.IsNullOrEmpty(seed), "too few valid compact cases");
    }

    /// <summary>Replays one batch of cases given by their case seeds (from a failure message).</summary>
    internal static void CheckBatch(DeclarationCase[] batch)
    {
        var trees = batch.SelectMany(c => c.Files).Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path));
        var compilation = CSharpCompilation.Create("Fuzz", trees, Net100.References.All, CompilationOptions);
        var additionalFiles = batch.SelectMany(c => c.AdditionalFiles)
            .Select(f => (AdditionalText)new PEGen.Tests.Support.InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        // Analyzers off: the generator then reports the errors that stop generation itself, which must be the analyzers' errors.
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new PositionalEncodingGenerator().AsSourceGenerator() },
            additionalTexts: additionalFiles,
            parseOptions: ParseOptions,
            optionsProvider: new GlobalOptionsProvider(new Dictionary<string, string> { ["build_property.RunAnalyzers"] = "false" }));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        var failures = new StringBuilder();
        if (run.Exception is not null) failures.AppendLine("generator threw: " + run.Exception);

        var analyzerExceptions = new ConcurrentBag<string>();
        var withAnalyzers = output.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles, Options.AnalyzerConfigOptionsProvider),
            onAnalyzerException: (e, a, d) => analyzerExceptions.Add(a.GetType().Name + ": " + e),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (var e in analyzerExceptions) failures.AppendLine("analyzer threw: " + e);

        // Generator and analyzer agree on every well-formed case: the same errors, at the same spans, with the same messages.
        var generatorErrors = new Dictionary<int, HashSet<string>>();
        foreach (var d in driverDiagnostics)
        {
            if (d.Severity != DiagnosticSeverity.Error || !d.Id.StartsWith("PEG", StringComparison.Ordinal)) { failures.AppendLine("generator reported: " + d); continue; }
            if (OwnerOfPath(d.Location.GetLineSpan().Path) is not int owner) { failures.AppendLine("generator error of no case: " + d); continue; }
            if (!generatorErrors.TryGetValue(owner, out var set)) generatorErrors[owner] = set = new HashSet<string>();
            set.Add(Key(d));
        }

        var generatedByCase = new Dictionary<int, List<string>>();
        foreach (var source in run.GeneratedSources)
        {
            var m = ClassToken.Match(source.HintName);
            if (!m.Success) continue;
            int i = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!generatedByCase.TryGetValue(i, out var list)) generatedByCase[i] = list = new List<string>();
            list.Add(source.HintName);
        }

        var byCase = new Dictionary<int, List<Diagnostic>>();
        foreach (var d in diagnostics)
        {
            if (d.Severity < DiagnosticSeverity.Warning) continue;
            if (d.Id is "AD0001" or "CS8785") { failures.AppendLine("crash: " + d); continue; }
            int? owner = Owner(d);
            if (owner is null) { failures.AppendLine("diagnostic of no case: " + d); continue; }
            if (!byCase.TryGetValue(owner.Value, out var list)) byCase[owner.Value] = list = new List<Diagnostic>();
            list.Add(d);
        }

        foreach (var c in batch)
        {
            var found = byCase.GetValueOrDefault(c.Index) ?? new List<Diagnostic>();
            var generated = generatedByCase.GetValueOrDefault(c.Index) ?? new List<string>();
            string? problem = Judge(c, found, generated);
            if (problem is null && c.Kind != Expectation.CompileError)
            {
                var fromAnalyzers = found.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("PEG", StringComparison.Ordinal)).Select(Key).ToHashSet();
                var fromGenerator = generatorErrors.GetValueOrDefault(c.Index) ?? new HashSet<string>();
                if (!fromAnalyzers.SetEquals(fromGenerator))
                    problem = "generator (analyzers off) and analyzers disagree:\n    generator: " + string.Join("\n               ", fromGenerator)
                              + "\n    analyzers: " + string.Join("\n               ", fromAnalyzers);
            }
            if (problem is not null)
                failures.AppendLine($"{problem}\n  reported: {string.Join("\n            ", found)}\n  generated: {string.Join(", ", generated)}\n{c}");
        }

        if (failures.Length > 0) throw new Xunit.Sdk.XunitException(failures.ToString());
    }

    private static string? Judge(DeclarationCase c, List<Diagnostic> found, List<string> generated)
    {
        var errors = found.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var pegErrors = errors.Where(d => d.Id.StartsWith("PEG", StringComparison.Ordinal)).Select(d => d.Id).ToHashSet();
        var compilerErrors = errors.Where(d => !d.Id.StartsWith("PEG", StringComparison.Ordinal)).ToList();
        var warnings = found.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).ToHashSet();
        switch (c.Kind)
        {
            case Expectation.Valid:
                if (errors.Count > 0) return "valid case has errors";
                if (generated.Count == 0) return "valid case generated nothing";
                var unexpected = warnings.Where(w => !c.RequiredWarnings.Contains(w) && !c.AllowedWarnings.Contains(w)).ToList();
                if (unexpected.Count > 0) return "valid case has unexpected warnings " + string.Join(",", unexpected);
                var missing = c.RequiredWarnings.Where(w => !warnings.Contains(w)).ToList();
                if (missing.Count > 0) return "valid case lacks warnings " + string.Join(",", missing);
                return null;
            case Expectation.PegError:
                if (pegErrors.Count == 0) return "invalid case has no PEG error";
                var extra = pegErrors.Where(e => !c.PredictedErrors.Contains(e)).ToList();
                if (extra.Count > 0) return "invalid case has unpredicted PEG errors " + string.Join(",", extra);
                if (compilerErrors.Count > 0) return "well-formed invalid case has compiler errors";
                if (generated.Count > 0) return "invalid case generated code";
                return null;
            default:
                if (errors.Count == 0) return "broken case has no error";
                return null;
        }
    }

    private static string Key(Diagnostic d)
    {
        var line = d.Location.GetLineSpan();
        return d.Id + " " + line.Path + line.Span + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    // The case a diagnostic belongs to: its file (CaseN_x.cs) or the generated file of class PeNx.
    private static int? Owner(Diagnostic d) => d.Location.SourceTree is { } tree ? OwnerOfPath(tree.FilePath) : null;

    private static int? OwnerOfPath(string path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        string name = System.IO.Path.GetFileName(path);
        if (name.StartsWith("Case", StringComparison.Ordinal))
        {
            int end = name.IndexOf('_');
            return int.Parse(name.Substring(4, end - 4), System.Globalization.CultureInfo.InvariantCulture);
        }
        var m = ClassToken.Match(name);
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public GlobalOptionsProvider(Dictionary<string, string> values) => _global = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                _values.TryGetValue(key, out value);
        }
    }
}
