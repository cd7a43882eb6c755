using System;
using System.Numerics;

namespace PEGen.Numerics;

/// <summary>
/// Slow, arbitrary-precision fixed-point reference arithmetic on <see cref="BigInteger"/>.
/// A value X at precision p stands for X * 2^-p. Every public function returns a result within
/// <see cref="ErrorUnits"/> units of the last place (2^-p) of the true value; internally it works with
/// <see cref="Guard"/> extra bits so the rounding errors of its series stay far below one unit.
/// Used as the fallback of the correctly rounded fast paths and as the test reference.
/// </summary>
internal static class BigFixed
{
    /// <summary>Extra working bits of every series.</summary>
    public const int Guard = 48;

    /// <summary>Bound, in units of 2^-p, on the error of each public result.</summary>
    public const int ErrorUnits = 4;

    private static readonly object s_lock = new();
    private static BigInteger s_pi;
    private static int s_piBits = -1;
    private static BigInteger s_ln2;
    private static int s_ln2Bits = -1;

    public static int BitLength(BigInteger n)
    {
        if (n.Sign < 0)
            n = -n;
        if (n.IsZero)
            return 0;
        byte[] b = n.ToByteArray();
        int top = b.Length - 1;
        while (top > 0 && b[top] == 0)
            top--;
        int bits = top * 8;
        int v = b[top];
        while (v != 0)
        {
            bits++;
            v >>= 1;
        }
        return bits;
    }

    /// <summary>Shift with rounding (to nearest, half up); negative shifts are exact left shifts.</summary>
    public static BigInteger ShiftRound(BigInteger x, int shift)
    {
        if (shift <= 0)
            return x << -shift;
        return (x + (BigInteger.One << (shift - 1))) >> shift;
    }

