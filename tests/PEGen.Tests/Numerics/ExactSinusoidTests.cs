using PEGen.Tests.Support;
using PEGen.Model;
using PEGen.Schemes;
using System;
using System.Diagnostics;
using System.Security.Cryptography;
using PEGen.Numerics;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.Tests.Numerics;

public class ExactSinusoidTests
{
    private readonly ITestOutputHelper _output;

    public ExactSinusoidTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("exact_d64_L256.json")]
    [InlineData("exact_d512_L2048.json")]
    public void VaswaniTable_MatchesGoldenBitForBit(string file)
    {
        GoldenTable golden = GoldenTable.Load(file);
        int dim = golden.ConfigInt("Dim");
        int maxLen = golden.ConfigInt("MaxLen");
        long slowBefore = ExactSinusoid.SlowPathCount;
        var sw = Stopwatch.StartNew();
        float[] table = TableBuilder.Build(TestSpecs.Create(SchemeKind.Vaswani, dim, maxLen, 10000.0));
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
                uint actual = IeeeBits.Of(table[p * dim + j]);
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
        // 50,000 (position, frequency) pairs = 100,000 sin/cos entries, each checked against the BigInteger path.
        const int Pairs = 50_000;
        double[] bases = { 10000.0, 500000.0, 2.5, 1e6, 10000.0, 1.0001 };
        var cases = new (int Dim, double Base, int K, long P)[Pairs];
        var rng = new Random(20240611);
        for (int i = 0; i < Pairs; i++)
        {
            int dim = rng.Next(2, 4097);
            cases[i] = (dim, bases[rng.Next(bases.Length)], rng.Next(0, (dim + 1) / 2), i < 16 ? i : rng.Next(0, 1_000_001));
        }
        int mismatches = 0;
        string first = "";
        System.Threading.Tasks.Parallel.For(0, Pairs, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (dim, b, k, p) = cases[i];
            ExactSinusoid.SinCos(p, b, 2L * k, dim, out float s, out float c);
            float rs = ExactSinusoid.Reference(p, b, 2L * k, dim, wantSin: true);
            float rc = ExactSinusoid.Reference(p, b, 2L * k, dim, wantSin: false);
            if (!IeeeBits.Same(rs, s) || !IeeeBits.Same(rc, c))
            {
                if (System.Threading.Interlocked.Increment(ref mismatches) == 1)
                    first = $"dim={dim} base={b} k={k} p={p}: got {s:R}/{c:R}, reference {rs:R}/{rc:R}";
            }
        });
        Assert.True(mismatches == 0, $"{mismatches} mismatches; first: {first}");
    }

    [Fact]
    public void Reference_AgreesWithMpmathSpotValues()
    {
        // mpmath (60 digits) rounded to float32: sin/cos(5 * 10000^(-2/64)).
        Assert.Equal(-0.5711272f, ExactSinusoid.Reference(5, 10000, 2, 64, wantSin: true));
        Assert.Equal(-0.8208616f, ExactSinusoid.Reference(5, 10000, 2, 64, wantSin: false));
    }

    [Fact]
    public void TableHash_IsHostIndependentConstant()
    {
        float[] t = TableBuilder.Build(TestSpecs.Create(SchemeKind.Vaswani, 64, 256, 10000));
        var bytes = new byte[t.Length * 4];
        for (int i = 0; i < t.Length; i++)
            BitConverter.TryWriteBytes(bytes.AsSpan(4 * i), IeeeBits.Of(t[i]));
        Assert.Equal("C9D5513B9B09F45F416252B1D6B0FCEAE7679F0AC72366A257A6B72B2B692001", Convert.ToHexString(SHA256.HashData(bytes)));
    }

    [Fact]
    public void PositionZero_IsExact()
    {
        ExactSinusoid.SinCos(0, ExactSinusoid.InverseFrequency(10000, 2, 64), out float s, out float c);
        Assert.Equal(0u, IeeeBits.Of(s));
        Assert.Equal(IeeeBits.Of(1.0f), IeeeBits.Of(c));
    }

    [Fact]
    public void OddDim_LastColumnIsSin()
    {
        float[] t = TableBuilder.Build(TestSpecs.Create(SchemeKind.Vaswani, 7, 20, 10000));
        for (int p = 0; p < 20; p++)
        {
            ExactSinusoid.SinCos(p, 10000, 6, 7, out float s, out _);
            Assert.Equal(IeeeBits.Of(s), IeeeBits.Of(t[p * 7 + 6]));
        }
    }

    [Fact]
    public void Timing_Report()
    {
        foreach (var (d, l) in new[] { (512, 2048), (512, 512) })
        {
            long slowBefore = ExactSinusoid.SlowPathCount;
            var sw = Stopwatch.StartNew();
            TableBuilder.Build(TestSpecs.Create(SchemeKind.Vaswani, d, l, 10000));
            sw.Stop();
            _output.WriteLine($"VaswaniTable({d},{l},10000): {sw.Elapsed.TotalMilliseconds:F1} ms, slow entries {ExactSinusoid.SlowPathCount - slowBefore}");
        }
    }
}
