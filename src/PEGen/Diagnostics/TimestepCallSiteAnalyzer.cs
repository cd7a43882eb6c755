using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PEGen.Families.Timestep;
using static PEGen.Diagnostics.ConstantArguments;

namespace PEGen.Diagnostics;

/// <summary>
/// PEG011 for <c>[TimestepEmbedding]</c> classes: <c>Row</c> with a constant timestep outside [0, Steps), <c>Encode</c> with a
/// constant NaN or infinite timestep, or a destination whose known length is shorter than Dim (or timesteps x Dim). The
/// syntax filter (the invoked name is Row or Encode) runs first; each class's rules are read once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimestepCallSiteAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CallMustFail);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(TimestepAttributeSource.AttributeMetadataName);
            if (attributeType is null) return;
            var shapes = new ConcurrentDictionary<INamedTypeSymbol, (int Dim, int Steps)?>(SymbolEqualityComparer.Default);
            start.RegisterSyntaxNodeAction(c => Analyze(c, attributeType, shapes), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, ConcurrentDictionary<INamedTypeSymbol, (int Dim, int Steps)?> shapes)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        string? name = InvokedName(syntax);
        if (name is not ("Row" or "Encode"))
            return;
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
            return;
        var method = invocation.TargetMethod;
        if (!method.IsStatic || method.Name is not ("Row" or "Encode") || !IsGenerated(method))
            return;
        var shape = shapes.GetOrAdd(method.ContainingType, t => ShapeOf(t, attributeType, context.CancellationToken));
        if (shape is not { } s) return;

        foreach (var (argument, reason) in Check(invocation, method, s.Dim, s.Steps))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CallMustFail, argument.Syntax.GetLocation(),
                method.ContainingType.Name + "." + method.Name, reason));
        }
    }

    // Only the generator's members (a user's own Encode overload is not checked).
    private static bool IsGenerated(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } && attribute.ConstructorArguments.Length > 0 &&
                attribute.ConstructorArguments[0].Value is "PEGen")
                return true;
        }
        return false;
    }

    // Dim and Steps of a declaration the generator accepts, else null.
    private static (int Dim, int Steps)? ShapeOf(INamedTypeSymbol type, INamedTypeSymbol attributeType, System.Threading.CancellationToken cancellationToken)
    {
        if (Parsing.DeclarationReader.FindAttribute(type, attributeType) is not { } attribute) return null;
        foreach (var issue in TimestepFamily.Instance.Validate(type, attribute, Parsing.EncodingValidator.HardCapBytes, cancellationToken))
        {
            if (issue.IsError) return null;
        }
        var arguments = TimestepFamily.Instance.Read(attribute);
        return (arguments.Dim!.Value, arguments.Steps!.Value);
    }

    /// <summary>The arguments of one call that make it throw, with the reason (the message's {1}).</summary>
    internal static IEnumerable<(IArgumentOperation Argument, string Reason)> Check(IInvocationOperation invocation, IMethodSymbol method, int dim, int steps)
    {
        if (method.Name == "Row")
        {
            if (Find(invocation, "timestep") is { } argument && Int(argument, 0) is { } t && (t < 0 || t >= steps))
                yield return (argument, "timestep = " + Format(t) + " is outside [0, Steps) = [0, " + Format(steps) + ")");
            yield break;
        }
        if (Find(invocation, "timestep") is { } one)
        {
            if (one.Value.ConstantValue is { HasValue: true, Value: var value } && AsFloat(value) is { } f && (float.IsNaN(f) || float.IsInfinity(f)))
                yield return (one, "timestep = " + f.ToString(CultureInfo.InvariantCulture) + " is not finite");
            if (Find(invocation, "destination") is { } destination && SpanLength(destination) is { } length && length < dim)
                yield return (destination, "the destination holds " + Format(length) + " floats, fewer than Dim = " + Format(dim));
        }
        else if (Find(invocation, "timesteps") is { } many && SpanLength(many) is { } count &&
                 Find(invocation, "destination") is { } destination && SpanLength(destination) is { } length &&
                 length < (long)count * dim)
        {
            yield return (destination, "the destination holds " + Format(length) + " floats, fewer than " + Format(count) +
                " timesteps x Dim = " + ((long)count * dim).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static float? AsFloat(object? value) => value switch
    {
        float f => f,
        double d => (float)d,
        int i => i,
        _ => null,
    };
}
