using System;
using System.Diagnostics;
using System.Security.Cryptography;
using PEGen.Numerics;
using PEGen.Tests.Support;
using Xunit.Abstractions;

namespace PEGen.Tests.Numerics;

public class ExactSinusoidTests
{
    private readonly ITestOutputHelper _output;

    public ExactSinusoidTests(ITestOutputHelper output) => _output = output;

    private static uint Bits(float f) => BitConverter.SingleToUInt32Bits(f);

    [Theory]
    [InlineData("exact_d64_L256.json")]
    [InlineData("exact_d512_L2048.json")]
    public void VaswaniTable_MatchesGoldenBitForBit(string file)
    {
        GoldenTable golden = GoldenTables.Load(file);
        int dim = golden.ConfigInt("Dim");
        int maxLen = golden.ConfigInt("MaxLen");
        long slowBefore = ExactSinusoid.SlowPathCount;
        var sw = Stopwatch.StartNew();
        float[] table = ExactSinusoid.VaswaniTable(dim, maxLen, 10000.0);
        sw.Stop();
        _output.WriteLine($"{file}: {sw.Elapsed.TotalMilliseconds:F1} ms, slow path entries {ExactSinusoid.SlowPathCount - slowBefore}");
        Assert.Equal(dim * maxLen, table.Length);
        Assert.NotNull(golden.Values);
        int mismatches = 0;
        string first = "";
        for (int i = 0; i < golden.Rows.Length; i++)
        {
            int p = golden.Rows[i];
            Assert.Equal(dim, golden.Values![i].Length);
            for (int j = 0; j < dim; j++)
            {
                uint actual = Bits(table[p * dim + j]);
                if (actual != golden.Values[i][j])
                {
                    if (mismatches++ == 0)
                        first = $"p={p} col={j} expected {golden.Values[i][j]:x8} got {actual:x8}";
                }
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} mismatches; first: {first}");
    }

    [Fact]
    public void RandomEntries_MatchBigIntegerReference()
    {
        var rng = new Random(20240611);
        double[] bases = { 10000.0, 500000.0, 2.5, 1e6, 10000.0, 1.0001 };
        const int Checks = 300;
        int mismatches = 0;
        string first = "";
        for (int i = 0; i < Checks; i++)
        {
            int dim = rng.Next(2, 4097);
            double b = bases[rng.Next(bases.Length)];
            int k = rng.Next(0, (dim + 1) / 2);
            long p = rng.Next(0, 1_000_001);
            ExactSinusoid.SinCos(p, ExactSinusoid.InverseFrequency(b, 2L * k, dim), out float s, out float c);
            float rs = ExactSinusoid.Reference(p, b, 2L * k, dim, wantSin: true);
            float rc = ExactSinusoid.Reference(p, b, 2L * k, dim, wantSin: false);
            if (Bits(s) != Bits(rs) || Bits(c) != Bits(rc))
            {
                if (mismatches++ == 0)
                    first = $"dim={dim} base={b} k={k} p={p}: got {s:R}/{c:R}, reference {rs:R}/{rc:R}";
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} mismatches; first: {first}");
    }

    [Fact]
    public void PositionZero_IsExact()
    {
        ExactSinusoid.SinCos(0, ExactSinusoid.InverseFrequency(10000, 2, 64), out float s, out float c);
        Assert.Equal(0u, Bits(s));
        Assert.Equal(Bits(1.0f), Bits(c));
    }

    [Fact]
    public void OddDim_LastColumnIsSin()
    {
        float[] t = ExactSinusoid.VaswaniTable(7, 20, 10000);
        for (int p = 0; p < 20; p++)
        {
            ExactSinusoid.SinCos(p, 10000, 6, 7, out float s, out _);
            Assert.Equal(Bits(s), Bits(t[p * 7 + 6]));
        }
    }

    [Fact]
    public void Timing_Report()
    {
        foreach (var (d, l) in new[] { (512, 2048), (512, 512) })
        {
            long slowBefore = ExactSinusoid.SlowPathCount;
            var sw = Stopwatch.StartNew();
            ExactSinusoid.VaswaniTable(d, l, 10000);
            sw.Stop();
            _output.WriteLine($"VaswaniTable({d},{l},10000): {sw.Elapsed.TotalMilliseconds:F1} ms, slow entries {ExactSinusoid.SlowPathCount - slowBefore}");
        }
    }
}
