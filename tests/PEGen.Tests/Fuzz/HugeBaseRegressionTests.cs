using System.Linq;

namespace PEGen.Tests.Fuzz;

/// <summary>
/// Found by <see cref="FrontEndFuzzTests"/>: a finite Base above about e^600 (1e300,
/// double.MaxValue; 1e308 with Dim = 16) makes EncodingValidator.CheckWavelength call
/// ExactSinusoid.InverseFrequency, which throws ArgumentOutOfRangeException ("Base^(-num/den) is
/// outside 1e-260..1e260"). The generator then fails with CS8785 (and drops every other output of
/// the compilation) and DeclarationAnalyzer with AD0001. Fixed: Base above 1e15 is PEG010, and the
/// wavelength check no longer asks for frequencies outside the exact path's range.
/// </summary>
public sealed class HugeBaseRegressionTests
{
    [Theory]
    [InlineData("[PositionalEncoding(Dim = 4, MaxLen = 1, Scheme = EncodingScheme.Whisper, Base = 1e300)] public static partial class Pe0x { }")]
    [InlineData("[PositionalEncoding(Dim = 16, MaxLen = 2, Base = 1e308)] public static partial class Pe0x { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 2, Scheme = EncodingScheme.Rope, Base = double.MaxValue)] public static partial class Pe0x { }")]
    public void HugeFiniteBaseNeitherCrashesNorFailsSilently(string declaration)
    {
        var c = new DeclarationCase
        {
            Index = 0, Seed = 0, Files = new[] { ("Case0_a.cs", "using PEGen;\n" + declaration) },
            Kind = Expectation.Valid, PredictedErrors = new(), RequiredWarnings = new(),
            AllowedWarnings = new() { "PEG003", "PEG008", "PEG010" }, ClassToken = "Pe0x", Summary = "huge Base",
        };
        // Either a PEG010 (Base rejected) or a valid table is acceptable; a crash is not.
        try
        {
            FrontEndFuzzTests.CheckBatch(new[] { c });
        }
        catch (Xunit.Sdk.XunitException e) when (!e.Message.Contains("threw", System.StringComparison.Ordinal) && !e.Message.Contains("crash", System.StringComparison.Ordinal))
        {
            Assert.Contains("PEG010", e.Message);
        }
    }
}
