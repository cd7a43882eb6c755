using System.Numerics;
using PEGen.Numerics;

namespace PEGen.Tests.Numerics;

public class ConstantsTests
{
    private const int P = 400;

    private static BigInteger Fixed(double d) => BigFixed.FromDouble(d, P);

    [Fact]
    public void PiOverTwo_TripleDouble_IsNearestSplit()
    {
        BigInteger halfPi = BigFixed.Pi(P - 1);
        BigInteger rem = halfPi;
        foreach (double part in new[] { DDMath.PiO2_1, DDMath.PiO2_2, DDMath.PiO2_3 })
        {
            // each part is the double nearest to the remaining value
            double nearest = BigFixed.RoundExact(rem, -P, BigFixed.Double);
            Assert.Equal(nearest, part);
            rem -= Fixed(part);
        }
        Assert.True(BigInteger.Abs(rem) < (BigInteger.One << (P - 160)));
    }

    [Fact]
    public void Ln2_TripleDouble_IsNearestSplit()
    {
        BigInteger rem = BigFixed.Ln2(P);
        foreach (double part in new[] { DDMath.Ln2_1, DDMath.Ln2_2, DDMath.Ln2_3 })
        {
            Assert.Equal(BigFixed.RoundExact(rem, -P, BigFixed.Double), part);
            rem -= Fixed(part);
        }
        Assert.True(BigInteger.Abs(rem) < (BigInteger.One << (P - 160)));
    }

    [Fact]
    public void ReductionHelpers_AreNearestDoubles()
    {
        BigInteger one = BigInteger.One << P;
        BigInteger twoOverPi = (one << (P + 1)) / BigFixed.Pi(P);
        Assert.Equal(BigFixed.RoundExact(twoOverPi, -P, BigFixed.Double), DDMath.TwoOverPi);
        BigInteger invLn2 = (one << P) / BigFixed.Ln2(P);
        Assert.Equal(BigFixed.RoundExact(invLn2, -P, BigFixed.Double), DDMath.InvLn2);
    }

    [Fact]
    public void BigFixedPi_MatchesKnownDigits()
    {
        // pi = 3.14159265358979323846264338327950288419716939937510...
        BigInteger scaled = BigFixed.Pi(200) * BigInteger.Pow(10, 50) >> 200;
        Assert.Equal("314159265358979323846264338327950288419716939937510", scaled.ToString());
    }

    [Fact]
    public void DoubleDouble_FromInt_IsExact()
    {
        foreach (long v in new[] { 0L, 1L, -1L, long.MaxValue, long.MinValue, (1L << 53) + 1, -(1L << 60) - 12345 })
        {
            DoubleDouble d = DoubleDouble.FromInt(v);
            Assert.Equal(new BigInteger(v), (BigInteger)(decimal)0 + ToBig(d.Hi) + ToBig(d.Lo));
        }
    }

    private static BigInteger ToBig(double d) => new BigInteger(d);
}
