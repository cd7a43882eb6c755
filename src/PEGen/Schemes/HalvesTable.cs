using PEGen.Numerics;
using System.Runtime.CompilerServices;

namespace PEGen.Schemes;

/// <summary>
/// The shared last step of the "halves" float32 schemes (tensor2tensor, fairseq, Whisper):
/// <c>scaled = f32(f32(p) * inv_k)</c>, row = <c>cat([sin(scaled), cos(scaled)])</c>, and a zero column
/// appended when Dim is odd. sin/cos are correctly rounded float32.
/// </summary>
internal static class HalvesTable
{
    /// <param name="inv">inv_k as float32, N = dim / 2 of them.</param>
    /// <param name="dim">Columns (2N or 2N + 1).</param>
    /// <param name="maxLen">Rows.</param>
    [MethodImpl(Hot.Optimize)]
    public static float[] Build(float[] inv, int dim, int maxLen)
    {
        int n = inv.Length;
        var table = new float[(long)dim * maxLen];
        for (int k = 0; k < n; k++)
        {
            float w = inv[k];
            for (int p = 0; p < maxLen; p++)
            {
                float scaled = (float)((float)p * w);
                RoundedSinCos.Single(scaled, out float s, out float c);
                long row = (long)p * dim;
                table[row + k] = s;
                table[row + n + k] = c;
            }
        }
        // Odd dim: column 2N stays 0 (the pad / cat of zeros).
        return table;
    }
}
