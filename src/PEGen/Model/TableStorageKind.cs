namespace PEGen.Model;

/// <summary>The public <c>PEGen.TableStorage</c> enum's values (SPEC section 6).</summary>
internal enum TableStorageKind
{
    /// <summary>The whole table is constant data.</summary>
    Full = 0,

    /// <summary>A few rows of angle-addition factors; the methods compute each row from them.</summary>
    Compact = 1,
}
