using PEGen.Model;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// Builds the float table of a valid spec, row-major [MaxLen x Dim]. Called only after the
/// validator has bounded the size, so it never allocates more than the hard cap.
/// Every table is a pure function of the spec, bit-identical on every host (no Math.Sin/Exp/...).
/// </summary>
internal static class TableBuilder
{
    /// <summary>The additive table, row-major [MaxLen x Dim] (not for rotary schemes or NormalizedRange).</summary>
    public static float[] Build(EncodingSpec spec) => spec.Scheme switch
    {
        SchemeKind.Vaswani => ExactSinusoid.VaswaniTable(spec.Dim, spec.MaxLen, spec.Base),
        SchemeKind.Linear => LinearTable.Build(spec.Dim, spec.MaxLen),
        SchemeKind.AnnotatedTransformer => AnnotatedTransformerTable.Build(spec.Dim, spec.MaxLen, spec.Base),
        SchemeKind.HuggingFaceXlm => HuggingFaceXlmTable.Build(spec.Dim, spec.MaxLen, spec.Base),
        SchemeKind.HuggingFaceMarian => HuggingFaceMarianTable.Build(spec.Dim, spec.MaxLen, spec.Base),
        SchemeKind.TensorToTensor => TensorToTensorTable.Build(spec.Dim, spec.MaxLen, spec.Base),
        SchemeKind.Fairseq => FairseqTable.Build(spec.Dim, spec.MaxLen, spec.PaddingIndex),
        SchemeKind.Whisper => WhisperTable.Build(spec.Dim, spec.MaxLen, spec.Base),
        _ => throw new System.NotSupportedException("No additive table for " + spec.Scheme),
    };

    /// <summary>
    /// Rope / RopeInterleaved: cos and sin, each row-major [MaxLen x Dim/2], entry (p, k) = cos/sin(p * theta_k)
    /// in the float32 order of transformers' Llama rotary embedding (both layouts share the angles).
    /// </summary>
    public static RotaryTable BuildRotary(EncodingSpec spec) => spec.Scheme switch
    {
        SchemeKind.Rope or SchemeKind.RopeInterleaved => RotaryTables.Build(spec.Dim, spec.MaxLen, spec.Base),
        _ => throw new System.NotSupportedException("No rotary table for " + spec.Scheme),
    };
}
