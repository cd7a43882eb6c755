using PEGen.Model;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Definitions;

/// <summary>
/// HuggingFace transformers <c>MarianSinusoidalPositionalEmbedding._init_weight</c> (also Pegasus, RoFormer), numpy float64:
/// <code>
/// position_enc = np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(n_pos)])
/// sentinel = dim // 2 if dim % 2 == 0 else (dim // 2) + 1
/// out[:, 0:sentinel] = torch.FloatTensor(np.sin(position_enc[:, 0::2]))
/// out[:, sentinel:] = torch.FloatTensor(np.cos(position_enc[:, 1::2]))
/// </code>
/// The values of <see cref="HuggingFaceXlmScheme"/> laid out in halves: column k (k &lt; ceil(dim/2)) is the sine with
/// exponent 2k/dim, column ceil(dim/2)+k (k &lt; floor(dim/2)) its cosine.
/// </summary>
internal sealed class HuggingFaceMarianScheme : VaswaniFormulaScheme
{
    public override SchemeKind Kind => SchemeKind.HuggingFaceMarian;
    public override PairLayout Layout => PairLayout.Halves;
    public override Arithmetic Arithmetic => Arithmetic.Float64RoundedOnce;

    public override string Summary => "Halves [sin, cos], float64 rounded once (transformers: Marian, Pegasus, RoFormer).";
    public override string Reference => "transformers MarianSinusoidalPositionalEmbedding (Marian, Pegasus, RoFormer)";

    public override Frequency[] Frequencies(EncodingSpec spec) =>
        HuggingFaceXlmScheme.NumpyFrequencies(FrequencyCount(spec.Dim), spec.Dim, spec.Base);

    public override string[] GoldenTables => new[] { "hfmarian_d512_L512", "hfmarian_d7_L64" };
}
