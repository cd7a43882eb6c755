using PEGen.Numerics;

namespace PEGen.Families.Timestep;

/// <summary>
/// diffusers' <c>get_timestep_embedding</c> in PyTorch's float32 order (checked against PyTorch 1.13.1 on CPU):
/// <code>
/// half_dim = embedding_dim // 2
/// exponent = -math.log(max_period) * torch.arange(start=0, end=half_dim, dtype=torch.float32)
/// exponent = exponent / (half_dim - downscale_freq_shift)
/// emb = torch.exp(exponent)
/// emb = timesteps[:, None].float() * emb[None, :]
/// emb = scale * emb
/// emb = torch.cat([torch.sin(emb), torch.cos(emb)], dim=-1)
/// if flip_sin_to_cos: emb = torch.cat([emb[:, half_dim:], emb[:, :half_dim]], dim=-1)
/// if embedding_dim % 2 == 1: emb = torch.nn.functional.pad(emb, (0, 1, 0, 0))
/// </code>
/// A Python scalar meets a float32 tensor as a float32 (its value rounded once), the division is a true float32
/// division (not a product with the reciprocal), and <c>exp</c> is SLEEF's (<see cref="SleefExp"/>): the frequencies
/// are PyTorch's bit for bit. The angle is then f32(f32(t * freq) * f32(scale)); sin and cos are correctly rounded
/// (PyTorch's SLEEF sinf/cosf are within 1 ulp of them).
/// </summary>
internal static class TimestepTable
{
    /// <summary>The float32 frequencies, Dim / 2 of them.</summary>
    public static float[] Frequencies(int dim, double freqShift, double maxPeriod)
    {
        int half = dim / 2;
        float c = (float)-CorrectlyRounded.LogDouble(maxPeriod);
        float divisor = (float)(half - freqShift);
        var frequencies = new float[half];
        for (int k = 0; k < half; k++)
        {
            float exponent = (float)((float)k * c);
            exponent = (float)(exponent / divisor);
            frequencies[k] = SleefExp.Exp(exponent);
        }
        return frequencies;
    }

    /// <summary>The angle of frequency <paramref name="frequency"/> at timestep <paramref name="t"/> (two float32 products).</summary>
    public static float Angle(float t, float frequency, float scale) => (float)((float)(t * frequency) * scale);

    /// <summary>The row-major [Steps x Dim] table.</summary>
    public static float[] Build(TimestepSpec spec)
    {
        float[] frequencies = Frequencies(spec.Dim, spec.FreqShift, spec.MaxPeriod);
        int half = frequencies.Length, dim = spec.Dim;
        float scale = (float)spec.Scale;
        int first = spec.FlipSinToCos ? half : 0, second = spec.FlipSinToCos ? 0 : half;
        var table = new float[(long)spec.Steps * dim];
        for (int t = 0; t < spec.Steps; t++)
        {
            long row = (long)t * dim;
            for (int k = 0; k < half; k++)
            {
                RoundedSinCos.Single(Angle(t, frequencies[k], scale), out float sin, out float cos);
                table[row + first + k] = sin;
                table[row + second + k] = cos;
            }
        }
        return table;
    }

    /// <summary>One row for any finite timestep, as <c>Encode</c> computes it (the generator's exact numerics).</summary>
    public static float[] Row(TimestepSpec spec, float t)
    {
        if (t == 0f) t = 0f;
        float[] frequencies = Frequencies(spec.Dim, spec.FreqShift, spec.MaxPeriod);
        int half = frequencies.Length;
        int first = spec.FlipSinToCos ? half : 0, second = spec.FlipSinToCos ? 0 : half;
        var row = new float[spec.Dim];
        for (int k = 0; k < half; k++)
        {
            RoundedSinCos.Single(Angle(t, frequencies[k], (float)spec.Scale), out float sin, out float cos);
            row[first + k] = sin;
            row[second + k] = cos;
        }
        return row;
    }
}
