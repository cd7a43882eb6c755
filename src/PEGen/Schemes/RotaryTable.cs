namespace PEGen.Schemes;

/// <summary>
/// Rotary angles as cos and sin tables, each row-major [MaxLen x RotaryDim/2]: entry (p, k) = cos/sin(p * theta_k) times
/// the attention factor. How the pairs are formed (k with k + RotaryDim/2, or 2k with 2k+1) is the scheme's layout, not
/// the table's.
/// </summary>
/// <param name="Half">The number of rotation pairs (row length of every table).</param>
/// <param name="MaxLen">Rows of <see cref="Cos"/> and <see cref="Sin"/>.</param>
/// <param name="Cos">cos(p * theta_k), row-major (LongRoPE: the long factors).</param>
/// <param name="Sin">sin(p * theta_k), row-major.</param>
/// <param name="Inverse">The float32 theta_k the tables were built with.</param>
/// <param name="ShortCos">LongRoPE: cos with the short factors, [min(MaxLen, OriginalMaxLen) x Half]; else null.</param>
/// <param name="ShortSin">LongRoPE: sin with the short factors.</param>
/// <param name="ShortInverse">LongRoPE: the short theta_k.</param>
internal sealed record RotaryTable(
    int Half, int MaxLen, float[] Cos, float[] Sin, float[] Inverse,
    float[]? ShortCos = null, float[]? ShortSin = null, float[]? ShortInverse = null);
