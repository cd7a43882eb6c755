namespace PEGen.Model;

/// <summary>
/// The parser's output for one annotated class: the raw arguments and declaration facts,
/// before validation. The generator and the analyzers both start from this.
/// </summary>
internal sealed record ParsedDeclaration(
    string Namespace,
    EquatableArray<TypeDeclarationSpec> Types,
    string MetadataName,
    EncodingArguments Arguments,
    DeclarationFacts Facts);
