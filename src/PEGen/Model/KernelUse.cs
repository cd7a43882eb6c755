namespace PEGen.Model;

/// <summary>
/// Which shared kernel families a compilation's valid declarations call: the table kernels
/// (every table scheme) and the value kernels (<c>NormalizedRange</c>). Rotary classes use neither.
/// </summary>
/// <param name="Table"><c>AddTable</c> and <c>ScaleAddTable</c>.</param>
/// <param name="Value"><c>AddValue</c> and <c>ScaleAddValue</c>.</param>
internal readonly record struct KernelUse(bool Table, bool Value)
{
    /// <summary>What one spec needs.</summary>
    public static KernelUse Of(EncodingSpec spec) =>
        spec.IsRotary ? default : new KernelUse(spec.HasTable, !spec.HasTable);

    /// <summary>What two sets of declarations need together.</summary>
    public KernelUse Union(KernelUse other) => new(Table || other.Table, Value || other.Value);

    /// <summary>True when no kernel is needed.</summary>
    public bool IsEmpty => !Table && !Value;
}
