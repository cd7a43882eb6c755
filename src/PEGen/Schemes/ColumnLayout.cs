using System;

namespace PEGen.Schemes;

/// <summary>
/// The columns of each frequency of an additive sinusoidal table, from the scheme's layout and its
/// odd-Dim rule: the table writer fills them and <c>Shift</c> rotates them, so both read this one map.
/// </summary>
internal sealed class ColumnLayout
{
    private ColumnLayout(int[] sinColumns, int[] cosColumns)
    {
        SinColumns = sinColumns;
        CosColumns = cosColumns;
    }

    /// <summary>Column of the sine of frequency k.</summary>
    public int[] SinColumns { get; }

    /// <summary>Column of the cosine of frequency k, or -1 (an odd Dim's extra sine has no partner).</summary>
    public int[] CosColumns { get; }

    /// <summary>Number of frequencies.</summary>
    public int Count => SinColumns.Length;

    /// <summary>Frequencies a Dim has: one per pair, plus the extra sine of an odd Dim where the layout has one.</summary>
    public static int FrequencyCount(OddDimension odd, int dim) => odd == OddDimension.ExtraSine ? (dim + 1) / 2 : dim / 2;

    public static ColumnLayout For(PairLayout layout, OddDimension odd, int dim)
    {
        int count = FrequencyCount(odd, dim);
        var sin = new int[count];
        var cos = new int[count];
        for (int k = 0; k < count; k++)
        {
            (sin[k], cos[k]) = layout switch
            {
                PairLayout.Interleaved => (2 * k, 2 * k + 1),
                PairLayout.Halves => (k, count + k),
                _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "not an additive sinusoid layout"),
            };
            if (cos[k] >= dim) cos[k] = -1;
        }
        return new ColumnLayout(sin, cos);
    }
}
