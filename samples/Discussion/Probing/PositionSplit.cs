using System;
using System.Collections.Generic;

namespace Discussion.Probing;

/// <summary>
/// Which samples fit a probe and which score it: the even positions of every sequence fit, the
/// odd ones score. Interleaved halves, not first/second half, because the question is whether
/// a linear map reads position wherever it is: a map fitted on positions 0–127 would be asked
/// to extrapolate sinusoids and ramps to 128–255, which measures extrapolation, not position.
/// Odd positions still are positions the probe never saw, with tokens it never saw there.
/// </summary>
public static class PositionSplit
{
    /// <summary>True for the positions that fit the probe.</summary>
    public static bool Fits(int position) => position % 2 == 0;

    /// <summary>The positions of one half, in order.</summary>
    public static int[] Positions(int count, bool fitting)
    {
        var positions = new List<int>();
        for (int p = 0; p < count; p++)
            if (Fits(p) == fitting) positions.Add(p);
        return positions.ToArray();
    }

    /// <summary>
    /// Column-major samples of one half: <c>result[feature][sample]</c>, samples ordered by
    /// sequence, then position; each element of <paramref name="streams"/> is one sequence's
    /// feature-major <c>[width × positions]</c> stream.
    /// </summary>
    public static double[][] Columns(IReadOnlyList<float[]> streams, int width, bool fitting)
    {
        int positions = streams[0].Length / width;
        int[] chosen = Positions(positions, fitting);
        var columns = new double[width][];
        for (int c = 0; c < width; c++)
        {
            var column = columns[c] = new double[streams.Count * chosen.Length];
            for (int s = 0; s < streams.Count; s++)
            {
                ReadOnlySpan<float> feature = streams[s].AsSpan(c * positions, positions);
                for (int i = 0; i < chosen.Length; i++) column[s * chosen.Length + i] = feature[chosen[i]];
            }
        }
        return columns;
    }

    /// <summary>The same layout for values that depend on the position alone (one row per position).</summary>
    public static double[][] Columns(Func<int, double[]> perPosition, int width, int positions, int sequences, bool fitting)
    {
        int[] chosen = Positions(positions, fitting);
        var columns = new double[width][];
        for (int c = 0; c < width; c++) columns[c] = new double[sequences * chosen.Length];
        for (int i = 0; i < chosen.Length; i++)
        {
            double[] row = perPosition(chosen[i]);
            for (int s = 0; s < sequences; s++)
                for (int c = 0; c < width; c++) columns[c][s * chosen.Length + i] = row[c];
        }
        return columns;
    }
}
