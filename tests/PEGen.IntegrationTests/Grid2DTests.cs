using System;
using System.Linq;
using PEGen.TestSupport;

namespace PEGen.IntegrationTests;

/// <summary>Compiled [PositionalEncoding2D] classes: goldens bit for bit, both indexings, AddWindowTo, Compact against Full.</summary>
public sealed class Grid2DTests
{
    private delegate void CopyRows(int startPosition, Span<float> destination);

    private static float[] AllRows(CopyRows copy, int maxLen, int dim)
    {
        var rows = new float[maxLen * dim];
        copy(0, rows);
        return rows;
    }

    [Theory]
    [InlineData("grid_mae_d768_g14_cls1")]
    [InlineData("grid_pixart_d64_g64_interp2")]
    public void FullAndCompact_MatchGoldenBitForBit(string name)
    {
        var golden = GoldenTable.Load(name);
        var (full, compact, dim) = name.Contains("mae", StringComparison.Ordinal)
            ? (MaeGrid.Table.ToArray(), AllRows(MaeGridCompact.CopyRows, MaeGridCompact.MaxLen, MaeGridCompact.Dim), MaeGrid.Dim)
            : (PixArtGrid.Table.ToArray(), AllRows(PixArtGridCompact.CopyRows, PixArtGridCompact.MaxLen, PixArtGridCompact.Dim), PixArtGrid.Dim);
        Assert.Equal(golden.ConfigInt("Dim"), dim);
        int compared = 0;
        for (int i = 0; i < golden.Rows.Length; i++)
        {
            for (int j = 0; j < dim; j++, compared++)
            {
                uint want = golden.Values![i][j];
                Assert.True(IeeeBits.Of(full[golden.Rows[i] * dim + j]) == want, $"{name} Full row {golden.Rows[i]} column {j}");
                Assert.True(IeeeBits.Of(compact[golden.Rows[i] * dim + j]) == want, $"{name} Compact row {golden.Rows[i]} column {j}");
            }
        }
        Assert.Equal(golden.Rows.Length * dim, compared);
    }

    [Fact]
    public void RowsIndexedBothWays_AreTheSameView()
    {
        Assert.Equal(197, MaeGrid.MaxLen);
        Assert.True(MaeGrid.Row(0).ToArray().All(v => IeeeBits.Of(v) == 0), "the cls row is +0");
        for (int r = 0; r < MaeGrid.GridHeight; r++)
        {
            for (int c = 0; c < MaeGrid.GridWidth; c++)
            {
                var byPatch = MaeGrid.Row(r, c);
                var byIndex = MaeGrid.Row(MaeGrid.ExtraTokens + r * MaeGrid.GridWidth + c);
                Assert.True(byPatch == byIndex, $"patch ({r}, {c}) is not the same memory as its index row");
                Assert.Equal(MaeGrid.Dim, byPatch.Length);
            }
        }
        // Column first: patch (0, c) has sin(0) = 0 and cos(0) = 1 in its row half, patch (r, 0) in its column half.
        Assert.Equal(0f, MaeGrid.Row(0, 5)[MaeGrid.Dim / 2]);
        Assert.Equal(1f, MaeGrid.Row(0, 5)[3 * MaeGrid.Dim / 4]);
        Assert.Equal(0f, MaeGrid.Row(5, 0)[0]);
        Assert.Equal(1f, MaeGrid.Row(5, 0)[MaeGrid.Dim / 4]);
        Assert.NotEqual(0f, MaeGrid.Row(5, 0)[MaeGrid.Dim / 2]);
    }

