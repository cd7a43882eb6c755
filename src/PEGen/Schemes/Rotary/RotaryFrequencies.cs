using System;
using PEGen.Model;
using PEGen.Numerics;

namespace PEGen.Schemes.Rotary;

/// <summary>
/// The float32 inverse frequencies and the attention factor of a rotary declaration, computed in transformers'
/// operation order as PyTorch evaluates it (<c>modeling_rope_utils</c>: default, linear, llama3, yarn, longrope).
/// Every tensor operation rounds to float32; a Python scalar operand is rounded to float32 first; <c>x / tensor</c>
/// is <c>tensor.reciprocal() * x</c> (two roundings); scalar-only arithmetic is double, with correctly rounded
/// logarithms (never the host's libm). pow, reciprocal and the products are correctly rounded, so the result is the
/// same on every host.
/// </summary>
internal static class RotaryFrequencies
{
    private const double TwoPi = 6.283185307179586;

    /// <summary>The frequencies and attention factor of <paramref name="rotary"/> with theta <paramref name="base"/>.</summary>
    public static RotaryAngles Compute(double @base, RotarySpec rotary) => Compute(@base, rotary, 0);

    /// <summary>
    /// The smallest float32 <c>inv_freq</c> the tables use (LongRoPE: of the long ones), for PEG008's slowest wavelength.
    /// Every scaling but LongRoPE keeps <c>inv_freq</c> decreasing along the pairs (linear divides them all; llama3 and
    /// yarn blend <c>inv</c> and <c>inv / factor</c> with a weight that moves towards <c>inv / factor</c>), so only the
    /// last pair is computed: a wide head costs one pow, not RotaryDim / 2 of them.
    /// </summary>
    public static float SlowestInverse(double @base, RotarySpec rotary)
    {
        int half = rotary.RotaryDim / 2;
        if (half == 0) return float.PositiveInfinity;
        if (rotary.Scaling != RopeScalingKind.LongRope) return Compute(@base, rotary, half - 1).Inverse[0];
        float smallest = float.PositiveInfinity;
        foreach (float f in Compute(@base, rotary, 0).Inverse)
        {
            if (f < smallest) smallest = f;
        }
        return smallest;
    }

    // Pairs first .. RotaryDim/2 - 1 (entry i is pair first + i): the same arithmetic whatever the first pair.
    private static RotaryAngles Compute(double @base, RotarySpec rotary, int first)
    {
        int dim = rotary.RotaryDim;
        float[] powers = Powers(dim, @base, first);
        switch (rotary.Scaling)
        {
            case RopeScalingKind.Linear:
            {
                // inv_freq /= factor
                float factor = (float)rotary.Factor;
                var inv = Reciprocals(powers);
                for (int k = 0; k < inv.Length; k++) inv[k] = (float)(inv[k] / factor);
                return new RotaryAngles(inv, null, 1.0);
            }
            case RopeScalingKind.Llama3:
                return new RotaryAngles(Llama3(Reciprocals(powers), rotary), null, 1.0);
            case RopeScalingKind.Yarn:
                return new RotaryAngles(Yarn(powers, @base, rotary, first), null, YarnAttentionFactor(rotary));
            case RopeScalingKind.LongRope:
                return new RotaryAngles(
                    LongRope(powers, rotary.LongFactors, first),
                    LongRope(powers, rotary.ShortFactors, first),
                    LongRopeAttentionFactor(rotary));
            default:
                return new RotaryAngles(Reciprocals(powers), null, 1.0);
        }
    }

    /// <summary><c>base ** (arange(0, dim, 2).float() / dim)</c>: <c>pow_f32(f32(base), f32(f32(2k) / f32(dim)))</c>.</summary>
    private static float[] Powers(int dim, double @base, int first)
    {
        var powers = new float[dim / 2 - first];
        float b = (float)@base, d = dim;
        for (int i = 0; i < powers.Length; i++)
        {
            float e = (float)((float)(2 * (first + i)) / d);
            powers[i] = CorrectlyRounded.Pow(b, e);
        }
        return powers;
    }

    // 1.0 / tensor == tensor.reciprocal() * 1.0: one rounding.
    private static float[] Reciprocals(float[] values)
    {
        var result = new float[values.Length];
        for (int k = 0; k < values.Length; k++) result[k] = (float)(1.0f / values[k]);
        return result;
    }

