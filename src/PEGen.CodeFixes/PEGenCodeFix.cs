using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PEGen.CodeFixes;

/// <summary>
/// What PEGen's code fixes share: batch fix-all, the document's syntax root (and semantic model
/// when the fix needs one), and one <see cref="Register"/> call per diagnostic.
/// </summary>
public abstract class PEGenCodeFix : CodeFixProvider
{
    /// <summary>Whether <see cref="Register"/> needs the semantic model (it is not built otherwise).</summary>
    protected virtual bool NeedsSemanticModel => true;

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        SemanticModel? model = null;
        if (NeedsSemanticModel)
        {
            model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (model is null) return;
        }
        foreach (var diagnostic in context.Diagnostics)
            Register(context, root, model, diagnostic);
    }

    /// <summary>Offers the fix for one diagnostic, if it applies.</summary>
    /// <param name="context">The code-fix request.</param>
    /// <param name="root">The document's syntax root.</param>
    /// <param name="model">The document's semantic model; null when <see cref="NeedsSemanticModel"/> is false.</param>
    /// <param name="diagnostic">The diagnostic to fix.</param>
    protected abstract void Register(CodeFixContext context, SyntaxNode root, SemanticModel? model, Diagnostic diagnostic);
}
