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

/// <summary>PEG006 and PEG007: adds <c>Storage = TableStorage.Compact</c>, so a long table becomes a few rows of factors.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCompactStorageCodeFix)), Shared]
public sealed class UseCompactStorageCodeFix : PEGenCodeFix
{
    private const string AttributeName = "PEGen.PositionalEncodingAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.OverBudget, DiagnosticIds.TooLarge);

    /// <inheritdoc />
    protected override void Register(CodeFixContext context, SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        // The size diagnostics point at the class name; the attribute is on that declaration.
        var declaration = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        var attribute = declaration?.AttributeLists.SelectMany(list => list.Attributes)
            .FirstOrDefault(a => model!.GetTypeInfo(a).Type?.ToDisplayString() == AttributeName);
        if (attribute is null) return;
        // Already compact (PEG007 can still fire for an enormous Dim): nothing to add.
        if (attribute.ArgumentList?.Arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == "Storage") == true) return;

        context.RegisterCodeFix(
            CodeAction.Create(
                "Use Storage = TableStorage.Compact",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, WithCompact(attribute, model!)))),
                equivalenceKey: nameof(UseCompactStorageCodeFix)),
            diagnostic);
    }

    // TableStorage.Compact where the name binds to PEGen's enum (a using PEGen;), else fully qualified.
    private static AttributeSyntax WithCompact(AttributeSyntax attribute, SemanticModel model)
    {
        bool shortName = model.LookupNamespacesAndTypes(attribute.SpanStart, name: "TableStorage")
            .Any(s => s.ToDisplayString() == "PEGen.TableStorage");
        var value = SyntaxFactory.ParseExpression(shortName ? "TableStorage.Compact" : "global::PEGen.TableStorage.Compact");
        var argument = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Storage")), null, value);
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        return attribute.WithArgumentList(list.AddArguments(argument));
    }
}
