using System;
using PEGen.Numerics;
using PEGen.Schemes;
using PEGen.TestSupport;

namespace PEGen.Tests.Schemes;

/// <summary>The fast float32 sin/cos the tables use agree with <see cref="CorrectlyRounded"/> on every argument tried.</summary>
public class RoundedSinCosTests
{
    private static void Check(float x)
    {
        RoundedSinCos.Single(x, out float s, out float c);
        Assert.True(IeeeBits.Same(CorrectlyRounded.Sin(x), s), $"sin({x:R})");
        Assert.True(IeeeBits.Same(CorrectlyRounded.Cos(x), c), $"cos({x:R})");
    }

    [Fact]
    public void Single_MatchesCorrectlyRounded()
    {
        var rng = new Random(7);
        // Integers (angles of frequency 1), near multiples of pi/2, random floats of every scale, and beyond the fast range.
        for (int p = -300; p < 5000; p++)
            Check(p);
        for (int k = 1; k < 20000; k++)
        {
            float near = (float)(k * 1.5707963267948966);
            Check(near);
            Check(IeeeBits.ToSingle(IeeeBits.Of(near) + 1));
            Check(IeeeBits.ToSingle(IeeeBits.Of(near) - 1));
        }
        for (int i = 0; i < 100_000; i++)
        {
            double mag = Math.Pow(2, rng.Next(-20, 24));
            Check((float)((rng.NextDouble() * 2 - 1) * mag));
        }
        foreach (float x in new[] { 0.0f, -0.0f, 1e-30f, 1.2e-4f, 524287.9f, 524288f, 1e7f, 3.0e38f, float.Epsilon })
            Check(x);
    }

    [Fact]
    public void Double_MatchesCorrectlyRounded()
    {
        var rng = new Random(8);
        for (int i = 0; i < 20_000; i++)
        {
            double x = (rng.NextDouble() * 2 - 1) * Math.Pow(2, rng.Next(-30, 20));
            RoundedSinCos.Double(x, out double s, out double c);
            Assert.Equal(IeeeBits.Of(CorrectlyRounded.SinDouble(x)), IeeeBits.Of(s));
            Assert.Equal(IeeeBits.Of(CorrectlyRounded.CosDouble(x)), IeeeBits.Of(c));
        }
    }

    private static void CheckDouble(double x)
    {
        RoundedSinCos.DoubleToSingle(x, out float s, out float c);
        Assert.True(IeeeBits.Same((float)CorrectlyRounded.SinDouble(x), s), $"sin({x:R})");
        Assert.True(IeeeBits.Same((float)CorrectlyRounded.CosDouble(x), c), $"cos({x:R})");
    }

    [Fact]
    public void DoubleToSingle_IsTheCorrectlyRoundedDoubleThenFloat()
    {
        var rng = new Random(9);
        for (int i = 0; i < 100_000; i++)
            CheckDouble((rng.NextDouble() * 2 - 1) * Math.Pow(2, rng.Next(-30, 20)));
        for (int p = 0; p < 3000; p++)
            CheckDouble(p / 1.0000000000000002);
        // Arguments whose sine is within a few double ulps of a float32 midpoint, where double rounding matters
        // (Math.Asin only picks test inputs here; the values compared are CorrectlyRounded's).
        for (int i = 0; i < 20_000; i++)
        {
            float f = (float)(0.05 + 0.9 * rng.NextDouble());
            double mid = (f + (double)IeeeBits.ToSingle(IeeeBits.Of(f) + 1)) / 2;
            double x = Math.Asin(mid);
            CheckDouble(x);
            CheckDouble(IeeeBits.ToDouble(IeeeBits.Of(x) + 1));
            CheckDouble(x + 2 * Math.PI * rng.Next(1, 1000));
            CheckDouble(Math.Acos(mid));
        }
    }
}
