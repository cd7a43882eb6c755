using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PEGen.FriendLibrary;

namespace PEGen.IntegrationTests;

/// <summary>The table is constant data in the assembly: no computation and no allocation.</summary>
public sealed class ConstantDataTests
{
    [Fact]
    public void FirstAccessAllocatesNothing()
    {
        // FirstAccess is touched nowhere else, so this is its first use in the process.
        long before = GC.GetAllocatedBytesForCurrentThread();
        float sum = ReadFirstAccessTable();
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.Equal(256 * 1024, FirstAccess.Table.Length);
        Assert.True(float.IsFinite(sum));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float ReadFirstAccessTable()
    {
        var table = FirstAccess.Table;
        return table[0] + table[table.Length - 1] + FirstAccess.Row(1023)[255];
    }

    [Fact]
    public void TableIsOneViewOfTheSameMemoryEveryTime()
    {
        ref float first = ref MemoryMarshal.GetReference(Exact512.Table);
        ref float second = ref MemoryMarshal.GetReference(Exact512.Table);
        Assert.True(Unsafe.AreSame(ref first, ref second));
        Assert.Equal(Exact512.Dim * Exact512.MaxLen, Exact512.Table.Length);
    }

    [Fact]
    public void FriendAssemblyEncodingIsUsableAlongsideOurOwn()
    {
        // Both assemblies generate PEGen's attribute; [Embedded] keeps them apart (no CS0436).
        Assert.Equal(16, FriendPositions.Dim);
        // Column 0 and 1 are sin(p) and cos(p) whatever the Dim.
        Assert.Equal(Exact64.Row(3)[..2].ToArray(), FriendPositions.Row(3)[..2].ToArray());
    }
}
