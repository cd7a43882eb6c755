using System.Linq;
using System.Threading.Tasks;
using PEGen.Diagnostics;
using PEGen.Tests.Support;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Diagnostics;

/// <summary>
/// SPEC section 7: a class carries at most one PEGen attribute. Two would add members of the same names (Dim, MaxLen, Table,
/// Row, AddTo), so each family's analyzer reports PEG009 on the class, naming the others, and nothing is generated for it.
/// </summary>
public sealed class OneAttributePerClassTests
{
    // The section 7 attributes, as the generator adds them (Verifiers adds [PositionalEncoding]'s).
    private static readonly string[] Attributes =
    {
        PEGen.Families.Alibi.AlibiAttributeSource.Text,
        PEGen.Families.Grid2D.Grid2DAttributeSource.Text,
        PEGen.Families.Timestep.TimestepAttributeSource.Text,
    };

    private static Task Analyze<TAnalyzer>(string source) where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        AnalyzeAsync<TAnalyzer>(source, null, Attributes);

    private const string Both = """
        using PEGen;
        [PositionalEncoding(Dim = 8, MaxLen = 8)]
        [AlibiBias(Heads = 8)]
        public static partial class {|PEG009:Mixed|} { }
        """;

    [Fact]
    public Task PositionalEncodingAnalyzerReportsTheSecondAttribute() => Analyze<DeclarationAnalyzer>(Both);

    [Fact]
    public Task AlibiAnalyzerReportsTheSecondAttribute() => Analyze<AlibiDeclarationAnalyzer>(Both);

    [Theory]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 10)] [AlibiBias(Heads = 4)]")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2)] [TimestepEmbedding(Dim = 8, Steps = 10)]")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2)] [PositionalEncoding(Dim = 8, MaxLen = 8)]")]
    public async Task EveryFamilyReportsIt(string attributes)
    {
        string source = "using PEGen;\n" + attributes + "\npublic static partial class {|PEG009:Mixed|} { }";
        if (attributes.Contains("[PositionalEncoding("))
            await Analyze<DeclarationAnalyzer>(source);
        if (attributes.Contains("[AlibiBias("))
            await Analyze<AlibiDeclarationAnalyzer>(source);
        if (attributes.Contains("[TimestepEmbedding("))
            await Analyze<TimestepDeclarationAnalyzer>(source);
        if (attributes.Contains("[PositionalEncoding2D("))
            await Analyze<Grid2DDeclarationAnalyzer>(source);
    }

    [Fact]
    public void WithAnalyzersOffTheGeneratorReportsItForBothAndGeneratesNothing()
    {
        var compilation = GeneratorHarness.CreateCompilation("""
            using PEGen;
            [PositionalEncoding(Dim = 8, MaxLen = 8)]
            [AlibiBias(Heads = 8)]
            public static partial class Mixed { }
            """);
        var driver = GeneratorHarness.CreateDriver(GlobalOptionsProvider.AnalyzersOff)
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.FilePath.Contains("Mixed"));
        var messages = diagnostics.Where(d => d.Id == "PEG009").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, messages.Length);
        Assert.Contains(messages, m => m.Contains("[PositionalEncoding] and [AlibiBias]") && m.Contains("one nested partial class per encoding"));
        Assert.Contains(messages, m => m.Contains("[AlibiBias] and [PositionalEncoding]"));
    }

    [Fact]
    public Task NestedClassesOneEncodingEachAreFine() => Analyze<DeclarationAnalyzer>("""
        using PEGen;
        public static partial class Model
        {
            [PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class Text { }
            [AlibiBias(Heads = 8)] public static partial class Bias { }
        }
        """);
}
