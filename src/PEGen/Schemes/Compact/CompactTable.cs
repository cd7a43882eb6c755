using System;
using System.Runtime.CompilerServices;
using PEGen.Numerics;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Compact;

/// <summary>
/// The constant data of a compact table: for every level and digit, cos and sin of the digit's angle for each
/// frequency, float64 rounded once from a double-double (error below 2^-97 before that rounding), laid out
/// [row][cos 0..n-1, sin 0..n-1]; plus what the arithmetic needs at run time.
/// </summary>
/// <param name="Arithmetic">How the generated kernel corrects the tabulated angle (all frequencies share it).</param>
/// <param name="Levels">The digit split.</param>
/// <param name="Factors">The rows, [Levels.Rows x 2n] float64.</param>
/// <param name="Inverse">Float32 angles: the float32 inverse frequencies (the reference's multiplier).</param>
/// <param name="Quotient">Float64 quotients: [w | w's high 26 bits | its low 27 bits | 1/w], n each.</param>
/// <param name="DeltaTerms">Float32 angles: Taylor terms of sin/cos(delta) that reach 2^-60 for this MaxLen.</param>
internal sealed record CompactTable(
    CompactArithmetic Arithmetic, CompactLevels Levels, double[] Factors, float[]? Inverse, double[]? Quotient, int DeltaTerms)
{
    /// <summary>Most Taylor terms a delta of the largest float32 angle (below 2^24, |delta| &lt;= 1/2) needs.</summary>
    public const int MaxDeltaTerms = 8;

    /// <summary>Builds the compact table of <paramref name="frequencies"/> for positions below <paramref name="maxLen"/>.</summary>
    [MethodImpl(Hot.Optimize)]
    public static CompactTable Build(Frequency[] frequencies, int maxLen)
    {
        int n = frequencies.Length;
        var arithmetic = frequencies[0].CompactForm;
        var levels = CompactLevels.Choose(maxLen, n);
        var digits = levels.Digits();
        var factors = new double[(long)levels.Rows * 2 * n];
        int row = 0, shift = 0;
        for (int level = 0; level < levels.Count; level++)
        {
            for (int d = 0; d < digits[level]; d++, row++)
            {
                long multiple = (long)d << shift;
                long at = (long)row * 2 * n;
                for (int k = 0; k < n; k++)
                {
                    if (multiple == 0)
                    {
                        factors[at + k] = 1.0;
                        factors[at + n + k] = 0.0;
                        continue;
                    }
                    DDMath.SinCos(frequencies[k].CompactAngle(multiple), 0.0, out var sin, out var cos, out _, out _);
                    factors[at + k] = cos.Hi;
                    factors[at + n + k] = sin.Hi;
                }
            }
            if (level < levels.Bits.Count) shift += levels.Bits[level];
        }

        float[]? inverse = null;
        double[]? quotient = null;
        int terms = 0;
        if (arithmetic == CompactArithmetic.Float32Angle)
        {
            inverse = new float[n];
            float largest = 0f;
            for (int k = 0; k < n; k++)
            {
                inverse[k] = ((Float32Frequency)frequencies[k]).Inverse;
                largest = Math.Max(largest, inverse[k]);
            }
            terms = DeltaTermsFor((float)((float)(maxLen - 1) * largest));
        }
        else if (arithmetic == CompactArithmetic.Float64Quotient)
        {
            quotient = new double[4 * n];
            for (int k = 0; k < n; k++)
            {
                double w = ((Float64Frequency)frequencies[k]).Wavelength;
                DoubleDouble.Split(w, out double hi, out double lo);
                quotient[k] = w;
                quotient[n + k] = hi;
                quotient[2 * n + k] = lo;
                quotient[3 * n + k] = 1.0 / w;
            }
        }
        return new CompactTable(arithmetic, levels, factors, inverse, quotient, terms);
    }

    /// <summary>
    /// Terms t of sin(delta) = delta (1 + s_1 delta^2 + ... ) and cos(delta) - 1 = delta^2 (c_1 + ...) so that the
    /// first term left out is below 2^-60 for |delta| up to half an ulp of <paramref name="largestAngle"/>.
    /// </summary>
    public static int DeltaTermsFor(float largestAngle)
    {
        if (!(largestAngle >= 1f)) largestAngle = 1f;
        int exponent = (int)(FloatBits.SingleToBits(largestAngle) >> 23 & 0xFF) - 127;
        double delta = FloatBits.PowerOfTwo(exponent - 24);
        double limit = FloatBits.PowerOfTwo(-60);
        double term = delta * delta / 2;            // delta^(2t) / (2t)! for t = 1
        int t = 1;
        while (t < MaxDeltaTerms && term * delta * delta / ((2 * t + 1) * (2 * t + 2)) >= limit)
        {
            term *= delta * delta / ((2 * t + 1) * (2 * t + 2));
            t++;
        }
        return t;
    }
}
