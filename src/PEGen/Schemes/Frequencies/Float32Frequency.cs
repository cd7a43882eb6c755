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
