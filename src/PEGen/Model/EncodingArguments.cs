namespace PEGen.Model;

/// <summary>
/// The attribute's arguments as plain values. A null member means the argument was missing
/// or not a compile-time constant of the right type.
/// </summary>
internal sealed record EncodingArguments(
    int? Dim,
    int? MaxLen,
    int? Scheme,
    double? Base,
    int? PaddingIndex)
{
    public const double DefaultBase = 10000d;
    public const int NoPadding = -1;

    /// <summary>Arguments whose value could not be read (non-constant or wrong type), by attribute property name.</summary>
    public EquatableArray<string> Unreadable { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The rotary scaling and partial-rotary arguments (SPEC section 5).</summary>
    public RotaryArguments Rotary { get; init; } = RotaryArguments.Empty;

    /// <summary>The <c>Storage</c> argument (<see cref="TableStorageKind"/>), or null when not set.</summary>
    public int? Storage { get; init; }
}
