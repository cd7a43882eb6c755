using System;
using System.Linq;
using PEGen.NetStandardConsumer;
using PEGen.TestSupport;

namespace PEGen.IntegrationTests;

/// <summary>
/// The netstandard2.0 (C# 7.3, scalar, static-array) build of the generated code gives the same
/// tables and results as the net10.0 build.
/// </summary>
public sealed class NetStandardConsumerTests
{
    [Fact]
    public void TableIsTheSameAsOnNet10() =>
        Assert.Equal(IeeeBits.OfAll(Exact64.Table), IeeeBits.OfAll(StandardProbe.Table()));

    [Fact]
    public void AddToMatchesTheNet10Build()
    {
        var random = new Random(5);
        var input = Enumerable.Range(0, 7 * 64).Select(_ => (float)random.NextDouble()).ToArray();
        var expected = input.ToArray();
        Exact64.AddTo(expected, 100);
        Assert.Equal(expected, StandardProbe.AddTo(input, 100));
        Assert.Equal("embeddings", Assert.Throws<ArgumentException>(() => StandardProbe.AddTo(new float[63], 0)).ParamName);
    }

    [Theory]
    [InlineData(3, 4)]     // short tables
    [InlineData(14, 4)]    // straddles OriginalMaxLen = 16: long tables
    [InlineData(30, 2)]
    public void EveryRotaryFormOfAPartialLongRopeClassMatchesTheNet10Build(int start, int rows)
    {
        var random = new Random(start);
        const int heads = 3;
        var vectors = Enumerable.Range(0, rows * heads * 24).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var keys = Enumerable.Range(0, rows * 24).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var positions = Enumerable.Range(0, rows).Select(_ => random.Next(start + rows)).ToArray();

        var expected = new System.Collections.Generic.List<float>();
        var x = vectors.ToArray();
        LongRopeTwin.Rotate(x, start, heads);
        expected.AddRange(x);
        var d = new float[vectors.Length];
        LongRopeTwin.Rotate(vectors, d, start, heads);
        expected.AddRange(d);
        x = vectors.ToArray();
        LongRopeTwin.Rotate(x, start, heads, LongRopeFactors.Long);
        expected.AddRange(x);
        d = new float[vectors.Length];
        LongRopeTwin.Rotate(vectors, d, start, heads, LongRopeFactors.Long);
        expected.AddRange(d);
        x = vectors.ToArray();
        LongRopeTwin.Rotate(x, positions, heads);
        expected.AddRange(x);
        d = new float[vectors.Length];
        LongRopeTwin.Rotate(vectors, d, positions, heads);
        expected.AddRange(d);
        x = vectors.ToArray();
        var k = keys.ToArray();
        LongRopeTwin.RotateQueryKey(x, heads, k, 1, start);
        expected.AddRange(x);
        expected.AddRange(k);
        expected.Add(LongRopeTwin.RotaryDim);
        expected.Add((float)LongRopeTwin.AttentionFactor);
        expected.AddRange(LongRopeTwin.InverseFrequencies.ToArray());
        expected.AddRange(LongRopeTwin.ShortInverseFrequencies.ToArray());
        expected.AddRange(LongRopeTwin.ShortCos.ToArray());

        Assert.Equal(IeeeBits.OfAll(expected.ToArray()), IeeeBits.OfAll(StandardProbe.LongRopeForms(vectors, start, heads, positions, keys)));
    }

    [Fact]
    public void EmbedShiftAndRotateWorkOnTheScalarPath()
    {
        var table = StandardProbe.FairseqTable();
        var matrix = Enumerable.Range(0, 3 * 12).Select(i => i * 0.25f).ToArray();
        var embedded = StandardProbe.Embed(new[] { 2, 0 }, matrix, 5, 2f);
        for (int j = 0; j < 12; j++)
        {
            Assert.Equal(matrix[24 + j] * 2f + table[5 * 12 + j], embedded[j]);
            Assert.Equal(matrix[j] * 2f + table[6 * 12 + j], embedded[12 + j]);
        }

        var shifted = StandardProbe.Shift(3, 10);
        for (int j = 0; j < 12; j++)
            Assert.True(Math.Abs(shifted[j] - table[13 * 12 + j]) < 1e-5, $"column {j}");

        var cos = StandardProbe.RopeCos();
        var sin = StandardProbe.RopeSin();
        var vectors = Enumerable.Range(0, 2 * 16).Select(i => (float)Math.Cos(i)).ToArray();
        var rotated = StandardProbe.Rotate(vectors.ToArray(), 7, 2);
        for (int h = 0; h < 2; h++)
        for (int k = 0; k < 8; k++)
        {
            float a = vectors[h * 16 + k], b = vectors[h * 16 + k + 8], c = cos[7 * 8 + k], s = sin[7 * 8 + k];
            Assert.Equal(a * c - b * s, rotated[h * 16 + k]);
            Assert.Equal(b * c + a * s, rotated[h * 16 + k + 8]);
        }
    }
}
