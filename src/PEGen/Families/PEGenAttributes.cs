using System.Linq;
using Microsoft.CodeAnalysis;
using PEGen.Emit;
using PEGen.Model;

namespace PEGen.Families;

/// <summary>
/// Every attribute that asks PEGen for members, by metadata and short name. A class carries at most one (SPEC
/// section 7): two would add two sets of members with the same names (Dim, MaxLen, Table, Row, AddTo).
/// </summary>
internal static class PEGenAttributes
{
    public static readonly (string MetadataName, string ShortName)[] All =
    {
        (AttributeSource.AttributeMetadataName, "PositionalEncoding"),
        (Grid2D.Grid2DAttributeSource.AttributeMetadataName, Grid2D.Grid2DAttributeSource.ShortName),
        (Timestep.TimestepAttributeSource.AttributeMetadataName, Timestep.TimestepAttributeSource.ShortName),
        (Alibi.AlibiAttributeSource.AttributeMetadataName, Alibi.AlibiAttributeSource.ShortName),
    };

    /// <summary>The short names of the PEGen attributes on <paramref name="type"/> other than <paramref name="attribute"/>, sorted.</summary>
    public static EquatableArray<string> OthersOn(INamedTypeSymbol type, AttributeData attribute)
    {
        string[]? others = null;
        foreach (var candidate in type.GetAttributes())
        {
            if (ReferenceEquals(candidate, attribute) || ShortNameOf(candidate.AttributeClass) is not { } name) continue;
            if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute.AttributeClass)) continue;
            others = others is null ? new[] { name } : others.Append(name).ToArray();
        }
        if (others is null) return EquatableArray<string>.Empty;
        System.Array.Sort(others, System.StringComparer.Ordinal);
        return new EquatableArray<string>(others.Distinct().ToArray());
    }

    /// <summary>PEG009 when the class carries another PEGen attribute besides <paramref name="own"/>, else null.</summary>
    public static ValidationIssue? Conflict(DeclarationFacts facts, string own)
    {
        if (facts.OtherAttributes.Count == 0) return null;
        string others = string.Join(", ", facts.OtherAttributes.Select(n => "[" + n + "]"));
        return Parsing.EncodingValidator.Issue(DiagnosticIds.Unsupported, null,
            "it carries [" + own + "] and " + others + ", and a class takes one PEGen attribute (their members would share names); declare one nested partial class per encoding");
    }

    private static string? ShortNameOf(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || attributeClass.ContainingType is not null ||
            attributeClass.ContainingNamespace is not { Name: "PEGen", ContainingNamespace.IsGlobalNamespace: true })
            return null;
        string metadataName = "PEGen." + attributeClass.MetadataName;
        foreach (var (name, shortName) in All)
        {
            if (name == metadataName) return shortName;
        }
        return null;
    }
}
