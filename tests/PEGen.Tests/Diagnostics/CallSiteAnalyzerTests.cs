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

    [Theory]
    [InlineData("System.Span<float> s = stackalloc float[8 * 17]; P.AddTo({|PEG011:s|});")]
    [InlineData("var a = new float[8 * 17]; P.AddTo({|PEG011:a|});")]
    [InlineData("float[] a = new float[7]; P.Row(0); P.AddTo({|PEG011:a|});")]
    [InlineData("var a = new float[16]; P.AddTo({|PEG011:a|}, 15);")]
    [InlineData("var a = Field; P.AddTo({|PEG011:a|});")]
    [InlineData("var a = new float[136]; var b = a; P.AddTo({|PEG011:b|});")]
    [InlineData("var a = new float[136]; System.Func<int> f = () => a.Length; a[0] = 1; a.CopyTo(new float[136], 0); P.AddTo({|PEG011:a|});")]
    public Task UnchangedLocalsCarryTheirLength(string body) => Verify(body);

    [Theory]
    [InlineData("var a = new float[16]; P.AddTo(a);")]
    [InlineData("System.Span<float> s = stackalloc float[8 * 16]; s.Clear(); P.AddTo(s);")]
    [InlineData("var a = new float[136]; a = new float[8]; P.AddTo(a);")]
    [InlineData("System.Span<float> s = stackalloc float[136]; s = s[..8]; P.AddTo(s);")]
    [InlineData("var a = new float[136]; a ??= new float[8]; P.AddTo(a);")]
    [InlineData("var a = new float[136]; System.Array.Resize(ref a, 8); P.AddTo(a);")]
    [InlineData("var a = new float[136]; for (int i = 0; i < n; i++) a = new float[8]; P.AddTo(a);")]
    [InlineData("var a = new float[136]; float[] b; (a, b) = (new float[8], new float[8]); P.AddTo(a);")]
    [InlineData("var a = new float[136]; float[] b; ((a, b), n) = ((new float[8], new float[8]), 1); P.AddTo(a);")]
    [InlineData("float[] a; a = new float[136]; P.AddTo(a);")]
    [InlineData("var a = new float[136]; ref float[] r = ref a; r = new float[8]; P.AddTo(a);")]
    [InlineData("var a = new float[136]; System.Action f = () => a = new float[8]; f(); P.AddTo(a);")]
    [InlineData("var a = new float[136]; void Reset() { a = new float[8]; } Reset(); P.AddTo(a);")]
    [InlineData("var a = new float[136]; var b = a; b = new float[8]; P.AddTo(b);")]
    [InlineData("var a = new float[n]; P.AddTo(a);")]
    public Task ChangedOrUnknownLocalsHaveNoDiagnostic(string body) => Verify(body);

    [Fact]
    public Task ExtensionTakingTheLocalByRefMayChangeIt() =>
        AnalyzeAsync<CallSiteAnalyzer>(Declaration + """

            public static class Ext
            {
                public static void Reset(this ref System.Span<float> s) => s = default;
                public static int Count(this System.Span<float> s) => s.Length;
            }
            public static class Use
            {
                public static void ByRef() { System.Span<float> s = stackalloc float[136]; s.Reset(); P.AddTo(s); }
                public static void ByValue() { System.Span<float> s = stackalloc float[136]; s.Count(); P.AddTo({|PEG011:s|}); }
            }
            """, Generated);
}
