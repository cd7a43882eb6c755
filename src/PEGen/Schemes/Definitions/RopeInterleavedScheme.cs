using PEGen.Model;

namespace PEGen.Schemes.Definitions;

/// <summary>Rotary embedding on complex pairs (2k, 2k+1), as Meta's reference <c>apply_rotary_emb</c> (GPT-J, RoFormer).</summary>
internal sealed class RopeInterleavedScheme : RotaryScheme
{
    public override SchemeKind Kind => SchemeKind.RopeInterleaved;
    public override PairLayout Layout => PairLayout.ComplexPairs;

    public override string Summary => "Rotary embedding, pairs (2k, 2k+1) (Meta's Llama reference, GPT-J, RoFormer).";
    public override string Reference => "Meta's Llama reference apply_rotary_emb (GPT-J, RoFormer)";
}
