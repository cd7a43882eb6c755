using System;
using System.Runtime.CompilerServices;

namespace PEGen.Numerics;

/// <summary>
/// Correctly rounded sin and cos of one argument, computed together: one double-double evaluation
/// (<see cref="DDMath.SinCos"/>) serves both results, and each is rounded with the proven error bound.
/// Whenever the bound does not decide the rounding (or the argument is tiny, zero or huge) it falls back to
/// <see cref="CorrectlyRounded"/>, so the results are exactly those of <see cref="CorrectlyRounded.Sin"/> /
/// <see cref="CorrectlyRounded.Cos"/> (float) and <see cref="CorrectlyRounded.SinDouble"/> /
/// <see cref="CorrectlyRounded.CosDouble"/> (double): correct rounding has only one answer.
/// </summary>
internal static class RoundedSinCos
{
    private static readonly double SingleTiny = FloatBits.PowerOfTwo(-13);
    private static readonly double DoubleTiny = FloatBits.PowerOfTwo(-27);
    private static readonly double Huge = FloatBits.PowerOfTwo(40);

    // Cody-Waite pieces of pi/2 (fdlibm's pio2_1, pio2_2, pio2_3): the first two have 33 significant bits, so
    // k * Pio2_1 and k * Pio2_2 are exact for k < 2^20; pi/2 - (Pio2_1 + Pio2_2 + Pio2_3) is below 8.5e-32.
    private const double Pio2_1 = 1.57079632673412561417e+00;
    private const double Pio2_2 = 6.07710050630396597660e-11;
    private const double Pio2_3 = 2.02226624871116645580e-21;
    private const double TwoOverPi = 6.36619772367581382433e-01;
    private static readonly double FastLimit = FloatBits.PowerOfTwo(19);
    private static readonly double FastRelErr = FloatBits.PowerOfTwo(-46);
    private const double FastAbsErr = 1e-24;

    // Taylor coefficients (-1)^i / (2i+1)! and (-1)^i / (2i)!, |r| <= pi/4 + 2^-20: truncation below 2^-60 relative.
    private static readonly double[] s_sin = { 1.0, -1.0 / 6, 1.0 / 120, -1.0 / 5040, 1.0 / 362880, -1.0 / 39916800, 1.0 / 6227020800,
        -1.0 / 1307674368000, 1.0 / 355687428096000, -1.0 / 121645100408832000 };
    private static readonly double[] s_cos = { 1.0, -1.0 / 2, 1.0 / 24, -1.0 / 720, 1.0 / 40320, -1.0 / 3628800, 1.0 / 479001600,
        -1.0 / 87178291200, 1.0 / 20922789888000, -1.0 / 6402373705728000, 1.0 / 2432902008176640000 };

    /// <summary>float32 sin(x), cos(x), each correctly rounded.</summary>
    /// <remarks>
    /// Fast path (|x| &lt; 2^19): Cody-Waite reduction r = x - k pi/2 and Taylor polynomials, in plain double (IEEE
    /// + - * / only, no fused operations assumed). Error analysis: x - k Pio2_1 is exact (both are multiples of 2^-32 and
    /// the difference is small); the two further subtractions and the products k Pio2_3 add at most 3 * 2^-53 |r| plus
    /// k * 8.5e-32 &lt; 1e-25; the polynomials (the coefficients' own double rounding included) add a few 2^-53 relative.
    /// sin(r) and cos(r) on |r| &lt;= pi/4 have relative condition &lt;= 1.1, so each result is within
    /// 2^-49 |value| + 1e-25 of the truth; the rounding test uses the 8x larger 2^-46 |value| + 1e-24. Only when
    /// that interval straddles a float32 rounding boundary (about one argument in 2^21) is the double-double path used.
    /// Correct rounding has one answer, so the result never depends on the path taken.
    /// </remarks>
    [MethodImpl(Hot.Optimize)]
    public static void Single(float x, out float sin, out float cos)
    {
        if (TryFast(x, out double sv, out double cv))
        {
            bool sOk = FloatBits.TryRoundToSingle(new DoubleDouble(sv, 0.0), Math.Abs(sv) * FastRelErr + FastAbsErr, out sin);
            bool cOk = FloatBits.TryRoundToSingle(new DoubleDouble(cv, 0.0), Math.Abs(cv) * FastRelErr + FastAbsErr, out cos);
            if (sOk && cOk)
                return;
            SlowSingle(x, out float s2, out float c2);
            if (!sOk)
                sin = s2;
            if (!cOk)
                cos = c2;
            return;
        }
        SlowSingle(x, out sin, out cos);
    }

