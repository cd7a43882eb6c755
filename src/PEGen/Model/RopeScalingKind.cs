namespace PEGen.Model;

/// <summary>
/// The rotary frequency scalings, as the generator knows them; <see cref="Emit.AttributeSource"/> emits the public
/// <c>PEGen.RopeScaling</c> enum from these members and values (transformers' <c>rope_type</c>). Public API: append only.
/// </summary>
internal enum RopeScalingKind
{
    None = 0,
    Linear = 1,
    Llama3 = 2,
    Yarn = 3,
    LongRope = 4,
}
