using Microsoft.CodeAnalysis;
using PEGen.Diagnostics;

namespace PEGen.Model;

/// <summary>
/// One broken rule, found by <see cref="Parsing.EncodingValidator"/>. Analyzers turn it into a
/// diagnostic; the generator only asks whether any issue is an error.
/// </summary>
/// <param name="Id">The diagnostic ID, e.g. <c>PEG003</c> (docs/diagnostics.md).</param>
/// <param name="Argument">The attribute property at fault (for the diagnostic's location), or null for the class itself.</param>
/// <param name="MessageArguments">Values formatted into the descriptor's message.</param>
internal sealed record ValidationIssue(string Id, string? Argument, EquatableArray<string> MessageArguments)
{
    /// <summary>Errors mean the generator emits nothing for the class; the descriptor decides which IDs are errors.</summary>
    public bool IsError => DiagnosticDescriptors.ForId(Id).DefaultSeverity == DiagnosticSeverity.Error;
}
