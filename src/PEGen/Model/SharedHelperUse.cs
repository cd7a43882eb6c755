using PEGen.Schemes;

namespace PEGen.Model;

/// <summary>
/// What a compilation's valid declarations need from the shared helper class: the argument checks
/// (every declaration), the table kernels (additive tables), the value kernels (computed schemes) and
/// the pair shuffles (rotary classes that pair neighbours), and the argument checks only rotary methods need.
/// Rotary classes keep their loops (their pairing depends on the class's constant Dim).
/// </summary>
/// <param name="Guards">The argument checks and throw helpers.</param>
/// <param name="Table"><c>AddTable</c> and <c>ScaleAddTable</c>.</param>
/// <param name="Value"><c>AddValue</c> and <c>ScaleAddValue</c>.</param>
/// <param name="Pairs">The shuffles of the interleaved rotary kernel (<see cref="PairLayout.ComplexPairs"/>).</param>
/// <param name="Rotary">The checks of the positions, query/key and LongRoPE rotary methods.</param>
/// <param name="Compact">The row kernel of <c>TableStorage.Compact</c>.</param>
/// <param name="Timestep">The correctly rounded sin/cos kernel and row loop of <c>[TimestepEmbedding]</c>'s <c>Encode</c>.</param>
internal readonly record struct SharedHelperUse(bool Guards, bool Table, bool Value, bool Pairs = false, bool Rotary = false, bool Compact = false,
    bool Timestep = false)
{
    /// <summary>What one spec needs.</summary>
    public static SharedHelperUse Of(EncodingSpec spec) => spec.Family switch
    {
        SchemeFamily.AdditiveTable => new SharedHelperUse(true, true, false, Compact: spec.IsCompact),
        SchemeFamily.Computed => new SharedHelperUse(true, false, true),
        _ => new SharedHelperUse(true, false, false, spec.Definition.Layout == PairLayout.ComplexPairs, Rotary: true, Compact: spec.IsCompact),
    };

    /// <summary>What two sets of declarations need together.</summary>
    public SharedHelperUse Union(SharedHelperUse other) =>
        new(Guards || other.Guards, Table || other.Table, Value || other.Value, Pairs || other.Pairs, Rotary || other.Rotary,
            Compact || other.Compact, Timestep || other.Timestep);

    /// <summary>True when no declaration needs anything.</summary>
    public bool IsEmpty => !Guards && !Table && !Value && !Pairs && !Rotary && !Compact && !Timestep;
}
