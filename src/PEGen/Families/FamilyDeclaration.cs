using PEGen.Model;

namespace PEGen.Families;

/// <summary>A family's parsed declaration: the class and the attribute's arguments, before validation.</summary>
internal sealed record FamilyDeclaration<TArguments>(DeclarationShell Shell, TArguments Arguments);

/// <summary>
/// What the pipeline makes of one declaration: the spec (null when a rule is broken with an error) and those errors
/// for when analyzers do not run. A valid class has no errors and so no location, and stays cached when it moves.
/// </summary>
internal sealed record FamilyOutcome<TSpec>(TSpec? Spec, EquatableArray<DiagnosticInfo> Errors) where TSpec : class;
