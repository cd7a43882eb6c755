using PEGen.Model;
using PEGen.Schemes.Frequencies;
using PEGen.Schemes.Rotary;

namespace PEGen.Schemes.Definitions;

/// <summary>
/// Rotary schemes share transformers' <c>LlamaRotaryEmbedding</c> angles (Meta's <c>precompute_freqs_cis</c> gives
/// the same), float32:
/// <code>
/// inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim))
/// t = torch.arange(max_seq_len, dtype=torch.int64).type_as(inv_freq)
/// freqs = torch.outer(t, inv_freq)          # Meta: torch.outer(t, freqs).float(); polar(ones, freqs)
/// emb = torch.cat((freqs, freqs), dim=-1);  cos = emb.cos();  sin = emb.sin()
/// </code>
/// Emulated: <c>e_k = f32(f32(2k) / f32(dim))</c>; <c>base ** tensor</c> rounds the base to float32 and computes
/// <c>w_k = pow_f32(f32(Base), e_k)</c> (correctly rounded); <c>theta_k = f32(1 / w_k)</c>; then
/// <see cref="Float32Frequency"/> (an outer product is one rounded product). The cat duplicates the half, so one
/// half is stored. They differ only in which elements form a pair (<see cref="SchemeDefinition.Layout"/>).
/// </summary>
internal abstract class RotaryScheme : SchemeDefinition
{
    public sealed override SchemeFamily Family => SchemeFamily.Rotary;
    public override OddDimension OddDimension => OddDimension.Rejected;
    public override Arithmetic Arithmetic => Arithmetic.Float32Steps;

    public override string Formula => "Cos(p, k) = cos(p * theta_k), Sin(p, k) = sin(p * theta_k), theta_k = Base^(-2k/RotaryDim) before any scaling";
    public override string DimMeaning => "Values per attention head (the head dimension; rows of vectors are heads x Dim wide)";

    public override (long Num, long Den) Exponent(int k, int dim) => (2L * k, dim);

    public override Frequency[] Frequencies(EncodingSpec spec) => Float32Frequency.All(RotaryFrequencies.Compute(spec.Base, spec.Rotary).Inverse);

    public override float[] BuildTable(EncodingSpec spec) => throw new System.NotSupportedException(Kind + " has cos/sin tables");

    public override RotaryTable BuildRotary(EncodingSpec spec)
    {
        var rotary = spec.Rotary;
        var angles = RotaryFrequencies.Compute(spec.Base, rotary);
        SinusoidTableWriter.Rotary(Float32Frequency.All(angles.Inverse), spec.MaxLen, angles.AttentionFactor, out var cos, out var sin);
        if (angles.ShortInverse is not { } shortInverse)
            return new RotaryTable(rotary.RotaryDim / 2, spec.MaxLen, cos, sin, angles.Inverse);
        int shortRows = System.Math.Min(spec.MaxLen, rotary.OriginalMaxLen);
        SinusoidTableWriter.Rotary(Float32Frequency.All(shortInverse), shortRows, angles.AttentionFactor, out var shortCos, out var shortSin);
        return new RotaryTable(rotary.RotaryDim / 2, spec.MaxLen, cos, sin, angles.Inverse, shortCos, shortSin, shortInverse);
    }

    public override Compact.CompactTables BuildCompact(EncodingSpec spec)
    {
        var angles = RotaryFrequencies.Compute(spec.Base, spec.Rotary);
        var main = Compact.CompactTable.Of(Float32Frequency.All(angles.Inverse), spec.MaxLen);
        if (angles.ShortInverse is not { } shortInverse) return new Compact.CompactTables(main, null);
        int shortRows = System.Math.Min(spec.MaxLen, spec.Rotary.OriginalMaxLen);
        return new Compact.CompactTables(main, Compact.CompactTable.Of(Float32Frequency.All(shortInverse), shortRows));
    }

    // Both layouts share the angles, so both reproduce the same reference cos/sin tables.
    public override string[] GoldenTables => new[] { "rope_d128_L4096", "rope_d64_L2048_base500000" };
}
