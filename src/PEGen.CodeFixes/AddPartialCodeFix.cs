using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Diagnostics;
using PEGen.Model;

namespace PEGen.CodeFixes;

/// <summary>PEG001: adds <c>partial</c> to every declaration of the class and of containing classes that lack it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix)), Shared]
public sealed class AddPartialCodeFix : PEGenCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotPartial);

    /// <inheritdoc />
    protected override void Register(CodeFixContext context, SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (declaration is null || model!.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type) return;
        diagnostic.Properties.TryGetValue(DeclarationAnalyzer.NotPartialTypesProperty, out var names);
        var targets = new HashSet<string>((names ?? type.Name).Split(';'));

        context.RegisterCodeFix(
            CodeAction.Create(
                "Make '" + type.Name + "' partial",
                ct => AddPartialAsync(context.Document.Project.Solution, type, targets, ct),
                equivalenceKey: nameof(AddPartialCodeFix)),
            diagnostic);
    }

    private static async Task<Solution> AddPartialAsync(Solution solution, INamedTypeSymbol type, HashSet<string> targets, CancellationToken cancellationToken)
    {
        var edits = new Dictionary<DocumentId, List<TypeDeclarationSyntax>>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (!targets.Contains(t.Name)) continue;
            foreach (var reference in t.DeclaringSyntaxReferences)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not TypeDeclarationSyntax syntax ||
                    syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                    continue;
                var document = solution.GetDocument(syntax.SyntaxTree);
                if (document is null) continue;
                if (!edits.TryGetValue(document.Id, out var list)) edits[document.Id] = list = new List<TypeDeclarationSyntax>();
                list.Add(syntax);
            }
        }

        foreach (var pair in edits)
        {
            var document = solution.GetDocument(pair.Key)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var updated = root!.ReplaceNodes(pair.Value, (original, rewritten) => WithPartial((TypeDeclarationSyntax)rewritten));
            solution = solution.WithDocumentSyntaxRoot(pair.Key, updated);
        }
        return solution;
    }

    // 'partial' goes last among the modifiers, right before the 'class' keyword (CS0267).
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            var keyword = declaration.Keyword;
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.Space))
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList())));
        }
        return declaration.WithModifiers(declaration.Modifiers.Add(
            SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }
}