    [Fact]
    public void AddWindowTo_AddsRowOfEachPatch_FullAndCompact()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 40; trial++)
        {
            int rows = trial == 0 ? 14 : random.Next(15), columns = trial == 0 ? 14 : random.Next(15);
            int top = trial == 1 ? (14 - rows) / 2 : random.Next(15 - rows), left = trial == 1 ? (14 - columns) / 2 : random.Next(15 - columns);
            var input = Enumerable.Range(0, rows * columns * MaeGrid.Dim).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            var full = input.ToArray();
            var compact = input.ToArray();
            MaeGrid.AddWindowTo(full, rows, columns, top, left);
            MaeGridCompact.AddWindowTo(compact, rows, columns, top, left);
            var expected = new float[input.Length];
            for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                var row = MaeGrid.Row(top + i, left + j);
                int at = (i * columns + j) * MaeGrid.Dim;
                for (int k = 0; k < MaeGrid.Dim; k++) expected[at + k] = input[at + k] + row[k];
            }
            Assert.Equal(IeeeBits.OfAll(expected), IeeeBits.OfAll(full));
            Assert.Equal(IeeeBits.OfAll(expected), IeeeBits.OfAll(compact));
        }
    }

    [Fact]
    public void AddWindowTo_WholeGrid_IsAddToAfterTheExtraTokens()
    {
        var input = Enumerable.Range(0, MaeGrid.GridHeight * MaeGrid.GridWidth * MaeGrid.Dim).Select(i => i * 0.001f).ToArray();
        var window = input.ToArray();
        var added = input.ToArray();
        MaeGrid.AddWindowTo(window, MaeGrid.GridHeight, MaeGrid.GridWidth);
        MaeGrid.AddTo(added, MaeGrid.ExtraTokens);
        Assert.Equal(IeeeBits.OfAll(added), IeeeBits.OfAll(window));
    }

    [Fact]
    public void CompactEqualsFull_EveryEntry_EveryMethod_SeveralShapes()
    {
        Same(OddGrid.Table, OddGrid.MaxLen, OddGrid.Dim, OddGrid.GridHeight, OddGrid.GridWidth, OddGrid.CopyRows, OddGridCompact.CopyRows,
            OddGrid.AddTo, OddGridCompact.AddTo, OddGrid.Add, OddGridCompact.Add, OddGrid.AddWindowTo, OddGridCompact.AddWindowTo);
        Same(ScaledGrid.Table, ScaledGrid.MaxLen, ScaledGrid.Dim, ScaledGrid.GridHeight, ScaledGrid.GridWidth, ScaledGrid.CopyRows, ScaledGridCompact.CopyRows,
            ScaledGrid.AddTo, ScaledGridCompact.AddTo, ScaledGrid.Add, ScaledGridCompact.Add, ScaledGrid.AddWindowTo, ScaledGridCompact.AddWindowTo);
        Same(ThinGrid.Table, ThinGrid.MaxLen, ThinGrid.Dim, ThinGrid.GridHeight, ThinGrid.GridWidth, ThinGrid.CopyRows, ThinGridCompact.CopyRows,
            ThinGrid.AddTo, ThinGridCompact.AddTo, ThinGrid.Add, ThinGridCompact.Add, ThinGrid.AddWindowTo, ThinGridCompact.AddWindowTo);
        Same(MaeGrid.Table, MaeGrid.MaxLen, MaeGrid.Dim, MaeGrid.GridHeight, MaeGrid.GridWidth, MaeGrid.CopyRows, MaeGridCompact.CopyRows,
            MaeGrid.AddTo, MaeGridCompact.AddTo, MaeGrid.Add, MaeGridCompact.Add, MaeGrid.AddWindowTo, MaeGridCompact.AddWindowTo);
    }

    private delegate void AddTo(Span<float> embeddings, int startPosition);
    private delegate void Add(ReadOnlySpan<float> embeddings, Span<float> destination, int startPosition);
    private delegate void AddWindowTo(Span<float> patches, int patchRows, int patchColumns, int top, int left);

    private static void Same(ReadOnlySpan<float> table, int maxLen, int dim, int height, int width, CopyRows fullCopy, CopyRows compactCopy,
        AddTo fullAddTo, AddTo compactAddTo, Add fullAdd, Add compactAdd, AddWindowTo fullWindow, AddWindowTo compactWindow)
    {
        var expected = IeeeBits.OfAll(table.ToArray());
        Assert.Equal(expected, IeeeBits.OfAll(AllRows(fullCopy, maxLen, dim)));
        Assert.Equal(expected, IeeeBits.OfAll(AllRows(compactCopy, maxLen, dim)));
        var random = new Random(maxLen);
        for (int trial = 0; trial < 30; trial++)
        {
            int start = random.Next(maxLen + 1), rows = random.Next(maxLen - start + 1);
            var input = Enumerable.Range(0, rows * dim).Select(_ => trial % 3 == 0 ? -0f : (float)random.NextDouble()).ToArray();
            float[] a = input.ToArray(), b = input.ToArray(), c = new float[input.Length], d = new float[input.Length];
            fullAddTo(a, start);
            compactAddTo(b, start);
            fullAdd(input, c, start);
            compactAdd(input, d, start);
            Assert.Equal(IeeeBits.OfAll(a), IeeeBits.OfAll(b));
            Assert.Equal(IeeeBits.OfAll(a), IeeeBits.OfAll(c));
            Assert.Equal(IeeeBits.OfAll(a), IeeeBits.OfAll(d));
            var copied = new float[rows * dim];
            compactCopy(start, copied);
            Assert.Equal(IeeeBits.OfAll(table.Slice(start * dim, rows * dim).ToArray()), IeeeBits.OfAll(copied));

            int pr = random.Next(height + 1), pc = random.Next(width + 1), top = random.Next(height - pr + 1), left = random.Next(width - pc + 1);
            var patches = Enumerable.Range(0, pr * pc * dim).Select(_ => (float)random.NextDouble()).ToArray();
            float[] w1 = patches.ToArray(), w2 = patches.ToArray();
            fullWindow(w1, pr, pc, top, left);
            compactWindow(w2, pr, pc, top, left);
            Assert.Equal(IeeeBits.OfAll(w1), IeeeBits.OfAll(w2));
        }
    }

    [Fact]
    public void Sd3CompactGrid_IsItsTwoAxisFactors_AndSmall()
    {
        Assert.Equal(192 * 192, Sd3Grid.MaxLen);
        int dim = Sd3Grid.Dim, half = dim / 2;
        var random = new Random(192);
        var row = new float[dim];
        for (int trial = 0; trial < 200; trial++)
        {
            int r = trial == 0 ? 191 : random.Next(192), c = trial == 0 ? 191 : random.Next(192);
            Sd3Grid.CopyRows(r * 192 + c, row);
            Assert.Equal(IeeeBits.OfAll(Sd3Columns.Row(0, c).Slice(0, half).ToArray()), IeeeBits.OfAll(row.AsSpan(0, half).ToArray()));
            Assert.Equal(IeeeBits.OfAll(Sd3Rows.Row(r, 0).Slice(half).ToArray()), IeeeBits.OfAll(row.AsSpan(half).ToArray()));
        }
        // The centre crop of a 64 x 64 latent (1024 px at patch 2 over 8x VAE: 128 / 2): rows and columns 64..127.
        var patches = new float[64 * 64 * dim];
        Sd3Grid.AddWindowTo(patches, 64, 64, (Sd3Grid.GridHeight - 64) / 2, (Sd3Grid.GridWidth - 64) / 2);
        Sd3Grid.CopyRows(64 * 192 + 64, row);
        Assert.Equal(IeeeBits.OfAll(row), IeeeBits.OfAll(patches.AsSpan(0, dim).ToArray()));
        // Compact keeps (192 + 192) x 768 floats of factors: about 1.2 MB, where Full would be 226 MB.
        var data = typeof(Sd3Grid).GetProperty("__PEGen_ColumnFactors", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        Assert.NotNull(data);
        Assert.Null(typeof(Sd3Grid).GetProperty("Table"));
    }
}

