using PEGen.Numerics;

namespace PEGen.Schemes.Frequencies;

/// <summary>
/// A float32 pipeline's frequency (PyTorch, TensorFlow): <c>angle = f32(f32(p) * inv)</c>, one rounded
/// product, then sin and cos correctly rounded to float32.
/// </summary>
internal sealed class Float32Frequency : Frequency
{
    private readonly float _inverse;

    public Float32Frequency(float inverse) => _inverse = inverse;

    public override double RadiansPerPosition => _inverse;

    /// <summary>The float32 inverse frequency the reference multiplies positions by.</summary>
    public float Inverse => _inverse;

    public override Compact.CompactArithmetic CompactForm => Compact.CompactArithmetic.Float32Angle;

    // m * inv has at most 24 + 31 bits: a double and its rounding error hold it exactly.
    public override DoubleDouble CompactAngle(long multiple)
    {
        double hi = DoubleDouble.TwoProduct(multiple, _inverse, out double lo);
        return new DoubleDouble(hi, lo);
    }

    public override void SinCos(int position, out float sin, out float cos)
    {
        float angle = (float)((float)position * _inverse);
        RoundedSinCos.Single(angle, out sin, out cos);
    }

    /// <summary>Wraps float32 frequencies.</summary>
    public static Frequency[] All(float[] inverses)
    {
        var result = new Frequency[inverses.Length];
        for (int k = 0; k < inverses.Length; k++) result[k] = new Float32Frequency(inverses[k]);
        return result;
    }
}
