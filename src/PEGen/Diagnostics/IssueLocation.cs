using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Model;

namespace PEGen.Diagnostics;

/// <summary>
/// Where a <see cref="ValidationIssue"/> is reported, by the <see cref="DeclarationAnalyzer"/> and,
/// when analyzers do not run, by the generator: one rule, so both put it on the same span.
/// </summary>
internal static class IssueLocation
{
    /// <summary>The argument at fault, else the attribute (a missing argument), else the class identifier.</summary>
    public static Location Of(ValidationIssue issue, AttributeSyntax? attribute, INamedTypeSymbol type)
    {
        if (issue.Argument is { } name && attribute is not null)
        {
            var argument = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            return argument?.GetLocation() ?? attribute.GetLocation();
        }
        if (attribute?.Parent?.Parent is TypeDeclarationSyntax declaration)
            return declaration.Identifier.GetLocation();
        return type.Locations.FirstOrDefault() ?? Location.None;
    }
}
