using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Diagnostics;
using PEGen.Tests.Support;

namespace PEGen.Tests.Diagnostics;

/// <summary>
/// CS3016 on [PositionalEncoding]'s double[] arguments is suppressed in a CLS-compliant library built with
/// warnings as errors; CS3016 from any other attribute is not.
/// </summary>
public sealed class ClsCompliantArraySuppressorTests
{
    private const string Library = """
        using System;
        using PEGen;

        [assembly: CLSCompliant(true)]

        namespace Lib;

        [PositionalEncoding(Dim = 4, MaxLen = 16, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.LongRope, Factor = 2,
            OriginalMaxLen = 8, ShortFactors = new double[] { 1.0, 1.5 }, LongFactors = new[] { 2.0, 3.0 })]
        public static partial class Phi { }
        """;

    private const string OtherAttribute = """
        namespace Lib;

        [System.AttributeUsage(System.AttributeTargets.Class)]
        public sealed class WeightsAttribute : System.Attribute
        {
            public WeightsAttribute(double[] weights) => Weights = weights;
            public double[] Weights { get; }
        }

        [Weights(new[] { 1.0 })]
        public static class Other { }
        """;

    private static async Task<ImmutableArray<Diagnostic>> Build(params string[] sources)
    {
        var compilation = GeneratorHarness.CreateCompilation(sources);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));   // warnings as errors
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ClsCompliantArraySuppressor(), new DeclarationAnalyzer());
        return await output.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAllDiagnosticsAsync();
    }

    [Fact]
    public async Task CS3016OnPositionalEncodingIsSuppressed()
    {
        var diagnostics = await Build(Library);
        var cs3016 = diagnostics.Where(d => d.Id == "CS3016").ToList();
        Assert.NotEmpty(cs3016);   // the compiler does report it, as an error under warnings as errors
        Assert.All(cs3016, d =>
        {
            Assert.True(d.IsSuppressed, d.ToString());
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        });
        var unsuppressed = diagnostics.Where(d => !d.IsSuppressed && d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(unsuppressed.Count == 0, string.Join("\n", unsuppressed));
    }

    [Fact]
    public async Task CS3016FromAnotherAttributeIsNotSuppressed()
    {
        var diagnostics = await Build(Library, OtherAttribute);
        var other = diagnostics.Where(d => d.Id == "CS3016" && d.Location.SourceTree!.FilePath == "Source1.cs").ToList();
        Assert.NotEmpty(other);
        Assert.All(other, d => Assert.False(d.IsSuppressed, d.ToString()));
        Assert.All(diagnostics.Where(d => d.Id == "CS3016" && d.Location.SourceTree!.FilePath == "Source0.cs"), d => Assert.True(d.IsSuppressed));
    }

    [Fact]
    public void TheSuppressionIsForCS3016Only()
    {
        var descriptor = Assert.Single(new ClsCompliantArraySuppressor().SupportedSuppressions);
        Assert.Equal(("PEGSPR001", "CS3016"), (descriptor.Id, descriptor.SuppressedDiagnosticId));
    }
}
