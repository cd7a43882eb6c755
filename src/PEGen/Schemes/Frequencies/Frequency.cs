namespace PEGen.Schemes.Frequencies;

/// <summary>
/// One frequency of a sinusoidal scheme and how its reference turns a position into the float32
/// pair sin/cos(p * omega). The table writer and <c>Shift</c> both read it, so they cannot disagree.
/// </summary>
internal abstract class Frequency
{
    /// <summary>
    /// Radians per position as a double, for <c>Shift</c>'s rotation: the value the table's angles are
    /// really computed with (the float32 frequency of a float32 pipeline, else the exact one rounded once).
    /// </summary>
    public abstract double RadiansPerPosition { get; }

    /// <summary>The table entries of one position, bit for bit as the reference computes them.</summary>
    public abstract void SinCos(int position, out float sin, out float cos);

    /// <summary>How a compact table reproduces <see cref="SinCos"/> from tabulated angles.</summary>
    public abstract Compact.CompactArithmetic CompactForm { get; }

    /// <summary>
    /// The real angle <paramref name="multiple"/> * theta that a compact table tabulates, as a double-double accurate
    /// far beyond float64 (exact for the float32 frequencies); <see cref="CompactForm"/> says how the reference's own
    /// angle differs from it.
    /// </summary>
    public abstract Numerics.DoubleDouble CompactAngle(long multiple);
}
