using PEGen.Model;

namespace PEGen.Schemes;

/// <summary>
/// Builds the tables of a valid spec through its definition. Called only after the validator has
/// bounded the size, so it never allocates more than the hard cap. Every table is a pure function of
/// the spec, bit-identical on every host (no Math.Sin/Exp/...).
/// </summary>
internal static class TableBuilder
{
    /// <summary>The additive table, row-major [MaxLen x Dim].</summary>
    public static float[] Build(EncodingSpec spec) => spec.Definition.BuildTable(spec);

    /// <summary>Cos and sin, each row-major [MaxLen x Dim/2], entry (p, k) = cos/sin(p * theta_k).</summary>
    public static RotaryTable BuildRotary(EncodingSpec spec) => spec.Definition.BuildRotary(spec);
}
