using System;
using PEGen.TestSupport;

namespace PEGen.IntegrationTests;

/// <summary>The compiled constant data equals the mpmath reference bit for bit.</summary>
public sealed class GoldenTests
{
    [Fact]
    public void Exact64MatchesGoldenBitForBit() => AssertMatches("exact_d64_L256", Exact64.Table, Exact64.Dim);

    [Fact]
    public void Exact512MatchesGoldenBitForBit() => AssertMatches("exact_d512_L2048", Exact512.Table, Exact512.Dim);

    private static void AssertMatches(string name, ReadOnlySpan<float> table, int dim)
    {
        var golden = GoldenTable.Load(name);
        Assert.NotEmpty(golden.Rows);
        uint[][] values = Assert.IsType<uint[][]>(golden.Values);
        int compared = 0;
        for (int r = 0; r < golden.Rows.Length; r++)
        {
            var row = table.Slice(golden.Rows[r] * dim, dim);
            Assert.Equal(dim, values[r].Length);
            for (int j = 0; j < dim; j++, compared++)
            {
                uint actual = IeeeBits.Of(row[j]);
                Assert.True(actual == values[r][j],
                    $"{name}: position {golden.Rows[r]}, column {j}: {actual:X8} != {values[r][j]:X8}");
            }
        }
        Assert.Equal(golden.Rows.Length * dim, compared);
    }
}
