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
        "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 16, Scheme = PEGen.EncodingScheme.Rope)] public static partial class R { }\n" +
        "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 16, Scheme = PEGen.EncodingScheme.Rope, Scaling = PEGen.RopeScaling.LongRope, Factor = 2, " +
        "OriginalMaxLen = 8, ShortFactors = new[] { 1.0, 1, 1, 1 }, LongFactors = new[] { 2.0, 2, 2, 2 })] public static partial class L { }\n";
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
    [InlineData("R.Rotate(new float[16], new int[2]);")]
    [InlineData("R.Rotate(new float[32], new int[2], 2);")]
    [InlineData("R.Rotate(new float[16], new float[16], new[] { 0, 15 });")]
    [InlineData("R.Rotate(new float[16], new[] { n, 3 });")]
    [InlineData("R.RotateQueryKey(new float[32], 4, new float[8], 1, 15);")]
    [InlineData("R.RotateQueryKey(new float[64], 4, new float[16], 1);")]
    [InlineData("R.RotateQueryKey(new float[64], n, new float[16], 1);")]
    [InlineData("L.Rotate(new float[16], 6, 1, PEGen.LongRopeFactors.Short);")]
    [InlineData("L.Rotate(new float[16], 14, 1, PEGen.LongRopeFactors.Long);")]
    [InlineData("L.Rotate(new float[16], new float[16], 14, 1, PEGen.LongRopeFactors.Auto);")]
    [InlineData("L.Rotate(new float[16], n, 1, PEGen.LongRopeFactors.Short);")]
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
    // One position per row: exactly positions x heads x Dim, every constant position below MaxLen.
    [InlineData("R.Rotate({|PEG011:new float[24]|}, new int[2]);")]
    [InlineData("R.Rotate({|PEG011:new float[12]|}, new int[1]);")]
    [InlineData("R.Rotate({|PEG011:new float[32]|}, new int[1], 2);")]
    [InlineData("R.Rotate(new float[16], new int[2], {|PEG011:0|});")]
    [InlineData("R.Rotate(new float[16], {|PEG011:new[] { 0, 16 }|});")]
    [InlineData("R.Rotate(new float[16], {|PEG011:new int[] { -1, 0 }|});")]
    [InlineData("R.Rotate(new float[16], {|PEG011:new float[15]|}, new int[2]);")]
    // Queries and keys: heads, whole rows of each, as many rows in both, positions.
    [InlineData("R.RotateQueryKey(new float[32], {|PEG011:0|}, new float[8], 1);")]
    [InlineData("R.RotateQueryKey(new float[32], 4, new float[8], {|PEG011:-1|});")]
    [InlineData("R.RotateQueryKey({|PEG011:new float[12]|}, 1, new float[8], 1);")]
    [InlineData("R.RotateQueryKey(new float[32], 4, {|PEG011:new float[12]|}, 1);")]
    [InlineData("R.RotateQueryKey(new float[32], 4, {|PEG011:new float[16]|}, 1);")]
    [InlineData("R.RotateQueryKey(new float[32], 4, new float[8], 1, {|PEG011:-2|});")]
    [InlineData("R.RotateQueryKey({|PEG011:new float[64]|}, 4, new float[16], 1, 15);")]
    // LongRopeFactors: Short only below OriginalMaxLen = 8, and a defined value.
    [InlineData("L.Rotate(new float[16], {|PEG011:7|}, 1, PEGen.LongRopeFactors.Short);")]
    [InlineData("L.Rotate(new float[16], new float[16], {|PEG011:8|}, 1, PEGen.LongRopeFactors.Short);")]
    [InlineData("L.Rotate(new float[16], 0, 1, {|PEG011:(PEGen.LongRopeFactors)3|});")]
    [InlineData("L.Rotate(new float[16], {|PEG011:-1|}, 1, PEGen.LongRopeFactors.Long);")]
    [InlineData("L.Rotate(new float[16], 0, {|PEG011:0|}, PEGen.LongRopeFactors.Auto);")]
    public Task CallsThatMustFailArePEG011OnTheArgument(string body) => Verify(body);
}
