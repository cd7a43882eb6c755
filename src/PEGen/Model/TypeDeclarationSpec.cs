namespace PEGen.Model;

/// <summary>One class in the chain from the namespace down to the annotated class.</summary>
/// <param name="Name">The identifier, escaped with <c>@</c> when it is a keyword.</param>
/// <param name="IsStatic">Whether the class is declared <c>static</c>.</param>
internal sealed record TypeDeclarationSpec(string Name, bool IsStatic);
