using PEGen.Model;
using PEGen.Numerics;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Definitions;

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
/// scalar times a float32 tensor), <c>inv_k = exp_f32(f32(f32(k) * f32(-e)))</c>, then <see cref="Float32Frequency"/>;
/// odd Dim: zero last column; row <c>PaddingIndex</c> all zeros. The base is fixed at 10000 by fairseq.
/// </summary>
internal sealed class FairseqScheme : TimescaleScheme
{
    public override SchemeKind Kind => SchemeKind.Fairseq;

    public override (int Dim, string Reason)? MinimumDim => (4, "fairseq divides by Dim/2 - 1, which is 0 here; use Dim >= 4");
    public override string? FixedBaseReason => "fairseq hard-codes 10000; remove Base";
    public override bool HasPaddingRow => true;

    public override string Summary => "fairseq's SinusoidalPositionalEmbedding (also M2M100, NLLB, XGLM), with PaddingIndex.";
    public override string Reference => "fairseq SinusoidalPositionalEmbedding.get_embedding (M2M100, NLLB, XGLM)";
    public override string Formula => "PE(p, k) = sin(p * 10000^(-k/(N-1))), PE(p, N+k) = cos(same), N = Dim/2";

    // fairseq's make_positions numbers real tokens from padding_idx + 1; the table itself is not shifted.
    public override string RowMeaning =>
        "Row p is the embedding of position id p, as fairseq numbers them: real tokens start at PaddingIndex + 1 " +
        "(with PaddingIndex = 1 the first token reads row 2), and row PaddingIndex is all zeros.";

    public static float[] InverseFrequencies(int dim)
    {
        int n = dim / 2;
        double e = n > 1 ? CorrectlyRounded.LogDouble(EncodingArguments.DefaultBase) / (n - 1) : 0.0;
        float negE = (float)-e;
        var inv = new float[n];
        for (int k = 0; k < n; k++)
            inv[k] = CorrectlyRounded.Exp((float)((float)k * negE));
        return inv;
    }

    public override Frequency[] Frequencies(EncodingSpec spec) => Float32Frequency.All(InverseFrequencies(spec.Dim));

    public override float[] BuildTable(EncodingSpec spec)
    {
        float[] table = base.BuildTable(spec);
        if (spec.PaddingIndex >= 0 && spec.PaddingIndex < spec.MaxLen)
            System.Array.Clear(table, spec.PaddingIndex * spec.Dim, spec.Dim);
        return table;
    }

    public override string[] GoldenTables => new[] { "fairseq_d512_L1026_pad1" };
}
