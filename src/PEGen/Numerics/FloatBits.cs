using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PEGen.Numerics;

/// <summary>Bit-level helpers for float/double and the "is this approximation safely roundable" checks.</summary>
internal static class FloatBits
{
    /// <summary>Exactly 2^n as a double (subnormal for n &lt; -1022, 0 below -1074, +inf above 1023).</summary>
    public static double PowerOfTwo(int n)
    {
        if (n > 1023)
            return double.PositiveInfinity;
        if (n >= -1022)
            return BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);
        if (n >= -1074)
            return BitConverter.Int64BitsToDouble(1L << (n + 1074));
        return 0.0;
    }

    /// <summary>The IEEE-754 bits of a float (netstandard2.0 has no BitConverter.SingleToUInt32Bits; a union reads them without allocating).</summary>
    public static uint SingleToBits(float f) => new SingleUnion { Single = f }.Bits;

    public static float BitsToSingle(uint bits) => new SingleUnion { Bits = bits }.Single;

    [StructLayout(LayoutKind.Explicit)]
    private struct SingleUnion
    {
        [FieldOffset(0)] public float Single;
        [FieldOffset(0)] public uint Bits;
    }

    /// <summary>Next double toward +inf (finite input).</summary>
    public static double NextUp(double d)
    {
        if (d == 0.0)
            return double.Epsilon;
        long bits = BitConverter.DoubleToInt64Bits(d);
        bits += d > 0 ? 1 : -1;
        return BitConverter.Int64BitsToDouble(bits);
    }

    /// <summary>Next double toward -inf (finite input).</summary>
    public static double NextDown(double d) => -NextUp(-d);

    /// <summary>Next float toward +inf (finite input).</summary>
    public static float NextUp(float f)
    {
        if (f == 0.0f)
            return float.Epsilon;
        uint bits = SingleToBits(f);
        bits = f > 0 ? bits + 1 : bits - 1;
        return BitsToSingle(bits);
    }

    /// <summary>Next float toward -inf (finite input).</summary>
    public static float NextDown(float f) => -NextUp(-f);

    /// <summary>Unbiased binary exponent of a finite nonzero double (floor(log2|d|)).</summary>
    public static int Exponent(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL;
        int e = (int)(bits >> 52);
        if (e != 0)
            return e - 1023;
        long m = bits & 0xFFFFFFFFFFFFFL;
        int k = -1023;
        while ((m & (1L << 52)) == 0)
        {
            m <<= 1;
            k--;
        }
        return k + 1;
    }

    private const double Slack = 1.0 + 1.0 / 1024;

    /// <summary>
    /// If every real in [v - err, v + err] rounds (to nearest, ties to even) to the same float, returns true with that float.
    /// </summary>
    [MethodImpl(Hot.Optimize)]
    public static bool TryRoundToSingle(DoubleDouble v, double err, out float result)
    {
        result = 0;
        double hi = v.Hi, lo = v.Lo;
        if (!(hi != 0.0) || double.IsInfinity(hi) || double.IsNaN(hi) || double.IsNaN(err))
            return false;
        bool neg = hi < 0;
        if (neg)
        {
            hi = -hi;
            lo = -lo;
        }
        float f = (float)hi;
        if (!(f < float.MaxValue) || f == 0.0f)
            return false;
        double a = f;
        long bits = BitConverter.DoubleToInt64Bits(a);
        int e = (int)(bits >> 52) - 1023;
        bool powerOfTwo = (bits & 0xFFFFFFFFFFFFFL) == 0;
        int qe = (e < -126 ? -126 : e) - 24;               // half of the float spacing above a
        double halfUp = BitConverter.Int64BitsToDouble((long)(qe + 1023) << 52);
        double halfDown = powerOfTwo && e > -126 ? halfUp * 0.5 : halfUp;
        double toLower = ((hi - a) + halfDown) + lo;
        double toUpper = (halfUp - (hi - a)) - lo;
        double margin = err * Slack;
        if (toLower > margin && toUpper > margin)
        {
            result = neg ? -f : f;
            return true;
        }
        return false;
    }

    /// <summary>
    /// If every real in [v - err, v + err] rounds (to nearest, ties to even) to the same double, returns true with that double.
    /// Requires a normalized <paramref name="v"/> whose value is a normal double well above the subnormal range.
    /// </summary>
    public static bool TryRoundToDouble(DoubleDouble v, double err, out double result)
    {
        result = 0;
        double d = v.Hi;
        if (!(d != 0.0) || double.IsInfinity(d) || double.IsNaN(d) || double.IsNaN(err))
            return false;
        if (Math.Abs(d) < 1e-290 || Math.Abs(d) >= double.MaxValue)
            return false;
        double halfUp = (NextUp(d) - d) * 0.5;
        double halfDown = (d - NextDown(d)) * 0.5;
        double toUpper = halfUp - v.Lo;
        double toLower = halfDown + v.Lo;
        double e = err * Slack;
        if (toLower > e && toUpper > e)
        {
            result = d;
            return true;
        }
        return false;
    }
}
