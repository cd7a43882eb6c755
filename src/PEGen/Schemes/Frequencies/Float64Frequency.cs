using PEGen.Numerics;

namespace PEGen.Schemes.Frequencies;

/// <summary>
/// A numpy float64 pipeline's frequency: <c>w = np.power(Base, num / den)</c> (the exponent a double
/// quotient, the power correctly rounded), <c>x = p / w</c> in double, then the correctly rounded double
/// sin/cos of x rounded once more to float32 (the <c>FloatTensor</c> conversion).
/// </summary>
internal sealed class Float64Frequency : Frequency
{
    private readonly double _wavelength;

    public Float64Frequency(double @base, long num, long den)
    {
        _wavelength = CorrectlyRounded.PowDouble(@base, (double)num / den);
        // The exact frequency rounded once: x = p / w differs from p * omega by rounding alone.
        RadiansPerPosition = ExactSinusoid.InverseFrequency(@base, num, den).Hi;
    }

    public override double RadiansPerPosition { get; }

    /// <summary>numpy's float64 wavelength w: the reference's angle is the float64 quotient p / w.</summary>
    public double Wavelength => _wavelength;

    public override Compact.CompactArithmetic CompactForm => Compact.CompactArithmetic.Float64Quotient;

    public override DoubleDouble CompactAngle(long multiple) => DoubleDouble.FromInt(multiple) / _wavelength;

    public override void SinCos(int position, out float sin, out float cos)
    {
        double x = position / _wavelength;
        RoundedSinCos.DoubleToSingle(x, out sin, out cos);
    }
}
