using PEGen.Model;

namespace PEGen.Emit;

/// <summary>The human-readable formula and arithmetic of each scheme, for headers and XML docs.</summary>
internal static class SchemeDescriptions
{
    /// <summary>The one-line XML summary of each public <c>EncodingScheme</c> member.</summary>
    public static string Summary(SchemeKind scheme) => scheme switch
    {
        SchemeKind.Vaswani => "sin/cos(p * Base^(-2k/Dim)) interleaved; every value correctly rounded (the default).",
        SchemeKind.AnnotatedTransformer => "Vaswani's formula in the float32 order of harvardnlp's Annotated Transformer.",
        SchemeKind.HuggingFaceXlm => "Interleaved, float64 rounded once (transformers: DistilBERT, XLM, Flaubert).",
        SchemeKind.HuggingFaceMarian => "Halves [sin, cos], float64 rounded once (transformers: Marian, Pegasus, RoFormer).",
        SchemeKind.TensorToTensor => "tensor2tensor's get_timing_signal_1d: halves, frequencies Base^(-k/(Dim/2-1)).",
        SchemeKind.Fairseq => "fairseq's SinusoidalPositionalEmbedding (also M2M100, NLLB, XGLM), with PaddingIndex.",
        SchemeKind.Whisper => "openai/whisper's sinusoids (audio encoder positions).",
        SchemeKind.Rope => "Rotary embedding, pairs (k, k + Dim/2) as in transformers' rotate_half (Llama, NeoX, Qwen, Phi).",
        SchemeKind.RopeInterleaved => "Rotary embedding, pairs (2k, 2k+1) (Meta's Llama reference, GPT-J, RoFormer).",
        SchemeKind.Linear => "Every value of row p is p. The naive encoding: unbounded; warned (PEG005).",
        SchemeKind.NormalizedRange => "Row r of n rows is r/(n-1). The naive encoding: depends on n; warned (PEG004).",
        _ => scheme.ToString(),
    };

    public static string Formula(SchemeKind scheme) => scheme switch
    {
        SchemeKind.Vaswani or SchemeKind.AnnotatedTransformer or SchemeKind.HuggingFaceXlm =>
            "PE(p, 2k) = sin(p * Base^(-2k/Dim)), PE(p, 2k+1) = cos(p * Base^(-2k/Dim))",
        SchemeKind.HuggingFaceMarian =>
            "PE(p, k) = sin(p * Base^(-2k/Dim)) for k < ceil(Dim/2), then the cosines",
        SchemeKind.TensorToTensor =>
            "PE(p, k) = sin(p * Base^(-k/max(N-1,1))), PE(p, N+k) = cos(same), N = Dim/2",
        SchemeKind.Fairseq =>
            "PE(p, k) = sin(p * 10000^(-k/(N-1))), PE(p, N+k) = cos(same), N = Dim/2",
        SchemeKind.Whisper =>
            "PE(p, k) = sin(p * Base^(-k/(N-1))), PE(p, N+k) = cos(same), N = Dim/2",
        SchemeKind.Rope or SchemeKind.RopeInterleaved =>
            "Cos(p, k) = cos(p * theta_k), Sin(p, k) = sin(p * theta_k), theta_k = Base^(-2k/Dim)",
        SchemeKind.Linear => "PE(p, j) = p",
        SchemeKind.NormalizedRange => "PE(r, j) = r / (n - 1) for a sequence of n rows",
        _ => scheme.ToString(),
    };

    public static string Arithmetic(SchemeKind scheme) => scheme switch
    {
        SchemeKind.Vaswani => "every entry is the correctly rounded float32 of the exact value, identical on every host",
        SchemeKind.Linear => "exact (p is representable in float32 up to 2^24)",
        SchemeKind.HuggingFaceXlm or SchemeKind.HuggingFaceMarian => "float64, rounded once to float32, as the reference",
        SchemeKind.NormalizedRange => "computed from the row count at run time (no table)",
        _ => "float32 step by step in the reference's order, with correctly rounded exp/sin/cos",
    };

    public static string Reference(SchemeKind scheme) => scheme switch
    {
        SchemeKind.Vaswani => "Vaswani et al., Attention Is All You Need (2017), section 3.5",
        SchemeKind.AnnotatedTransformer => "harvardnlp, The Annotated Transformer (PositionalEncoding)",
        SchemeKind.HuggingFaceXlm => "transformers create_sinusoidal_embeddings (DistilBERT, XLM, Flaubert)",
        SchemeKind.HuggingFaceMarian => "transformers MarianSinusoidalPositionalEmbedding (Marian, Pegasus, RoFormer)",
        SchemeKind.TensorToTensor => "tensor2tensor get_timing_signal_1d",
        SchemeKind.Fairseq => "fairseq SinusoidalPositionalEmbedding.get_embedding (M2M100, NLLB, XGLM)",
        SchemeKind.Whisper => "openai/whisper sinusoids",
        SchemeKind.Rope => "transformers LlamaRotaryEmbedding with rotate_half (Llama, NeoX, Qwen, Phi)",
        SchemeKind.RopeInterleaved => "Meta's Llama reference apply_rotary_emb (GPT-J, RoFormer)",
        SchemeKind.Linear => "the naive integer position (see PEG005)",
        SchemeKind.NormalizedRange => "the naive fraction of the sequence (see PEG004)",
        _ => scheme.ToString(),
    };
}
