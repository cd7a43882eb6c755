using System;
using System.Numerics;

namespace PEGen.Numerics;

/// <summary>
/// Correctly rounded (to nearest, ties to even) elementary functions in float32 and float64, host independent.
/// Fast path: double-double with an error bound; fallback: <see cref="BigFixed"/> Ziv loop.
/// Used to emulate numpy float64 and PyTorch float32 formulas with ideal libm results.
/// </summary>
internal static class CorrectlyRounded
{
    private static readonly double P2m27 = FloatBits.PowerOfTwo(-27);
    private static readonly double P2m13 = FloatBits.PowerOfTwo(-13);
    private static readonly double P2m60 = FloatBits.PowerOfTwo(-60);
    private static readonly double P2m30 = FloatBits.PowerOfTwo(-30);
    private static readonly double P2m40 = FloatBits.PowerOfTwo(40);
    private static readonly double RelExpErr = FloatBits.PowerOfTwo(-94);
    private static readonly double RelLogErr = FloatBits.PowerOfTwo(-96);

    // ---------------- float32 ----------------

    public static float Exp(float x) => (float)ExpCore(x, BigFixed.Single);

    public static float Sin(float x) => (float)SinCosCore(x, true, BigFixed.Single);

    public static float Cos(float x) => (float)SinCosCore(x, false, BigFixed.Single);

    public static float Pow(float x, float y) => (float)PowCore(x, y, BigFixed.Single);

    public static float Log(float x) => (float)LogCore(x, BigFixed.Single);

    /// <summary>x^y for float64 arguments, correctly rounded to float32 (one rounding, no detour through float64).</summary>
    public static float PowSingle(double x, double y) => (float)PowCore(x, y, BigFixed.Single);

    // ---------------- float64 ----------------

    public static double ExpDouble(double x) => ExpCore(x, BigFixed.Double);

    public static double SinDouble(double x) => SinCosCore(x, true, BigFixed.Double);

    public static double CosDouble(double x) => SinCosCore(x, false, BigFixed.Double);

    public static double LogDouble(double x) => LogCore(x, BigFixed.Double);

    public static double PowDouble(double x, double y) => PowCore(x, y, BigFixed.Double);

    // ---------------- shared ----------------

    private static bool IsSingle(BigFixed.Format fmt) => fmt.Precision == 24;

    private static bool TryRound(DoubleDouble v, double err, BigFixed.Format fmt, out double result)
    {
        if (IsSingle(fmt))
        {
            bool ok = FloatBits.TryRoundToSingle(v, err, out float f);
            result = f;
            return ok;
        }
        return FloatBits.TryRoundToDouble(v, err, out result);
    }

    private static double ExpCore(double x, BigFixed.Format fmt)
    {
        if (double.IsNaN(x))
            return double.NaN;
        bool single = IsSingle(fmt);
        double overflow = single ? 89.0 : 710.0;
        double underflow = single ? -104.5 : -745.5;
        if (x > overflow)
            return double.PositiveInfinity;
        if (x < underflow)
            return 0.0;
        if (Math.Abs(x) < (single ? P2m30 : P2m60))
            return 1.0;
        if (x > (single ? -87.0 : -708.0))
        {
            DoubleDouble v = DDMath.Exp(x);
            if (TryRound(v, Math.Abs(v.Hi) * RelExpErr, fmt, out double r))
                return r;
        }
        return SlowExpOf(p => (BigFixed.FromDouble(x, p), p), fmt);
    }

    /// <summary>exp of a value given as (X, scale) = X * 2^-scale, exact for each working precision p.</summary>
    private static double SlowExpOf(Func<int, (BigInteger X, int Scale)> arg, BigFixed.Format fmt)
    {
        return BigFixed.Evaluate(p =>
        {
            var (xv, scale) = arg(p + 16);
            BigInteger e = BigFixed.Exp(xv, scale, out int n);
            // exp = e * 2^(n - scale), relative error ErrorUnits * 2^-scale; express at p bits.
            BigInteger m = BigFixed.ShiftRound(e, scale - p);
            return (m, (long)n - p, new BigInteger(BigFixed.ErrorUnits + 2));
        }, fmt);
    }

