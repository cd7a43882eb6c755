using PEGen.Model;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Definitions;

/// <summary>
/// HuggingFace transformers <c>create_sinusoidal_embeddings</c> (XLM, DistilBERT, Flaubert), numpy float64:
/// <code>
/// position_enc = np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(n_pos)])
/// out[:, 0::2] = torch.FloatTensor(np.sin(position_enc[:, 0::2]))
/// out[:, 1::2] = torch.FloatTensor(np.cos(position_enc[:, 1::2]))
/// </code>
/// Emulated by <see cref="Float64Frequency"/>; interleaved; an odd Dim ends with a sine column (exponent (dim-1)/dim),
/// exactly as the reference does.
/// </summary>
internal sealed class HuggingFaceXlmScheme : VaswaniFormulaScheme
{
    public override SchemeKind Kind => SchemeKind.HuggingFaceXlm;
    public override PairLayout Layout => PairLayout.Interleaved;
    public override Arithmetic Arithmetic => Arithmetic.Float64RoundedOnce;

    public override string Summary => "Interleaved, float64 rounded once (transformers: DistilBERT, XLM, Flaubert).";
    public override string Reference => "transformers create_sinusoidal_embeddings (DistilBERT, XLM, Flaubert)";

    public override Frequency[] Frequencies(EncodingSpec spec) => NumpyFrequencies(FrequencyCount(spec.Dim), spec.Dim, spec.Base);

    /// <summary><c>np.power(Base, 2k / dim)</c> wavelengths, as transformers' float64 tables compute them.</summary>
    public static Frequency[] NumpyFrequencies(int count, int dim, double @base)
    {
        var result = new Frequency[count];
        for (int k = 0; k < count; k++)
            result[k] = new Float64Frequency(@base, 2L * k, dim);
        return result;
    }

    public override string[] GoldenTables => new[] { "hfxlm_d768_L512" };
}
