using System.Threading.Tasks;
using PEGen.Diagnostics;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Diagnostics;

/// <summary>Each PEG001-PEG010 rule fires where it should, on the most useful span, and nowhere else.</summary>
public sealed class DeclarationAnalyzerTests
{
    private static Task Verify(string source, string? globalConfig = null) =>
        AnalyzeAsync<DeclarationAnalyzer>("using PEGen;\n" + source, globalConfig);

    [Theory]
    [InlineData("[PositionalEncoding(Dim = 512, MaxLen = 2048)] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 2, MaxLen = 1)] public static partial class Smallest { }")]
    [InlineData("[PositionalEncoding(Dim = 2, MaxLen = 6)] public static partial class BelowTwoPi { }")]
    [InlineData("[PositionalEncoding(Dim = 1024, MaxLen = 4096)] public static partial class ExactlyTheBudget { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Fairseq, PaddingIndex = 0)] public static partial class FirstRow { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Fairseq, PaddingIndex = 7)] public static partial class LastRow { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 6, Base = 1.0000001)] public static partial class BaseJustAboveOne { }")]
    [InlineData("namespace A.B { public partial class Outer { [PositionalEncoding(Dim = 8, MaxLen = 8)] internal partial class Inner { } } }")]
    [InlineData("[PEGen.PositionalEncoding(Dim = 8, MaxLen = 8)] partial class FullyQualified { }")]
    [InlineData("[PEGen.PositionalEncodingAttribute(Dim = 8, MaxLen = 8)] partial class WithSuffix { }")]
    [InlineData("public static class NotAnnotated { }")]
    public Task ValidDeclarationsHaveNoDiagnostics(string source) => Verify(source);

    [Fact]
    public Task NotPartialIsPEG001OnTheClassName() =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8)] public static class {|PEG001:P|} { }");

    [Fact]
    public Task NotPartialContainingClassIsPEG001() =>
        Verify("public class Outer { [PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class {|PEG001:Inner|} { } }");

    [Theory]
    [InlineData("[{|PEG002:PositionalEncoding(MaxLen = 8)|}] public static partial class P { }")]
    [InlineData("[PositionalEncoding({|PEG002:Dim = 0|}, MaxLen = 8)] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 8, {|PEG002:MaxLen = -1|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding({|PEG002:Dim = int.MinValue|}, MaxLen = 8)] public static partial class P { }")]
    public Task NonPositiveSizesArePEG002(string source) => Verify(source);

    [Fact]
    public Task OddDimIsPEG003OnTheArgument() =>
        Verify("[PositionalEncoding({|PEG003:Dim = 511|}, MaxLen = 8)] public static partial class P { }");

    [Fact]
    public Task NormalizedRangeIsPEG004() =>
        Verify("[PositionalEncoding(Dim = 8, MaxLen = 8, {|PEG004:Scheme = EncodingScheme.NormalizedRange|})] public static partial class P { }");

    [Fact]
    public Task LinearIsPEG005ThroughAnAlias() =>
        AnalyzeAsync<DeclarationAnalyzer>("""
            using PE = PEGen.PositionalEncodingAttribute;
            using S = PEGen.EncodingScheme;
            [PE(Dim = 8, MaxLen = 8, {|PEG005:Scheme = S.Linear|})] public static partial class P { }
            """);

    [Fact]
    public Task OverBudgetIsPEG006() =>
        Verify("[PositionalEncoding(Dim = 1024, MaxLen = 4097)] public static partial class {|PEG006:P|} { }");

    [Fact]
    public Task BudgetComesFromTheMSBuildProperty() =>
        Verify("[PositionalEncoding(Dim = 64, MaxLen = 64)] public static partial class {|PEG006:P|} { }",
            "build_property.PEGenMaxTableBytes = 16383\n");

    [Fact]
    public Task RaisedBudgetSilencesPEG006() =>
        Verify("[PositionalEncoding(Dim = 1024, MaxLen = 4097)] public static partial class P { }",
            "build_property.PEGenMaxTableBytes = 33554432\n");

    [Theory]
    [InlineData("[PositionalEncoding(Dim = 4096, MaxLen = 4097)] public static partial class {|PEG007:P|} { }")]
    [InlineData("[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class {|PEG007:P|} { }")]
    public Task TooLargeIsPEG007(string source) => Verify(source);

    [Fact]
    public Task OverflowingSizeIsPEG007() =>
        Verify("[PositionalEncoding({|PEG003:Dim = int.MaxValue|}, MaxLen = int.MaxValue)] public static partial class {|PEG007:P|} { }");

    [Fact]
    public Task MaxLenPastTheSlowestWavelengthIsPEG008() =>
        Verify("[PositionalEncoding(Dim = 2, {|PEG008:MaxLen = 7|})] public static partial class P { }");

    [Theory]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8)] public partial class {|PEG009:G|}<T> { }")]
    [InlineData("public partial class O<T> { [PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class {|PEG009:I|} { } }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8)] public partial record {|PEG009:R|} { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class {|PEG009:C|} { public static int Table => 0; }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8)] file static partial class {|PEG009:F|} { }")]
    public Task UnsupportedDeclarationsArePEG009(string source) => Verify(source);

    [Theory]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, {|PEG010:Base = 1|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, {|PEG010:Base = double.NaN|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, {|PEG010:Base = double.PositiveInfinity|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, {|PEG010:PaddingIndex = 1|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Fairseq, {|PEG010:PaddingIndex = 8|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Fairseq, {|PEG010:PaddingIndex = -2|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding({|PEG010:Dim = 127|}, MaxLen = 8, Scheme = EncodingScheme.Rope)] public static partial class P { }")]
    [InlineData("[PositionalEncoding({|PEG010:Dim = 383|}, MaxLen = 8, Scheme = EncodingScheme.Whisper)] public static partial class P { }")]
    [InlineData("[PositionalEncoding({|PEG010:Dim = 9|}, MaxLen = 8, Scheme = EncodingScheme.RopeInterleaved)] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 8, {|PEG010:Scheme = (EncodingScheme)42|})] public static partial class P { }")]
    public Task InvalidParametersArePEG010(string source) => Verify(source);
}
