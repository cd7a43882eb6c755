using System.Linq;
using System.Threading.Tasks;
using PEGen.Diagnostics;
using PEGen.Families.Alibi;
using PEGen.Tests.Support;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Alibi;

/// <summary>The declaration rules of [AlibiBias] (PEG001, PEG002, PEG006/PEG007, PEG009, PEG010, PEG018) and PEG011 for AddBias.</summary>
public sealed class AlibiDiagnosticsTests
{
    private static Task Verify(string source) =>
        AnalyzeAsync<AlibiDeclarationAnalyzer>("using PEGen;\n" + source, null, AlibiAttributeSource.Text);

    [Theory]
    [InlineData("[AlibiBias(Heads = 32)] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 1)] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 12, Reference = AlibiReference.Bloom)] public partial class P { }")]
    [InlineData("[AlibiBias(Heads = 12, Reference = AlibiReference.Mpt)] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 12, Reference = AlibiReference.Mpt, MaxBias = 0.5)] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 12, Reference = AlibiReference.Paper)] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 4194304)] public static partial class ExactlyTheBudget { }")]
    [InlineData("namespace A { public partial class Outer { [AlibiBias(Heads = 8)] internal partial class Inner { } } }")]
    [InlineData("public partial class P { public static void AddBias(System.Span<float> scores, int keyCount) { } [AlibiBias(Heads = 2)] partial class Q { } }")]
    public Task ValidDeclarationsHaveNoDiagnostics(string source) => Verify(source);

    [Fact]
    public Task NotPartialIsPEG001() => Verify("[AlibiBias(Heads = 8)] public static class {|PEG001:P|} { }");

    [Theory]
    [InlineData("[{|PEG002:AlibiBias|}] public static partial class P { }")]
    [InlineData("[{|PEG002:AlibiBias()|}] public static partial class P { }")]
    [InlineData("[AlibiBias({|PEG002:Heads = 0|})] public static partial class P { }")]
    [InlineData("[AlibiBias({|PEG002:Heads = -32|})] public static partial class P { }")]
    [InlineData("[AlibiBias({|PEG002:Heads = int.MinValue|}, Reference = AlibiReference.Mpt)] public static partial class P { }")]
    public Task HeadsBelowOneArePEG002(string source) => Verify(source);

    [Theory]
    [InlineData("[AlibiBias(Heads = 8, {|PEG010:Reference = (AlibiReference)3|})] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 8, {|PEG010:Reference = (AlibiReference)(-1)|})] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 8, Reference = AlibiReference.Mpt, {|PEG010:MaxBias = 0|})] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 8, Reference = AlibiReference.Mpt, {|PEG010:MaxBias = -8|})] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 8, Reference = AlibiReference.Mpt, {|PEG010:MaxBias = double.NaN|})] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 8, Reference = AlibiReference.Mpt, {|PEG010:MaxBias = double.PositiveInfinity|})] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 8, {|PEG010:MaxBias = -1|})] public static partial class P { }")]
    public Task InvalidReferenceOrMaxBiasArePEG010(string source) => Verify(source);

    [Theory]
    [InlineData("[AlibiBias(Heads = 8, {|PEG018:MaxBias = 8|})] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 8, Reference = AlibiReference.Bloom, {|PEG018:MaxBias = 16|})] public static partial class P { }")]
    [InlineData("[AlibiBias(Heads = 8, Reference = AlibiReference.Paper, {|PEG018:MaxBias = 0.5|})] public static partial class P { }")]
    public Task MaxBiasWithoutMptIsPEG018(string source) => Verify(source);

    [Fact]
    public Task OverBudgetIsPEG006OnHeads() =>
        Verify("[AlibiBias({|PEG006:Heads = 4194305|})] public static partial class P { }");

    [Fact]
    public Task PastTheHardCapIsPEG007OnHeads() =>
        Verify("[AlibiBias({|PEG007:Heads = 16777217|})] public static partial class P { }");

    [Theory]
    [InlineData("public static partial class {|PEG009:P|} { public static int Heads => 1; }")]
    [InlineData("public static partial class {|PEG009:P|} { public static void AddBias(System.Span<float> s, int k, int p) { } }")]
    [InlineData("public static partial class {|PEG009:P|} { public static float[] Slopes = null; }")]
    public Task ExistingMembersArePEG009(string tail) => Verify("[AlibiBias(Heads = 8)] " + tail);

    [Fact]
    public Task ASecondPEGenAttributeIsPEG009() =>
        AnalyzeAsync<AlibiDeclarationAnalyzer>(
            "using PEGen;\n[AlibiBias(Heads = 8), PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class {|PEG009:P|} { }",
            null, AlibiAttributeSource.Text);

    // ---- PEG011 ----

    private const string Declaration = "[PEGen.AlibiBias(Heads = 4)] public static partial class A { }";
    private static readonly string[] Generated = AlibiGenerated(Declaration);

    internal static string[] AlibiGenerated(string declaration) =>
        new[] { AlibiAttributeSource.Text }.Concat(GeneratorHarness.Run(declaration).Result.Results[0].GeneratedSources
            .Where(s => s.HintName.EndsWith(".AlibiBias.g.cs", System.StringComparison.Ordinal))
            .Select(s => s.SourceText.ToString())).ToArray();

    private static Task VerifyCall(string body) =>
        AnalyzeAsync<AlibiCallSiteAnalyzer>(Declaration + "\npublic static class Use\n{\n    static readonly float[] Field = new float[12];\n    public static void M(int n)\n    {\n" + body + "\n    }\n}\n", Generated);

    [Theory]
    [InlineData("A.AddBias(new float[4 * 8], 8);")]
    [InlineData("A.AddBias(new float[4 * 8 * 3], 8, 100);")]
    [InlineData("A.AddBias(new float[0], 1, 16777216);")]
    [InlineData("A.AddBias(new float[4], 1, 16777216);")]
    [InlineData("A.AddBias(new float[8], 1, 16777215);")]
    [InlineData("A.AddBias(new float[n], n, n);")]
    [InlineData("A.AddBias(new float[12], 3);")]
    [InlineData("A.AddBias(Field, 1, startPosition: 5);")]
    [InlineData("System.Span<float> s = stackalloc float[16]; A.AddBias(s, 4);")]
    public Task CallsThatCanSucceedHaveNoDiagnostic(string body) => VerifyCall(body);

    [Theory]
    [InlineData("A.AddBias(new float[4], {|PEG011:0|});")]
    [InlineData("A.AddBias(new float[4], {|PEG011:-1|});")]
    [InlineData("A.AddBias(new float[n], {|PEG011:16777218|});")]
    [InlineData("A.AddBias({|PEG011:new float[10]|}, 1);")]
    [InlineData("A.AddBias({|PEG011:Field|}, 2);")]
    [InlineData("A.AddBias(new float[4], 1, {|PEG011:-1|});")]
    [InlineData("A.AddBias(new float[n], n, {|PEG011:16777217|});")]
    [InlineData("A.AddBias(new float[8], 1, {|PEG011:16777216|});")]
    [InlineData("A.AddBias(new float[8], 1, {|PEG011:startPosition: 16777216|});")]
    [InlineData("System.Span<float> s = stackalloc float[18]; A.AddBias({|PEG011:s|}, 3);")]
    public Task CallsThatMustFailArePEG011OnTheArgument(string body) => VerifyCall(body);
}
