using System;
using System.Linq;
using PEGen.TestSupport;

namespace PEGen.IntegrationTests;

/// <summary>Generated <c>[AlibiBias]</c> classes: slopes against the goldens, AddBias against a direct loop, its errors.</summary>
public sealed class AlibiTests
{
    private static uint Bits(float f) => BitConverter.SingleToUInt32Bits(f);

    [Theory]
    [InlineData("alibi_h8")]
    [InlineData("alibi_h12")]
    [InlineData("alibi_h16")]
    [InlineData("alibi_bloom_h16")]
    [InlineData("alibi_mpt_h12")]
    public void Slopes_MatchGoldenBitForBit(string name)
    {
        var golden = GoldenTable.Load(name);
        ReadOnlySpan<float> slopes = name switch
        {
            "alibi_h8" => Alibi8.Slopes,
            "alibi_h12" => Alibi12.Slopes,
            "alibi_h16" => Alibi16.Slopes,
            "alibi_bloom_h16" => BloomAlibi16.Slopes,
            _ => MptAlibi12.Slopes,
        };
        Assert.Equal(golden.Slopes!, slopes.ToArray().Select(Bits).ToArray());
    }

    [Fact]
    public void Heads_IsTheDeclaredCount()
    {
        Assert.Equal(8, Alibi8.Heads);
        Assert.Equal(112, Bloom176BAlibi.Heads);
        Assert.Equal(112, Bloom176BAlibi.Slopes.Length);
        Assert.Equal(32, Mpt7BAlibi.Slopes.Length);
    }

