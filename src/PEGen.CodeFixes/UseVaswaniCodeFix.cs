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
public sealed class UseVaswaniCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.NormalizedRange, DiagnosticIds.Linear);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            var argument = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
            if (argument is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use EncodingScheme.Vaswani",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, Vaswani(argument.Expression)))),
                    equivalenceKey: nameof(UseVaswaniCodeFix)),
                diagnostic);
        }
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
