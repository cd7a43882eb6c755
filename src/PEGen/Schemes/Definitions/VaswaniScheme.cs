using PEGen.Model;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Definitions;

/// <summary>
/// Vaswani et al., "Attention Is All You Need" (2017), section 3.5: PE(p, 2k) = sin(p / Base^(2k/Dim)),
/// PE(p, 2k+1) = cos(same). Every entry is the correctly rounded float32 of the true value (double-double with a
/// proven error bound, BigInteger where the rounding is close), so the table is the same on every host.
/// An odd Dim ends with the sine of one more frequency.
/// </summary>
internal sealed class VaswaniScheme : VaswaniFormulaScheme
{
    public override SchemeKind Kind => SchemeKind.Vaswani;
    public override PairLayout Layout => PairLayout.Interleaved;
    public override Arithmetic Arithmetic => Arithmetic.CorrectlyRounded;

    public override string Summary => "sin/cos(p * Base^(-2k/Dim)) interleaved; every value correctly rounded (the default).";
    public override string Reference => "Vaswani et al., Attention Is All You Need (2017), section 3.5";

    public override Frequency[] Frequencies(EncodingSpec spec)
    {
        var result = new Frequency[FrequencyCount(spec.Dim)];
        for (int k = 0; k < result.Length; k++)
            result[k] = new ExactFrequency(spec.Base, 2L * k, spec.Dim);
        return result;
    }

    public override string[] GoldenTables => new[] { "exact_d64_L256", "exact_d512_L2048" };
}
