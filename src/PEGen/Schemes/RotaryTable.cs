namespace PEGen.Schemes;

/// <summary>
/// Rotary angles as cos and sin tables, each row-major [MaxLen x RotaryDim/2]: entry (p, k) = cos/sin(p * theta_k).
/// How the pairs are formed (k with k + RotaryDim/2, or 2k with 2k+1) is the scheme's layout, not the table's.
/// </summary>
internal sealed class RotaryTable
{
    public RotaryTable(int half, int maxLen, float[] cos, float[] sin)
    {
        Half = half;
        MaxLen = maxLen;
        Cos = cos;
        Sin = sin;
    }

    /// <summary>The number of rotation pairs (row length of both tables).</summary>
    public int Half { get; }

    public int MaxLen { get; }

    public float[] Cos { get; }

    public float[] Sin { get; }
}
