namespace PEGen.Model;

/// <summary>
/// The generator's mirror of the public <c>PEGen.EncodingScheme</c> enum emitted into the
/// consumer. Values must stay identical to <see cref="Emit.AttributeSource"/>.
/// </summary>
internal enum SchemeKind
{
    Vaswani = 0,
    AnnotatedTransformer = 1,
    HuggingFaceXlm = 2,
    HuggingFaceMarian = 3,
    TensorToTensor = 4,
    Fairseq = 5,
    Whisper = 6,
    Rope = 7,
    RopeInterleaved = 8,
    Linear = 9,
    NormalizedRange = 10,
}
