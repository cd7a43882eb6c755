using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PEGen.Emit;
using PEGen.Model;
using PEGen.Parsing;
using PEGen.Parsing.Config;
using static PEGen.Diagnostics.ConstantArguments;

namespace PEGen.Diagnostics;

/// <summary>
/// PEG011: calls to generated methods whose constant arguments guarantee an exception at run
/// time. A syntax filter (the invoked name is one the generator adds) runs first, so the
/// compiler builds operation trees only for those calls, never for whole method bodies (an
/// operation action over every invocation cost ~0.9 s on a build with 50 tables). The spec of
/// each annotated class is computed once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallSiteAnalyzer : DiagnosticAnalyzer
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
            var attributeType = start.Compilation.GetTypeByMetadataName(AttributeSource.AttributeMetadataName);
            if (attributeType is null) return;
            var specs = new ConcurrentDictionary<INamedTypeSymbol, EncodingSpec?>(SymbolEqualityComparer.Default);
            var configFiles = new AdditionalConfigFiles(start.Options.AdditionalFiles);
            start.RegisterSyntaxNodeAction(c => Analyze(c, attributeType, specs, configFiles), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, ConcurrentDictionary<INamedTypeSymbol, EncodingSpec?> specs, AdditionalConfigFiles configFiles)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        string? name = InvokedName(syntax);
        if (name is null || System.Array.IndexOf(Members.GeneratedMembers.Names, name) < 0)
            return;
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
            return;
        var method = invocation.TargetMethod;
        if (!method.IsStatic || System.Array.IndexOf(Members.GeneratedMembers.Names, method.Name) < 0)
            return;
        var spec = specs.GetOrAdd(method.ContainingType, t => SpecOf(t, attributeType, configFiles, context.CancellationToken));
        if (spec is null || CallRules.MemberOf(method, spec) is not { } member) return;

        foreach (var (argument, reason) in CallRules.Check(invocation, member, spec))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CallMustFail, argument.Syntax.GetLocation(),
                spec.Class.Name.TrimStart('@') + "." + method.Name, reason));
        }
    }

    // The spec the generator builds, ConfigFile values included (the same config files, read the same way).
    private static EncodingSpec? SpecOf(INamedTypeSymbol type, INamedTypeSymbol attributeType, AdditionalConfigFiles configFiles, System.Threading.CancellationToken cancellationToken)
    {
        if (DeclarationReader.FindAttribute(type, attributeType) is not { } attribute) return null;
        var declaration = DeclarationReader.Read(type, attribute, cancellationToken);
        var files = declaration.Arguments.Rotary.ConfigFile is { } name ? configFiles.Named(name, cancellationToken) : Parsing.Config.ConfigFileSet.Empty;
        return EncodingValidator.ToSpec(EncodingValidator.Check(declaration, files));
    }
}
