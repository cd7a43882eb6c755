using System.Threading.Tasks;
using PEGen.Diagnostics;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Diagnostics;

/// <summary>
/// PEG011 for every generated method, from the member catalogue's rules: which argument gives the rows,
/// how wide a row is (Dim, heads x Dim, embeddingDim, one id), how long the destination must be.
/// </summary>
public sealed class CallRulesForEveryMethodTests
{
    private const string Declarations =
        "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 16)] public static partial class P { }\n" +
        "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 16, Scheme = PEGen.EncodingScheme.Rope)] public static partial class R { }\n";
    private static readonly string[] Generated = GeneratedMembers(Declarations);

    private static Task Verify(string body) =>
        AnalyzeAsync<CallSiteAnalyzer>(Declarations + "public static class Use\n{\n    public static void M(int n)\n    {\n" + body + "\n    }\n}\n", Generated);

    [Theory]
    // ConcatTo counts rows of embeddingDim, not Dim: 6 floats of width 3 are 2 rows.
    [InlineData("P.ConcatTo(new float[6], 3, new float[22]);")]
    [InlineData("P.ConcatTo(new float[6], 3, new float[22], 14);")]
    [InlineData("P.ConcatTo(new float[6], n, new float[22]);")]
    [InlineData("P.Embed(new int[16], new float[80], new float[128]);")]
    [InlineData("P.Embed(new int[2], new float[80], new float[16], 14, 2f);")]
    [InlineData("P.Shift(new float[16], 1000, new float[16]);")]
    [InlineData("P.Shift(new float[16], -5, new float[20]);")]
    [InlineData("R.Rotate(new float[16 * 8]);")]
    [InlineData("R.Rotate(new float[16], 15, 2);")]
    [InlineData("R.Rotate(new float[32], new float[32], 0, 4);")]
    [InlineData("R.Rotate(new float[64], new float[64], 14, heads: 4);")]
    public Task CallsThatCanSucceedHaveNoDiagnostic(string body) => Verify(body);

    [Theory]
    [InlineData("P.ConcatTo({|PEG011:new float[7]|}, 3, new float[30]);")]
    [InlineData("P.ConcatTo(new float[6], {|PEG011:0|}, new float[30]);")]
    [InlineData("P.ConcatTo(new float[6], 3, {|PEG011:new float[21]|});")]
    [InlineData("P.ConcatTo({|PEG011:new float[51]|}, 3, new float[1000]);")]
    [InlineData("P.ConcatTo({|PEG011:new float[6]|}, 3, new float[22], 15);")]
    [InlineData("P.ConcatTo(new float[6], 3, new float[22], {|PEG011:16|});")]
    [InlineData("P.Embed({|PEG011:new int[17]|}, new float[80], new float[200]);")]
    [InlineData("P.Embed(new int[2], {|PEG011:new float[81]|}, new float[16]);")]
    [InlineData("P.Embed(new int[2], new float[80], {|PEG011:new float[15]|});")]
    [InlineData("P.Embed(new int[2], new float[80], new float[16], {|PEG011:-3|});")]
    [InlineData("P.Shift({|PEG011:new float[12]|}, 1, new float[16]);")]
    [InlineData("P.Shift(new float[16], 1, {|PEG011:new float[8]|});")]
    [InlineData("R.Rotate({|PEG011:new float[12]|});")]
    [InlineData("R.Rotate({|PEG011:new float[24]|}, 0, 2);")]
    [InlineData("R.Rotate(new float[16], 0, {|PEG011:0|});")]
    [InlineData("R.Rotate({|PEG011:new float[17 * 8]|});")]
    [InlineData("R.Rotate(new float[16], {|PEG011:-1|});")]
    [InlineData("R.Rotate(new float[32], {|PEG011:new float[31]|});")]
    [InlineData("R.Rotate({|PEG011:new float[64]|}, new float[64], 14, heads: 2);")]
    public Task CallsThatMustFailArePEG011OnTheArgument(string body) => Verify(body);
}
