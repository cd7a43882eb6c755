namespace PEGen.Members;

/// <summary>What kind of member the generator adds.</summary>
internal enum MemberKind
{
    Constant,
    Property,
    Method,
}

/// <summary>How many elements of the <see cref="ParameterRole.Rows"/> span make one row.</summary>
internal enum RowWidth
{
    /// <summary>No rows span.</summary>
    None,
    /// <summary><c>Dim</c> values per row.</summary>
    Dim,
    /// <summary><c>heads x Dim</c> values per row (rotary vectors).</summary>
    HeadsTimesDim,
    /// <summary><c>embeddingDim</c> values per row (<c>ConcatTo</c>).</summary>
    EmbeddingDim,
    /// <summary>One token id per row (<c>Embed</c>).</summary>
    One,
    /// <summary><c>RotaryDim / 2</c> values per row (<c>CopyCosSin</c>: rows of Cos and Sin).</summary>
    HalfRotaryDim,
}

/// <summary>How long the destination must be.</summary>
internal enum DestinationRule
{
    None,
    /// <summary>At least as long as the rows span (out-of-place twins).</summary>
    InputLength,
    /// <summary>At least rows x Dim.</summary>
    RowsTimesDim,
    /// <summary>At least rows x (embeddingDim + Dim).</summary>
    RowsTimesEmbeddingDimPlusDim,
}

/// <summary>An exception a generated method documents.</summary>
/// <param name="OutOfRange"><see cref="System.ArgumentOutOfRangeException"/> when true, else <see cref="System.ArgumentException"/>.</param>
/// <param name="When">When it is thrown (XML doc text).</param>
internal sealed record GeneratedException(bool OutOfRange, string When);

/// <summary>
/// One member the generator adds: its name, parameters, the rules its arguments follow and the
/// exceptions it documents. Emitters write signatures and docs from it, PEG009 compares users'
/// members with it, PEG011 checks constant arguments with it.
/// </summary>
/// <param name="Name">The member name.</param>
/// <param name="Kind">Constant, property or method.</param>
/// <param name="Parameters">The method's parameters, in order.</param>
/// <param name="Width">How the rows span's length counts rows.</param>
/// <param name="Destination">How long the destination must be.</param>
/// <param name="PositionsBounded">Whether the rows must fit below <c>MaxLen</c> (false for <c>Shift</c>).</param>
/// <param name="Exceptions">What a method throws, for its docs.</param>
/// <param name="Returns">A method's return type, or null for <c>void</c>.</param>
/// <param name="HotPath">Whether a method is an entry point that skips tier-0 code (a loop over the caller's data).</param>
internal sealed record GeneratedMember(
    string Name,
    MemberKind Kind,
    GeneratedParameter[] Parameters,
    RowWidth Width = RowWidth.None,
    DestinationRule Destination = DestinationRule.None,
    bool PositionsBounded = true,
    GeneratedException[]? Exceptions = null,
    ParameterType? Returns = null,
    bool HotPath = true)
{
    public GeneratedParameter? Find(ParameterRole role) => System.Array.Find(Parameters, p => p.Role == role);
}
