using PEGen.Model;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// fairseq <c>SinusoidalPositionalEmbedding.get_embedding(num_embeddings, embedding_dim, padding_idx)</c>
/// (same code in transformers' M2M100, NLLB, XGLM, Speech2Text), float32:
/// <code>
/// half_dim = embedding_dim // 2
/// emb = math.log(10000) / (half_dim - 1)
/// emb = torch.exp(torch.arange(half_dim, dtype=torch.float) * -emb)
/// emb = torch.arange(num_embeddings, dtype=torch.float).unsqueeze(1) * emb.unsqueeze(0)
/// emb = torch.cat([torch.sin(emb), torch.cos(emb)], dim=1).view(num_embeddings, -1)
/// if embedding_dim % 2 == 1:
///     emb = torch.cat([emb, torch.zeros(num_embeddings, 1)], dim=1)
/// if padding_idx is not None:
///     emb[padding_idx, :] = 0
/// </code>
/// Emulated: <c>e = ln(10000) / (N - 1)</c> in double (correctly rounded ln), <c>-e</c> rounded to float32 (a Python
/// scalar times a float32 tensor), <c>inv_k = exp_f32(f32(f32(k) * f32(-e)))</c>, <c>scaled = f32(f32(p) * inv_k)</c>,
/// halves [sin | cos], odd Dim: zero last column, row <c>PaddingIndex</c> all zeros. Row p is the table row for
/// position id p: fairseq's <c>make_positions</c> numbers real tokens from padding_idx + 1, so with padding_idx = 1
/// the first token reads row 2; the table itself is not shifted. The base is fixed at 10000 by fairseq.
/// N = 1 (Dim 2 or 3) divides by zero in the reference; here the increment is taken as 0 (inv_0 = 1 either way).
/// </summary>
internal static class FairseqTable
{
    public const double FixedBase = EncodingArguments.DefaultBase;

    public static float[] InverseFrequencies(int dim)
    {
        int n = dim / 2;
        double e = n > 1 ? CorrectlyRounded.LogDouble(FixedBase) / (n - 1) : 0.0;
        float negE = (float)-e;
        var inv = new float[n];
        for (int k = 0; k < n; k++)
            inv[k] = CorrectlyRounded.Exp((float)((float)k * negE));
        return inv;
    }

    public static float[] Build(int dim, int maxLen, int paddingIndex)
    {
        float[] table = HalvesTable.Build(InverseFrequencies(dim), dim, maxLen);
        if (paddingIndex >= 0 && paddingIndex < maxLen)
            System.Array.Clear(table, paddingIndex * dim, dim);
        return table;
    }
}
