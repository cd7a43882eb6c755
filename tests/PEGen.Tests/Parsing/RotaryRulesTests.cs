using System.Linq;
using PEGen.Model;
using static PEGen.Tests.Support.Declarations;

namespace PEGen.Tests.Parsing;

/// <summary>SPEC section 5's rules: which property fires which issue, where, and what it says.</summary>
public sealed class RotaryRulesTests
{
    private const string Rope = "Dim = 64, MaxLen = 64, Scheme = EncodingScheme.Rope";
    private const string Llama3 = Rope + ", Scaling = RopeScaling.Llama3, Factor = 8, OriginalMaxLen = 32";
    private const string Yarn = Rope + ", Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 32";
    private static readonly string Factors16 = "new double[] { " + string.Join(", ", Enumerable.Repeat("1.5", 16)) + " }";
    private static readonly string LongRope = "Dim = 32, MaxLen = 64, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.LongRope, Factor = 2, OriginalMaxLen = 32, ShortFactors = "
                                              + Factors16 + ", LongFactors = " + Factors16;

    private static ValidationIssue Single(string declaration, string id)
    {
        var issues = Check(declaration).Issues;
        Assert.True(issues.Count == 1, string.Join("\n", issues.Select(i => i.Id + " " + i.Argument + " " + string.Join(" | ", i.MessageArguments))));
        Assert.Equal(id, issues[0].Id);
        return issues[0];
    }

    private static string Message(ValidationIssue issue) => string.Join(" | ", issue.MessageArguments);

    [Theory]
    [InlineData(Llama3)]
    [InlineData(Yarn)]
    [InlineData(Yarn + ", BetaFast = 16, BetaSlow = 16")]                 // low == high: transformers' +0.001 guard
    [InlineData(Yarn + ", Truncate = false, Mscale = 0.707, MscaleAllDim = 0.707")]
    [InlineData(Yarn + ", AttentionFactor = 1.2")]
    [InlineData(Rope + ", Scaling = RopeScaling.Linear, Factor = 1")]
    [InlineData("Dim = 64, MaxLen = 6, Scheme = EncodingScheme.Rope, RotaryDim = 2")]
    [InlineData(Rope + ", RotaryDim = 64")]
    [InlineData(Rope + ", RotaryDim = 0")]
    [InlineData("Dim = 64, MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 16, Scaling = RopeScaling.Llama3, Factor = 8, OriginalMaxLen = 32, LowFreqFactor = 2, HighFreqFactor = 3")]
    public void ValidScalingHasNoIssue(string declaration) => Assert.Empty(Check(declaration).Issues);

    [Fact]
    public void LongRopeWithBothTablesInUseIsValid() => Assert.Empty(Check(LongRope).Issues);

    [Theory]
    [InlineData("Scaling = RopeScaling.Linear, Factor = 2", "Scaling")]
    [InlineData("RotaryDim = 32", "RotaryDim")]
    [InlineData("ConfigFile = \"config.json\"", "ConfigFile")]
    [InlineData("Truncate = true", "Truncate")]
    [InlineData("ShortFactors = new double[] { 1 }", "ShortFactors")]
    public void ScalingPropertiesOnANonRotarySchemeArePEG010(string properties, string first)
    {
        var issues = Check("Dim = 64, MaxLen = 64, " + properties).Issues;
        Assert.All(issues, i => Assert.Equal("PEG010", i.Id));
        Assert.Equal(first, issues[0].Argument);
        Assert.Contains("rotary schemes only", Message(issues[0]));
    }

    [Fact]
    public void UndefinedScalingIsPEG010() =>
        Assert.Equal("Scaling", Single(Rope + ", Scaling = (RopeScaling)9", "PEG010").Argument);

