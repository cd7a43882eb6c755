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
    /// <summary><c>ReadOnlySpan&lt;int&gt;</c> (token ids).</summary>
    ReadOnlyInt32Span,
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
}

/// <summary>One parameter of a generated method: name, type, default, role and its XML doc.</summary>
internal sealed record GeneratedParameter(string Name, ParameterType Type, string? Default, ParameterRole Role, string Doc);