    private static double SinCosCore(double x, bool wantSin, BigFixed.Format fmt)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
            return double.NaN;
        double tiny = IsSingle(fmt) ? P2m13 : P2m27;
        if (Math.Abs(x) < tiny)
            return wantSin ? x : 1.0;
        if (Math.Abs(x) < P2m40)
        {
            DDMath.SinCos(x, 0.0, out DoubleDouble s, out DoubleDouble c, out double se, out double ce);
            if (wantSin ? TryRound(s, se, fmt, out double r) : TryRound(c, ce, fmt, out r))
                return r;
        }
        return BigFixed.Evaluate(p =>
        {
            BigFixed.SinCos(BigFixed.FromDouble(x, p), p, out BigInteger s, out BigInteger c);
            return (wantSin ? s : c, -p, new BigInteger(BigFixed.ErrorUnits + 1));
        }, fmt);
    }

    private static double LogCore(double x, BigFixed.Format fmt)
    {
        if (double.IsNaN(x) || x < 0)
            return double.NaN;
        if (x == 0)
            return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x))
            return double.PositiveInfinity;
        if (x == 1.0)
            return 0.0;
        DoubleDouble v = DDMath.Log(x);
        if (TryRound(v, Math.Abs(v.Hi) * RelLogErr, fmt, out double r))
            return r;
        return BigFixed.Evaluate(p => (BigFixed.Log(x, p), -p, new BigInteger(BigFixed.ErrorUnits + 1)), fmt);
    }

    private static bool IsInteger(double y) => Math.Floor(y) == y && !double.IsInfinity(y);

    private static bool IsOddInteger(double y)
    {
        if (!IsInteger(y) || Math.Abs(y) >= 9007199254740992.0)
            return false;
        return Math.Abs(y - 2.0 * Math.Floor(y * 0.5)) == 1.0;
    }

    private static double PowCore(double x, double y, BigFixed.Format fmt)
    {
        // C99 / IEEE 754 pow special cases.
        if (y == 0)
            return 1.0;
        if (x == 1.0)
            return 1.0;
        if (double.IsNaN(x) || double.IsNaN(y))
            return double.NaN;
        bool yOdd = IsOddInteger(y);
        if (double.IsInfinity(y))
        {
            double ax = Math.Abs(x);
            if (ax == 1.0)
                return 1.0;
            return (ax > 1.0) == (y > 0) ? double.PositiveInfinity : 0.0;
        }
        if (x == 0)
        {
            bool negZero = BitConverter.DoubleToInt64Bits(x) < 0;
            if (y < 0)
                return yOdd && negZero ? double.NegativeInfinity : double.PositiveInfinity;
            return yOdd && negZero ? -0.0 : 0.0;
        }
        if (double.IsInfinity(x))
        {
            if (x > 0)
                return y > 0 ? double.PositiveInfinity : 0.0;
            if (y > 0)
                return yOdd ? double.NegativeInfinity : double.PositiveInfinity;
            return yOdd ? -0.0 : 0.0;
        }
        bool negate = false;
        if (x < 0)
        {
            if (!IsInteger(y))
                return double.NaN;
            negate = yOdd;
            x = -x;
        }
        double result = PowPositive(x, y, fmt);
        return negate ? -result : result;
    }

    private static double PowPositive(double x, double y, BigFixed.Format fmt)
    {
        if (TryPowExact(x, y, out BigInteger em, out long escale))
            return BigFixed.RoundExact(em, escale, fmt);
        bool single = IsSingle(fmt);
        double overflow = single ? 89.0 : 710.0;
        double underflow = single ? -104.5 : -745.5;
        DoubleDouble lnx = DDMath.Log(x);
        double zEst = lnx.Hi * y;
        if (zEst > overflow * 1.001)
            return double.PositiveInfinity;
        if (zEst < underflow * 1.001)
            return 0.0;
        DoubleDouble z = lnx * y;
        double zErr = Math.Abs(z.Hi) * FloatBits.PowerOfTwo(-95);
        if (z.Hi < overflow && z.Hi > underflow && z.Hi > (single ? -87.0 : -708.0) && Math.Abs(z.Hi) > FloatBits.PowerOfTwo(-900))
        {
            DoubleDouble v = DDMath.Exp(z);
            double err = Math.Abs(v.Hi) * (RelExpErr + 2.0 * zErr);
            if (TryRound(v, err, fmt, out double r))
                return r;
        }
        BigFixed.Decompose(y, out long my, out int ey);
        int yBits = BigFixed.BitLength(my) + Math.Max(ey, 0);
        return SlowExpOf(p =>
        {
            // z = y ln x at precision p: ln x at q = p + yBits + 8 bits, times my * 2^ey
            int q = p + yBits + 8 + Math.Max(0, -ey);
            BigInteger l = BigFixed.Log(x, q) * my;
            // value = l * 2^(ey - q); want scale p: shift by (q - ey) - p
            return (BigFixed.ShiftRound(l, q - ey - p), p);
        }, fmt);
    }

    /// <summary>
    /// Detects x^y (x &gt; 0) that is a dyadic rational of modest size and returns it exactly as m * 2^scale.
    /// These are the only cases that can be float midpoints (where a Ziv loop would not terminate).
    /// </summary>
    internal static bool TryPowExact(double x, double y, out BigInteger m, out long scale)
    {
        m = BigInteger.Zero;
        scale = 0;
        BigFixed.Decompose(x, out long mx, out int ex);
        BigFixed.Decompose(y, out long my, out int ey);
        if (mx == 1)
        {
            // x = 2^ex, x^y = 2^(ex*y): dyadic iff ex*y is an integer.
            BigInteger e = new BigInteger(ex) * my;
            if (ey < 0)
            {
                BigInteger d = BigInteger.One << -ey;
                if (!(e % d).IsZero)
                    return false;
                e /= d;
            }
            else
            {
                e <<= Math.Min(ey, 2000);
            }
            if (e > 5000)
                e = 5000;
            if (e < -5000)
                e = -5000;
            m = BigInteger.One;
            scale = (long)e;
            return true;
        }
        BigInteger root = mx;
        BigInteger yNum = my;
        long ex2 = ex;
        if (ey >= 0)
        {
            if (ey > 16)
                return false;
            yNum = (BigInteger)my << ey;
        }
        else
        {
            int k = -ey;
            if (k > 6)
                return false;
            for (int i = 0; i < k; i++)
            {
                BigInteger s = BigFixed.ISqrt(root);
                if (s * s != root)
                    return false;
                root = s;
            }
            BigInteger exy = new BigInteger(ex) * my;
            long d = 1L << k;
            if (!(exy % d).IsZero)
                return false;
            ex2 = (long)(exy / d);
            // x^y = root^my * 2^ex2
            if (my < 0)
                return false;
            if ((long)BigFixed.BitLength(root) * my > 128)
                return false;
            m = BigInteger.Pow(root, (int)my);
            scale = ex2;
            return true;
        }
        if (yNum.Sign < 0)
            return false;
        if (BigFixed.BitLength(root) * yNum > 128)
            return false;
        int n = (int)yNum;
        m = BigInteger.Pow(root, n);
        scale = ex2 * n;
        return true;
    }
}
