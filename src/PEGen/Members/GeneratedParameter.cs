namespace PEGen.Members;

/// <summary>The type of a generated method's parameter; element spans use the spec's element type.</summary>
internal enum ParameterType
{
    Int32,
    /// <summary>One element (<c>float</c> for float32 tables).</summary>
    Element,
    /// <summary><c>Span</c> of elements.</summary>
    ElementSpan,
    /// <summary><c>ReadOnlySpan</c> of elements.</summary>
    ReadOnlyElementSpan,
    /// <summary><c>ReadOnlySpan&lt;int&gt;</c> (token ids, positions).</summary>
    ReadOnlyInt32Span,
    /// <summary><c>PEGen.LongRopeFactors</c> (LongRoPE's choice of tables).</summary>
    LongRopeFactors,
}

/// <summary>What a parameter means to the argument checks (run time and PEG011 alike).</summary>
internal enum ParameterRole
{
    None,
    /// <summary>The input span whose length gives the number of rows (see <see cref="GeneratedMember.Width"/>).</summary>
    Rows,
    /// <summary>The span written to (see <see cref="GeneratedMember.Destination"/>).</summary>
    Destination,
    /// <summary>Position of the first row: not negative, rows must fit below MaxLen.</summary>
    StartPosition,
    /// <summary>One position in [0, MaxLen).</summary>
    Position,
    /// <summary>Heads per row, at least 1.</summary>
    Heads,
    /// <summary>Values per embedding row, at least 1 (the row width of <c>ConcatTo</c>'s input).</summary>
    EmbeddingDim,
    /// <summary>The [vocabulary x Dim] embedding matrix: whole rows of Dim.</summary>
    Vocabulary,
    /// <summary>One position per row, each in [0, MaxLen); the rows span must be exactly positions x heads x Dim.</summary>
    Positions,
    /// <summary>A second rows span (the keys of <c>RotateQueryKey</c>): whole rows of <see cref="KeyHeads"/> x Dim, as many as the first.</summary>
    KeyRows,
    /// <summary>Heads per row of the <see cref="KeyRows"/> span, at least 1.</summary>
    KeyHeads,
    /// <summary>A <c>LongRopeFactors</c> value: Auto, Short (rows must stay below OriginalMaxLen) or Long.</summary>
    Factors,
}

/// <summary>One parameter of a generated method: name, type, default, role and its XML doc.</summary>
internal sealed record GeneratedParameter(string Name, ParameterType Type, string? Default, ParameterRole Role, string Doc);