    /// <summary>round(d * 2^p) (exact whenever d is a multiple of 2^-p).</summary>
    public static BigInteger FromDouble(double d, int p)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
            throw new ArgumentOutOfRangeException(nameof(d));
        if (d == 0)
            return BigInteger.Zero;
        Decompose(d, out long mant, out int exp);
        return ShiftRound(new BigInteger(mant), -(exp + p));
    }

    /// <summary>d == mant * 2^exp with mant odd (sign carried by mant); d finite nonzero.</summary>
    public static void Decompose(double d, out long mant, out int exp)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        bool neg = bits < 0;
        int e = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xFFFFFFFFFFFFFL;
        if (e == 0)
            e = 1;
        else
            m |= 1L << 52;
        exp = e - 1075;
        while (m != 0 && (m & 1) == 0)
        {
            m >>= 1;
            exp++;
        }
        mant = neg ? -m : m;
    }

    /// <summary>a * b * 2^-w truncated toward zero (so that series terms reach exactly zero).</summary>
    private static BigInteger MulShift(BigInteger a, BigInteger b, int w)
    {
        BigInteger prod = a * b;
        return prod.Sign >= 0 ? prod >> w : -((-prod) >> w);
    }

    private static BigInteger AtanInverse(int n, int w)
    {
        // atan(1/n) * 2^w
        BigInteger n2 = (BigInteger)n * n;
        BigInteger term = (BigInteger.One << w) / n;
        BigInteger sum = term;
        for (int k = 1; !term.IsZero; k++)
        {
            term /= n2;
            BigInteger t = term / (2 * k + 1);
            sum = (k & 1) == 1 ? sum - t : sum + t;
        }
        return sum;
    }

    private static BigInteger AtanhSeries(BigInteger s, int w)
    {
        // atanh(s * 2^-w) * 2^w for |s| <= 2^w / 4
        BigInteger s2 = (s * s) >> w;
        BigInteger pow = s;
        BigInteger sum = s;
        for (int k = 1; ; k++)
        {
            pow = MulShift(pow, s2, w);
            if (pow.IsZero)
                break;
            sum += pow / (2 * k + 1);
        }
        return sum;
    }

    /// <summary>pi * 2^p.</summary>
    public static BigInteger Pi(int p)
    {
        lock (s_lock)
        {
            if (s_piBits < p + Guard)
            {
                int w = Math.Max(p + Guard, 2 * Math.Max(s_piBits, 256));
                BigInteger v = 16 * AtanInverse(5, w + 16) - 4 * AtanInverse(239, w + 16);
                s_pi = ShiftRound(v, 16);
                s_piBits = w;
            }
            return ShiftRound(s_pi, s_piBits - p);
        }
    }

    /// <summary>ln 2 * 2^p.</summary>
    public static BigInteger Ln2(int p)
    {
        lock (s_lock)
        {
            if (s_ln2Bits < p + Guard)
            {
                int w = Math.Max(p + Guard, 2 * Math.Max(s_ln2Bits, 256));
                BigInteger third = (BigInteger.One << (w + 16)) / 3;
                s_ln2 = ShiftRound(2 * AtanhSeries(third, w + 16), 16);
                s_ln2Bits = w;
            }
            return ShiftRound(s_ln2, s_ln2Bits - p);
        }
    }

    /// <summary>ln(x) * 2^p for a positive finite double x.</summary>
    public static BigInteger Log(double x, int p)
    {
        if (!(x > 0) || double.IsInfinity(x))
            throw new ArgumentOutOfRangeException(nameof(x));
        Decompose(x, out long mant, out int exp);
        // x = mant * 2^exp; write x = m * 2^e with m in [0.75, 1.5).
        int mb = BitLength(mant);
        int e = exp + mb - 1;          // mant * 2^exp = (mant / 2^(mb-1)) * 2^e, ratio in [1, 2)
        int w = p + Guard;
        BigInteger m = new BigInteger(mant) << (w - (mb - 1)); // m * 2^w, in [1, 2) * 2^w
        BigInteger one = BigInteger.One << w;
        if (m * 2 >= 3 * one)
        {
            m >>= 1; // exact: w is large enough that m had trailing zeros
            e++;
        }
        BigInteger s = ((m - one) << w) / (m + one);
        BigInteger result = 2 * AtanhSeries(s, w) + e * Ln2(w);
        return ShiftRound(result, Guard);
    }

    /// <summary>
    /// exp(x * 2^-p) = E * 2^(n - p) with E returned (E * 2^-p in [0.7, 1.42]) and n out.
    /// Relative error at most ErrorUnits * 2^-p (x exact).
    /// </summary>
    public static BigInteger Exp(BigInteger x, int p, out int n)
    {
        int intBits = Math.Max(0, BitLength(x) - p) + 2;
        int w = p + Guard + intBits;
        BigInteger xw = x << (w - p);
        BigInteger ln2 = Ln2(w);
        BigInteger q = BigInteger.Divide(xw + (ln2 >> 1), ln2);
        if (xw + (ln2 >> 1) < q * ln2)
            q -= 1; // floor division
        n = (int)q;
        BigInteger r = xw - q * ln2; // in [-ln2/2, ln2/2)
        BigInteger sum = BigInteger.One << w;
        BigInteger term = sum;
        for (int k = 1; ; k++)
        {
            term = MulShift(term, r, w) / k;
            if (term.IsZero)
                break;
            sum += term;
        }
        return ShiftRound(sum, w - p);
    }

    /// <summary>sin and cos of x * 2^-p (x exact), each times 2^p.</summary>
    public static void SinCos(BigInteger x, int p, out BigInteger sin, out BigInteger cos)
    {
        int intBits = Math.Max(0, BitLength(x) - p) + 2;
        int w = p + Guard + intBits;
        BigInteger xw = x << (w - p);
        BigInteger halfPi = Pi(w - 1); // pi/2 * 2^w
        BigInteger k = BigInteger.Divide(xw + (halfPi >> 1), halfPi);
        if (xw + (halfPi >> 1) < k * halfPi)
            k -= 1;
        BigInteger r = xw - k * halfPi;
        BigInteger r2 = r * r >> w;
        BigInteger s = r, c = BigInteger.One << w;
        BigInteger term = r;
        for (int i = 1; ; i++)
        {
            term = -MulShift(term, r2, w) / ((2 * i) * (2 * i + 1));
            if (term.IsZero)
                break;
            s += term;
        }
        term = c;
        for (int i = 1; ; i++)
        {
            term = -MulShift(term, r2, w) / ((2 * i - 1) * (2 * i));
            if (term.IsZero)
                break;
            c += term;
        }
        int quadrant = (int)(((k % 4) + 4) % 4);
        BigInteger sn, cs;
        switch (quadrant)
        {
            case 0: sn = s; cs = c; break;
            case 1: sn = c; cs = -s; break;
            case 2: sn = -s; cs = -c; break;
            default: sn = -c; cs = s; break;
        }
        sin = ShiftRound(sn, w - p);
        cos = ShiftRound(cs, w - p);
    }

    // ---- exact rounding to binary formats ----

    /// <summary>Binary32: 24-bit significand, quantum 2^-149, largest exponent 127.</summary>
    public static readonly Format Single = new(24, -149, 127);

    /// <summary>Binary64: 53-bit significand, quantum 2^-1074, largest exponent 1023.</summary>
    public static readonly Format Double = new(53, -1074, 1023);

    internal readonly struct Format
    {
        public readonly int Precision, MinQuantumExp, MaxExp;

        public Format(int precision, int minQuantumExp, int maxExp)
        {
            Precision = precision;
            MinQuantumExp = minQuantumExp;
            MaxExp = maxExp;
        }
    }

    /// <summary>m * 2^scale rounded to nearest (ties to even) in the format, returned as a double (exact for binary32).</summary>
    public static double RoundExact(BigInteger m, long scale, Format fmt)
    {
        if (m.IsZero)
            return 0.0;
        bool neg = m.Sign < 0;
        BigInteger n = neg ? -m : m;
        int bl = BitLength(n);
        long e = bl - 1 + scale;
        double result;
        if (e > fmt.MaxExp + 1)
        {
            result = double.PositiveInfinity;
        }
        else if (e < fmt.MinQuantumExp - 2)
        {
            result = 0.0;
        }
        else
        {
            long q = Math.Max(e - (fmt.Precision - 1), fmt.MinQuantumExp);
            long shift = q - scale;
            BigInteger mant;
            if (shift <= 0)
            {
                mant = n << (int)-shift;
            }
            else
            {
                mant = n >> (int)shift;
                BigInteger rem = n - (mant << (int)shift);
                BigInteger half = BigInteger.One << (int)(shift - 1);
                int cmp = rem.CompareTo(half);
                if (cmp > 0 || (cmp == 0 && !mant.IsEven))
                    mant += 1;
            }
            if (BitLength(mant) > fmt.Precision)
            {
                mant >>= 1;
                q++;
            }
            if (BitLength(mant) - 1 + q > fmt.MaxExp)
                result = double.PositiveInfinity;
            else
                result = (double)(long)mant * FloatBits.PowerOfTwo((int)q);
        }
        return neg ? -result : result;
    }

    /// <summary>True when every value in (m-err, m+err) * 2^scale rounds to the same format value.</summary>
    public static bool TryRound(BigInteger m, long scale, BigInteger err, Format fmt, out double value)
    {
        double a = RoundExact(m - err, scale, fmt);
        double b = RoundExact(m + err, scale, fmt);
        value = a;
        return BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
    }

    /// <summary>Ziv loop: evaluates at 128, 256, ... bits until the rounding is decided.</summary>
    public static double Evaluate(Func<int, (BigInteger Mantissa, long Scale, BigInteger Error)> approx, Format fmt)
    {
        for (int p = 128; p <= 1 << 16; p *= 2)
        {
            var (m, scale, err) = approx(p);
            if (TryRound(m, scale, err, fmt, out double v))
                return v;
        }
        throw new InvalidOperationException("Rounding could not be decided (exact midpoint?).");
    }

    /// <summary>Integer square root (floor).</summary>
    public static BigInteger ISqrt(BigInteger n)
    {
        if (n.Sign <= 0)
            return BigInteger.Zero;
        BigInteger x = BigInteger.One << ((BitLength(n) + 1) / 2);
        while (true)
        {
            BigInteger y = (x + n / x) >> 1;
            if (y >= x)
                return x;
            x = y;
        }
    }
}
