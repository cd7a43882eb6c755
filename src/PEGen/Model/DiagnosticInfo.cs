using System.Linq;
using Microsoft.CodeAnalysis;
using PEGen.Diagnostics;

namespace PEGen.Model;

/// <summary>
/// A diagnostic the generator reports, as plain values (the descriptor by ID, the location as
/// <see cref="LocationInfo"/>), so the pipeline step that carries it can be cached.
/// </summary>
/// <param name="Id">A PEGen diagnostic ID; its descriptor comes from <see cref="DiagnosticDescriptors.ForId"/>.</param>
/// <param name="Location">Where to report it, or null for no location.</param>
/// <param name="MessageArguments">Values formatted into the descriptor's message.</param>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        DiagnosticDescriptors.ForId(Id),
        Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
        MessageArguments.ToArray<object>());
}
