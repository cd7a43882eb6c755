using PEGen.Numerics;

namespace PEGen.Families.Grid2D;

/// <summary>
/// The grid's values, host-independently: MAE's <c>get_2d_sincos_pos_embed</c> in numpy float64 (the frequencies
/// <c>1 / Base ** (k / (Dim/4))</c> with a correctly rounded pow, the angle <c>pos * omega</c> one float64 product,
/// sin and cos correctly rounded to float64) and then one rounding to float32, with diffusers' float32 positions when
/// <c>BaseSize</c> is set. The whole grid is the two 1-D factor tables side by side, so Full and Compact agree by construction.
/// </summary>
internal static class Grid2DTable
{
    /// <summary>numpy's <c>omega = 1.0 / Base ** (arange(Dim/4, float64) / (Dim/4))</c>.</summary>
    public static double[] Frequencies(double @base, int dim)
    {
        int quarter = dim / 4;
        var omega = new double[quarter];
        for (int k = 0; k < quarter; k++)
            omega[k] = 1.0 / CorrectlyRounded.PowDouble(@base, (double)k / quarter);
        return omega;
    }

    /// <summary>
    /// The coordinates along one axis of <paramref name="grid"/> patches: <c>j</c>, or with a base size diffusers'
    /// <c>np.arange(grid, dtype=float32) / (grid / base_size) / interpolation_scale</c>. numpy's rules: the Python
    /// float <c>grid / base_size</c> (a double quotient) and the scale are cast to float32 and both divisions are
    /// float32; a float32 quotient computed in double and rounded once is the correctly rounded float32 quotient
    /// (53 bits are more than 2 x 24 + 2), so no host's float arithmetic is involved.
    /// </summary>
    public static double[] Positions(int grid, double baseSize, double interpolationScale)
    {
        var positions = new double[grid];
        for (int j = 0; j < grid; j++) positions[j] = Position(j, grid, baseSize, interpolationScale);
        return positions;
    }

    /// <summary>Coordinate <paramref name="j"/> of <see cref="Positions"/> alone (increasing in j: the last is the largest).</summary>
    public static double Position(int j, int grid, double baseSize, double interpolationScale)
    {
        if (baseSize == 0) return j;
        float step = (float)((double)grid / baseSize);
        float scaled = (float)((double)j / step);
        return (float)((double)scaled / (float)interpolationScale);
    }

    /// <summary>One axis's factor table, row-major [grid x Dim/2]: row j is [sin(p_j w) | cos(p_j w)].</summary>
    public static float[] Factors(int grid, int dim, double @base, double baseSize, double interpolationScale)
    {
        var omega = Frequencies(@base, dim);
        var positions = Positions(grid, baseSize, interpolationScale);
        int quarter = omega.Length, half = 2 * quarter;
        var values = new float[(long)grid * half];
        for (int j = 0; j < grid; j++)
        {
            for (int k = 0; k < quarter; k++)
            {
                // numpy einsum("m,d->md"): one float64 product per entry.
                RoundedSinCos.DoubleToSingle(positions[j] * omega[k], out float sin, out float cos);
                values[(long)j * half + k] = sin;
                values[(long)j * half + quarter + k] = cos;
            }
        }
        return values;
    }

    /// <summary>The column factors [GridWidth x Dim/2]: the first half of every patch's row.</summary>
    public static float[] ColumnFactors(Grid2DSpec spec) =>
        Factors(spec.GridWidth, spec.Dim, spec.Base, spec.BaseSize, spec.InterpolationScale);

    /// <summary>The row factors [GridHeight x Dim/2]: the second half of every patch's row.</summary>
    public static float[] RowFactors(Grid2DSpec spec) =>
        Factors(spec.GridHeight, spec.Dim, spec.Base, spec.BaseSize, spec.InterpolationScale);

    /// <summary>The whole table [Rows x Dim]: zero rows for the extra tokens, then patch (r, c) = [column c | row r].</summary>
    public static float[] Build(Grid2DSpec spec)
    {
        var columns = ColumnFactors(spec);
        var rows = RowFactors(spec);
        int dim = spec.Dim, half = spec.Half;
        var table = new float[(long)spec.Rows * dim];
        for (int r = 0; r < spec.GridHeight; r++)
        {
            for (int c = 0; c < spec.GridWidth; c++)
            {
                long at = ((long)spec.ExtraTokens + (long)r * spec.GridWidth + c) * dim;
                System.Array.Copy(columns, (long)c * half, table, at, half);
                System.Array.Copy(rows, (long)r * half, table, at + half, half);
            }
        }
        return table;
    }
}
