namespace PEGen.Schemes.Definitions;

/// <summary>
/// The naive encodings the FAQ argues against: no frequencies, no pairs, any Dim, and a warning on
/// every use. No framework ships them, so they have no reference table.
/// </summary>
internal abstract class NaiveScheme : SchemeDefinition
{
    public sealed override PairLayout Layout => PairLayout.None;
    public sealed override OddDimension OddDimension => OddDimension.Allowed;
    public sealed override bool HasFrequencies => false;
    public sealed override int FrequencyCount(int dim) => 0;
}
