using System;
using System.Runtime.CompilerServices;
using PEGen.Numerics;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Compact;

/// <summary>
/// A compact table of some frequencies: its digit split and what the arithmetic needs at run time, cheap to make (the
/// members file reads only this), and <see cref="BuildFactors"/>, the rows of factors (the table file's data): for
/// every level and digit, cos and sin of the digit's angle for each frequency, float64 rounded once from a
/// double-double (error below 2^-97 before that rounding), laid out [row][cos 0..n-1, sin 0..n-1].
/// </summary>
internal sealed class CompactTable
{
    /// <summary>Most Taylor terms a delta of the largest float32 angle (below 2^24, |delta| &lt;= 1/2) needs.</summary>
    public const int MaxDeltaTerms = 8;

    private readonly Frequency[] _frequencies;

    private CompactTable(Frequency[] frequencies, int maxLen)
    {
        _frequencies = frequencies;
        int n = frequencies.Length;
        Arithmetic = frequencies[0].CompactForm;
        Levels = CompactLevels.Choose(maxLen, n);
        if (Arithmetic == CompactArithmetic.Float32Angle)
        {
            var inverse = new float[n];
            var terms = new byte[(n + TermsBlock - 1) / TermsBlock];
            for (int b = 0; b < terms.Length; b++)
            {
                float largest = 0f;
                for (int k = b * TermsBlock; k < Math.Min(n, (b + 1) * TermsBlock); k++)
                {
                    inverse[k] = ((Float32Frequency)frequencies[k]).Inverse;
                    largest = Math.Max(largest, inverse[k]);
                }
                terms[b] = (byte)DeltaTermsFor((float)((float)(maxLen - 1) * largest));
            }
            Inverse = inverse;
            DeltaTerms = terms;
        }
        else if (Arithmetic == CompactArithmetic.Float64Quotient)
        {
            var quotient = new double[4 * n];
            for (int k = 0; k < n; k++)
            {
                double w = ((Float64Frequency)frequencies[k]).Wavelength;
                DoubleDouble.Split(w, out double hi, out double lo);
                quotient[k] = w;
                quotient[n + k] = hi;
                quotient[2 * n + k] = lo;
                quotient[3 * n + k] = 1.0 / w;
            }
            Quotient = quotient;
        }
    }

    /// <summary>How the generated kernel corrects the tabulated angle (all frequencies share it).</summary>
    public CompactArithmetic Arithmetic { get; }

    /// <summary>The digit split.</summary>
    public CompactLevels Levels { get; }

    /// <summary>Float32 angles: the float32 inverse frequencies (the reference's multiplier); else null.</summary>
    public float[]? Inverse { get; }

    /// <summary>Float64 quotients: [w | w's high half | its low half | 1/w], n each (Veltkamp halves); else null.</summary>
    public double[]? Quotient { get; }

    /// <summary>
    /// Frequencies that share one count of Taylor terms: the widest vector's float lanes, so a vector of any width lies
    /// in one block and every path evaluates the same terms for a frequency (the bits do not depend on the width).
    /// </summary>
    public const int TermsBlock = 1 << TermsShift;

    /// <summary>log2 of <see cref="TermsBlock"/>: frequency k's count is <c>DeltaTerms[k &gt;&gt; TermsShift]</c>.</summary>
    public const int TermsShift = 4;

    /// <summary>
    /// Float32 angles: per block of <see cref="TermsBlock"/> frequencies, the Taylor terms of sin/cos(delta) that reach
    /// 2^-60 for this MaxLen and the block's largest frequency (low frequencies have small angles, so small deltas, and
    /// need fewer); else null.
    /// </summary>
    public byte[]? DeltaTerms { get; }

    /// <summary>The compact table of <paramref name="frequencies"/> for positions below <paramref name="maxLen"/>.</summary>
    public static CompactTable Of(Frequency[] frequencies, int maxLen) => new(frequencies, maxLen);

    /// <summary>The rows of factors, [Levels.Rows x 2n] float64.</summary>
    [MethodImpl(Hot.Optimize)]
    public double[] BuildFactors()
    {
        int n = _frequencies.Length;
        var digits = Levels.Digits();
        var factors = new double[(long)Levels.Rows * 2 * n];
        int row = 0, shift = 0;
        for (int level = 0; level < Levels.Count; level++)
        {
            for (int d = 0; d < digits[level]; d++, row++)
            {
                long multiple = (long)d << shift;
                long at = (long)row * 2 * n;
                for (int k = 0; k < n; k++)
                {
                    if (multiple == 0)
                    {
                        factors[at + k] = 1.0;   // the zero digit: exactly (1, 0), so position 0 is exact and sines stay +0
                        continue;
                    }
                    DDMath.SinCos(_frequencies[k].CompactAngle(multiple), 0.0, out var sin, out var cos, out _, out _);
                    factors[at + k] = cos.Hi;
                    factors[at + n + k] = sin.Hi;
                }
            }
            if (level < Levels.Bits.Count) shift += Levels.Bits[level];
        }
        return factors;
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
