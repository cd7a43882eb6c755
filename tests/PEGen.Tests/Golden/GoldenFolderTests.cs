using System;
using System.IO;
using System.Linq;
using PEGen.TestSupport;

namespace PEGen.Tests.Golden;

/// <summary>The reference tables live in the repository (tests/golden) and every one of them loads with a consistent shape.</summary>
public sealed class GoldenFolderTests
{
    public static TheoryData<string> Names() => new(GoldenTable.Names());

    [Fact]
    public void TheTablesAreInsideTheRepository()
    {
        string folder = Path.GetFullPath(RepoPaths.Golden);
        Assert.StartsWith(Path.GetFullPath(RepoPaths.Root) + Path.DirectorySeparatorChar, folder, StringComparison.Ordinal);
        Assert.NotEmpty(GoldenTable.Names());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TableLoadsWithAConsistentShape(string name)
    {
        GoldenTable table = GoldenTable.Load(name);
        Assert.Equal(name, table.Name);
        Assert.NotEmpty(table.Config);
        Assert.True(table.Values is not null || table.Cos is not null || table.Slopes is not null || table.SlopesByHeads is not null,
            name + " holds no table");
        if (table.Values is not null)
            Assert.Equal(table.Rows.Length, table.Values.Length);
        Assert.Equal(table.Cos is null, table.Sin is null);
        if (table.Cos is not null)
        {
            Assert.Equal(table.Rows.Length, table.Cos.Length);
            Assert.Equal(table.Rows.Length, table.Sin!.Length);
            Assert.All(table.Cos.Concat(table.Sin), row => Assert.Equal(table.Cos[0].Length, row.Length));
            if (table.InvFreq is not null)
                Assert.Equal(table.Cos[0].Length, table.InvFreq.Length);
        }
        Assert.Equal(table.ShortRows is null, table.ShortCos is null);
        if (table.ShortRows is not null)
        {
            Assert.Equal(table.ShortRows.Length, table.ShortCos!.Length);
            Assert.Equal(table.ShortRows.Length, table.ShortSin!.Length);
        }
        Assert.Equal(table.Timesteps is null, table.Encoded is null);
        if (table.Timesteps is not null)
            Assert.Equal(table.Timesteps.Length, table.Encoded!.Length);
        if (table.Slopes is not null)
            Assert.Equal(table.ConfigInt("Heads"), table.Slopes.Length);
        if (table.SlopesByHeads is not null)
        {
            int[] heads = table.ConfigInts("Heads");
            Assert.All(table.SlopesByHeads, byHeads =>
            {
                Assert.Equal(heads.Length, byHeads.Length);
                for (int i = 0; i < heads.Length; i++) Assert.Equal(heads[i], byHeads[i].Length);
            });
        }
    }
}
