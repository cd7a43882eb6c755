using System;
using System.Linq;
using PEGen.Families.Alibi;
using PEGen.Numerics;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.Tests.Alibi;

/// <summary>ALiBi's slopes against the references' own output (tests/golden), bit for bit, for every head count the files hold.</summary>
public sealed class AlibiSlopesTests
{
    private readonly ITestOutputHelper _output;

    public AlibiSlopesTests(ITestOutputHelper output) => _output = output;

    private static float[] Slopes(string? reference, int heads, double maxBias = 8) => reference switch
    {
        null => AlibiSlopes.Paper(heads),
        "Bloom" => AlibiSlopes.Bloom(heads),
        "Mpt" => AlibiSlopes.Mpt(heads, maxBias),
        _ => throw new ArgumentOutOfRangeException(nameof(reference)),
    };

    private static uint[] Bits(float[] values) => values.Select(FloatBits.SingleToBits).ToArray();

    [Theory]
    [InlineData("alibi_h8")]
    [InlineData("alibi_h12")]
    [InlineData("alibi_h16")]
    [InlineData("alibi_bloom_h16")]
    [InlineData("alibi_mpt_h12")]
    public void SharedGoldens_MatchBitForBit(string name)
    {
        var golden = GoldenTable.Load(name);
        string? reference = golden.Config.TryGetValue("Reference", out var r) ? r.GetString() : null;
        var slopes = Slopes(reference, golden.ConfigInt("Heads"), golden.ConfigDouble("MaxBias", 8));
        Assert.Equal(golden.Slopes!.Select(b => b.ToString("x8")), Bits(slopes).Select(b => b.ToString("x8")));
    }

    [Theory]
    [InlineData("alibi_paper_all")]
    [InlineData("alibi_bloom_all")]
    [InlineData("alibi_mpt_all")]
    [InlineData("alibi_mpt_biases")]
    public void EveryHeadCount_MatchesTorchBitForBit(string name)
    {
        var golden = GoldenTable.Load(name);
        string? reference = golden.Config.TryGetValue("Reference", out var r) ? r.GetString() : null;
        int[] heads = golden.ConfigInts("Heads");
        double[] biases = golden.Config.ContainsKey("MaxBiases") ? golden.ConfigDoubles("MaxBiases") : new[] { 8.0 };
        int total = 0, mismatches = 0;
        string? first = null;
        for (int b = 0; b < biases.Length; b++)
        {
            for (int i = 0; i < heads.Length; i++)
            {
                uint[] expected = golden.SlopesByHeads![b][i];
                uint[] actual = Bits(Slopes(reference, heads[i], biases[b]));
                Assert.Equal(expected.Length, actual.Length);
                for (int k = 0; k < expected.Length; k++)
                {
                    total++;
                    if (expected[k] == actual[k]) continue;
                    mismatches++;
                    first ??= $"MaxBias {biases[b]}, {heads[i]} heads, slope {k}: expected {expected[k]:x8}, got {actual[k]:x8}";
                }
            }
        }
        _output.WriteLine($"{name}: {total - mismatches} of {total} slopes bit for bit");
        Assert.True(mismatches == 0, $"{mismatches} of {total} differ; first: {first}");
    }

    [Fact]
    public void Bloom_DiffersFromThePaper_ByUpTo7Ulp_At112Heads()
    {
        // The figure: float32 pow of a float32 base drifts from the correctly rounded values.
        float[] bloom = AlibiSlopes.Bloom(112), paper = AlibiSlopes.Paper(112);
        int worst = bloom.Zip(paper, (a, b) => Math.Abs((int)FloatBits.SingleToBits(a) - (int)FloatBits.SingleToBits(b))).Max();
        _output.WriteLine("largest difference at 112 heads: " + worst + " ulp");
        Assert.Equal(7, worst);
    }

    [Fact]
    public void Paper_IsTheExactValueCorrectlyRounded_ForLargeHeadCounts()
    {
        // Beyond the files: 2^(-8(i+1)/c) and 2^(-4(2j+1)/c), each rounded once; check a few against float64 bounds.
        foreach (int heads in new[] { 257, 300, 1000, 4096, 5000 })
        {
            float[] slopes = AlibiSlopes.Paper(heads);
            Assert.Equal(heads, slopes.Length);
            Assert.All(slopes, s => Assert.InRange(s, 1f / 256, 1f));
            int c = 1;
            while (c * 2 <= heads) c *= 2;
            Assert.Equal(1f / 256, slopes[c - 1]);
            Assert.Equal(0.5f, AlibiSlopes.Paper(8)[0]);
        }
    }

    [Fact]
    public void Mpt_OverflowingPowers_GiveZeroSlopes()
    {
        // MaxBias large enough that 2^m overflows float32: torch gives inf, and 1 / inf = 0 (alibi_mpt_biases covers 200 and 10000).
        float[] slopes = AlibiSlopes.Mpt(16, 200); // m = 12.5 k: 2^137.5 and beyond overflow
        Assert.Equal(0f, slopes[15]);
        Assert.True(slopes[0] > 0f);
    }
}
