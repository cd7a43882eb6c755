using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PEGen.Diagnostics;

/// <summary>
/// PEG011 on locals: the initializer of a local that keeps its first value. Conservative and
/// cheap: one syntax walk of the body that declares the local (nested lambdas and local functions
/// included), matching identifiers by name, so a same-named variable elsewhere only makes the
/// answer "unknown", never wrong.
/// </summary>
internal static class UnchangedLocal
{
    /// <summary>
    /// The initializer of <paramref name="local"/> when it is declared with one in a plain local
    /// declaration (not <c>ref</c>, <c>using</c>, <c>for</c> or <c>fixed</c>) and nothing in its
    /// body can change it; otherwise null.
    /// </summary>
    public static ExpressionSyntax? InitializerOf(ILocalSymbol local, SemanticModel? semanticModel)
    {
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var initializer } declarator ||
            declarator.Parent is not VariableDeclarationSyntax { Type: not RefTypeSyntax, Parent: LocalDeclarationStatementSyntax statement } ||
            statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword))
            return null;

        var body = EnclosingBody(statement);
        if (body is null) return null;
        string name = local.Name;
        foreach (var token in body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name &&
                token.Parent is IdentifierNameSyntax identifier && MayChange(identifier, semanticModel))
                return null;
        }
        return initializer;
    }

    // The method, accessor, lambda, local function or top-level program that declares the local.
    private static SyntaxNode? EnclosingBody(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            switch (n)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case BaseMethodDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case BasePropertyDeclarationSyntax:
                case CompilationUnitSyntax:
                    return n;
            }
        }
        return null;
    }

    private static bool MayChange(IdentifierNameSyntax identifier, SemanticModel? semanticModel)
    {
        // The expression the identifier is, through parentheses and `!`.
        ExpressionSyntax target = identifier;
        while (target.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            target = (ExpressionSyntax)target.Parent;

        switch (target.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == target:        // =, +=, ??= ...
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression or (int)SyntaxKind.AddressOfExpression }:
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }:
            case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None): // ref, out, in
            case RefExpressionSyntax:                                                            // ref locals, ref returns
                return true;
            case ArgumentSyntax { Parent: TupleExpressionSyntax tuple } when IsDeconstructionTarget(tuple):
                return true;
            case MemberAccessExpressionSyntax access when access.Expression == target && access.Parent is InvocationExpressionSyntax invocation:
                if (TakesReceiverByReference(invocation, semanticModel)) return true;
                break;
        }

        // `fixed (float* p = a)`, `using (a)`, `using var d = ... a ...`: whatever they do, give up.
        return target.FirstAncestorOrSelf<StatementSyntax>() switch
        {
            LocalDeclarationStatementSyntax declaration => declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword),
            FixedStatementSyntax fixedStatement => !fixedStatement.Statement.Span.Contains(target.Span),
            UsingStatementSyntax usingStatement => !usingStatement.Statement.Span.Contains(target.Span),
            _ => false,
        };
    }

    // `(a, b) = ...` and `foreach ((a, b) in ...)`, nested tuples too.
    private static bool IsDeconstructionTarget(TupleExpressionSyntax tuple)
    {
        ExpressionSyntax outer = tuple;
        while (outer.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax enclosing })
            outer = enclosing;
        return outer.Parent is AssignmentExpressionSyntax assignment && assignment.Left == outer ||
               outer.Parent is ForEachVariableStatementSyntax forEach && forEach.Variable == outer;
    }

    // `s.M()` where M is an extension method taking `this ref` (or in): it may reassign the local.
    private static bool TakesReceiverByReference(InvocationExpressionSyntax invocation, SemanticModel? semanticModel)
    {
        if (semanticModel is null) return true;
        var info = semanticModel.GetSymbolInfo(invocation);
        if (info.Symbol is not IMethodSymbol method)
            return info.CandidateSymbols.Length > 0;
        return method.ReducedFrom is { Parameters.Length: > 0 } extension && extension.Parameters[0].RefKind != RefKind.None;
    }
}
