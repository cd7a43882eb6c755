using Microsoft.CodeAnalysis;
using PEGen.Emit;
using PEGen.Model;

namespace PEGen.Members;

/// <summary>How a <see cref="ParameterType"/> is written in generated code and compared with users' members.</summary>
internal static class ParameterTypeText
{
    /// <summary>The type as generated code writes it (fully qualified with <c>global::</c>).</summary>
    public static string Emitted(ParameterType type, ElementType element) => type switch
    {
        ParameterType.Int32 => "int",
        ParameterType.Element => ElementSyntax.Keyword(element),
        ParameterType.ElementSpan => "global::System.Span<" + ElementSyntax.Keyword(element) + ">",
        ParameterType.ReadOnlyElementSpan => "global::System.ReadOnlySpan<" + ElementSyntax.Keyword(element) + ">",
        ParameterType.LongRopeFactors => "global::PEGen.LongRopeFactors",
        _ => "global::System.ReadOnlySpan<int>",
    };

    /// <summary>
    /// The comparison key: the type with namespaces, no <c>global::</c>, keywords for special types
    /// (what <c>Parsing.DeclarationReader</c> produces from a user's parameter).
    /// </summary>
    public static string Key(ParameterType type, ElementType element) => Emitted(type, element).Replace("global::", "");

    /// <summary>Spells a symbol's type the way <see cref="Key"/> does.</summary>
    public static readonly SymbolDisplayFormat KeyFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);
}
