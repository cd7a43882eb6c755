using System;
using PEGen.Families.Grid2D;
using PEGen.Model;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.Tests.Grid2D;

/// <summary>The grid's values against MAE's and diffusers' numpy output (tests/golden/grid_*), and the construction's invariants.</summary>
public sealed class Grid2DTableTests
{
    private readonly ITestOutputHelper _output;

    public Grid2DTableTests(ITestOutputHelper output) => _output = output;

    internal static Grid2DSpec SpecOf(GoldenTable golden, bool compact = false) => new(
        "", new EquatableArray<TypeDeclarationSpec>(new[] { new TypeDeclarationSpec("G", true) }), "G",
        golden.ConfigInt("Dim"), golden.ConfigInt("GridHeight"), golden.ConfigInt("GridWidth"), golden.ConfigInt("ExtraTokens", 0),
        golden.ConfigDouble("BaseSize", 0), golden.ConfigDouble("InterpolationScale", 1), golden.ConfigDouble("Base", 10000), compact);

    [Theory]
    [InlineData("grid_mae_d768_g14_cls1")]
    [InlineData("grid_pixart_d64_g64_interp2")]
    public void Table_MatchesGoldenBitForBit(string name)
    {
        var golden = GoldenTable.Load(name);
        var spec = SpecOf(golden);
        float[] table = Grid2DTable.Build(spec);
        Assert.Equal((long)spec.Rows * spec.Dim, table.Length);
        int compared = 0, mismatches = 0;
        string? first = null;
        for (int i = 0; i < golden.Rows.Length; i++)
        {
            Assert.Equal(spec.Dim, golden.Values![i].Length);
            for (int j = 0; j < spec.Dim; j++, compared++)
            {
                uint actual = IeeeBits.Of(table[golden.Rows[i] * spec.Dim + j]);
                if (actual == golden.Values[i][j]) continue;
                mismatches++;
                first ??= $"row {golden.Rows[i]}, column {j}: {actual:X8} != {golden.Values[i][j]:X8}";
            }
        }
        _output.WriteLine($"{name}: {compared - mismatches} of {compared} entries bit for bit");
        Assert.True(compared > 0);
        Assert.True(mismatches == 0, $"{mismatches} of {compared} differ; first: {first}");
    }

    [Fact]
    public void PixArtPositions_AreDiffusersFloat32Quotients()
    {
        // grid 64, base 64: step (float)(64 / 64.0) = 1; / 2 in float32.
        var positions = Grid2DTable.Positions(64, 64, 2);
        Assert.Equal(31.5, positions[63]);
        // SD3: grid 192, base 64: step (float)3.0; 1 / 3 rounded to float32, then widened.
        var sd3 = Grid2DTable.Positions(192, 64, 1);
        Assert.Equal((double)(1f / 3f), sd3[1]);
        Assert.Equal(191d / 3 is var q ? (double)(float)q : 0, sd3[191]);
    }

    [Theory]
    [InlineData(8, 3, 5, 0, 0d, 1d)]
    [InlineData(12, 7, 2, 3, 0d, 1d)]
    [InlineData(16, 5, 5, 1, 7d, 3d)]
    [InlineData(4, 1, 9, 2, 0d, 1d)]
    public void FullTable_IsTheFactorsSideBySide_ExtraRowsZero(int dim, int height, int width, int extra, double baseSize, double scale)
    {
        var spec = new Grid2DSpec("", new EquatableArray<TypeDeclarationSpec>(new[] { new TypeDeclarationSpec("G", true) }), "G",
            dim, height, width, extra, baseSize, scale, 10000, false);
        var table = Grid2DTable.Build(spec);
        var columns = Grid2DTable.ColumnFactors(spec);
        var rows = Grid2DTable.RowFactors(spec);
        for (int i = 0; i < extra * dim; i++)
            Assert.Equal(0u, IeeeBits.Of(table[i]));
        int half = dim / 2;
        for (int r = 0; r < height; r++)
        for (int c = 0; c < width; c++)
        for (int j = 0; j < dim; j++)
        {
            float expected = j < half ? columns[c * half + j] : rows[r * half + j - half];
            Assert.Equal(IeeeBits.Of(expected), IeeeBits.Of(table[(extra + r * width + c) * dim + j]));
        }
        // Patch (0, 0): sin 0 = 0 and cos 0 = 1 in both halves.
        Assert.Equal(0f, table[extra * dim]);
        Assert.Equal(1f, table[extra * dim + dim / 4]);
    }
}
