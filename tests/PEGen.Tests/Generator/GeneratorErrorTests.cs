using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PEGen.Diagnostics;
using PEGen.Model;
using PEGen.Tests.Support;

namespace PEGen.Tests.Generator;

/// <summary>
/// When analyzers do not run (RunAnalyzers / RunAnalyzersDuringBuild false) the
/// generator reports the errors that stop generation itself, where the analyzer would; otherwise nothing.
/// </summary>
public sealed class GeneratorErrorTests
{
    /// <summary>One declaration per error ID, and the text its diagnostic must span.</summary>
    public static TheoryData<string, string, string> Errors => new()
    {
        { "PEG001", "[PositionalEncoding(Dim = 8, MaxLen = 8)] public static class NotPartial { }", "NotPartial" },
        { "PEG002", "[PositionalEncoding(Dim = 0, MaxLen = 8)] public static partial class P { }", "Dim = 0" },
        { "PEG007", "[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class Huge { }", "Huge" },
        { "PEG009", "[PositionalEncoding(Dim = 8, MaxLen = 8)] public partial record Rec { }", "Rec" },
        { "PEG010", "[PositionalEncoding(Dim = 8, MaxLen = 8, Base = 1)] public static partial class P { }", "Base = 1" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task WithAnalyzersOffTheGeneratorReportsTheErrorWhereTheAnalyzerWould(string id, string declaration, string spanned)
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n" + declaration);
        var diagnostics = RunGenerator(compilation, GlobalOptionsProvider.AnalyzersOff, out var output);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var line = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", line.Path);
        Assert.Equal(spanned, compilation.SyntaxTrees[0].GetText().ToString(diagnostic.Location.SourceSpan));

        // The analyzer's diagnostic for the same declaration: same ID, span, lines and message.
        var fromAnalyzer = (await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync()).Single(d => d.Id == id);
        Assert.Equal(fromAnalyzer.Location.SourceSpan, diagnostic.Location.SourceSpan);
        Assert.Equal(fromAnalyzer.Location.GetLineSpan().Span, line.Span);
        Assert.Equal(fromAnalyzer.GetMessage(), diagnostic.GetMessage());
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void WithAnalyzersOnTheGeneratorReportsNothing(string id, string declaration, string spanned)
    {
        _ = (id, spanned);
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n" + declaration);
        Assert.Empty(RunGenerator(compilation, null, out _));
        Assert.Empty(RunGenerator(compilation, new GlobalOptionsProvider(("build_property.RunAnalyzers", "true"), ("build_property.RunAnalyzersDuringBuild", "")), out _));
        // As in the SDK, an explicit RunAnalyzers=true wins over RunAnalyzersDuringBuild=false.
        Assert.Empty(RunGenerator(compilation, new GlobalOptionsProvider(("build_property.RunAnalyzers", "true"), ("build_property.RunAnalyzersDuringBuild", "false")), out _));
    }

    [Theory]
    [InlineData("build_property.RunAnalyzers", "False")]
    [InlineData("build_property.RunAnalyzers", " FALSE ")]
    [InlineData("build_property.RunAnalyzersDuringBuild", "false")]
    public void EitherPropertyTurnsTheReportOn(string key, string value)
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class Huge { }");
        Assert.Equal("PEG007", Assert.Single(RunGenerator(compilation, new GlobalOptionsProvider((key, value)), out _)).Id);
    }

    [Theory]
    [InlineData("[PositionalEncoding(Dim = 7, MaxLen = 8)] public static partial class OddDim { }")]
    [InlineData("[PositionalEncoding(Dim = 1024, MaxLen = 4097)] public static partial class OverBudget { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Linear)] public static partial class Naive { }")]
    [InlineData("[PositionalEncoding(Dim = 512, MaxLen = 2048)] public static partial class Valid { }")]
    public void WarningsAreLeftToTheAnalyzers(string declaration)
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n" + declaration);
        Assert.Empty(RunGenerator(compilation, GlobalOptionsProvider.AnalyzersOff, out _));
    }

