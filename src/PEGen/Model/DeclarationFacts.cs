namespace PEGen.Model;

/// <summary>
/// What the parser learned about the annotated declaration that decides whether members can
/// be added to it (rules PEG001 and PEG009). Plain values only.
/// </summary>
/// <param name="NotPartial">Names of the annotated class or containing classes that are not <c>partial</c> everywhere.</param>
/// <param name="Unsupported">Why the declaration cannot be extended (generic, nested in a generic, not a class, ...), or null.</param>
/// <param name="ExistingMembers">The user's members whose names the generator can add (PEG009 decides which clash).</param>
internal sealed record DeclarationFacts(
    EquatableArray<string> NotPartial,
    string? Unsupported,
    EquatableArray<UserMember> ExistingMembers)
{
    /// <summary>The other PEGen attributes on the class, by short name (PEG009: one encoding per class).</summary>
    public EquatableArray<string> OtherAttributes { get; init; } = EquatableArray<string>.Empty;

    public static readonly DeclarationFacts Supported =
        new(EquatableArray<string>.Empty, null, EquatableArray<UserMember>.Empty);
}
