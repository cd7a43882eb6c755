using System.Runtime.CompilerServices;
using PEGen.Numerics;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes;

/// <summary>
/// The one loop that fills sinusoid tables: for each frequency k and position p it asks the
/// frequency for sin/cos(p * omega_k) and stores them where the layout says. Columns no frequency
/// owns stay zero (the padded column of an odd Dim).
/// </summary>
internal static class SinusoidTableWriter
{
    /// <summary>An additive table, row-major [maxLen x dim].</summary>
    [MethodImpl(Hot.Optimize)]
    public static float[] Additive(Frequency[] frequencies, ColumnLayout columns, int dim, int maxLen)
    {
        var table = new float[(long)dim * maxLen];
        for (int k = 0; k < frequencies.Length; k++)
        {
            var frequency = frequencies[k];
            int sinColumn = columns.SinColumns[k], cosColumn = columns.CosColumns[k];
            for (int p = 0; p < maxLen; p++)
            {
                frequency.SinCos(p, out float s, out float c);
                long row = (long)p * dim;
                table[row + sinColumn] = s;
                if (cosColumn >= 0)
                    table[row + cosColumn] = c;
            }
        }
        return table;
    }

    /// <summary>
    /// Rotary cos and sin tables, each row-major [maxLen x frequencies]: entry (p, k) of pair k, times
    /// <c>(float)attentionFactor</c> in one float32 product (none when it is 1, which changes nothing).
    /// </summary>
    [MethodImpl(Hot.Optimize)]
    public static void Rotary(Frequency[] frequencies, int maxLen, double attentionFactor, out float[] cos, out float[] sin)
    {
        int half = frequencies.Length;
        float scale = (float)attentionFactor;
        bool scaled = scale != 1.0f;
        cos = new float[(long)half * maxLen];
        sin = new float[(long)half * maxLen];
        for (int k = 0; k < half; k++)
        {
            var frequency = frequencies[k];
            for (int p = 0; p < maxLen; p++)
            {
                frequency.SinCos(p, out float s, out float c);
                if (scaled)
                {
                    c = (float)(c * scale);
                    s = (float)(s * scale);
                }
                long i = (long)p * half + k;
                cos[i] = c;
                sin[i] = s;
            }
        }
    }
}
