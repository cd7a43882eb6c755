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
    [InlineData("public static void CopyRows(int s, System.Span<float> d) { }")]
    [InlineData("public static int CopyRows => 0;")]
    public Task SameNameAndParameterTypesArePEG009(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class {|PEG009:P|} { " + member + " }");

    [Theory]
    [InlineData("public static void Rotate(System.Span<float> v, int s, int h) { }")]
    [InlineData("public static void Rotate(System.ReadOnlySpan<float> v, System.Span<float> d, int s, int h) { }")]
    [InlineData("public static float Sin => 0;")]
    public Task RotaryMembersArePEG009OnRotaryClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope)] public static partial class {|PEG009:R|} { " + member + " }");

    [Theory]
    [InlineData("public const int RotaryDim = 8;")]
    [InlineData("public static double AttentionFactor => 1;")]
    [InlineData("public static System.ReadOnlySpan<float> InverseFrequencies => default;")]
    [InlineData("public static void Rotate(System.Span<float> v, System.ReadOnlySpan<int> p, int h) { }")]
    [InlineData("public static void Rotate(System.ReadOnlySpan<float> v, System.Span<float> d, System.ReadOnlySpan<int> p, int h) { }")]
    [InlineData("public static void RotateQueryKey(System.Span<float> q, int qh, System.Span<float> k, int kh, int s) { }")]
    [InlineData("public static int RotateQueryKey;")]
    public Task NewRotaryMembersArePEG009OnEveryRotaryClass(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 4)] public static partial class {|PEG009:R|} { " + member + " }");

    [Theory]
    [InlineData("public static float[] ShortCos;")]
    [InlineData("public static int ShortSin => 0;")]
    [InlineData("public static int ShortInverseFrequencies() => 0;")]
    [InlineData("public static void Rotate(System.Span<float> v, int s, int h, PEGen.LongRopeFactors f) { }")]
    [InlineData("public static void Rotate(System.ReadOnlySpan<float> v, System.Span<float> d, int s, int h, PEGen.LongRopeFactors f) { }")]
    public Task LongRopeMembersArePEG009OnLongRopeClasses(string member) =>
        Verify(LongRope("{|PEG009:L|}", member));

    [Theory]
    [InlineData("public static float[] ShortCos;")]
    [InlineData("public static void Rotate(System.Span<float> v, int s, int h, PEGen.LongRopeFactors f) { }")]
    public Task LongRopeMembersAreFreeOnOtherRotaryClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope)] public static partial class R { " + member + " }");

    [Theory]
    [InlineData("public static void Rotate(System.Span<float> v, System.ReadOnlySpan<int> p) { }")]
    [InlineData("public static void Rotate(System.Span<float> v, int s, int h, int f) { }")]
    [InlineData("public static void RotateQueryKey(System.Span<float> q, System.Span<float> k) { }")]
    public Task OverloadsOfTheNewRotaryMethodsAreFine(string member) => Verify(LongRope("L", member));

    private static string LongRope(string name, string member) =>
        "[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.LongRope, Factor = 2, OriginalMaxLen = 4, " +
        "ShortFactors = new[] { 1.0, 1, 1, 1 }, LongFactors = new[] { 2.0, 2, 2, 2 })] public static partial class " + name + " { " + member + " }";

    [Theory]
    [InlineData("public static void CopyRows(System.Span<float> d) { }")]
    [InlineData("public static void CopyRows(long s, System.Span<float> d) { }")]
    public Task OverloadsOfCopyRowsAreFine(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class P { " + member + " }");

    [Theory]
    [InlineData("public static void CopyCosSin(int s, System.Span<float> c, System.Span<float> n) { }")]
    [InlineData("public static float[] CopyCosSin;")]
    public Task CopyCosSinIsPEG009OnRotaryClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope)] public static partial class {|PEG009:R|} { " + member + " }");

    [Fact]
    public Task CopyShortCosSinIsPEG009OnLongRopeClasses() =>
        Verify(LongRope("{|PEG009:L|}", "public static void CopyShortCosSin(int s, System.Span<float> c, System.Span<float> n) { }"));

    [Theory]
    [InlineData("public static void CopyCosSin(int s, System.Span<float> c, System.Span<float> n) { }")]
    [InlineData("public static void CopyShortCosSin(int s, System.Span<float> c, System.Span<float> n) { }")]
    public Task RotaryCopiesAreFreeOnAdditiveClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class P { " + member + " }");

    [Theory]
    [InlineData("public static void CopyShortCosSin(int s, System.Span<float> c, System.Span<float> n) { }")]
    [InlineData("public static void CopyRows(int s, System.Span<float> d) { }")]
    public Task CopyShortCosSinAndCopyRowsAreFreeOnOtherRotaryClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope)] public static partial class R { " + member + " }");

    // TableStorage.Compact (SPEC section 6): the members that expose the whole table are not generated, so their names are
    // the user's; every other member, CopyRows and CopyCosSin included, still is.
    [Theory]
    [InlineData("public static int Table => 0;")]
    [InlineData("public static System.ReadOnlySpan<float> Row(int p) => default;")]
    [InlineData("public class Row { }")]
    public Task TableAndRowAreFreeOnCompactClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Storage = TableStorage.Compact)] public static partial class P { " + member + " }");

    [Theory]
    [InlineData("public static float[] Cos;")]
    [InlineData("public static int Sin => 0;")]
    public Task CosAndSinAreFreeOnCompactRotaryClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope, Storage = TableStorage.Compact)] public static partial class R { " + member + " }");

    [Theory]
    [InlineData("public static float[] ShortCos;")]
    [InlineData("public static int ShortSin => 0;")]
    public Task ShortTablesAreFreeOnCompactLongRopeClasses(string member) =>
        Verify(LongRope("L", member).Replace("LongFactors = new[] { 2.0, 2, 2, 2 })", "LongFactors = new[] { 2.0, 2, 2, 2 }, Storage = TableStorage.Compact)"));

    [Theory]
    [InlineData("public static void CopyRows(int s, System.Span<float> d) { }")]
    [InlineData("public static void AddTo(System.Span<float> e, int s) { }")]
    [InlineData("public static void Shift(System.ReadOnlySpan<float> e, int k, System.Span<float> d) { }")]
    [InlineData("public const int Dim = 8;")]
    public Task OtherMembersConflictOnCompactClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Storage = TableStorage.Compact)] public static partial class {|PEG009:P|} { " + member + " }");

    [Theory]
    [InlineData("public static void CopyCosSin(int s, System.Span<float> c, System.Span<float> n) { }")]
    [InlineData("public static void Rotate(System.Span<float> v, int s, int h) { }")]
    [InlineData("public static System.ReadOnlySpan<float> InverseFrequencies => default;")]
    public Task OtherMembersConflictOnCompactRotaryClasses(string member) =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope, Storage = TableStorage.Compact)] public static partial class {|PEG009:R|} { " + member + " }");

    [Fact]
    public Task CopyShortCosSinConflictsOnCompactLongRopeClasses() =>
        Verify(LongRope("{|PEG009:L|}", "public static void CopyShortCosSin(int s, System.Span<float> c, System.Span<float> n) { }")
            .Replace("LongFactors = new[] { 2.0, 2, 2, 2 })", "LongFactors = new[] { 2.0, 2, 2, 2 }, Storage = TableStorage.Compact)"));

    [Fact]
    public Task TableStillConflictsOnCompactLinearClasses() =>
        // Compact changes nothing for Linear: Table is generated.
        Verify("#pragma warning disable PEG005\n[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Linear, Storage = TableStorage.Compact)] " +
               "public static partial class {|PEG009:L|} { public static int Table => 0; }");

    [Fact]
    public Task ShiftIsNotGeneratedForLinearSoItsNameIsFree() =>
        Verify("#pragma warning disable PEG005\n[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Linear)] public static partial class L { " +
               "public static void Shift(System.ReadOnlySpan<float> e, int k, System.Span<float> d) { } }");
}
