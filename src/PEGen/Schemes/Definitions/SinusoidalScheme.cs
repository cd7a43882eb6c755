using PEGen.Model;

namespace PEGen.Schemes.Definitions;

/// <summary>The additive sin/cos tables: one frequency per column pair, written by <see cref="SinusoidTableWriter"/>.</summary>
internal abstract class SinusoidalScheme : SchemeDefinition
{
    public sealed override SchemeFamily Family => SchemeFamily.AdditiveTable;

    public override OddDimension OddDimension => OddDimension.ExtraSine;
}

/// <summary>Schemes with omega_k = Base^(-2k/Dim) (Vaswani's formula), interleaved or in halves.</summary>
internal abstract class VaswaniFormulaScheme : SinusoidalScheme
{
    public override string Formula => Layout == PairLayout.Halves
        ? "PE(p, k) = sin(p * Base^(-2k/Dim)) for k < ceil(Dim/2), then the cosines"
        : "PE(p, 2k) = sin(p * Base^(-2k/Dim)), PE(p, 2k+1) = cos(p * Base^(-2k/Dim))";

    public override (long Num, long Den) Exponent(int k, int dim) => (2L * k, dim);
}

/// <summary>
/// Schemes with omega_k = Base^(-k/(N-1)), N = Dim/2, in halves [sin | cos] with a zero column for an odd
/// Dim (tensor2tensor, fairseq, Whisper): the slowest frequency is exactly 1/Base.
/// </summary>
internal abstract class TimescaleScheme : SinusoidalScheme
{
    public override PairLayout Layout => PairLayout.Halves;

    public override OddDimension OddDimension => OddDimension.ZeroColumn;

    public override Arithmetic Arithmetic => Arithmetic.Float32Steps;

    /// <summary>k/(N-1) in lowest terms (1/1 for the last frequency).</summary>
    public override (long Num, long Den) Exponent(int k, int dim)
    {
        long den = System.Math.Max(dim / 2 - 1, 1);
        long g = Gcd(k, den);
        return (k / g, den / g);
    }

    private static long Gcd(long a, long b) => b == 0 ? (a == 0 ? 1 : a) : Gcd(b, a % b);
}
