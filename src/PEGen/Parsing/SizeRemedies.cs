namespace PEGen.Parsing;

/// <summary>
/// The last sentence of PEG006 and PEG007: what shrinks this declaration's data. Only <c>[PositionalEncoding]</c>
/// and <c>[PositionalEncoding2D]</c> have <c>Storage = TableStorage.Compact</c>, and a class that is already compact
/// can only shrink its shape.
/// </summary>
internal static class SizeRemedies
{
    /// <summary>PEG006 for a Full class that can be compact.</summary>
    public const string CompactOverBudget =
        "Storage = TableStorage.Compact keeps a few rows of factors instead and computes each row when used.";

    /// <summary>PEG007 for a Full class that can be compact.</summary>
    public const string CompactOverCap =
        "Add Storage = TableStorage.Compact (a few rows of factors, each row computed when used), or reduce MaxLen or Dim.";

    /// <summary>
    /// A compact <c>[PositionalEncoding]</c> class. Not reached by any valid declaration today (the factors of a row of
    /// 8,192 values stay under the budget at every MaxLen), kept so the message stays true if the limits move.
    /// </summary>
    public const string AlreadyCompact = "The class is already compact (its factors grow with Dim): reduce Dim or MaxLen.";

    /// <summary>A compact grid.</summary>
    public const string AlreadyCompactGrid = "The grid is already compact (two 1-D tables): reduce Dim, GridHeight or GridWidth.";

    /// <summary><c>[TimestepEmbedding]</c>, which has no compact storage but computes any timestep.</summary>
    public const string Timestep = "Lower Steps or Dim: Encode computes the row of any timestep, past Steps too, without the table.";

    /// <summary><c>[AlibiBias]</c>: one slope per head.</summary>
    public const string Alibi = "Lower Heads.";
}
