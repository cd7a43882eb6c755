using System;
using PEGen.Numerics;

namespace PEGen.Families.Alibi;

/// <summary>
/// PyTorch's vectorised float32 <c>pow</c> on x86-64 CPUs with AVX2 (and on the reference machine):
/// <c>Sleef_powf8_u10</c> of SLEEF 3.5.1 (Debian's libsleef3, which Debian's PyTorch 1.13 links), AVX2 build,
/// re-expressed as scalar float32 steps: every addition and product rounds to float32, and each of
/// SLEEF's fused multiply-adds rounds once (<see cref="ExactFma"/>). pow(x, y) = exp(y · log x) with log
/// and exp carried as float32 pairs (double-float): within 1 ulp, and not correctly rounded, which is why
/// BLOOM's slopes differ from the paper's in their last bits. Only x &gt; 0 finite and y finite are needed
/// (ALiBi's bases and exponents); the special cases of SLEEF's <c>xpowf</c> for them are y = 0 and x = 1.
/// Checked against torch 1.13 for every BLOOM and MPT head count 1..256 (tests/golden/alibi_*_all.json).
/// SLEEF is under the Boost Software License 1.0: see THIRD-PARTY-NOTICES.md.
/// </summary>
internal static class SleefPowf
{
    public static float Pow(float x, float y)
    {
        if (y == 0 || x == 1) return 1f;
        float result = ExpK(MulDf(LogK(x), y));
        return float.IsNaN(result) ? float.PositiveInfinity : result;
    }

    // ---- float32 steps (each one rounding) ----
    private static float Add(float a, float b) => (float)(a + b);
    private static float Sub(float a, float b) => (float)(a - b);
    private static float Mul(float a, float b) => (float)(a * b);
    private static float Fma(float a, float b, float c) => ExactFma.Single(a, b, c);
    private static float Fms(float a, float b, float c) => ExactFma.Single(a, b, -c);   // a*b - c
    private static float Fnma(float a, float b, float c) => ExactFma.Single(-a, b, c);  // -a*b + c

    // ---- double-float pairs (SLEEF df.h, FMA variants) ----
    private readonly struct Df
    {
        public readonly float X, Y;
        public Df(float x, float y) { X = x; Y = y; }
    }

    private static Df Add2(float x, float y)
    {
        float s = Add(x, y), v = Sub(s, x);
        return new Df(s, Add(Sub(x, Sub(s, v)), Sub(y, v)));
    }

    private static Df Add2(Df x, float y)
    {
        float s = Add(x.X, y), v = Sub(s, x.X);
        float t = Add(Sub(x.X, Sub(s, v)), Sub(y, v));
        return new Df(s, Add(t, x.Y));
    }

    private static Df Add2(Df x, Df y)
    {
        float s = Add(x.X, y.X), v = Sub(s, x.X);
        float t = Add(Sub(x.X, Sub(s, v)), Sub(y.X, v));
        return new Df(s, Add(t, Add(x.Y, y.Y)));
    }

    private static Df AddFast(Df x, Df y)
    {
        float s = Add(x.X, y.X);
        return new Df(s, Add(Add(Add(Sub(x.X, s), y.X), x.Y), y.Y));
    }

    private static Df AddFast(float x, Df y)
    {
        float s = Add(x, y.X);
        return new Df(s, Add(Add(Sub(x, s), y.X), y.Y));
    }

    private static Df Normalize(Df t)
    {
        float s = Add(t.X, t.Y);
        return new Df(s, Add(Sub(t.X, s), t.Y));
    }

    private static Df Scale(Df d, float s) => new(Mul(d.X, s), Mul(d.Y, s));

    private static Df Div(Df n, Df d)
    {
        float t = (float)(1f / d.X);
        float s = Mul(n.X, t);
        float u = Fms(t, n.X, s);
        float v = Fnma(d.Y, t, Fnma(d.X, t, 1f));
        return new Df(s, Fma(s, v, Fma(n.Y, t, u)));
    }

