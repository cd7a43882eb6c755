using System;
using System.Numerics;
using PEGen.Numerics;
using PEGen.TestSupport;

namespace PEGen.Tests.Numerics;

public class CorrectlyRoundedTests
{
    // ---- references built straight on BigFixed (no double-double fast path) ----

    private static double RefExp(double x, BigFixed.Format fmt) => BigFixed.Evaluate(p =>
    {
        BigInteger e = BigFixed.Exp(BigFixed.FromDouble(x, p + 200), p + 200, out int n);
        return (e, (long)n - (p + 200), new BigInteger(8));
    }, fmt);

    private static double RefSin(double x, bool sin, BigFixed.Format fmt) => BigFixed.Evaluate(p =>
    {
        int q = p + 200;
        BigFixed.SinCos(BigFixed.FromDouble(x, q), q, out BigInteger s, out BigInteger c);
        return (sin ? s : c, -q, new BigInteger(8));
    }, fmt);

    private static double RefLog(double x, BigFixed.Format fmt) => BigFixed.Evaluate(p =>
        (BigFixed.Log(x, p + 100), -(p + 100), new BigInteger(8)), fmt);

    private static double RefPow(double x, double y, BigFixed.Format fmt)
    {
        if (CorrectlyRounded.TryPowExact(x, y, out BigInteger m, out long s))
            return BigFixed.RoundExact(m, s, fmt);
        return BigFixed.Evaluate(p =>
        {
            int q = p + 1200;
            // y * ln x at q bits: y exact at q bits since |y| >= 2^-1000 in these tests
            BigInteger z = BigFixed.Log(x, q) * BigFixed.FromDouble(y, q) >> q;
            BigInteger e = BigFixed.Exp(z, q, out int n);
            return (e, (long)n - q, new BigInteger(64));
        }, fmt);
    }

    private static void SameBits(double expected, double actual, string what)
    {
        Assert.True(IeeeBits.Same(expected, actual),
            $"{what}: expected {expected:R}, got {actual:R}");
    }