    [Theory]
    [InlineData("Scaling = RopeScaling.Linear", "missing")]
    [InlineData("Scaling = RopeScaling.Linear, Factor = 0", "0 (unset)")]
    [InlineData("Scaling = RopeScaling.Linear, Factor = 0.5", "0.5")]
    [InlineData("Scaling = RopeScaling.Linear, Factor = double.NaN", "NaN")]
    [InlineData("Scaling = RopeScaling.Linear, Factor = double.PositiveInfinity", "Infinity")]
    [InlineData("Scaling = RopeScaling.Linear, Factor = 1e39", "1E+39")]
    [InlineData("Scaling = RopeScaling.Llama3, OriginalMaxLen = 32", "missing")]
    public void FactorMissingOrBelowOneIsPEG010(string properties, string shown)
    {
        var issue = Single(Rope + ", " + properties, "PEG010");
        Assert.Equal(("Factor", shown), (issue.Argument, issue.MessageArguments[1]));
    }

    [Fact]
    public void LongRopeWithoutFactorExplainsTheRatio()
    {
        var issue = Single(LongRope.Replace("Factor = 2, ", ""), "PEG010");
        Assert.Equal("Factor", issue.Argument);
        Assert.Contains("131072 / 4096 = 32", Message(issue));
        Assert.Contains("64 / 32 = 2", Message(issue));   // this declaration's MaxLen / OriginalMaxLen, offered with its condition
        Assert.Contains("never derives it from MaxLen", Message(issue));
    }

    [Theory]
    [InlineData("Scaling = RopeScaling.Llama3, Factor = 8", "missing")]
    [InlineData("Scaling = RopeScaling.Yarn, Factor = 8, OriginalMaxLen = 0", "missing")]
    [InlineData("Scaling = RopeScaling.Yarn, Factor = 8, OriginalMaxLen = -1", "-1")]
    public void OriginalMaxLenMissingOrBelowOneIsPEG010(string properties, string shown)
    {
        var issue = Single(Rope + ", " + properties, "PEG010");
        Assert.Equal(("OriginalMaxLen", shown), (issue.Argument, issue.MessageArguments[1]));
    }

    [Fact]
    public void LongRopeWithOriginalMaxLenOneIsPEG010() =>
        Assert.Contains("ln(1) = 0", Message(Single(LongRope.Replace("OriginalMaxLen = 32", "OriginalMaxLen = 1"), "PEG010")));

    [Theory]
    [InlineData(", LowFreqFactor = 4, HighFreqFactor = 4", "LowFreqFactor")]
    [InlineData(", LowFreqFactor = 5", "LowFreqFactor")]
    [InlineData(", HighFreqFactor = 0.5", "HighFreqFactor")]
    [InlineData(", LowFreqFactor = 0", "LowFreqFactor")]
    [InlineData(", HighFreqFactor = double.NaN", "HighFreqFactor")]
    [InlineData(", LowFreqFactor = double.PositiveInfinity", "LowFreqFactor")]
    public void Llama3BandEdgesArePEG010(string properties, string argument) =>
        Assert.Equal(argument, Single(Llama3 + properties, "PEG010").Argument);

    [Theory]
    [InlineData(", BetaFast = 0.5", "BetaFast")]
    [InlineData(", BetaSlow = 64", "BetaSlow")]
    [InlineData(", BetaFast = 0", "BetaFast")]
    [InlineData(", BetaSlow = -1", "BetaSlow")]
    [InlineData(", BetaFast = double.NaN", "BetaFast")]
    [InlineData(", BetaSlow = double.Epsilon", "BetaSlow")]   // OriginalMaxLen / (2 pi beta) overflows
    public void YarnBetasArePEG010(string properties, string argument) =>
        Assert.Equal(argument, Single(Yarn + properties, "PEG010").Argument);

