using System.Threading.Tasks;
using PEGen.Diagnostics;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Diagnostics;

/// <summary>PEG011: constant arguments that make a generated method throw.</summary>
public sealed class CallSiteAnalyzerTests
{
    private const string Declaration = "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 16)] public static partial class P { }";
    private static readonly string[] Generated = GeneratedMembers(Declaration);

    private static Task Verify(string body) =>
        AnalyzeAsync<CallSiteAnalyzer>(Declaration + "\npublic static class Use\n{\n    static readonly float[] Field = new float[12];\n    public static void M(int n)\n    {\n" + body + "\n    }\n}\n", Generated);

    [Theory]
    [InlineData("P.AddTo(new float[8]);")]
    [InlineData("P.AddTo(new float[128]);")]
    [InlineData("P.AddTo(new float[8], 15);")]
    [InlineData("P.AddTo(new float[0], 16);")]
    [InlineData("P.AddTo(new float[n], -1 + n);")]
    [InlineData("P.Add(new float[16], new float[16], 14);")]
    [InlineData("P.Add(new float[16], new float[20]);")]
    [InlineData("P.Row(0); P.Row(15);")]
    [InlineData("System.Span<float> s = stackalloc float[24]; P.AddTo(s, 13);")]
    public Task CallsThatCanSucceedHaveNoDiagnostic(string body) => Verify(body);

    [Theory]
    [InlineData("P.AddTo({|PEG011:new float[7]|});")]
    [InlineData("P.AddTo(new float[8], {|PEG011:-1|});")]
    [InlineData("P.AddTo(new float[8], {|PEG011:16|});")]
    [InlineData("P.AddTo(new float[8], {|PEG011:startPosition: 17|});")]
    [InlineData("P.AddTo({|PEG011:new float[16]|}, 15);")]
    [InlineData("P.AddTo({|PEG011:new float[136]|}, n);")]
    [InlineData("P.Add(new float[16], {|PEG011:new float[15]|});")]
    [InlineData("P.Add({|PEG011:new float[9]|}, new float[9]);")]
    [InlineData("P.Row({|PEG011:16|});")]
    [InlineData("P.Row({|PEG011:-1|});")]
    [InlineData("P.AddTo({|PEG011:stackalloc float[12]|});")]
    [InlineData("P.AddTo({|PEG011:Field|});")]
    [InlineData("P.AddTo({|PEG011:new float[] { 1, 2, 3 }|});")]
    public Task CallsThatMustFailArePEG011OnTheArgument(string body) => Verify(body);
}
