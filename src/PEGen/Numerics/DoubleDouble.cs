using System;

namespace PEGen.Numerics;

/// <summary>
/// An unevaluated sum <c>Hi + Lo</c> of two doubles with <c>|Lo| &lt;= ulp(Hi)/2</c> (about 106 bits).
/// Only IEEE-754 double <c>+ - * /</c> are used (no FMA, no libm), so every result is bit-identical on every host.
/// </summary>
internal readonly struct DoubleDouble : IEquatable<DoubleDouble>
{
    /// <summary>Leading part: the double nearest to the value.</summary>
    public readonly double Hi;

    /// <summary>Trailing part.</summary>
    public readonly double Lo;

    /// <summary>Creates a value from parts that are already normalized (<c>Hi == Hi + Lo</c> in double).</summary>
    public DoubleDouble(double hi, double lo)
    {
        Hi = hi;
        Lo = lo;
    }

    public static readonly DoubleDouble Zero = new(0.0, 0.0);
    public static readonly DoubleDouble One = new(1.0, 0.0);

    /// <summary>Exact conversion of any 64-bit integer.</summary>
    public static DoubleDouble FromInt(long value)
    {
        // (double)value rounds to nearest; the remainder value - hi fits in a long and then exactly in a double.
        double hi = value;
        long hiAsLong = hi >= 9223372036854775807.0 ? long.MaxValue : (long)hi;
        double lo;
        if (hi >= 9223372036854775807.0)
        {
            // hi = 2^63, value - 2^63 = value - long.MaxValue - 1 (no overflow).
            lo = (double)(value - hiAsLong) - 1.0;
        }
        else
        {
            lo = value - hiAsLong;
        }
        return Normalize(hi, lo);
    }

    public static DoubleDouble FromDouble(double value) => new(value, 0.0);

    public static implicit operator DoubleDouble(double value) => new(value, 0.0);

    /// <summary>Rounds to the nearest double (the leading part).</summary>
    public double ToDouble() => Hi;

    public bool IsZero => Hi == 0.0;

    public int Sign => Hi > 0 ? 1 : Hi < 0 ? -1 : 0;

    // ---- error-free transformations ----

    /// <summary>Knuth TwoSum: s + e == a + b exactly.</summary>
    public static double TwoSum(double a, double b, out double e)
    {
        double s = a + b;
        double bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    /// <summary>Dekker FastTwoSum, requires |a| &gt;= |b| (or a == 0).</summary>
    public static double FastTwoSum(double a, double b, out double e)
    {
        double s = a + b;
        e = b - (s - a);
        return s;
    }

    private const double SplitFactor = 134217729.0; // 2^27 + 1

    /// <summary>Veltkamp split: a == hi + lo with both halves holding at most 26 significant bits.</summary>
    public static void Split(double a, out double hi, out double lo)
    {
        double t = SplitFactor * a;
        hi = t - (t - a);
        lo = a - hi;
    }

    /// <summary>Dekker TwoProduct: p + e == a * b exactly (barring overflow/underflow).</summary>
    public static double TwoProduct(double a, double b, out double e)
    {
        double p = a * b;
        Split(a, out double ah, out double al);
        Split(b, out double bh, out double bl);
        e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
        return p;
    }

    private static DoubleDouble Normalize(double hi, double lo)
    {
        double s = FastTwoSum(hi, lo, out double e);
        return new DoubleDouble(s, e);
    }

    // ---- arithmetic ----

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    /// <summary>Accurate addition (relative error about 3*2^-106 of the result).</summary>
    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        double s = TwoSum(a.Hi, b.Hi, out double e);
        double t = TwoSum(a.Lo, b.Lo, out double f);
        e += t;
        s = FastTwoSum(s, e, out e);
        e += f;
        s = FastTwoSum(s, e, out e);
        return new DoubleDouble(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    public static DoubleDouble operator +(DoubleDouble a, double b)
    {
        double s = TwoSum(a.Hi, b, out double e);
        e += a.Lo;
        s = FastTwoSum(s, e, out e);
        return new DoubleDouble(s, e);
    }

    public static DoubleDouble operator +(double b, DoubleDouble a) => a + b;

    public static DoubleDouble operator -(DoubleDouble a, double b) => a + (-b);

    public static DoubleDouble operator -(double a, DoubleDouble b) => (-b) + a;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = TwoProduct(a.Hi, b.Hi, out double e);
        e += a.Hi * b.Lo + a.Lo * b.Hi;
        p = FastTwoSum(p, e, out e);
        return new DoubleDouble(p, e);
    }

    public static DoubleDouble operator *(DoubleDouble a, double b)
    {
        double p = TwoProduct(a.Hi, b, out double e);
        e += a.Lo * b;
        p = FastTwoSum(p, e, out e);
        return new DoubleDouble(p, e);
    }

    public static DoubleDouble operator *(double b, DoubleDouble a) => a * b;

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = a - b * q1;
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        double q = FastTwoSum(q1, q2, out double e);
        return new DoubleDouble(q, e) + q3;
    }

    public static DoubleDouble operator /(DoubleDouble a, double b)
    {
        double q1 = a.Hi / b;
        double p = TwoProduct(q1, b, out double pe);
        double s = TwoSum(a.Hi, -p, out double se);
        se -= pe;
        se += a.Lo;
        double q2 = (s + se) / b;
        double q = FastTwoSum(q1, q2, out double e);
        return new DoubleDouble(q, e);
    }

    /// <summary>Exact multiplication by 2^n (no overflow/underflow assumed for |n| &lt;= 1000 and moderate values).</summary>
    public DoubleDouble ScaleByPowerOfTwo(int n)
    {
        double f = FloatBits.PowerOfTwo(n);
        return new DoubleDouble(Hi * f, Lo * f);
    }

    public DoubleDouble Abs() => Hi < 0 ? -this : this;

    public static bool operator <(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);
    public static bool operator >(DoubleDouble a, DoubleDouble b) => b < a;
    public static bool operator <=(DoubleDouble a, DoubleDouble b) => !(b < a);
    public static bool operator >=(DoubleDouble a, DoubleDouble b) => !(a < b);
    public static bool operator ==(DoubleDouble a, DoubleDouble b) => a.Hi == b.Hi && a.Lo == b.Lo;
    public static bool operator !=(DoubleDouble a, DoubleDouble b) => !(a == b);

    public bool Equals(DoubleDouble other) => this == other;

    public override bool Equals(object? obj) => obj is DoubleDouble other && this == other;

    public override int GetHashCode() => Hi.GetHashCode() * 31 + Lo.GetHashCode();

    public override string ToString() =>
        Hi.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " + " +
        Lo.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
