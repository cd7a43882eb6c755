using System;
using System.Collections.Generic;
using PEGen.Model;
using PEGen.Numerics;
using PEGen.Schemes;
using PEGen.Tests.Support;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.Tests.Schemes;

/// <summary>Layout of each compat table (columns, zero rows/columns) and the sin/cos pairs <see cref="SinusoidPair.Of"/> reports.</summary>
public class SchemeLayoutTests
{
    private readonly ITestOutputHelper _output;

    public SchemeLayoutTests(ITestOutputHelper output) => _output = output;

    private static float At(float[] table, int dim, int p, int col) => table[(long)p * dim + col];

    [Fact]
    public void Fairseq_PaddingRowIsZero_OddDimLastColumnIsZero_Halves()
    {
        foreach (int dim in new[] { 16, 9 })
        {
            float[] t = TableBuilder.Build(TestSpecs.Create(SchemeKind.Fairseq, dim, 40, paddingIndex: 1));
            int n = dim / 2;
            for (int j = 0; j < dim; j++)
                Assert.Equal(0u, IeeeBits.Of(At(t, dim, 1, j)));   // padding row: +0.0 everywhere
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(0.0f, At(t, dim, 0, j));       // sin(0)
                Assert.Equal(1.0f, At(t, dim, 0, n + j));   // cos(0)
            }
            for (int p = 0; p < 40; p++)
            {
                if (dim % 2 == 1)
                    Assert.Equal(0u, IeeeBits.Of(At(t, dim, p, dim - 1)));
                if (p == 1)
                    continue;
                // Frequency 0 is exactly 1: column 0 = sin(p), column n = cos(p).
                Assert.Equal(CorrectlyRounded.Sin(p), At(t, dim, p, 0));
                Assert.Equal(CorrectlyRounded.Cos(p), At(t, dim, p, n));
            }
        }
        // No padding row when PaddingIndex is -1.
        float[] noPad = TableBuilder.Build(TestSpecs.Create(SchemeKind.Fairseq, 8, 4));
        Assert.Equal(CorrectlyRounded.Cos(1.0f), At(noPad, 8, 1, 4));
        // The base is fixed at 10000 by fairseq: Base does not change the table.
        Assert.Equal(TableBuilder.Build(TestSpecs.Create(SchemeKind.Fairseq, 8, 16)), TableBuilder.Build(TestSpecs.Create(SchemeKind.Fairseq, 8, 16, 500.0)));
    }

    [Theory]
    [InlineData("TensorToTensor")]
    [InlineData("Whisper")]
    public void HalvesSchemes_SinThenCos_OddDimZeroColumn(string schemeName)
    {
        var scheme = (SchemeKind)Enum.Parse(typeof(SchemeKind), schemeName);
        foreach (int dim in new[] { 12, 9 })
        {
            float[] t = TableBuilder.Build(TestSpecs.Create(scheme, dim, 50));
            int n = dim / 2;
            for (int p = 0; p < 50; p++)
            {
                Assert.Equal(CorrectlyRounded.Sin(p), At(t, dim, p, 0));
                Assert.Equal(CorrectlyRounded.Cos(p), At(t, dim, p, n));
                if (dim % 2 == 1)
                    Assert.Equal(0u, IeeeBits.Of(At(t, dim, p, dim - 1)));
            }
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(0.0f, At(t, dim, 0, j));
                Assert.Equal(1.0f, At(t, dim, 0, n + j));
            }
            // Slowest frequency: the last sine column is sin(p * Base^-1) (within the float32 steps' rounding).
            float slow = At(t, dim, 49, n - 1);
            Assert.True(Math.Abs(slow - 49e-4) < 1e-6, $"{scheme} d{dim}: {slow}");
        }
    }

    [Theory]
    [InlineData("AnnotatedTransformer")]
    [InlineData("HuggingFaceXlm")]
    [InlineData("Vaswani")]
    public void InterleavedSchemes_SinAtEvenCosAtOdd(string schemeName)
    {
        var scheme = (SchemeKind)Enum.Parse(typeof(SchemeKind), schemeName);
        foreach (int dim in new[] { 10, 7 })
        {
            float[] t = TableBuilder.Build(TestSpecs.Create(scheme, dim, 30));
            for (int j = 0; j < dim; j++)
                Assert.Equal(j % 2 == 0 ? 0.0f : 1.0f, At(t, dim, 0, j));
            for (int p = 0; p < 30; p++)
            {
                Assert.Equal(CorrectlyRounded.Sin(p), At(t, dim, p, 0));
                Assert.Equal(CorrectlyRounded.Cos(p), At(t, dim, p, 1));
                // Each column's frequency is Base^(-2(j/2)/dim): the last column (sine for an odd dim) is the slowest.
                double omega = ExactSinusoid.InverseFrequency(10000.0, 2L * ((dim - 1) / 2), dim).Hi;
                double expected = dim % 2 == 1 ? p * omega : 1.0 - 0.5 * (p * omega) * (p * omega);
                Assert.True(Math.Abs(At(t, dim, p, dim - 1) - expected) < 1e-5 * (p + 1), $"{scheme} d{dim} p{p}");
            }
        }
    }

    [Theory]
    [InlineData(512)]
    [InlineData(7)]
    [InlineData(8)]
    public void Marian_IsXlmValuesInHalves(int dim)
    {
        // Same float64 values, only the column order differs: sin in [0, ceil(d/2)), cos after.
        float[] xlm = TableBuilder.Build(TestSpecs.Create(SchemeKind.HuggingFaceXlm, dim, 64));
        float[] marian = TableBuilder.Build(TestSpecs.Create(SchemeKind.HuggingFaceMarian, dim, 64));
        int sentinel = (dim + 1) / 2;
        for (int p = 0; p < 64; p++)
        {
            for (int k = 0; k < sentinel; k++)
                Assert.Equal(IeeeBits.Of(At(xlm, dim, p, 2 * k)), IeeeBits.Of(At(marian, dim, p, k)));
            for (int k = 0; k < dim / 2; k++)
                Assert.Equal(IeeeBits.Of(At(xlm, dim, p, 2 * k + 1)), IeeeBits.Of(At(marian, dim, p, sentinel + k)));
        }
    }

    [Fact]
    public void Rotary_BothLayoutsShareAngles_RowZeroIsIdentity()
    {
        RotaryTable halves = TableBuilder.BuildRotary(TestSpecs.Create(SchemeKind.Rope, 16, 100));
        RotaryTable pairs = TableBuilder.BuildRotary(TestSpecs.Create(SchemeKind.RopeInterleaved, 16, 100));
        Assert.Equal(8, halves.Half);
        Assert.Equal(halves.Cos, pairs.Cos);
        Assert.Equal(halves.Sin, pairs.Sin);
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal(1.0f, halves.Cos[k]);
            Assert.Equal(0.0f, halves.Sin[k]);
        }
        for (int p = 0; p < 100; p++)
        {
            Assert.Equal(CorrectlyRounded.Cos(p), halves.Cos[p * 8]);
            Assert.Equal(CorrectlyRounded.Sin(p), halves.Sin[p * 8]);
        }
        Assert.Throws<NotSupportedException>(() => TableBuilder.Build(TestSpecs.Create(SchemeKind.Rope, 16, 4)));
        Assert.Throws<NotSupportedException>(() => TableBuilder.BuildRotary(TestSpecs.Create(SchemeKind.Vaswani, 16, 4)));
    }

    public static IEnumerable<object[]> SinusoidalCases()
    {
        foreach (string scheme in new[] { "Vaswani", "AnnotatedTransformer", "HuggingFaceXlm", "HuggingFaceMarian", "TensorToTensor", "Fairseq", "Whisper" })
        {
            foreach (int dim in new[] { 64, 9 })
                yield return new object[] { scheme, dim };
        }
    }

    [Theory]
    [MemberData(nameof(SinusoidalCases))]
    public void Pairs_CoverTheColumns(string schemeName, int dim)
    {
        var scheme = (SchemeKind)Enum.Parse(typeof(SchemeKind), schemeName);
        SinusoidPair[] pairs = SinusoidPair.Of(TestSpecs.Create(scheme, dim, 10));
        Assert.Equal(dim / 2, pairs.Length);
        var seen = new HashSet<int>();
        foreach (SinusoidPair pair in pairs)
        {
            Assert.True(seen.Add(pair.SinColumn));
            Assert.True(seen.Add(pair.CosColumn));
            Assert.InRange(pair.SinColumn, 0, dim - 1);
            Assert.InRange(pair.CosColumn, 0, dim - 1);
            Assert.True(pair.Frequency > 0 && pair.Frequency <= 1.0);
        }
        // Odd dim: exactly one unpaired column, the last one except for Marian (its last sine sits before the cosines).
        if (dim % 2 == 1)
        {
            int unpaired = scheme == SchemeKind.HuggingFaceMarian ? dim / 2 : dim - 1;
            Assert.DoesNotContain(unpaired, seen);
        }
        Assert.Equal(1.0, pairs[0].Frequency);
    }

    /// <summary>
    /// Rotating each (sin, cos) pair of row p by a = offset * Frequency (in double, correctly rounded sin/cos of a)
    /// reproduces row p + offset. Tolerance, per entry, with f the pair's frequency:
    /// <list type="bullet">
    /// <item>each stored entry is a rounded float32 in [-1, 1]: 2^-25 each; the rotation of the two entries of row p
    /// keeps that within sqrt(2) * 2^-25 &lt; 2^-24, plus 2^-25 for the entry of row p + offset;</item>
    /// <item>float32 schemes round the angle p * f to float32 (within 2^-24 relative) before sin/cos, at row p and
    /// at row p + offset: |angle error| &lt;= 2^-24 (p f + (p + offset) f); the sine/cosine moves at most that much;</item>
    /// <item>Vaswani/HF angles are exact or double: 2^-50 (2p + offset) f covers them and the frequency's double rounding;</item>
    /// <item>1e-12 for the double rotation itself.</item>
    /// </list>
    /// </summary>
    [Theory]
    [MemberData(nameof(SinusoidalCases))]
    public void Pairs_RotatingRowPByOffsetGivesRowPPlusOffset(string schemeName, int dim)
    {
        var scheme = (SchemeKind)Enum.Parse(typeof(SchemeKind), schemeName);
        const int MaxLen = 1024;
        float[] t = TableBuilder.Build(TestSpecs.Create(scheme, dim, MaxLen));
        SinusoidPair[] pairs = SinusoidPair.Of(TestSpecs.Create(scheme, dim, 10));
        bool float32Angles = scheme is SchemeKind.AnnotatedTransformer or SchemeKind.TensorToTensor or SchemeKind.Fairseq or SchemeKind.Whisper;
        double angleRel = float32Angles ? FloatBits.PowerOfTwo(-24) : FloatBits.PowerOfTwo(-50);
        double entryTol = FloatBits.PowerOfTwo(-24) + FloatBits.PowerOfTwo(-25) + 1e-12;
        var rng = new Random(12345 + dim);
        double worst = 0;
        int checks = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            int p = rng.Next(0, MaxLen);
            int offset = rng.Next(0, MaxLen - p);
            if (trial < 20)
            {
                p = trial;           // small positions, where the bound is tight
                offset = trial * 7 % (MaxLen - p);
            }
            foreach (SinusoidPair pair in pairs)
            {
                double a = offset * pair.Frequency;
                double ca = CorrectlyRounded.CosDouble(a), sa = CorrectlyRounded.SinDouble(a);
                double s = At(t, dim, p, pair.SinColumn), c = At(t, dim, p, pair.CosColumn);
                double rs = s * ca + c * sa;
                double rc = c * ca - s * sa;
                double tol = entryTol + angleRel * (2.0 * p + offset) * pair.Frequency;
                double es = Math.Abs(rs - At(t, dim, p + offset, pair.SinColumn));
                double ec = Math.Abs(rc - At(t, dim, p + offset, pair.CosColumn));
                Assert.True(es <= tol, $"{scheme} d{dim} p={p} offset={offset} sin col {pair.SinColumn}: {es:E3} > {tol:E3}");
                Assert.True(ec <= tol, $"{scheme} d{dim} p={p} offset={offset} cos col {pair.CosColumn}: {ec:E3} > {tol:E3}");
                worst = Math.Max(worst, Math.Max(es, ec) / tol);
                checks += 2;
            }
        }
        _output.WriteLine($"{scheme} d{dim}: {checks} entries, worst error / tolerance = {worst:F3}");
    }
}