    private static Df MulDf(Df x, float y)
    {
        float s = Mul(x.X, y);
        return new Df(s, Fma(x.Y, y, Fms(x.X, y, s)));
    }

    private static Df MulDf(Df x, Df y)
    {
        float s = Mul(x.X, y.X);
        return new Df(s, Fma(x.X, y.Y, Fma(x.Y, y.X, Fms(x.X, y.X, s))));
    }

    private static Df Square(Df x)
    {
        float s = Mul(x.X, x.X);
        return new Df(s, Fma(Add(x.X, x.X), x.Y, Fms(x.X, x.X, s)));
    }

    // ---- bit helpers ----
    private static int Bits(float f) => unchecked((int)FloatBits.SingleToBits(f));
    private static float FromBits(int i) => FloatBits.BitsToSingle(unchecked((uint)i));

    // cvtps2dq: round to nearest even; out of range or NaN gives 0x80000000.
    private static int RoundToInt(float f) =>
        f >= -2147483648f && f < 2147483648f ? (int)Math.Round((double)f, MidpointRounding.ToEven) : int.MinValue;

    private static float LdExpK(float x, int q)
    {
        unchecked
        {
            int m = q >> 31;
            m = (((m + q) >> 6) - m) << 4;
            q -= m << 2;
            m += 0x7f;
            m = m > 0 ? m : 0;
            m = m > 0xff ? 0xff : m;
            float u = FromBits(m << 23);
            x = Mul(Mul(Mul(Mul(x, u), u), u), u);
            u = FromBits((q + 0x7f) << 23);
            return Mul(x, u);
        }
    }

    // log(d) as a pair, d > 0 finite (SLEEF logkf, the non-AVX-512 reduction).
    private static Df LogK(float d)
    {
        const float FltMin = 1.17549435e-38f;
        bool small = d < FltMin;
        if (small) d = Mul(d, 18446744073709551616f);
        int e = ((Bits(Mul(d, (float)(1.0f / 0.75f))) >> 23) & 0xff) - 0x7f;
        float m = FromBits(unchecked(Bits(d) + ((-e) << 23)));
        if (small) e -= 64;

        Df x = Div(Add2(-1f, m), Add2(1f, m));
        Df x2 = Square(x);
        float t = 0.240320354700088500976562f;
        t = Fma(t, x2.X, 0.285112679004669189453125f);
        t = Fma(t, x2.X, 0.400007992982864379882812f);
        var c = new Df(0.66666662693023681640625f, 3.69183861259614332084311e-09f);
        Df s = MulDf(new Df(0.69314718246459960938f, -1.904654323148236017e-09f), (float)e);
        s = AddFast(s, Scale(x, 2f));
        s = AddFast(s, MulDf(MulDf(x2, x), Add2(MulDf(x2, t), c)));
        return s;
    }

    // exp of a pair (SLEEF expkf).
    private static float ExpK(Df d)
    {
        float u = Mul(Add(d.X, d.Y), 1.442695040888963407359924681001892137426645954152985934135449406931f);
        int q = RoundToInt(u);
        Df s = Add2(d, Mul((float)q, -0.693145751953125f));
        s = Add2(s, Mul((float)q, -1.428606765330187045e-06f));
        s = Normalize(s);
        u = 0.00136324646882712841033936f;
        u = Fma(u, s.X, 0.00836596917361021041870117f);
        u = Fma(u, s.X, 0.0416710823774337768554688f);
        u = Fma(u, s.X, 0.166665524244308471679688f);
        u = Fma(u, s.X, 0.499999850988388061523438f);
        Df t = AddFast(s, MulDf(Square(s), u));
        t = AddFast(1f, t);
        u = LdExpK(Add(t.X, t.Y), q);
        return d.X < -104f ? 0f : u;
    }
}
