namespace PEGen.Model;

/// <summary>
/// The constant data of one declaration: how many elements, of which type, and so how many bytes.
/// The one place a table's size is computed (validation budgets, the header, the emitter's buffers).
/// </summary>
/// <param name="Elements">Elements of constant data (every table of the declaration together).</param>
/// <param name="Element">Their type.</param>
internal readonly record struct TableShape(long Elements, ElementType Element)
{
    /// <summary>No constant data (schemes computed at run time).</summary>
    public static TableShape None => new(0, ElementTypes.Default);

    public bool IsEmpty => Elements == 0;

    /// <summary>Bytes of constant data; a decimal, since unvalidated arguments (int.MaxValue x int.MaxValue x 4) overflow a long.</summary>
    public decimal Bytes => (decimal)Elements * ElementTypes.SizeOf(Element);
}
