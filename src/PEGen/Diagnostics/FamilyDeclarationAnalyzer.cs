using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Families;
using PEGen.Model;

namespace PEGen.Diagnostics;

/// <summary>
/// Reports a family's declaration diagnostics (PEG001, PEG002, PEG006, PEG007, PEG009, PEG010 and the family's own) from the
/// same reader and validator the generator uses. Each family has one sealed analyzer deriving from this, in its own file.
/// </summary>
public abstract class FamilyDeclarationAnalyzer : DiagnosticAnalyzer
{
    private protected abstract IFamilyRules Family { get; }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.MissingDimension, DiagnosticDescriptors.OddDimension,
        DiagnosticDescriptors.OverBudget, DiagnosticDescriptors.TooLarge, DiagnosticDescriptors.Unsupported,
        DiagnosticDescriptors.InvalidParameter);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        var family = Family;
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(family.AttributeMetadataName);
            if (attributeType is null) return;
            long budget = TableBudget.Read(start.Options);
            start.RegisterSymbolAction(c => Analyze(c, family, attributeType, budget), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, IFamilyRules family, INamedTypeSymbol attributeType, long budget)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (Parsing.DeclarationReader.FindAttribute(type, attributeType) is not { } attribute) return;
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        foreach (var issue in family.Validate(type, attribute, budget, context.CancellationToken))
        {
            var properties = issue.Id == DiagnosticIds.NotPartial
                ? ImmutableDictionary<string, string?>.Empty.Add(DeclarationAnalyzer.NotPartialTypesProperty, issue.MessageArguments[0].Replace(", ", ";"))
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ForId(issue.Id),
                IssueLocation.Of(issue, attributeSyntax, type),
                properties,
                issue.MessageArguments.ToArray<object>()));
        }
    }
}
