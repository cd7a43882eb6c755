using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Model;

namespace PEGen.CodeFixes;

/// <summary>PEG004 and PEG005: switches a naive scheme to <c>EncodingScheme.Vaswani</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseVaswaniCodeFix)), Shared]
public sealed class UseVaswaniCodeFix : PEGenCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.NormalizedRange, DiagnosticIds.Linear);

    /// <inheritdoc />
    protected override bool NeedsSemanticModel => false;

    /// <inheritdoc />
    protected override void Register(CodeFixContext context, SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        var argument = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
        if (argument is null) return;
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use EncodingScheme.Vaswani",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, Vaswani(argument.Expression)))),
                equivalenceKey: nameof(UseVaswaniCodeFix)),
            diagnostic);
    }

    // Keep however the user qualified the enum (EncodingScheme.X, PEGen.EncodingScheme.X, an alias).
    private static ExpressionSyntax Vaswani(ExpressionSyntax expression)
    {
        var vaswani = SyntaxFactory.IdentifierName("Vaswani");
        ExpressionSyntax replacement = expression is MemberAccessExpressionSyntax access
            ? access.WithName(vaswani)
            : SyntaxFactory.ParseExpression("global::PEGen.EncodingScheme.Vaswani");
        return replacement.WithTriviaFrom(expression);
    }
}
