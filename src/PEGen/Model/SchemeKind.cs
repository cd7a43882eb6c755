namespace PEGen.Model;

/// <summary>
/// The schemes, as the generator knows them; <see cref="Emit.AttributeSource"/> emits the public
/// <c>PEGen.EncodingScheme</c> enum from these members and values. The names are public API: append only.
/// Each member has its definition in <c>Schemes/Definitions</c>.
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
