using System;

namespace PEGen.TestSupport;

/// <summary>
/// IEEE-754 bit patterns of float and double, and "same bits" comparisons (which, unlike <c>==</c>,
/// tell +0 from -0 and treat a NaN as equal to the same NaN).
/// </summary>
public static class IeeeBits
{
    /// <summary>The bit pattern of a float32.</summary>
    public static uint Of(float value) => BitConverter.SingleToUInt32Bits(value);

    /// <summary>The bit pattern of a float64.</summary>
    public static ulong Of(double value) => BitConverter.DoubleToUInt64Bits(value);

    /// <summary>The float32 with bit pattern <paramref name="bits"/>.</summary>
    public static float ToSingle(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    /// <summary>The float64 with bit pattern <paramref name="bits"/>.</summary>
    public static double ToDouble(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    /// <summary>Whether two float32 values have the same bit pattern.</summary>
    public static bool Same(float expected, float actual) => Of(expected) == Of(actual);

    /// <summary>Whether two float64 values have the same bit pattern.</summary>
    public static bool Same(double expected, double actual) => Of(expected) == Of(actual);

    /// <summary>The bit patterns of a run of float32 values, to compare whole tables bit for bit.</summary>
    public static uint[] OfAll(ReadOnlySpan<float> values)
    {
        var bits = new uint[values.Length];
        for (int i = 0; i < values.Length; i++)
            bits[i] = Of(values[i]);
        return bits;
    }
}