    [Theory]
    [InlineData("ShortFactors = " + "new double[] { 1 }", "ShortFactors", "RotaryDim / 2 = 16")]
    [InlineData("LongFactors = new double[0]", "LongFactors", "RotaryDim / 2 = 16")]
    [InlineData("ShortFactors = null", "ShortFactors", "not a constant")]
    public void LongRopeFactorsOfTheWrongLengthArePEG010(string replacement, string argument, string text)
    {
        string property = replacement.Substring(0, replacement.IndexOf(' '));
        string declaration = LongRope.Replace(property + " = " + Factors16, replacement);
        var issue = Single(declaration, "PEG010");
        Assert.Equal(argument, issue.Argument);
        Assert.Contains(text, Message(issue));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("double.NaN")]
    [InlineData("double.PositiveInfinity")]
    [InlineData("1e39")]      // infinite as float32
    [InlineData("1e-50")]     // zero as float32
    public void LongRopeFactorValuesMustBePositiveFiniteFloats(string value)
    {
        string bad = "new double[] { " + string.Join(", ", Enumerable.Repeat("1.5", 15)) + ", " + value + " }";
        var issue = Single(LongRope.Replace("LongFactors = " + Factors16, "LongFactors = " + bad), "PEG010");
        Assert.Equal("LongFactors", issue.Argument);
        Assert.Contains("entry 15", Message(issue));
    }

    [Fact]
    public void LongRopeWithoutEitherTableIsPEG010()
    {
        var issues = Check(LongRope.Replace(", ShortFactors = " + Factors16, "").Replace(", LongFactors = " + Factors16, "")).Issues;
        Assert.Equal(new (string, string?)[] { ("PEG010", "ShortFactors"), ("PEG010", "LongFactors") }, issues.Select(i => (i.Id, i.Argument)));
    }

    [Fact]
    public void LongRopeWithMaxLenAtMostOriginalMaxLenIsPEG013()
    {
        var issue = Single(LongRope.Replace("MaxLen = 64", "MaxLen = 32"), "PEG013");
        Assert.Equal("MaxLen", issue.Argument);
        Assert.Equal(new[] { "32", "32" }, issue.MessageArguments);
        Assert.NotNull(PEGen.Parsing.EncodingValidator.ToSpec(Check(LongRope.Replace("MaxLen = 64", "MaxLen = 32"))));
    }

    [Theory]
    [InlineData(Yarn + ", AttentionFactor = -1")]
    [InlineData(Yarn + ", AttentionFactor = double.NaN")]
    [InlineData(Yarn + ", AttentionFactor = 1e39")]
    [InlineData(Llama3 + ", AttentionFactor = 1.5")]
    [InlineData(Rope + ", Scaling = RopeScaling.Linear, Factor = 2, AttentionFactor = 1.5")]
    [InlineData(Rope + ", AttentionFactor = 2")]
    public void AttentionFactorNegativeNotFiniteOrWithoutYarnOrLongRopeIsPEG010(string declaration) =>
        Assert.Equal("AttentionFactor", Single(declaration, "PEG010").Argument);

    [Theory]
    [InlineData(", Mscale = -1", "Mscale")]
    [InlineData(", MscaleAllDim = double.NaN", "MscaleAllDim")]
    [InlineData(", Mscale = double.PositiveInfinity, MscaleAllDim = 1", "Mscale")]
    [InlineData(", Mscale = 1e308, MscaleAllDim = 1", "Mscale")]    // the ratio overflows
    public void MscaleNegativeOrNotFiniteIsPEG010(string properties, string argument) =>
        Assert.Equal(argument, Single(Yarn + properties, "PEG010").Argument);

    [Theory]
    [InlineData(", Mscale = 1", "Mscale")]
    [InlineData(", MscaleAllDim = 1", "MscaleAllDim")]
    [InlineData(", Mscale = 1, MscaleAllDim = 1, AttentionFactor = 1.1", "Mscale")]
    public void MscaleWithoutItsPartnerIsPEG012(string properties, string argument)
    {
        var issue = Single(Yarn + properties, "PEG012");
        Assert.Equal(argument, issue.Argument);
        Assert.NotNull(PEGen.Parsing.EncodingValidator.ToSpec(Check(Yarn + properties)));
    }

    [Theory]
    [InlineData(", RotaryDim = 3", "use 4")]
    [InlineData(", RotaryDim = -2", "even number from 2 to Dim")]
    [InlineData(", RotaryDim = 66", "at most 64")]
    [InlineData(", RotaryDim = 65", "use 64")]
    public void RotaryDimOddNegativeOrPastDimIsPEG010(string properties, string text)
    {
        var issue = Single(Rope + properties, "PEG010");
        Assert.Equal("RotaryDim", issue.Argument);
        Assert.Contains(text, Message(issue));
    }

