using System.Threading.Tasks;
using PEGen.Diagnostics;
using PEGen.Families.Timestep;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Families;

/// <summary>[TimestepEmbedding]'s declaration rules (PEG001, PEG002, PEG006, PEG007, PEG009, PEG010) on the offending span.</summary>
public sealed class TimestepDiagnosticsTests
{
    private static Task Verify(string source, string? globalConfig = null) =>
        AnalyzeAsync<TimestepDeclarationAnalyzer>("using PEGen;\n" + source, globalConfig, TimestepAttributeSource.Text);

    [Theory]
    [InlineData("[TimestepEmbedding(Dim = 320, Steps = 1000, FlipSinToCos = true, FreqShift = 0)] public static partial class Sd { }")]
    [InlineData("[TimestepEmbedding(Dim = 128, Steps = 1000)] internal static partial class Ddpm { }")]
    [InlineData("[TimestepEmbedding(Dim = 256, Steps = 1000, FlipSinToCos = true, FreqShift = 0)] partial class DiT { }")]
    [InlineData("[TimestepEmbedding(Dim = 33, Steps = 100)] partial class Odd { }")]
    [InlineData("[TimestepEmbedding(Dim = 4, Steps = 1, FreqShift = 1.999)] partial class JustBelowHalf { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, FreqShift = -3, Scale = 1e-3, MaxPeriod = 0.5)] partial class Unusual { }")]
    [InlineData("[TimestepEmbedding(Dim = 1, Steps = 3, FreqShift = -1)] partial class OneZeroColumn { }")]
    [InlineData("[TimestepEmbedding(Dim = 1024, Steps = 4096)] partial class ExactlyTheBudget { }")]
    [InlineData("namespace A { public partial class Outer { [TimestepEmbedding(Dim = 8, Steps = 8)] internal partial class Inner { } } }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8)] partial class Overload { public static void Encode(double t) { } }")]
    public Task ValidDeclarationsHaveNoDiagnostics(string source) => Verify(source);

    [Fact]
    public Task NotPartialIsPEG001() =>
        Verify("[TimestepEmbedding(Dim = 8, Steps = 8)] public static class {|PEG001:T|} { }");

    [Theory]
    [InlineData("[{|PEG002:TimestepEmbedding(Steps = 8)|}] partial class T { }")]
    [InlineData("[TimestepEmbedding({|PEG002:Dim = 0|}, Steps = 8)] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, {|PEG002:Steps = -1|})] partial class T { }")]
    public Task NonPositiveSizesArePEG002(string source) => Verify(source);

    [Theory]
    // diffusers' half_dim - downscale_freq_shift must be positive: Dim / 2 in integer division.
    [InlineData("[TimestepEmbedding(Dim = 320, Steps = 8, {|PEG010:FreqShift = 160|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 3, Steps = 8, {|PEG010:FreqShift = 1|})] partial class T { }")]
    [InlineData("[{|PEG010:TimestepEmbedding(Dim = 2, Steps = 8)|}] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:FreqShift = double.NaN|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:FreqShift = double.NegativeInfinity|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:Scale = 0|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:Scale = -1|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:Scale = double.PositiveInfinity|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:Scale = 1e39|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:Scale = 1e-46|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:MaxPeriod = 0|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:MaxPeriod = double.NaN|})] partial class T { }")]
    [InlineData("[TimestepEmbedding(Dim = 8, Steps = 8, {|PEG010:MaxPeriod = -10000|})] partial class T { }")]
    public Task InvalidParametersArePEG010(string source) => Verify(source);

    [Fact]
    public Task DefaultFreqShiftWithDimTwoIsPEG010OnTheClass() =>
        Verify("[{|PEG010:TimestepEmbedding(Dim = 3, Steps = 8)|}] partial class T { }");

    [Fact]
    public Task OverBudgetIsPEG006() =>
        Verify("[TimestepEmbedding(Dim = 1024, Steps = 4097)] partial class {|PEG006:T|} { }");

    [Fact]
    public Task BudgetFollowsTheMSBuildProperty() =>
        Verify("[TimestepEmbedding(Dim = 320, Steps = 1000)] partial class {|PEG006:T|} { }", "build_property.PEGenMaxTableBytes = 1000000");

    [Fact]
    public Task PastTheHardCapIsPEG007() =>
        Verify("[TimestepEmbedding(Dim = 4096, Steps = 4097)] partial class {|PEG007:T|} { }");

    [Fact]
    public Task OverflowingSizeIsPEG007() =>
        Verify("[TimestepEmbedding(Dim = int.MaxValue, Steps = int.MaxValue)] partial class {|PEG007:T|} { }");

    [Fact]
    public Task ExistingMemberIsPEG009() =>
        Verify("[TimestepEmbedding(Dim = 8, Steps = 8)] partial class {|PEG009:T|} { public static void Encode(float t, System.Span<float> d) { } }");

    [Fact]
    public Task ExistingStepsIsPEG009() =>
        Verify("[TimestepEmbedding(Dim = 8, Steps = 8)] partial class {|PEG009:T|} { const int Steps = 3; }");

    [Fact]
    public Task GenericClassIsPEG009() =>
        Verify("[TimestepEmbedding(Dim = 8, Steps = 8)] partial class {|PEG009:T|}<X> { }");
}