/// <summary>The netstandard2.0 (C# 7.3, scalar, static-array) grids give the net10.0 build's values.</summary>
public sealed class Grid2DNetStandardTests
{
    [Fact]
    public void TablesAndMethodsAreTheSameAsOnNet10()
    {
        var table = IeeeBits.OfAll(MaeGrid.Table.ToArray());
        Assert.Equal(table, IeeeBits.OfAll(PEGen.NetStandardConsumer.GridProbe.Table()));
        Assert.Equal(table, IeeeBits.OfAll(PEGen.NetStandardConsumer.GridProbe.CompactRows()));
        Assert.Equal(IeeeBits.OfAll(MaeGrid.Row(3, 7).ToArray()), IeeeBits.OfAll(PEGen.NetStandardConsumer.GridProbe.Row(3, 7)));
        var random = new Random(9);
        var input = Enumerable.Range(0, 20 * MaeGrid.Dim).Select(_ => (float)random.NextDouble()).ToArray();
        var expected = input.ToArray();
        MaeGrid.AddTo(expected, 0);
        Assert.Equal(IeeeBits.OfAll(expected), IeeeBits.OfAll(PEGen.NetStandardConsumer.GridProbe.AddTo(input.ToArray(), 0, false)));
        Assert.Equal(IeeeBits.OfAll(expected), IeeeBits.OfAll(PEGen.NetStandardConsumer.GridProbe.AddTo(input.ToArray(), 0, true)));
        var window = input.AsSpan(0, 4 * 5 * MaeGrid.Dim).ToArray();
        var windowExpected = window.ToArray();
        MaeGrid.AddWindowTo(windowExpected, 4, 5, 5, 4);
        Assert.Equal(IeeeBits.OfAll(windowExpected), IeeeBits.OfAll(PEGen.NetStandardConsumer.GridProbe.AddWindowTo(window.ToArray(), 4, 5, 5, 4, false)));
        Assert.Equal(IeeeBits.OfAll(windowExpected), IeeeBits.OfAll(PEGen.NetStandardConsumer.GridProbe.AddWindowTo(window.ToArray(), 4, 5, 5, 4, true)));
        Assert.Equal("patches", Assert.Throws<ArgumentException>(() => PEGen.NetStandardConsumer.GridProbe.AddWindowTo(new float[5], 1, 1, 0, 0, true)).ParamName);
        Assert.Equal("top", Assert.Throws<ArgumentOutOfRangeException>(() => PEGen.NetStandardConsumer.GridProbe.AddWindowTo(new float[768], 1, 1, 14, 0, false)).ParamName);
    }
}
