using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Emit;
using PEGen.Model;
using PEGen.Parsing;
using PEGen.Parsing.Config;

namespace PEGen.Diagnostics;

/// <summary>
/// Reports PEG001 to PEG010, PEG012 and PEG013 on classes carrying [PositionalEncoding], from the same parser,
/// config.json reader and validator the generator uses. Only symbols with the attribute cost more than a comparison.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property on PEG001 diagnostics: the names of the classes to make partial, separated by ';'.</summary>
    public const string NotPartialTypesProperty = "NotPartialTypes";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.MissingDimension, DiagnosticDescriptors.OddDimension,
        DiagnosticDescriptors.NormalizedRange, DiagnosticDescriptors.Linear, DiagnosticDescriptors.OverBudget,
        DiagnosticDescriptors.TooLarge, DiagnosticDescriptors.PositionsRepeat, DiagnosticDescriptors.Unsupported,
        DiagnosticDescriptors.InvalidParameter, DiagnosticDescriptors.IgnoredProperty, DiagnosticDescriptors.LongTablesUnused);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(AttributeSource.AttributeMetadataName);
            if (attributeType is null) return;
            long budget = TableBudget.Read(start.Options);
            var configFiles = new AdditionalConfigFiles(start.Options.AdditionalFiles);
            start.RegisterSymbolAction(c => Analyze(c, attributeType, budget, configFiles), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType, long budget, AdditionalConfigFiles configFiles)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (DeclarationReader.FindAttribute(type, attributeType) is not { } attribute) return;

        var declaration = DeclarationReader.Read(type, attribute, context.CancellationToken);
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        var files = declaration.Arguments.Rotary.ConfigFile is { } name ? configFiles.Named(name, context.CancellationToken) : ConfigFileSet.Empty;
        foreach (var issue in EncodingValidator.Check(declaration, files, budget).Issues)
        {
            var properties = issue.Id == DiagnosticIds.NotPartial
                ? ImmutableDictionary<string, string?>.Empty.Add(NotPartialTypesProperty, string.Join(";", declaration.Facts.NotPartial))
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ForId(issue.Id),
                IssueLocation.Of(issue, attributeSyntax, type),
                properties,
                issue.MessageArguments.ToArray<object>()));
        }
    }
}
