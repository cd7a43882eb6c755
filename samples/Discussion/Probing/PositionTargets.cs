using System;

namespace Discussion.Probing;

/// <summary>
/// What the probes predict and what the variance share is measured with, all read from PEGen's
/// generated <see cref="VaswaniPositions"/> table.
/// </summary>
public static class PositionTargets
{
    /// <summary>
    /// The sin/cos pairs of frequencies k = 0, 8, 16, 24 of 32 (ω = 1, 0.1, 0.01, 0.001 rad per
    /// position: wavelengths 6, 63, 628, 6283 positions), i.e. table columns 2k and 2k + 1.
    /// Targets from fast to slower than the sequence, so a ramp alone (Linear) cannot score on all.
    /// </summary>
    public static readonly int[] SinCosColumns = { 0, 1, 16, 17, 32, 33, 48, 49 };

    /// <summary>Target columns: the eight sin/cos features, then the position p/(N − 1).</summary>
    public static int Count => SinCosColumns.Length + 1;

    /// <summary>Index of the normalised position among the target columns.</summary>
    public static int PositionColumn => SinCosColumns.Length;

    /// <summary>The target row of position <paramref name="p"/>.</summary>
    public static double[] Targets(int p)
    {
        ReadOnlySpan<float> row = VaswaniPositions.Row(p);
        var targets = new double[Count];
        for (int i = 0; i < SinCosColumns.Length; i++) targets[i] = row[SinCosColumns[i]];
        targets[PositionColumn] = Normalized(p);
        return targets;
    }

    /// <summary>Width of <see cref="Features"/>: the whole Vaswani row and p/(N − 1).</summary>
    public static int FeatureCount => VaswaniPositions.Dim + 1;

    /// <summary>
    /// The position features the stream is regressed on for the variance share: every sinusoid
    /// of the table plus the normalised position, so a linear function of any encoding here
    /// (the naive ones are multiples of p) lies in their span up to what 65 features can fit.
    /// </summary>
    public static double[] Features(int p)
    {
        ReadOnlySpan<float> row = VaswaniPositions.Row(p);
        var features = new double[FeatureCount];
        for (int i = 0; i < row.Length; i++) features[i] = row[i];
        features[VaswaniPositions.Dim] = Normalized(p);
        return features;
    }

    private static double Normalized(int p) => p / (double)(VaswaniPositions.MaxLen - 1);
}