    private static void SameBits(float expected, float actual, string what)
    {
        Assert.True(IeeeBits.Same(expected, actual),
            $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void SpotValues_FromMpmath()
    {
        Assert.Equal(2.718281828459045, CorrectlyRounded.ExpDouble(1.0));
        Assert.Equal(2.302585092994046, CorrectlyRounded.LogDouble(10.0));
        Assert.Equal(-0.8178819121159085, CorrectlyRounded.SinDouble(1e300));
        Assert.Equal(0.01, CorrectlyRounded.PowDouble(10000.0, -0.5));
        Assert.Equal(-0.6116048f, CorrectlyRounded.Cos(1e30f));
        Assert.Equal(16785408f, CorrectlyRounded.Pow(4097f, 2f)); // exact midpoint, ties to even
        SameBits(IeeeBits.ToSingle(27), CorrectlyRounded.Exp(-100f), "exp(-100f) subnormal");
    }

    [Fact]
    public void EdgeCases()
    {
        SameBits(0.0f, CorrectlyRounded.Sin(0.0f), "sin +0");
        SameBits(-0.0f, CorrectlyRounded.Sin(-0.0f), "sin -0");
        SameBits(1.0f, CorrectlyRounded.Cos(0.0f), "cos 0");
        SameBits(1.0f, CorrectlyRounded.Exp(0.0f), "exp 0");
        SameBits(float.PositiveInfinity, CorrectlyRounded.Exp(89f), "exp overflow");
        SameBits(0.0f, CorrectlyRounded.Exp(-105f), "exp underflow");
        SameBits((float)RefExp(88.72283f, BigFixed.Single), CorrectlyRounded.Exp(88.72283f), "exp near max");
        SameBits(float.PositiveInfinity, CorrectlyRounded.Exp(88.7229f), "exp just above max");
        Assert.True(float.IsNaN(CorrectlyRounded.Sin(float.PositiveInfinity)));
        Assert.True(double.IsNaN(CorrectlyRounded.PowDouble(-2.0, 0.5)));
        SameBits(-8.0, CorrectlyRounded.PowDouble(-2.0, 3.0), "(-2)^3");
        SameBits(1.0, CorrectlyRounded.PowDouble(double.NaN, 0.0), "NaN^0");
        SameBits(0.0, CorrectlyRounded.LogDouble(1.0), "log 1");
        SameBits(double.NegativeInfinity, CorrectlyRounded.LogDouble(0.0), "log 0");
        SameBits(3.0, CorrectlyRounded.PowDouble(9.0, 0.5), "9^0.5");
        SameBits(0.125f, CorrectlyRounded.Pow(4f, -1.5f), "4^-1.5");
        SameBits(5e-324, CorrectlyRounded.PowDouble(2.0, -1074.0), "2^-1074");
        SameBits(0.0, CorrectlyRounded.PowDouble(2.0, -1075.0), "2^-1075 ties to zero");
        SameBits(RefExp(-740.0, BigFixed.Double), CorrectlyRounded.ExpDouble(-740.0), "exp subnormal double");
    }

    [Fact]
    public void Float_RandomInputs_MatchReference()
    {
        var rng = new Random(12345);
        for (int i = 0; i < 3000; i++)
        {
            float x = (float)((rng.NextDouble() * 2 - 1) * Math.Exp(rng.NextDouble() * 10 - 4));
            SameBits((float)RefSin(x, true, BigFixed.Single), CorrectlyRounded.Sin(x), $"sin({x:R})");
            SameBits((float)RefSin(x, false, BigFixed.Single), CorrectlyRounded.Cos(x), $"cos({x:R})");
            float ex = (float)((rng.NextDouble() * 2 - 1) * 90);
            SameBits((float)RefExp(ex, BigFixed.Single), CorrectlyRounded.Exp(ex), $"exp({ex:R})");
            float px = (float)(rng.NextDouble() * 100);
            float py = (float)((rng.NextDouble() * 2 - 1) * 8);
            if (px > 0)
                SameBits((float)RefPow(px, py, BigFixed.Single), CorrectlyRounded.Pow(px, py), $"pow({px:R},{py:R})");
        }
    }

    [Fact]
    public void Double_RandomInputs_MatchReference()
    {
        var rng = new Random(54321);
        for (int i = 0; i < 1500; i++)
        {
            double x = (rng.NextDouble() * 2 - 1) * Math.Exp(rng.NextDouble() * 20 - 8);
            SameBits(RefSin(x, true, BigFixed.Double), CorrectlyRounded.SinDouble(x), $"sin({x:R})");
            SameBits(RefSin(x, false, BigFixed.Double), CorrectlyRounded.CosDouble(x), $"cos({x:R})");
            double ex = (rng.NextDouble() * 2 - 1) * 700;
            SameBits(RefExp(ex, BigFixed.Double), CorrectlyRounded.ExpDouble(ex), $"exp({ex:R})");
            double lx = Math.Exp(rng.NextDouble() * 100 - 50);
            SameBits(RefLog(lx, BigFixed.Double), CorrectlyRounded.LogDouble(lx), $"log({lx:R})");
            double px = rng.NextDouble() * 1e4;
            double py = (rng.NextDouble() * 2 - 1) * 20;
            if (px > 0)
                SameBits(RefPow(px, py, BigFixed.Double), CorrectlyRounded.PowDouble(px, py), $"pow({px:R},{py:R})");
        }
    }

    [Fact]
    public void LargeArguments_MatchReference()
    {
        foreach (double x in new[] { 1e22, 1e100, 1.7e308, 6.0e13, 1234567890123.0 })
        {
            SameBits(RefSin(x, true, BigFixed.Double), CorrectlyRounded.SinDouble(x), $"sin({x:R})");
            SameBits(RefSin(x, false, BigFixed.Double), CorrectlyRounded.CosDouble(x), $"cos({x:R})");
        }
        foreach (float x in new[] { 3.4e38f, 1e20f, 123456.7f, 1e7f })
        {
            SameBits((float)RefSin(x, true, BigFixed.Single), CorrectlyRounded.Sin(x), $"sin({x:R})");
            SameBits((float)RefSin(x, false, BigFixed.Single), CorrectlyRounded.Cos(x), $"cos({x:R})");
        }
    }
}
