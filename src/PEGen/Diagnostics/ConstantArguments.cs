using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PEGen.Diagnostics;

/// <summary>
/// Compile-time facts about call arguments: constant integers, and span lengths known from
/// <c>new float[N]</c>, <c>stackalloc float[N]</c>, a static readonly array field initialised so, or a
/// local initialised so and never changed (<see cref="UnchangedLocal"/>).
/// </summary>
internal static class ConstantArguments
{
    public static int? Int(IArgumentOperation argument, int defaultValue)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue) return defaultValue;
        return argument.Value.ConstantValue is { HasValue: true, Value: int value } ? value : null;
    }

    public static int? SpanLength(IArgumentOperation argument) => LengthOf(argument.Value, localsToFollow: 2);

    private static int? LengthOf(IOperation? value, int localsToFollow)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;

        switch (value)
        {
            case null:
                return null;
            case IArrayCreationOperation { DimensionSizes.Length: 1 } array:
                return array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int n } ? n : null;
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                return FieldArrayLength(field);
            case ILocalReferenceOperation { Local: var local } when localsToFollow > 0:
                return LocalLength(local, value.SemanticModel, localsToFollow - 1);
        }

        // stackalloc has no dedicated IOperation; read the syntax.
        return value.Syntax switch
        {
            StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax type } when type.RankSpecifiers.Count == 1 && type.RankSpecifiers[0].Sizes.Count == 1 =>
                value.SemanticModel?.GetConstantValue(type.RankSpecifiers[0].Sizes[0]) is { HasValue: true, Value: int n } ? n : null,
            ImplicitStackAllocArrayCreationExpressionSyntax implicitStackAlloc => implicitStackAlloc.Initializer.Expressions.Count,
            _ => null,
        };
    }

    // A local initialised once and never changed has its initializer's length (UnchangedLocal decides).
    private static int? LocalLength(ILocalSymbol local, SemanticModel? semanticModel, int localsToFollow)
    {
        if (semanticModel is null || UnchangedLocal.InitializerOf(local, semanticModel) is not { } initializer ||
            initializer.SyntaxTree != semanticModel.SyntaxTree)
            return null;
        return LengthOf(semanticModel.GetOperation(initializer), localsToFollow);
    }

    // Cheap on purpose: only `static readonly float[] F = new float[<literal>];` in syntax.
    private static int? FieldArrayLength(IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.Length != 1 ||
            field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var initializer })
            return null;
        return initializer switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions.Count,
            ArrayCreationExpressionSyntax { Type.RankSpecifiers: [{ Sizes: [LiteralExpressionSyntax literal] }] }
                when literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int n => n,
            _ => null,
        };
    }

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static IArgumentOperation? Find(IInvocationOperation invocation, string parameter) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);

    /// <summary>
    /// The method name an invocation spells (<c>X.M(...)</c> or <c>M(...)</c>), or null: every call-site analyzer's
    /// syntax filter, so only calls of a generated name cost an operation tree.
    /// </summary>
    public static string? InvokedName(Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax syntax) => syntax.Expression switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };
}
