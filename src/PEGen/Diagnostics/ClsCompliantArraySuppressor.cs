using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Emit;

namespace PEGen.Diagnostics;

/// <summary>
/// Suppresses CS3016 ("Arrays as attribute arguments is not CLS-compliant") on <c>[PositionalEncoding]</c>:
/// the attribute is <c>[Conditional("PEGEN_KEEP_ATTRIBUTES")]</c>, so it never reaches metadata and no other
/// language ever sees its <c>double[]</c> arguments (<c>ShortFactors</c>, <c>LongFactors</c>). Without this a
/// <c>[assembly: CLSCompliant(true)]</c> library that builds with warnings as errors could not declare LongRoPE.
/// CS3016 from any other attribute is left alone.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class ClsCompliantArraySuppressor : DiagnosticSuppressor
{
    /// <summary>The suppression's ID, as shown by <c>/reportanalyzer</c> and in SARIF logs.</summary>
    public const string SuppressionId = "PEGSPR001";

    internal static readonly SuppressionDescriptor ArrayArguments = new(
        SuppressionId,
        "CS3016",
        "[PositionalEncoding] is [Conditional] and never emitted to metadata, so its array arguments cannot affect CLS compliance");

    /// <inheritdoc />
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(ArrayArguments);

    /// <inheritdoc />
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        INamedTypeSymbol? attributeType = null;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Id != "CS3016" || diagnostic.Location.SourceTree is not { } tree) continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var attribute = node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
            if (attribute is null) continue;

            attributeType ??= context.Compilation.GetTypeByMetadataName(AttributeSource.AttributeMetadataName);
            if (attributeType is null) return;
            var model = context.GetSemanticModel(tree);
            var constructor = model.GetSymbolInfo(attribute, context.CancellationToken).Symbol as IMethodSymbol;
            if (SymbolEqualityComparer.Default.Equals(constructor?.ContainingType, attributeType))
                context.ReportSuppression(Suppression.Create(ArrayArguments, diagnostic));
        }
    }
}
