namespace PEGen.Model;

/// <summary>
/// What the generator's first step makes of one annotated class: the spec to emit (null when a
/// rule is broken with an error) and those errors, which the generator reports only when the
/// analyzers do not run. A valid class has no errors and so no location: moving it in its file
/// leaves this value equal and everything downstream cached.
/// </summary>
/// <param name="Spec">The emitter's model, or null.</param>
/// <param name="Errors">The errors that stop generation (PEG001, PEG002, PEG007, PEG009, PEG010), at the analyzer's locations.</param>
internal sealed record DeclarationOutcome(EncodingSpec? Spec, EquatableArray<DiagnosticInfo> Errors);
