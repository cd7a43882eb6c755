using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PEGen.Diagnostics;

/// <summary>
/// PEG011 for a family's generated methods: constant arguments that guarantee the exception the method throws. The
/// syntax filter on the invoked name runs first (most invocations stop there, before any binding), then the
/// operation; what a class's calls are checked against (its shape) is read once per class and compilation from a
/// declaration the generator accepts. Each family has one sealed analyzer deriving from this, in its own file.
/// </summary>
/// <typeparam name="TShape">What a family's checks read of a valid declaration.</typeparam>
public abstract class FamilyCallSiteAnalyzer<TShape> : DiagnosticAnalyzer
    where TShape : class
{
    private protected abstract string AttributeMetadataName { get; }

    /// <summary>True for the names of the methods this family checks (the syntax filter, and the bound method's name).</summary>
    private protected abstract bool Checks(string methodName);

    /// <summary>The shape of a class carrying the family's attribute, or null when the generator does not build it.</summary>
    private protected abstract TShape? ShapeOf(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken);

    /// <summary>The arguments of one call to a static method of such a class that make it throw, with why (the message's {1}).</summary>
    private protected abstract IEnumerable<(IArgumentOperation Argument, string Reason)> Check(
        IInvocationOperation invocation, IMethodSymbol method, TShape shape);

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
            var attributeType = start.Compilation.GetTypeByMetadataName(AttributeMetadataName);
            if (attributeType is null) return;
            var shapes = new ConcurrentDictionary<INamedTypeSymbol, TShape?>(SymbolEqualityComparer.Default);
            start.RegisterSyntaxNodeAction(c => Analyze(c, attributeType, shapes), SyntaxKind.InvocationExpression);
        });
    }

    private void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, ConcurrentDictionary<INamedTypeSymbol, TShape?> shapes)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (ConstantArguments.InvokedName(syntax) is not { } name || !Checks(name))
            return;
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
            return;
        var method = invocation.TargetMethod;
        if (!method.IsStatic || !Checks(method.Name))
            return;
        var cancellationToken = context.CancellationToken;
        var shape = shapes.GetOrAdd(method.ContainingType, type =>
            Parsing.DeclarationReader.FindAttribute(type, attributeType) is { } attribute ? ShapeOf(type, attribute, cancellationToken) : null);
        if (shape is null) return;

        foreach (var (argument, reason) in Check(invocation, method, shape))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CallMustFail, argument.Syntax.GetLocation(),
                method.ContainingType.Name + "." + method.Name, reason));
        }
    }
}
