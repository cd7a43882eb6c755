using System.Runtime.CompilerServices;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// Rotary angles as cos and sin tables, each row-major [MaxLen x Dim/2]: entry (p, k) = cos/sin(p * theta_k).
/// How the pairs are formed (k with k + Dim/2, or 2k with 2k+1) is the layout of the scheme, not of this table.
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

    /// <summary>Dim / 2: the number of rotation pairs (row length of both tables).</summary>
    public int Half { get; }

    public int MaxLen { get; }

    public float[] Cos { get; }

    public float[] Sin { get; }
}

/// <summary>
/// transformers' <c>LlamaRotaryEmbedding</c> (Llama, NeoX, Qwen, Phi) and Meta's <c>precompute_freqs_cis</c>, float32:
/// <code>
/// inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim))
/// t = torch.arange(max_seq_len, dtype=torch.int64).type_as(inv_freq)
/// freqs = torch.outer(t, inv_freq)          # Meta: torch.outer(t, freqs).float(); polar(ones, freqs)
/// emb = torch.cat((freqs, freqs), dim=-1);  cos = emb.cos();  sin = emb.sin()
/// </code>
/// Emulated: <c>e_k = f32(f32(2k) / f32(dim))</c>; <c>base ** tensor</c> rounds the base to float32 and
/// computes <c>w_k = pow_f32(f32(Base), e_k)</c> (correctly rounded); <c>theta_k = f32(1 / w_k)</c>;
/// <c>angle = f32(f32(p) * theta_k)</c> (an outer product / K=1 matmul is a single rounded product);
/// cos and sin correctly rounded float32. The cat duplicates the half, so one half is stored.
/// </summary>
internal static class RotaryTables
{
    /// <summary>theta_k as float32, Dim/2 of them.</summary>
    public static float[] InverseFrequencies(int dim, double @base)
    {
        int half = dim / 2;
        float b = (float)@base;
        float d = dim;
        var inv = new float[half];
        for (int k = 0; k < half; k++)
        {
            float e = (float)((float)(2 * k) / d);
            float w = CorrectlyRounded.Pow(b, e);
            inv[k] = (float)(1.0f / w);
        }
        return inv;
    }

    [MethodImpl(Hot.Optimize)]
    public static RotaryTable Build(int dim, int maxLen, double @base)
    {
        float[] inv = InverseFrequencies(dim, @base);
        int half = inv.Length;
        var cos = new float[(long)half * maxLen];
        var sin = new float[(long)half * maxLen];
        for (int k = 0; k < half; k++)
        {
            float w = inv[k];
            for (int p = 0; p < maxLen; p++)
            {
                float angle = (float)((float)p * w);
                RoundedSinCos.Single(angle, out float s, out float c);
                long i = (long)p * half + k;
                cos[i] = c;
                sin[i] = s;
            }
        }
        return new RotaryTable(half, maxLen, cos, sin);
    }
}