    // _compute_llama3_parameters: low frequencies divided by factor, high ones kept, a smooth ramp between.
    private static float[] Llama3(float[] inv, RotarySpec r)
    {
        float factor = (float)r.Factor;
        float low = (float)r.LowFreqFactor;
        float orig = r.OriginalMaxLen;
        // old_context_len / low_freq_factor in double, compared with the float32 wavelengths in float32.
        float lowWavelength = (float)(r.OriginalMaxLen / r.LowFreqFactor);
        float highWavelength = (float)(r.OriginalMaxLen / r.HighFreqFactor);
        float span = (float)(r.HighFreqFactor - r.LowFreqFactor);
        float twoPi = (float)TwoPi;
        var result = new float[inv.Length];
        for (int k = 0; k < inv.Length; k++)
        {
            // 2 * math.pi / inv_freq, then (old / wavelen - low) / (high - low)
            float wavelength = (float)((float)(1.0f / inv[k]) * twoPi);
            float scaled = wavelength > lowWavelength ? (float)(inv[k] / factor) : inv[k];
            float smooth = (float)((float)((float)((float)(1.0f / wavelength) * orig) - low) / span);
            float smoothed = (float)((float)((float)((float)(1.0f - smooth) * scaled) / factor) + (float)(smooth * scaled));
            bool medium = !(wavelength < highWavelength) && !(wavelength > lowWavelength);
            result[k] = medium ? smoothed : scaled;
        }
        return result;
    }

    // _compute_yarn_parameters: interpolation (inv / factor) and extrapolation (inv) blended by a linear ramp
    // over the correction range of pairs [low, high], found from OriginalMaxLen.
    private static float[] Yarn(float[] powers, double @base, RotarySpec r, int first)
    {
        int dim = r.RotaryDim;
        float factor = (float)r.Factor;
        double low = CorrectionDim(r.BetaFast, dim, @base, r.OriginalMaxLen);
        double high = CorrectionDim(r.BetaSlow, dim, @base, r.OriginalMaxLen);
        if (r.Truncate)
        {
            low = Math.Floor(low);
            high = Math.Ceiling(high);
        }
        low = Math.Max(low, 0);
        high = Math.Min(high, dim - 1);
        if (low == high) high += 0.001;   // linear_ramp_factor's guard against a zero-width ramp
        float min = (float)low;
        float width = (float)(high - low);
        var result = new float[powers.Length];
        for (int k = 0; k < powers.Length; k++)
        {
            float extrapolation = (float)(1.0f / powers[k]);
            float interpolation = (float)(1.0f / (float)(factor * powers[k]));
            float ramp = (float)((float)((float)(first + k) - min) / width);
            ramp = ramp < 0 ? 0 : ramp > 1 ? 1 : ramp;   // torch.clamp (NaN cannot occur: width > 0)
            float extrapolationFactor = (float)(1.0f - ramp);
            result[k] = (float)((float)(interpolation * (float)(1.0f - extrapolationFactor)) + (float)(extrapolation * extrapolationFactor));
        }
        return result;
    }

    /// <summary>find_correction_dim: <c>(dim * log(max / (rot * 2 * pi))) / (2 * log(base))</c>, in double.</summary>
    private static double CorrectionDim(double rotations, int dim, double @base, int originalMaxLen) =>
        (dim * Log(originalMaxLen / (rotations * 2 * Math.PI))) / (2 * Log(@base));

    // 1 / (ext_factors * base ** (arange / dim)): the factors are a float32 tensor.
    private static float[] LongRope(float[] powers, EquatableArray<double> factors, int first)
    {
        var result = new float[powers.Length];
        for (int k = 0; k < powers.Length; k++) result[k] = (float)(1.0f / (float)((float)factors[first + k] * powers[k]));
        return result;
    }

    /// <summary>YaRN's attention factor: explicit, else the DeepSeek mscale ratio, else <c>0.1 ln(factor) + 1</c>.</summary>
    public static double YarnAttentionFactor(RotarySpec r)
    {
        if (r.ExplicitAttentionFactor > 0) return r.ExplicitAttentionFactor;
        if (r.Mscale > 0 && r.MscaleAllDim > 0)
            return MscaleOf(r.Factor, r.Mscale) / MscaleOf(r.Factor, r.MscaleAllDim);
        return MscaleOf(r.Factor, 1);
    }

    /// <summary>LongRoPE's attention factor: explicit, else 1 for factor &lt;= 1, else <c>sqrt(1 + ln(factor) / ln(original))</c>.</summary>
    public static double LongRopeAttentionFactor(RotarySpec r)
    {
        if (r.ExplicitAttentionFactor > 0) return r.ExplicitAttentionFactor;
        if (r.Factor <= 1) return 1.0;
        return Math.Sqrt(1 + Log(r.Factor) / Log(r.OriginalMaxLen));   // IEEE sqrt: correctly rounded everywhere
    }

    // get_mscale(scale, mscale) = 0.1 * mscale * math.log(scale) + 1.0 (1.0 when scale <= 1).
    private static double MscaleOf(double scale, double mscale) => scale <= 1 ? 1.0 : 0.1 * mscale * Log(scale) + 1.0;

    private static double Log(double x) => CorrectlyRounded.LogDouble(x);
}

/// <summary>The computed angles of a rotary declaration.</summary>
/// <param name="Inverse">The float32 <c>inv_freq</c> (LongRoPE: the long one), RotaryDim/2 entries.</param>
/// <param name="ShortInverse">LongRoPE's short <c>inv_freq</c>, else null.</param>
/// <param name="AttentionFactor">The unrounded factor; <c>(float)AttentionFactor</c> multiplies the tables.</param>
internal sealed record RotaryAngles(float[] Inverse, float[]? ShortInverse, double AttentionFactor);
