namespace PEGen.Schemes;

/// <summary>
/// Rotary angles as cos and sin tables, each row-major [MaxLen x RotaryDim/2]: entry (p, k) = cos/sin(p * theta_k).
/// How the pairs are formed (k with k + RotaryDim/2, or 2k with 2k+1) is the scheme's layout, not the table's.
/// </summary>
/// <param name="Half">The number of rotation pairs (row length of both tables).</param>
/// <param name="MaxLen">Rows.</param>
/// <param name="Cos">cos(p * theta_k), row-major.</param>
/// <param name="Sin">sin(p * theta_k), row-major.</param>
internal sealed record RotaryTable(int Half, int MaxLen, float[] Cos, float[] Sin);
