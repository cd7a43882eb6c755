using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Diagnostics;
using PEGen.Tests.Support;
using Xunit.Abstractions;

namespace PEGen.Tests.Fuzz;

/// <summary>
/// Property test of [TimestepEmbedding]: CsCheck draws batches of declarations setting every property (Dim, Steps,
/// FlipSinToCos, FreqShift, Scale, MaxPeriod) to valid, edge and invalid values, each declaration in a file of its own.
/// Per batch: one generator run (it must not throw, and must report nothing when analyzers run), the output compiles
/// without errors, and the declaration analyzer's IDs on each file are the oracle's. Replay with PEGEN_FUZZ_SEED.
/// </summary>
public sealed class TimestepFuzzTests
{
    private const int Batches = 15;
    private const long Budget = 20000;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new TimestepDeclarationAnalyzer(), new TimestepCallSiteAnalyzer());

    private readonly ITestOutputHelper _output;

    public TimestepFuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>One declaration: null = property not written.</summary>
    public sealed record Case(int? Dim, int? Steps, bool? Flip, string? Shift, string? Scale, string? Period);

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<int?> Sizes = Gen.OneOf(
        Gen.Int[1, 80].Select(i => (int?)i),
        Gen.Int[1, 80].Select(i => (int?)i),
        Gen.Int[1, 80].Select(i => (int?)i),
        Pick<int?>(null, 0, -1, 1, 2, 3, int.MinValue, 200000));

    // Valid-looking values twice as often as the invalid and edge ones, so most properties of most cases are usable.
    private static readonly Gen<string?> Reals = Gen.OneOf(
        Pick<string?>(null, "0", "1", "0.5", "-3", "2", "1e-3", "10000", "1.999", "40"),
        Gen.Double[0.001, 1000].Select(d => (string?)d.ToString("R", CultureInfo.InvariantCulture)),
        Pick<string?>("-1", "-0.0", "double.NaN", "double.PositiveInfinity", "double.NegativeInfinity", "1e39", "1e-46", "double.MaxValue"));

    // MaxPeriod below 1 makes the frequencies grow; far below, angles of 1e20 and more take the generator's BigInteger path
    // for every entry, so the fuzz keeps to moderate periods (the rules are the same for all).
    // diffusers' shifts are 0 and 1; the rule (below Dim / 2) is drawn near its edge too.
    private static readonly Gen<string?> Shifts = Gen.OneOf(
        Pick<string?>(null, "0", "1", "0.5", "-3", "1.999", "2", "40"),
        Gen.Double[-5, 5].Select(d => (string?)d.ToString("R", CultureInfo.InvariantCulture)),
        Pick<string?>("double.NaN", "double.PositiveInfinity", "double.NegativeInfinity", "1e39"));

    private static readonly Gen<string?> Periods = Gen.OneOf(
        Pick<string?>(null, "10000", "1000", "2", "0.5", "1e6"),
        Gen.Double[1, 1e5].Select(d => (string?)d.ToString("R", CultureInfo.InvariantCulture)),
        Pick<string?>("0", "-1", "-10000", "double.NaN", "double.PositiveInfinity"));

    private static readonly Gen<Case> Cases =
        Gen.Select(Sizes, Sizes, Pick<bool?>(null, true, false), Shifts, Reals, Periods,
            (dim, steps, flip, shift, scale, period) => new Case(dim, steps, flip, shift, scale, period));

    [Fact]
    public void GeneratorAndAnalyzersHandleEveryDeclaration()
    {
        int total = 0, valid = 0;
        string? seed = Environment.GetEnvironmentVariable("PEGEN_FUZZ_SEED");
        Cases.Array[10, 16].Sample(batch =>
        {
            string failures = Judge(batch, out int good);
            total += batch.Length;
            valid += good;
            if (failures.Length > 0) throw new Xunit.Sdk.XunitException(failures);
        }, iter: Batches, threads: 1, seed: seed);
        _output.WriteLine($"{total} declarations, {valid} valid");
        Assert.True(valid > total / 20, $"only {valid} of {total} declarations were valid: the generator is barely exercised");
    }

    private static string Source(Case c, int i)
    {
        var args = new List<string>();
        if (c.Dim is { } d) args.Add("Dim = " + d.ToString(CultureInfo.InvariantCulture));
        if (c.Steps is { } s) args.Add("Steps = " + s.ToString(CultureInfo.InvariantCulture));
        if (c.Flip is { } f) args.Add("FlipSinToCos = " + (f ? "true" : "false"));
        if (c.Shift is { } shift) args.Add("FreqShift = " + shift);
        if (c.Scale is { } scale) args.Add("Scale = " + scale);
        if (c.Period is { } period) args.Add("MaxPeriod = " + period);
        return "namespace F" + i.ToString(CultureInfo.InvariantCulture) + " { [PEGen.TimestepEmbedding(" + string.Join(", ", args) +
               ")] internal static partial class T { } }";
    }

    private static double Value(string? text, double fallback) => text switch
    {
        null => fallback,
        "double.NaN" => double.NaN,
        "double.PositiveInfinity" => double.PositiveInfinity,
        "double.NegativeInfinity" => double.NegativeInfinity,
        "double.MaxValue" => double.MaxValue,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>The IDs a declaration must get (sorted), from the contract's rules written out independently.</summary>
    public static string[] Oracle(Case c)
    {
        var ids = new List<string>();
        bool dimOk = c.Dim is > 0, stepsOk = c.Steps is > 0;
        if (!dimOk) ids.Add("PEG002");
        if (!stepsOk) ids.Add("PEG002");
        double shift = Value(c.Shift, 1), scale = Value(c.Scale, 1), period = Value(c.Period, 10000);
        if (double.IsNaN(shift) || double.IsInfinity(shift) || (dimOk && shift >= c.Dim!.Value / 2)) ids.Add("PEG010");
        if (double.IsNaN(scale) || double.IsInfinity(scale) || scale <= 0 || float.IsInfinity((float)scale) || (float)scale == 0) ids.Add("PEG010");
        if (double.IsNaN(period) || double.IsInfinity(period) || period <= 0) ids.Add("PEG010");
        if (dimOk && stepsOk)
        {
            decimal bytes = (decimal)c.Dim!.Value * c.Steps!.Value * 4;
            if (bytes > 64L * 1024 * 1024) ids.Add("PEG007");
            else if (bytes > Budget) ids.Add("PEG006");
        }
        ids.Sort(StringComparer.Ordinal);
        return ids.ToArray();
    }

    private static string Judge(Case[] batch, out int valid)
    {
        var failures = new StringBuilder();
        valid = 0;
        var compilation = GeneratorHarness.CreateCompilation(batch.Select(Source).ToArray());
        var driver = CSharpGeneratorDriver.Create(new[] { new PositionalEncodingGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions);
        driver = (CSharpGeneratorDriver)driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null) failures.AppendLine("generator threw: " + run.Exception);
        foreach (var d in generatorDiagnostics) failures.AppendLine("generator reported (analyzers run): " + d);
        foreach (var d in output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("PEG", StringComparison.Ordinal)))
            failures.AppendLine("output does not compile: " + d);

        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty,
            new GlobalOptionsProvider(("build_property.PEGenMaxTableBytes", Budget.ToString(CultureInfo.InvariantCulture))));
        var diagnostics = output.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        for (int i = 0; i < batch.Length; i++)
        {
            string path = "Source" + i.ToString(CultureInfo.InvariantCulture) + ".cs";
            string[] actual = diagnostics.Where(d => d.Id.StartsWith("PEG", StringComparison.Ordinal) && d.Location.GetLineSpan().Path == path)
                .Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();
            string[] expected = Oracle(batch[i]);
            if (!actual.SequenceEqual(expected))
                failures.AppendLine(Source(batch[i], i) + ": expected [" + string.Join(", ", expected) + "], got [" + string.Join(", ", actual) + "]");
            bool generated = run.GeneratedSources.Any(s => s.HintName.StartsWith("F" + i.ToString(CultureInfo.InvariantCulture) + ".T.", StringComparison.Ordinal));
            bool shouldGenerate = !expected.Any(id => id is "PEG002" or "PEG007" or "PEG010");
            if (generated != shouldGenerate)
                failures.AppendLine(Source(batch[i], i) + ": generated " + generated + ", expected " + shouldGenerate);
            if (shouldGenerate) valid++;
        }
        foreach (var d in diagnostics.Where(d => d.Id is "AD0001"))
            failures.AppendLine("analyzer crashed: " + d);
        return failures.ToString();
    }
}
