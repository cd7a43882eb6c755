using System.Threading.Tasks;
using PEGen.Diagnostics;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Diagnostics;

/// <summary>
/// PEG009 for members the user already declared: the generated member of that name clashes unless both
/// are methods with different parameter types (an overload is fine, as C# allows it).
/// </summary>
public sealed class MemberConflictTests
{
    private static Task Verify(string source) => AnalyzeAsync<DeclarationAnalyzer>("using PEGen;\n" + source);

    [Theory]
    [InlineData("public static int Row(string name) => 0;")]
    [InlineData("public static void AddTo(float[] embeddings) { }")]
    [InlineData("public static void AddTo(System.Span<float> embeddings, long startPosition) { }")]
    [InlineData("public static void AddTo(ref System.Span<float> embeddings, int startPosition) { }")]
    [InlineData("public static void Rotate(System.Span<float> vectors) { }")]
    [InlineData("public static int Cos => 0;")]
    public Task OverloadsAndMembersOfOtherSchemesAreFine(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class P { " + member + " }");

    [Theory]
    [InlineData("public static int Table => 0;")]
    [InlineData("public const int Dim = 8;")]
    [InlineData("public static System.ReadOnlySpan<float> Row(int p) => default;")]
    [InlineData("public static void AddTo(System.Span<float> e, int s) { }")]
    [InlineData("public static void Add(System.ReadOnlySpan<float> e, System.Span<float> d, int s) { }")]
    [InlineData("public static void ConcatTo(System.ReadOnlySpan<float> e, int w, System.Span<float> d, int s) { }")]
    [InlineData("public static void Shift(System.ReadOnlySpan<float> e, int k, System.Span<float> d) { }")]
    [InlineData("public static int AddTo;")]
    [InlineData("public class Embed { }")]
    public Task SameNameAndParameterTypesArePEG009(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class {|PEG009:P|} { " + member + " }");

    [Theory]
    [InlineData("public static void Rotate(System.Span<float> v, int s, int h) { }")]
    [InlineData("public static void Rotate(System.ReadOnlySpan<float> v, System.Span<float> d, int s, int h) { }")]
    [InlineData("public static float Sin => 0;")]
    public Task RotaryMembersArePEG009OnRotaryClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope)] public static partial class {|PEG009:R|} { " + member + " }");

    [Fact]
    public Task ShiftIsNotGeneratedForLinearSoItsNameIsFree() =>
        Verify("#pragma warning disable PEG005\n[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Linear)] public static partial class L { " +
               "public static void Shift(System.ReadOnlySpan<float> e, int k, System.Span<float> d) { } }");
}
