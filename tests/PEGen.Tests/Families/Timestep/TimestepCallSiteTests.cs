using System.Linq;
using System.Threading.Tasks;
using PEGen.Diagnostics;
using PEGen.Families.Timestep;
using PEGen.Tests.Support;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Families;

/// <summary>PEG011 for [TimestepEmbedding]: constant arguments that make Row or Encode throw.</summary>
public sealed class TimestepCallSiteTests
{
    private const string Declaration = "[PEGen.TimestepEmbedding(Dim = 8, Steps = 16)] public static partial class T { }";

    private static readonly string[] Generated = GeneratorHarness.Run(Declaration).Result.Results[0].GeneratedSources
        .Where(s => s.HintName.EndsWith(".TimestepEmbedding.g.cs", System.StringComparison.Ordinal)
                    || s.HintName.EndsWith(".TimestepEmbeddingTable.g.cs", System.StringComparison.Ordinal)
                    || s.HintName == PEGen.Emit.Shared.SharedHelpersEmitter.HintName)
        .Select(s => s.SourceText.ToString())
        .Append(TimestepAttributeSource.Text)
        .ToArray();

    private static Task Verify(string body) =>
        AnalyzeAsync<TimestepCallSiteAnalyzer>(Declaration + "\npublic static class Use\n{\n    public static void M(int n, float t)\n    {\n" + body + "\n    }\n}\n", Generated);

    [Fact]
    public void TheGeneratedSourcesAreThere() => Assert.Equal(4, Generated.Length);

    [Theory]
    [InlineData("T.Row(0); T.Row(15); T.Row(n);")]
    [InlineData("T.Encode(0.5f, new float[8]); T.Encode(-1e30f, new float[9]); T.Encode(t, new float[8]);")]
    [InlineData("T.Encode(float.MaxValue, new float[8]);")]
    [InlineData("T.Encode(new float[3], new float[24]); T.Encode(new float[n], new float[2]);")]
    [InlineData("System.Span<float> d = stackalloc float[16]; T.Encode(new float[2], d);")]
    public Task CallsThatCanSucceedHaveNoDiagnostic(string body) => Verify(body);

    [Theory]
    [InlineData("T.Row({|PEG011:16|});")]
    [InlineData("T.Row({|PEG011:-1|});")]
    [InlineData("T.Row({|PEG011:timestep: 100|});")]
    [InlineData("T.Encode({|PEG011:float.NaN|}, new float[8]);")]
    [InlineData("T.Encode({|PEG011:float.PositiveInfinity|}, new float[8]);")]
    [InlineData("T.Encode({|PEG011:1f / 0f|}, new float[8]);")]
    [InlineData("T.Encode(1f, {|PEG011:new float[7]|});")]
    [InlineData("T.Encode(new float[3], {|PEG011:new float[23]|});")]
    [InlineData("System.Span<float> d = stackalloc float[15]; T.Encode(new float[2], {|PEG011:d|});")]
    public Task CallsThatMustFailArePEG011(string body) => Verify(body);

    [Fact]
    public Task InvalidDeclarationsAreNotChecked() =>
        AnalyzeAsync<TimestepCallSiteAnalyzer>(
            "[PEGen.TimestepEmbedding(Dim = 8, Steps = 16)] public static partial class T { public static void Row(int x) { } }\n" +
            "public static class Use { public static void M() { T.Row(100); } }\n", null, TimestepAttributeSource.Text);
}
