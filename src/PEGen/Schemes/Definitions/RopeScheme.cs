using PEGen.Model;

namespace PEGen.Schemes.Definitions;

/// <summary>Rotary embedding with transformers' <c>rotate_half</c> pairing (Llama, NeoX, Qwen, Phi checkpoints in transformers).</summary>
internal sealed class RopeScheme : RotaryScheme
{
    public override SchemeKind Kind => SchemeKind.Rope;
    public override PairLayout Layout => PairLayout.RotateHalf;

    public override string Summary => "Rotary embedding, pairs (k, k + Dim/2) as in transformers' rotate_half (Llama, NeoX, Qwen, Phi).";
    public override string Reference => "transformers LlamaRotaryEmbedding with rotate_half (Llama, NeoX, Qwen, Phi)";
}