    [Theory]
    [InlineData(Llama3 + ", BetaFast = 32", "BetaFast", "RopeScaling.Llama3")]
    [InlineData(Yarn + ", LowFreqFactor = 1", "LowFreqFactor", "RopeScaling.Yarn")]
    [InlineData(Rope + ", ShortFactors = new double[] { 1 }", "ShortFactors", "RopeScaling.None")]
    [InlineData(Rope + ", Factor = 8", "Factor", "RopeScaling.None")]
    [InlineData(Rope + ", Scaling = RopeScaling.Linear, Factor = 2, OriginalMaxLen = 4096", "OriginalMaxLen", "RopeScaling.Linear")]
    [InlineData(Llama3 + ", Truncate = false", "Truncate", "RopeScaling.Llama3")]
    [InlineData(Llama3 + ", AttentionFactor = 0", "AttentionFactor", "RopeScaling.Llama3")]
    public void APropertyTheScalingIgnoresIsPEG012(string declaration, string argument, string scaling)
    {
        var issue = Single(declaration, "PEG012");
        Assert.Equal(argument, issue.Argument);
        Assert.Equal(argument, issue.MessageArguments[0]);
        Assert.Contains(scaling, issue.MessageArguments[1]);
    }

    [Fact]
    public void IgnoredPropertiesDoNotChangeTheSpec() =>
        Assert.Equal(Spec(Llama3), Spec(Llama3 + ", BetaFast = 8, Truncate = false, Mscale = 3, ShortFactors = new double[] { 1 }"));

    [Theory]
    [InlineData("Dim = 2, MaxLen = 16777217, Scheme = EncodingScheme.Rope")]
    [InlineData("Dim = 1, MaxLen = 16777217, Scheme = EncodingScheme.AnnotatedTransformer")]
    public void MaxLenPastTwoToThe24IsPEG010ForFloat32Schemes(string declaration)
    {
        var issues = Check(declaration).Issues;
        var issue = Assert.Single(issues, i => i.Id == "PEG010");
        Assert.Equal("MaxLen", issue.Argument);
        Assert.Contains("2^24 = 16777216", Message(issue));
        Assert.DoesNotContain(Check("Dim = 1, MaxLen = 16777217, Scheme = EncodingScheme.Vaswani").Issues, i => i.Id == "PEG010");
    }

    [Fact]
    public void SizesUseTheSpecsShape()
    {
        // RotaryDim 32 of Dim 128: the tables are 32 x MaxLen, so 2^19 rows stay within the 64 MiB cap but not the budget.
        var partial = Assert.Single(Check("Dim = 128, MaxLen = 524288, Scheme = EncodingScheme.Rope, RotaryDim = 32").Issues, i => i.Id != "PEG008");
        Assert.Equal("PEG006", partial.Id);
        Assert.Equal(new[] { "32", "524288", "67108864" }, partial.MessageArguments.Take(3));

        // LongRoPE's short tables count: 32 x (MaxLen + OriginalMaxLen).
        var longRope = Check(LongRope.Replace("MaxLen = 64", "MaxLen = 200000").Replace("OriginalMaxLen = 32", "OriginalMaxLen = 100000")).Issues;
        var size = Assert.Single(longRope, i => i.Id == "PEG006");
        Assert.Equal(new[] { "32", "(200000 + 100000)", "38400000" }, size.MessageArguments.Take(3));
        // 51.2 MB of long tables alone, 76.8 MB with the short ones: past the 64 MiB cap.
        var tooLarge = Assert.Single(Check(LongRope.Replace("MaxLen = 64", "MaxLen = 400000").Replace("OriginalMaxLen = 32", "OriginalMaxLen = 200000")).Issues, i => i.IsError);
        Assert.Equal(("PEG007", "76800000"), (tooLarge.Id, tooLarge.MessageArguments[2]));
    }