    [Fact]
    public void SeverityNoneDoesNotSilenceTheGeneratorsError()
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class Huge { }");
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["PEG007"] = ReportDiagnostic.Suppress }));
        var diagnostic = Assert.Single(RunGenerator(compilation, GlobalOptionsProvider.AnalyzersOff, out _));
        Assert.Equal("PEG007", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void SeveralErrorsAreAllReportedInTheValidatorsOrder()
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n[PositionalEncoding(MaxLen = 8, Base = 0)] public static class P { }");
        var ids = RunGenerator(compilation, GlobalOptionsProvider.AnalyzersOff, out _).Select(d => d.Id);
        Assert.Equal(new[] { "PEG001", "PEG002", "PEG010" }, ids);
    }

    [Fact]
    public void BrokenSyntaxNeverThrows()
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n[PositionalEncoding(Dim = , MaxLen = ");
        var driver = GeneratorHarness.CreateDriver(GlobalOptionsProvider.AnalyzersOff).RunGenerators(compilation);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
    }

    [Fact]
    public void UnrelatedEditKeepsTheErrorAndEveryStepCached()
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\nnamespace App;\n[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class Huge { }");
        var driver = GeneratorHarness.CreateDriver(GlobalOptionsProvider.AnalyzersOff).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace App; public static class Unrelated { }", GeneratorHarness.ParseOptions)));
        var result = driver.GetRunResult().Results.Single();

        Assert.Equal("PEG007", Assert.Single(result.Diagnostics).Id);
        foreach (var step in new[] { TrackingNames.Declarations, TrackingNames.DeclarationErrors, TrackingNames.AnalyzersOff, TrackingNames.ErrorOutputs })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }
    }

    [Fact]
    public void MovingAValidDeclarationInItsFileChangesNoStepOutput()
    {
        const string source = "using PEGen;\nnamespace App;\n[PositionalEncoding(Dim = 16, MaxLen = 8)] public static partial class Positions { }\n";
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver(GlobalOptionsProvider.AnalyzersOff).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var moved = tree.WithChangedText(SourceText.From("// a comment\n// another\n" + source));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, moved));
        var result = driver.GetRunResult().Results.Single();

        Assert.Empty(result.Diagnostics);
        foreach (var step in new[] { TrackingNames.Declarations, TrackingNames.ValidSpecs, TrackingNames.DeclarationErrors, TrackingNames.ErrorOutputs, TrackingNames.Outputs })
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }
    }

    [Fact]
    public void MovingAnInvalidDeclarationMovesTheError()
    {
        const string source = "using PEGen;\n[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class Huge { }\n";
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver(GlobalOptionsProvider.AnalyzersOff).RunGenerators(compilation);
        Assert.Equal(1, Assert.Single(driver.GetRunResult().Diagnostics).Location.GetLineSpan().StartLinePosition.Line);

        var tree = compilation.SyntaxTrees.Single();
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From("// moved\n" + source))));
        Assert.Equal(2, Assert.Single(driver.GetRunResult().Diagnostics).Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void StepOutputsOfAnInvalidDeclarationHoldNoLocationObject()
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class Huge { }");
        var result = GeneratorHarness.CreateDriver(GlobalOptionsProvider.AnalyzersOff).RunGenerators(compilation).GetRunResult().Results.Single();
        var outcome = Assert.IsType<DeclarationOutcome>(Assert.Single(result.TrackedSteps[TrackingNames.Outcomes].SelectMany(s => s.Outputs)).Value);
        Assert.Null(outcome.Spec);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("PEG007", error.Id);
        Assert.Equal("Source0.cs", error.Location!.FilePath);
    }

    private static ImmutableArray<Diagnostic> RunGenerator(Compilation compilation, AnalyzerConfigOptionsProvider? options, out Compilation output)
    {
        var driver = GeneratorHarness.CreateDriver(options).RunGeneratorsAndUpdateCompilation(compilation, out output, out var diagnostics);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        return diagnostics;
    }
}
