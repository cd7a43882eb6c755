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
}
