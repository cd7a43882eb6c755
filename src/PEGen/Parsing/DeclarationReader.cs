using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Model;

namespace PEGen.Parsing;

/// <summary>
/// Reads the annotated class and its containers into plain values: names for the emitter,
/// facts for rules PEG001 and PEG009.
/// </summary>
internal static class DeclarationReader
{
    /// <summary>The [PositionalEncoding] application on <paramref name="type"/>, or null (analyzers' entry point).</summary>
    public static AttributeData? FindAttribute(INamedTypeSymbol type, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                return attribute;
        }
        return null;
    }

    public static ParsedDeclaration Read(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var shell = ReadShell(type, attribute, Members.GeneratedMembers.Names, cancellationToken);
        return new ParsedDeclaration(shell.Namespace, shell.Types, shell.MetadataName, AttributeArgumentReader.Read(attribute), shell.Facts);
    }

    /// <summary>
    /// The class as every family sees it: where members go and the facts of PEG001 and PEG009. User members count only
    /// when their name is in <paramref name="generatedNames"/> (what the family can add).
    /// </summary>
    public static DeclarationShell ReadShell(INamedTypeSymbol type, AttributeData attribute, IReadOnlyCollection<string> generatedNames,
        CancellationToken cancellationToken)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null; t = t.ContainingType) chain.Insert(0, t);

        var notPartial = new List<string>();
        string? unsupported = DescribeUnsupported(type);
        foreach (var t in chain)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsPartialEverywhere(t)) notPartial.Add(t.Name);
        }

        var types = chain.Select(t => new TypeDeclarationSpec(EscapeIdentifier(t.Name), t.IsStatic)).ToArray();
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n
            ? string.Join(".", n.ToDisplayString().Split('.').Select(EscapeIdentifier))
            : string.Empty;

        // Analyzers see the generator's own output in the compilation; those members are not conflicts.
        var existing = type.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && generatedNames.Contains(m.Name) && !IsGeneratedByPEGen(m))
            .Select(ToUserMember)
            .Distinct()
            .OrderBy(m => m.Name, System.StringComparer.Ordinal)
            .ToArray();

        return new DeclarationShell(
            ns,
            new EquatableArray<TypeDeclarationSpec>(types),
            MetadataNameOf(type),
            new DeclarationFacts(
                new EquatableArray<string>(notPartial.ToArray()),
                unsupported,
                new EquatableArray<UserMember>(existing))
            {
                OtherAttributes = Families.PEGenAttributes.OthersOn(type, attribute),
            });
    }

    private static UserMember ToUserMember(ISymbol member) => member is IMethodSymbol method
        ? new UserMember(member.Name, true, new EquatableArray<string>(method.Parameters.Select(TypeKey).ToArray()))
        : new UserMember(member.Name, false, EquatableArray<string>.Empty);

    private static string TypeKey(IParameterSymbol parameter) =>
        (parameter.RefKind == RefKind.None ? "" : "ref ") + parameter.Type.ToDisplayString(Members.ParameterTypeText.KeyFormat);

    private static bool IsGeneratedByPEGen(ISymbol member) =>
        member.GetAttributes().Any(a =>
            a.AttributeClass is { Name: "GeneratedCodeAttribute" } &&
            a.ConstructorArguments.Length == 2 &&
            a.ConstructorArguments[0].Value is string tool && tool == Emit.GeneratorInfo.Name);

    private static string? DescribeUnsupported(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class) return "it is a " + type.TypeKind.ToString().ToLowerInvariant() + ", not a class";
        if (type.IsRecord) return "it is a record; use a plain class";
        if (type.IsGenericType) return "it is generic; the table cannot depend on type arguments";
        if (IsFileLocal(type)) return "it is file-local, so generated code in another file cannot extend it";
        for (var c = type.ContainingType; c is not null; c = c.ContainingType)
        {
            if (c.IsGenericType) return "it is nested in the generic type " + c.Name;
            if (c.TypeKind != TypeKind.Class || c.IsRecord) return "it is nested in " + c.Name + ", which is not a plain class";
            if (IsFileLocal(c)) return "it is nested in the file-local class " + c.Name;
        }
        return null;
    }

    private static bool IsPartialEverywhere(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration ||
                !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                return false;
        }
        return true;
    }

    private static bool IsFileLocal(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.FileKeyword));

    private static string MetadataNameOf(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType) parts.Insert(0, t.MetadataName);
        string nested = string.Join("+", parts);
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + nested : nested;
    }

    /// <summary>Prefixes <c>@</c> to identifiers that are C# keywords.</summary>
    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
