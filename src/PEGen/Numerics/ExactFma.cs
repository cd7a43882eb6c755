using System;
using System.Numerics;

namespace PEGen.Numerics;

/// <summary>
/// Fused multiply-add with one rounding, in exact integer arithmetic (netstandard2.0 has no
/// <c>Math.FusedMultiplyAdd</c>, and the generator must not depend on the host's FPU anyway).
/// Used to reproduce libraries whose float32 or float64 kernels use FMA instructions (SLEEF's AVX2
/// build, glibc's <c>powf</c> on FMA hosts) bit for bit.
/// </summary>
internal static class ExactFma
{
    /// <summary>a * b + c rounded once to float32 (ties to even). a, b, c finite.</summary>
    /// <remarks>
    /// a * b is exact in float64 (48 bits); p + c = s + e exactly (TwoSum). Every float32 midpoint is a float64,
    /// so s (the float64 nearest to s + e) is on the same side of each midpoint as s + e unless s is one: then
    /// the sign of e decides. Overflow past float32 gives infinity, as the instruction does.
    /// </remarks>
    public static float Single(float a, float b, float c)
    {
        double p = (double)a * b;
        double s = p + c;
        double bv = s - p;
        double e = (p - (s - bv)) + (c - bv);
        float f = (float)s;
        if (e == 0 || (double)f == s || float.IsInfinity(f)) return f;
        float other = s > f ? FloatBits.NextUp(f) : FloatBits.NextDown(f);
        if (s - f != (double)other - s) return f; // not a midpoint
        return e > 0 ? Math.Max(f, other) : Math.Min(f, other);
    }

    /// <summary>a * b + c rounded once to float64 (ties to even). a, b, c finite.</summary>
    public static double Double(double a, double b, double c) => Fma(a, b, c, BigFixed.Double);

    private static double Fma(double a, double b, double c, BigFixed.Format format)
    {
        if (double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c) ||
            double.IsInfinity(a) || double.IsInfinity(b) || double.IsInfinity(c))
            return a * b + c; // NaN or infinity: the product and sum are exact enough to propagate
        if (a == 0 || b == 0)
            return c == 0 ? a * b + c : c; // signed zeros as IEEE 754 adds them
        BigFixed.Decompose(a, out long ma, out int ea);
        BigFixed.Decompose(b, out long mb, out int eb);
        BigInteger product = new BigInteger(ma) * mb;
        long productScale = (long)ea + eb;
        if (c == 0)
            return BigFixed.RoundExact(product, productScale, format);
        BigFixed.Decompose(c, out long mc, out int ec);
        long scale = Math.Min(productScale, ec);
        BigInteger sum = (product << (int)(productScale - scale)) + (new BigInteger(mc) << (int)(ec - scale));
        return BigFixed.RoundExact(sum, scale, format); // an exact zero is +0 in round-to-nearest
    }
}