    /// <summary>The contract's formula, one score at a time: one float32 product, one float32 subtraction.</summary>
    internal static void Reference(float[] scores, ReadOnlySpan<float> slopes, int keyCount, int startPosition)
    {
        int heads = slopes.Length, rows = scores.Length / (heads * keyCount);
        for (int h = 0; h < heads; h++)
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < keyCount; j++)
                {
                    int index = (h * rows + r) * keyCount + j;
                    float distance = Math.Abs(startPosition + r - j);
                    float bias = slopes[h] * distance;
                    scores[index] = scores[index] - bias;
                }
    }

    private static float[] Random(Random random, int length) =>
        Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();

    [Fact]
    public void AddBias_EqualsADirectLoop_ForRandomShapesAndStartPositions()
    {
        var random = new Random(15);
        for (int trial = 0; trial < 300; trial++)
        {
            int keyCount = trial % 3 == 0 ? random.Next(1, 20) : random.Next(1, 300);
            int rows = random.Next(0, 6);
            int start = trial % 5 == 0 ? random.Next(0, 16777216 - rows) : random.Next(0, 400);
            var (heads, slopes, add) = (trial % 3) switch
            {
                0 => (12, Alibi12.Slopes.ToArray(), (Action<float[], int, int>)((s, k, p) => Alibi12.AddBias(s, k, p))),
                1 => (16, BloomAlibi16.Slopes.ToArray(), (s, k, p) => BloomAlibi16.AddBias(s, k, p)),
                _ => (1, Alibi1.Slopes.ToArray(), (s, k, p) => Alibi1.AddBias(s, k, p)),
            };
            float[] scores = Random(random, heads * rows * keyCount);
            float[] expected = (float[])scores.Clone();
            Reference(expected, slopes, keyCount, start);
            add(scores, keyCount, start);
            Assert.True(expected.Select(Bits).SequenceEqual(scores.Select(Bits)),
                $"trial {trial}: heads {heads}, rows {rows}, keyCount {keyCount}, start {start}");
        }
    }

    [Fact]
    public void AddBias_DefaultStartPosition_IsZero()
    {
        var scores = new float[12 * 3 * 5];
        Alibi12.AddBias(scores, 5);
        var expected = new float[scores.Length];
        Reference(expected, Alibi12.Slopes, 5, 0);
        Assert.Equal(expected, scores);
        Assert.Equal(0f, scores[0]);                         // head 0, row 0, key 0: distance 0
        Assert.Equal(-Alibi12.Slopes[0] * 4, scores[4]);     // key 4 of row 0
    }

    [Fact]
    public void CausalPart_GivesBloomsSoftmax()
    {
        // BLOOM adds +slope * j to every key (before the causal mask); ALiBi proper adds -slope * (q - j). They differ by
        // slope * q per row, so the softmax over the causal keys j <= q is the same (up to float32 rounding).
        var random = new Random(3);
        const int rows = 7, keyCount = 64, start = 40;
        int heads = Bloom176BAlibi.Heads;
        float[] ours = Random(random, heads * rows * keyCount);
        float[] bloom = (float[])ours.Clone();
        Bloom176BAlibi.AddBias(ours, keyCount, start);
        var slopes = Bloom176BAlibi.Slopes;
        double worst = 0;
        for (int h = 0; h < heads; h++)
            for (int r = 0; r < rows; r++)
            {
                int q = start + r, offset = (h * rows + r) * keyCount;
                for (int j = 0; j < keyCount; j++) bloom[offset + j] += slopes[h] * j;
                double[] a = Softmax(ours.AsSpan(offset, q + 1));
                double[] b = Softmax(bloom.AsSpan(offset, q + 1));
                for (int j = 0; j <= q; j++) worst = Math.Max(worst, Math.Abs(a[j] - b[j]));
                // The difference per key is the row constant -slope * q, up to the two roundings.
                for (int j = 0; j <= q; j++)
                    Assert.Equal(-(double)slopes[h] * q, (double)ours[offset + j] - bloom[offset + j], 1e-5);
            }
        // Scores reach |50|: one float32 rounding of each (2^-24 relative) moves a probability by about 1e-6.
        Assert.True(worst < 1e-5, "softmax differs by " + worst);
    }

    private static double[] Softmax(ReadOnlySpan<float> x)
    {
        double max = double.NegativeInfinity;
        foreach (float v in x) max = Math.Max(max, v);
        var e = new double[x.Length];
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += e[i] = Math.Exp(x[i] - max);
        for (int i = 0; i < e.Length; i++) e[i] /= sum;
        return e;
    }

    [Fact]
    public void AddBias_AtThePositionLimit_IsExact()
    {
        // Positions up to 2^24 are exact float32 integers: the last allowed query row sits at 16777216.
        const int keyCount = 40;
        var scores = new float[2 * keyCount];
        Alibi1.AddBias(scores, keyCount, 16777215);
        float slope = Alibi1.Slopes[0];
        for (int r = 0; r < 2; r++)
            for (int j = 0; j < keyCount; j++)
                Assert.Equal(-(slope * (float)(16777215 + r - j)), scores[r * keyCount + j]);
        int past = 16777216; // not a constant: PEG011 would flag the call that must fail
        Assert.Throws<ArgumentOutOfRangeException>("startPosition", () => Alibi1.AddBias(new float[2 * keyCount], keyCount, past));
        Alibi1.AddBias(new float[keyCount], keyCount, 16777216);
    }

    [Fact]
    public void AddBias_EmptyScores_DoNothing()
    {
        Alibi12.AddBias(Span<float>.Empty, 7, 3);
        Alibi12.AddBias(Span<float>.Empty, 7, 16777216);
    }

    [Theory]
    [InlineData(0, 0, "keyCount")]
    [InlineData(-1, 0, "keyCount")]
    [InlineData(16777218, 0, "keyCount")]
    [InlineData(int.MaxValue, 0, "keyCount")]
    [InlineData(5, -1, "startPosition")]
    [InlineData(5, int.MinValue, "startPosition")]
    [InlineData(5, 16777216, "startPosition")]   // 2 rows: the last at 16777217
    [InlineData(5, int.MaxValue, "startPosition")]
    public void AddBias_OutOfRangeArguments_ThrowAndWriteNothing(int keyCount, int start, string parameter)
    {
        int length = keyCount is > 0 and < 100 ? 12 * 2 * keyCount : 12 * 2 * 5;
        var scores = Enumerable.Range(0, length).Select(i => (float)i).ToArray();
        var before = (float[])scores.Clone();
        var e = Assert.Throws<ArgumentOutOfRangeException>(parameter, () => Alibi12.AddBias(scores, keyCount, start));
        Assert.Contains(parameter, e.Message);
        Assert.Equal(before, scores);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(12 * 5 + 1, 5)]
    [InlineData(12 * 5 - 1, 5)]
    [InlineData(5, 5)]
    [InlineData(11, 1)]
    public void AddBias_PartialRows_ThrowNamingScores(int length, int keyCount)
    {
        var scores = Enumerable.Range(0, length).Select(i => (float)i).ToArray();
        var before = (float[])scores.Clone();
        var e = Assert.Throws<ArgumentException>("scores", () => Alibi12.AddBias(scores, keyCount));
        Assert.Contains((12 * keyCount).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.Equal(before, scores);
    }
}

/// <summary>The netstandard2.0 build (C# 7.3, scalar loop, static-array slopes) of AddBias gives the net10.0 build's bits.</summary>
public sealed class AlibiNetStandardTests
{
    [Fact]
    public void SlopesAndAddBias_MatchTheNet10Build()
    {
        Assert.Equal(BloomAlibi16.Slopes.ToArray(), PEGen.NetStandardConsumer.AlibiStandardProbe.Slopes());
        var random = new Random(8);
        foreach (int keyCount in new[] { 1, 3, 7, 8, 15, 16, 17, 64, 100, 513 })
        {
            int rows = 1 + keyCount % 3, start = random.Next(0, 1000);
            float[] input = Enumerable.Range(0, 16 * rows * keyCount).Select(_ => (float)random.NextDouble()).ToArray();
            float[] expected = (float[])input.Clone();
            BloomAlibi16.AddBias(expected, keyCount, start);
            float[] actual = PEGen.NetStandardConsumer.AlibiStandardProbe.AddBias(input, keyCount, start);
            Assert.Equal(expected.Select(BitConverter.SingleToUInt32Bits), actual.Select(BitConverter.SingleToUInt32Bits));
        }
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => PEGen.NetStandardConsumer.AlibiStandardProbe.AddBias(new float[17], 1, 0)).ParamName);
    }
}