    [Fact]
    public void PositionsRepeatUsesTheScaledFrequencies()
    {
        // Plain Base 10: the slowest pair of Dim 4 turns every 2 pi * 10^(1/2) = 19.9 positions.
        Assert.Equal("PEG008", Assert.Single(Check("Dim = 4, MaxLen = 40, Scheme = EncodingScheme.Rope, Base = 10").Issues).Id);
        // Linear scaling by 4 stretches it to 79.5: no warning at 40.
        Assert.Empty(Check("Dim = 4, MaxLen = 40, Scheme = EncodingScheme.Rope, Base = 10, Scaling = RopeScaling.Linear, Factor = 4").Issues);
        var issue = Assert.Single(Check("Dim = 4, MaxLen = 80, Scheme = EncodingScheme.Rope, Base = 10, Scaling = RopeScaling.Linear, Factor = 4").Issues);
        Assert.Equal(("PEG008", "79.5"), (issue.Id, issue.MessageArguments[1]));
        // RotaryDim 2 of Dim 64: one pair, theta = 1, wavelength 2 pi.
        Assert.Equal("6.3", Assert.Single(Check("Dim = 64, MaxLen = 7, Scheme = EncodingScheme.Rope, RotaryDim = 2").Issues).MessageArguments[1]);
    }

    /// <summary>PEG008 computes only the last pair's inv_freq (one pow for any head): it must be the smallest of them all.</summary>
    [Theory]
    [InlineData(Llama3)]
    [InlineData(Yarn)]
    [InlineData(Yarn + ", BetaFast = 2, BetaSlow = 2, Truncate = false")]
    [InlineData(Rope + ", Scaling = RopeScaling.Linear, Factor = 3")]
    [InlineData(Rope + ", RotaryDim = 16")]
    [InlineData("Dim = 128, MaxLen = 64, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8, OriginalMaxLen = 8192")]
    [InlineData("Dim = 128, MaxLen = 64, Scheme = EncodingScheme.Rope, Base = 1000000, Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 32768")]
    [InlineData("Dim = 64, MaxLen = 64, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Yarn, Factor = 40, OriginalMaxLen = 4096, Mscale = 1, MscaleAllDim = 1")]
    public void TheSlowestInverseFrequencyIsTheSmallestOfAll(string declaration)
    {
        var spec = Spec(declaration);
        float smallest = PEGen.Schemes.Rotary.RotaryFrequencies.Compute(spec.Base, spec.Rotary).Inverse.Min();
        Assert.Equal(smallest, PEGen.Schemes.Rotary.RotaryFrequencies.SlowestInverse(spec.Base, spec.Rotary));
    }

    [Fact]
    public void LongRopesSlowestInverseFrequencyIsTheSmallestOfItsLongOnes()
    {
        var spec = Spec(LongRope.Replace("LongFactors = " + Factors16, "LongFactors = new double[] { 1, 1, 1, 1, 1, 1, 1, 1, 64, 1, 1, 1, 1, 1, 1, 1 }"));
        var angles = PEGen.Schemes.Rotary.RotaryFrequencies.Compute(spec.Base, spec.Rotary);
        Assert.Equal(angles.Inverse.Min(), PEGen.Schemes.Rotary.RotaryFrequencies.SlowestInverse(spec.Base, spec.Rotary));
        Assert.NotEqual(angles.Inverse[^1], angles.Inverse.Min());
    }

    [Fact]
    public void APartialRotaryWhoseHeadsCannotFitASpanIsPEG010()
    {
        var issue = Assert.Single(Check("Dim = 1073741824, MaxLen = 7, Scheme = EncodingScheme.Rope, RotaryDim = 2").Issues, i => i.Id == "PEG010");
        Assert.Equal("Dim", issue.Argument);
        Assert.Contains("2^31 - 1", Message(issue));
        Assert.Empty(Check("Dim = 1073741824, MaxLen = 1, Scheme = EncodingScheme.Rope, RotaryDim = 2").Issues);
    }

    [Fact]
    public void SpecOfAPartialRotaryIsNormalisedToPlainWhenItRotatesEverything() =>
        Assert.Null(Spec(Rope + ", RotaryDim = 64").RotaryParameters);
}
