using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Diagnostics;
using PEGen.Tests.Support;
using Xunit;

namespace PEGen.Tests.Diagnostics;

/// <summary>
/// PEG006 and PEG007 end with the way out for that declaration: Storage = TableStorage.Compact only where the
/// attribute has it and the class is not compact already (Parsing/SizeRemedies).
/// </summary>
public sealed class SizeRemedyMessageTests
{
    [Theory]
    [InlineData("[PositionalEncoding(Dim = 1024, MaxLen = 4097)]", "PEG006", "Storage = TableStorage.Compact keeps")]
    [InlineData("[PositionalEncoding(Dim = 65536, MaxLen = 65536)]", "PEG007", "Add Storage = TableStorage.Compact")]
    [InlineData("[PositionalEncoding2D(Dim = 1152, GridHeight = 64, GridWidth = 64)]", "PEG006", "Storage = TableStorage.Compact keeps")]
    [InlineData("[PositionalEncoding2D(Dim = 65536, GridHeight = 512, GridWidth = 512, Storage = TableStorage.Compact)]", "PEG007", "grid is already compact")]
    [InlineData("[TimestepEmbedding(Dim = 1024, Steps = 5000)]", "PEG006", "Encode computes the row of any timestep")]
    [InlineData("[TimestepEmbedding(Dim = 8192, Steps = 100000)]", "PEG007", "Lower Steps or Dim")]
    [InlineData("[AlibiBias(Heads = 20000000)]", "PEG007", "Lower Heads.")]
    public async Task TheMessageNamesAWayOutThisDeclarationHas(string attribute, string id, string remedy)
    {
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n" + attribute + " public static partial class P { }");
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new DeclarationAnalyzer(), new Grid2DDeclarationAnalyzer(), new TimestepDeclarationAnalyzer(), new AlibiDeclarationAnalyzer());
        // The attributes come from the generator's post-initialization output.
        GeneratorHarness.CreateDriver(null, new AdditionalText[0]).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var diagnostics = await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        string message = Assert.Single(diagnostics, d => d.Id == id).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(remedy, message);
        if (!remedy.Contains("TableStorage", System.StringComparison.Ordinal))
            Assert.DoesNotContain("TableStorage", message);
        Assert.DoesNotContain("{", message);
    }
}
