using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PEGen.Diagnostics;
using PEGen.Model;
using PEGen.Tests.Support;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Diagnostics;

/// <summary>
/// The errors that stop generation cannot be configured away (the user would see
/// only CS0117 and never why); every other rule keeps its configurable severity.
/// </summary>
public sealed class NotConfigurableTests
{
    private const string TooLarge = "using PEGen;\n[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class {|#0:P|} { }";

    [Theory]
    [InlineData("PEG001")]
    [InlineData("PEG002")]
    [InlineData("PEG007")]
    [InlineData("PEG009")]
    [InlineData("PEG010")]
    public void ErrorsThatStopGenerationAreNotConfigurable(string id)
    {
        var descriptor = DiagnosticDescriptors.ForId(id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
        Assert.True(new ValidationIssue(id, null, EquatableArray<string>.Empty).IsError);
    }

    [Theory]
    [InlineData("PEG003")]
    [InlineData("PEG004")]
    [InlineData("PEG005")]
    [InlineData("PEG006")]
    [InlineData("PEG008")]
    [InlineData("PEG011")]
    [InlineData("PEG012")]
    [InlineData("PEG013")]
    public void OtherRulesStayConfigurable(string id)
    {
        var descriptor = DiagnosticDescriptors.ForId(id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.DoesNotContain(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
        Assert.False(new ValidationIssue(id, null, EquatableArray<string>.Empty).IsError);
    }

    [Theory]
    [InlineData("dotnet_diagnostic.PEG007.severity = none\n")]
    [InlineData("dotnet_diagnostic.PEG007.severity = suggestion\n")]
    [InlineData("dotnet_analyzer_diagnostic.severity = none\n")]
    [InlineData("dotnet_analyzer_diagnostic.category-PEGen.Performance.severity = none\n")]
    public Task GlobalConfigCannotSilencePEG007(string config) =>
        AnalyzeAsync<DeclarationAnalyzer>(TooLarge, ("/.globalconfig", "is_global = true\n" + config),
            new DiagnosticResult(DiagnosticDescriptors.TooLarge).WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("65536", "65536", "17179869184", "67108864", PEGen.Parsing.SizeRemedies.CompactOverCap));

    [Fact]
    public Task EditorConfigCannotSilencePEG007() =>
        AnalyzeAsync<DeclarationAnalyzer>(TooLarge, ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.PEG007.severity = none\n"),
            new DiagnosticResult(DiagnosticDescriptors.TooLarge).WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("65536", "65536", "17179869184", "67108864", PEGen.Parsing.SizeRemedies.CompactOverCap));

    [Fact]
    public Task PragmaCannotSilencePEG007() =>
        AnalyzeAsync<DeclarationAnalyzer>(
            "using PEGen;\n#pragma warning disable PEG007\n[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class {|#0:P|} { }",
            ("/.globalconfig", "is_global = true\n"),
            new DiagnosticResult(DiagnosticDescriptors.TooLarge).WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("65536", "65536", "17179869184", "67108864", PEGen.Parsing.SizeRemedies.CompactOverCap));

    [Fact]
    public Task EditorConfigStillSilencesAWarning() =>
        AnalyzeAsync<DeclarationAnalyzer>("using PEGen;\n[PositionalEncoding(Dim = 7, MaxLen = 8)] public static partial class P { }",
            ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.PEG003.severity = none\n"));

    [Fact]
    public async Task SpecificDiagnosticOptionsCannotSilenceTheErrorsButCanTheWarnings()
    {
        var (output, _) = GeneratorHarness.Run("using PEGen;\n[PositionalEncoding(Dim = 65537, MaxLen = 65536)] public static partial class P { }");
        var options = output.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["PEG003"] = ReportDiagnostic.Suppress,
            ["PEG007"] = ReportDiagnostic.Suppress,
        });
        var diagnostics = await output.WithOptions(options)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PEG007", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }
}
