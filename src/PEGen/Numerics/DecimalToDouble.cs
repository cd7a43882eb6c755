using System.Numerics;

namespace PEGen.Numerics;

/// <summary>
/// Decimal digits to the correctly rounded double (round to nearest, ties to even). The host's
/// <c>double.Parse</c> is not used: .NET Framework (Visual Studio's analyzer host) neither rounds every input
/// correctly nor returns infinity on overflow, and the IDE and the command-line build must read the same value.
/// </summary>
internal static class DecimalToDouble
{
    // More digits than any double needs to be told apart from its neighbours (767 significant digits
    // decide the rounding of a subnormal); the rest only matter as "non-zero", a sticky bit.
    private const int MaxDigits = 800;

    // 10^0 .. 10^22 are exact doubles, so one multiplication or division by them rounds correctly.
    private static readonly double[] ExactPowers =
    {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    /// <summary>
    /// The double nearest to <c>±digits × 10^exponent</c>; ±infinity past the double range, ±0 below it.
    /// </summary>
    /// <param name="negative">The sign.</param>
    /// <param name="digits">Decimal digits '0'..'9' of the integer significand (leading zeros allowed).</param>
    /// <param name="exponent">The power of ten the significand is scaled by (saturated by the caller is fine).</param>
    public static double Convert(bool negative, string digits, long exponent)
    {
        int start = 0;
        while (start < digits.Length && digits[start] == '0') start++;
        int end = digits.Length;
        while (end > start && digits[end - 1] == '0') { end--; exponent++; }
        int count = end - start;
        double sign = negative ? -1.0 : 1.0;
        if (count == 0) return sign * 0.0;

        // value lies in [10^(count - 1 + exponent), 10^(count + exponent)).
        if (count - 1 + exponent > 309) return sign * double.PositiveInfinity;
        if (count + exponent < -325) return sign * 0.0;

        bool tail = false;
        if (count > MaxDigits)
        {
            exponent += count - MaxDigits;
            count = MaxDigits;
            tail = true;   // the dropped digits are not all zero: the trailing zeros were stripped above
        }
        string significand = digits.Substring(start, count);

        if (!tail && count <= 15 && exponent >= -22 && exponent <= 22)
        {
            double m = long.Parse(significand, System.Globalization.CultureInfo.InvariantCulture);
            return sign * (exponent >= 0 ? m * ExactPowers[exponent] : m / ExactPowers[-exponent]);
        }

        var mantissa = BigInteger.Parse(significand, System.Globalization.CultureInfo.InvariantCulture);
        if (exponent >= 0)
            return sign * Round(mantissa * BigInteger.Pow(10, (int)exponent), 0, tail);

        // value = mantissa / 10^-exponent: a quotient of at least 55 bits, the remainder as sticky bit.
        var denominator = BigInteger.Pow(10, (int)-exponent);
        int shift = 56 + BitLength(denominator) - BitLength(mantissa);
        var numerator = shift >= 0 ? mantissa << shift : mantissa;
        if (shift < 0) denominator <<= -shift;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        return sign * Round(quotient, -shift, tail || !remainder.IsZero);
    }

    // (q + a fraction below one when sticky) × 2^exp2, q > 0, rounded to the nearest double.
    private static double Round(BigInteger q, int exp2, bool sticky)
    {
        int length = BitLength(q);
        int e = length - 1 + exp2;                       // floor(log2(value))
        if (e > 1023) return double.PositiveInfinity;
        int kept = e >= -1022 ? 53 : e + 1075;           // significant bits of a normal or subnormal result
        if (kept <= 0)
        {
            // Below the smallest subnormal 2^-1074: nearer to it than to 0 only above half of it.
            bool aboveHalf = kept == 0 && (sticky || q != BigInteger.One << (length - 1));
            return aboveHalf ? double.Epsilon : 0.0;
        }

        int drop = length - kept;
        BigInteger m;
        if (drop <= 0)
        {
            m = q << -drop;                              // exact (callers give enough bits whenever sticky)
        }
        else
        {
            m = q >> drop;
            var rest = q - (m << drop);
            int half = rest.CompareTo(BigInteger.One << (drop - 1));
            if (half > 0 || (half == 0 && (sticky || !m.IsEven))) m += 1;
        }

        long bits = (long)m;
        if (e >= -1022)
        {
            if (bits == 1L << 53) { bits >>= 1; e++; }
            if (e > 1023) return double.PositiveInfinity;
            return System.BitConverter.Int64BitsToDouble(((long)(e + 1023) << 52) | (bits & ((1L << 52) - 1)));
        }
        // Subnormal: bits × 2^-1074; a carry into bit 52 is exactly the smallest normal's pattern.
        return System.BitConverter.Int64BitsToDouble(bits);
    }

    private static int BitLength(BigInteger value)
    {
        byte[] bytes = value.ToByteArray();              // little-endian, non-negative here
        int top = bytes.Length - 1;
        while (top > 0 && bytes[top] == 0) top--;
        int length = top * 8;
        for (int b = bytes[top]; b != 0; b >>= 1) length++;
        return length;
    }
}
