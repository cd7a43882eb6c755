using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Model;

namespace PEGen.CodeFixes;

/// <summary>PEG003: replaces an odd <c>Dim</c> with the next even number.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RoundDimUpCodeFix)), Shared]
public sealed class RoundDimUpCodeFix : PEGenCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.OddDimension);

    /// <inheritdoc />
    protected override void Register(CodeFixContext context, SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        var argument = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
        if (argument is null || model!.GetConstantValue(argument.Expression, context.CancellationToken) is not { HasValue: true, Value: int dim } || dim % 2 == 0)
            return;
        int even = PEGen.Parsing.EncodingValidator.NextEven(dim);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use Dim = " + even.ToString(CultureInfo.InvariantCulture),
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(
                    argument.Expression,
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(even))
                        .WithTriviaFrom(argument.Expression)))),
                equivalenceKey: nameof(RoundDimUpCodeFix)),
            diagnostic);
    }
}
