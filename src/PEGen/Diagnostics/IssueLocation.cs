using System.Collections.Generic;
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
        return OfDeclaration(attribute, type);
    }

    /// <summary>Every location <see cref="Of"/> can give for this attribute, as plain values (ConfigFile declarations).</summary>
    public static IssueLocations Table(AttributeSyntax? attribute, INamedTypeSymbol type)
    {
        var arguments = new List<NamedLocation>();
        foreach (var argument in attribute?.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText is { } name)
                arguments.Add(new NamedLocation(name, LocationInfo.From(argument.GetLocation())));
        }
        return new IssueLocations(
            new EquatableArray<NamedLocation>(arguments.ToArray()),
            attribute is not null,
            attribute is null ? null : LocationInfo.From(attribute.GetLocation()),
            LocationInfo.From(OfDeclaration(attribute, type)));
    }

    private static Location OfDeclaration(AttributeSyntax? attribute, INamedTypeSymbol type)
    {
        if (attribute?.Parent?.Parent is TypeDeclarationSyntax declaration)
            return declaration.Identifier.GetLocation();
        return type.Locations.FirstOrDefault() ?? Location.None;
    }
}
