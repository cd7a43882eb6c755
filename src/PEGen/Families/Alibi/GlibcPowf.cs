using System;
using PEGen.Numerics;

namespace PEGen.Families.Alibi;

/// <summary>
/// PyTorch's scalar float32 <c>pow</c> on Linux x86-64: <c>std::pow(float, float)</c>, i.e. glibc's
/// <c>powf</c> (2.27 and later; the reference machine ran Debian's 2.36) in its FMA variant
/// (<c>__powf_fma</c>, chosen on every CPU with FMA). Re-expressed as float64 steps: log2(x) from a
/// 16-entry table and a degree-5 polynomial, y · log2(x), then 2^(that) from a 32-entry table and a cubic,
/// rounded once to float32. Which of glibc's a·b + c steps the compiler fused was read off the machine
/// code (each fused one rounds once here, <see cref="ExactFma"/>); the table constants are the values in
/// that library. About 0.82 ulp at worst, so not correctly rounded (BLOOM's slope 156 of 157-159 heads
/// shows it). Only x &gt; 0 normal and y finite are handled (ALiBi's bases and exponents).
/// The algorithm and its tables are ARM optimized-routines' <c>powf</c> (MIT; glibc ships the same code):
/// see THIRD-PARTY-NOTICES.md.
/// </summary>
internal static class GlibcPowf
{
    // (1/c, log2(c)) per subinterval of [0x3f330000, 2 * 0x3f330000).
    private static readonly double[] InvC =
    {
        H(0x3ff661ec79f8f3beL), H(0x3ff571ed4aaf883dL), H(0x3ff49539f0f010b0L), H(0x3ff3c995b0b80385L),
        H(0x3ff30d190c8864a5L), H(0x3ff25e227b0b8ea0L), H(0x3ff1bb4a4a1a343fL), H(0x3ff12358f08ae5baL),
        H(0x3ff0953f419900a7L), H(0x3ff0000000000000L), H(0x3fee608cfd9a47acL), H(0x3feca4b31f026aa0L),
        H(0x3feb2036576afce6L), H(0x3fe9c2d163a1aa2dL), H(0x3fe886e6037841edL), H(0x3fe767dcf5534862L),
    };

    private static readonly double[] LogC =
    {
        -H(0x3fdefec65b963019L), -H(0x3fdb0b6832d4fca4L), -H(0x3fd7418b0a1fb77bL), -H(0x3fd39de91a6dcf7bL),
        -H(0x3fd01d9bf3f2b631L), -H(0x3fc97c1d1b3b7af0L), -H(0x3fc2f9e393af3c9fL), -H(0x3fb960cbbf788d5cL),
        -H(0x3faa6f9db6475fceL), 0.0, H(0x3fb338ca9f24f53dL), H(0x3fc476a9543891baL),
        H(0x3fce840b4ac4e4d2L), H(0x3fd40645f0c6651cL), H(0x3fd88e9c2c1b9ff8L), H(0x3fdce0a44eb17bccL),
    };

    private static readonly double A0 = H(0x3fd27616c9496e0bL), A1 = -H(0x3fd71969a075c67aL), A2 = H(0x3fdec70a6ca7baddL),
        A3 = -H(0x3fe7154748bef6c8L), A4 = H(0x3ff71547652ab82bL);

    // 2^(i/32) with the exponent bits taken out (they come from the integer part).
    private static readonly ulong[] Exp2Table =
    {
        0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51, 0x3fef72b83c7d517b, 0x3fef54873168b9aa,
        0x3fef387a6e756238, 0x3fef1e9df51fdee1, 0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
        0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585, 0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74,
        0x3feea11473eb0187, 0x3feea589994cce13, 0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
        0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069, 0x3fef5818dcfba487, 0x3fef7c97337b9b5f,
        0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
    };

    private static readonly double Shift = H(0x42e8000000000000L); // 0x1.8p52 / 32
    private static readonly double C0 = H(0x3fac6af84b912394L), C1 = H(0x3fcebfce50fac4f3L), C2 = H(0x3fe62e42ff0c52d6L);
    private static readonly double Overflow = H(0x405fffffffd1d571L);  // above it |x^y| > 0x1.ffffffp127
    private static readonly ulong Bits126 = Bits(126.0) >> 47;

    public static float Pow(float x, float y)
    {
        if (y == 0 || x == 1) return 1f;
        uint ix = FloatBits.SingleToBits(x);
        double logx = Log2(ix);
        double ylogx = y * logx;
        if (((Bits(ylogx) >> 47) & 0xffff) >= Bits126)
        {
            if (ylogx > Overflow) return float.PositiveInfinity;
            if (ylogx <= -150.0) return 0f;
        }
        return (float)Exp2(ylogx);
    }

    private static double Log2(uint ix)
    {
        unchecked
        {
            uint tmp = ix - 0x3f330000;
            int i = (int)((tmp >> 19) % 16);
            uint top = tmp & 0xff800000;
            uint iz = ix - top;
            int k = (int)top >> 23;
            double z = FloatBits.BitsToSingle(iz);
            double r = ExactFma.Double(z, InvC[i], -1.0);
            double y0 = LogC[i] + k;
            double r2 = r * r;
            double y = ExactFma.Double(r, A0, A1);
            double p = ExactFma.Double(r, A2, A3);
            double r4 = r2 * r2;
            double q = ExactFma.Double(r, A4, y0);
            q = ExactFma.Double(r2, p, q);
            return ExactFma.Double(y, r4, q);
        }
    }

    private static double Exp2(double xd)
    {
        unchecked
        {
            double kd = xd + Shift;
            ulong ki = Bits(kd);
            kd -= Shift;
            double r = xd - kd;
            ulong t = Exp2Table[ki % 32] + (ki << 47);
            double s = BitConverter.Int64BitsToDouble((long)t);
            double z = ExactFma.Double(r, C0, C1);
            double r2 = r * r;
            double y = ExactFma.Double(r, C2, 1.0);
            y = ExactFma.Double(z, r2, y);
            return y * s;
        }
    }

    private static double H(long bits) => BitConverter.Int64BitsToDouble(bits);

    private static ulong Bits(double d) => unchecked((ulong)BitConverter.DoubleToInt64Bits(d));
}
