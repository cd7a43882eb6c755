namespace PEGen.Model;

/// <summary>
/// The annotated class as every family sees it, before its attribute's arguments: where the generated
/// members go and the facts that decide whether they can (PEG001, PEG009). Plain values only.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Types">Containing classes from outermost to the annotated class itself (last).</param>
/// <param name="MetadataName">Fully qualified metadata name, unique per class; used for hint names.</param>
/// <param name="Facts">Partial-ness, unsupported shapes, the user's members, the other PEGen attributes.</param>
internal sealed record DeclarationShell(
    string Namespace,
    EquatableArray<TypeDeclarationSpec> Types,
    string MetadataName,
    DeclarationFacts Facts)
{
    public TypeDeclarationSpec Class => Types[Types.Count - 1];
}