    /// <summary>
    /// <c>(float)sin(x)</c> and <c>(float)cos(x)</c> where sin/cos are the correctly rounded doubles: numpy float64 then
    /// <c>torch.FloatTensor</c>. The fast approximation v (error e) decides the float directly when [v - e, v + e]
    /// holds no float32 midpoint: e (2^-46 |v| + 1e-24) exceeds half a double ulp of every value in it, so the correctly
    /// rounded double also stays on that side of the midpoint and the double rounding cannot change the float.
    /// Otherwise the correctly rounded double is computed and converted.
    /// </summary>
    [MethodImpl(Hot.Optimize)]
    public static void DoubleToSingle(double x, out float sin, out float cos)
    {
        if (Math.Abs(x) >= DoubleTiny && TryFast(x, out double sv, out double cv))
        {
            bool sOk = FloatBits.TryRoundToSingle(new DoubleDouble(sv, 0.0), Math.Abs(sv) * FastRelErr + FastAbsErr, out sin);
            bool cOk = FloatBits.TryRoundToSingle(new DoubleDouble(cv, 0.0), Math.Abs(cv) * FastRelErr + FastAbsErr, out cos);
            if (sOk && cOk)
                return;
            Double(x, out double s2, out double c2);
            if (!sOk)
                sin = (float)s2;
            if (!cOk)
                cos = (float)c2;
            return;
        }
        Double(x, out double s, out double c);
        sin = (float)s;
        cos = (float)c;
    }

    /// <summary>
    /// sin and cos of a double |x| in [2^-13, 2^19) (false outside), within 2^-49 |value| + 1e-25 (see <see cref="Single"/>;
    /// for a double x, x - k Pio2_1 is exact by Sterbenz's lemma since k Pio2_1 is exact and within a factor 2 of x when k &gt;= 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryFast(double x, out double sin, out double cos)
    {
        double a = Math.Abs(x);
        if (!(a >= SingleTiny && a < FastLimit))
        {
            sin = cos = 0;
            return false;
        }
        double k = Math.Round(x * TwoOverPi, MidpointRounding.ToEven);
        double r = ((x - k * Pio2_1) - k * Pio2_2) - k * Pio2_3;
        double r2 = r * r;
        double[] sc = s_sin, cc = s_cos;
        double ps = sc[sc.Length - 1];
        for (int i = sc.Length - 2; i >= 0; i--)
            ps = ps * r2 + sc[i];
        ps *= r;
        double pc = cc[cc.Length - 1];
        for (int i = cc.Length - 2; i >= 0; i--)
            pc = pc * r2 + cc[i];
        switch ((long)k & 3)
        {
            case 0: sin = ps; cos = pc; break;
            case 1: sin = pc; cos = -ps; break;
            case 2: sin = -ps; cos = -pc; break;
            default: sin = -pc; cos = ps; break;
        }
        return true;
    }

    /// <summary>The double-double evaluation (with <see cref="CorrectlyRounded"/> as the last resort).</summary>
    internal static void SlowSingle(float x, out float sin, out float cos)
    {
        double a = Math.Abs((double)x);
        if (a >= SingleTiny && a < Huge)
        {
            DDMath.SinCos(new DoubleDouble(x, 0.0), 0.0, out DoubleDouble s, out DoubleDouble c, out double se, out double ce);
            if (!FloatBits.TryRoundToSingle(s, se, out sin))
                sin = CorrectlyRounded.Sin(x);
            if (!FloatBits.TryRoundToSingle(c, ce, out cos))
                cos = CorrectlyRounded.Cos(x);
            return;
        }
        sin = CorrectlyRounded.Sin(x);
        cos = CorrectlyRounded.Cos(x);
    }

    /// <summary>float64 sin(x), cos(x), each correctly rounded.</summary>
    [MethodImpl(Hot.Optimize)]
    public static void Double(double x, out double sin, out double cos)
    {
        double a = Math.Abs(x);
        if (a >= DoubleTiny && a < Huge)
        {
            DDMath.SinCos(new DoubleDouble(x, 0.0), 0.0, out DoubleDouble s, out DoubleDouble c, out double se, out double ce);
            if (!FloatBits.TryRoundToDouble(s, se, out sin))
                sin = CorrectlyRounded.SinDouble(x);
            if (!FloatBits.TryRoundToDouble(c, ce, out cos))
                cos = CorrectlyRounded.CosDouble(x);
            return;
        }
        sin = CorrectlyRounded.SinDouble(x);
        cos = CorrectlyRounded.CosDouble(x);
    }
}
