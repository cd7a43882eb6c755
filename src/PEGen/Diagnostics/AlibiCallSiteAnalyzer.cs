using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PEGen.Families;
using PEGen.Families.Alibi;
using static PEGen.Diagnostics.ConstantArguments;

namespace PEGen.Diagnostics;

/// <summary>
/// PEG011 for <c>AddBias</c> of <c>[AlibiBias]</c> classes: constant arguments that guarantee the exception the method
/// throws (keyCount outside [1, 2^24 + 1], a negative or too large startPosition, a scores length that is not whole
/// rows of Heads * keyCount, rows past position 2^24). A syntax filter on the name runs first, as in
/// <see cref="CallSiteAnalyzer"/>; each class's head count is read once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlibiCallSiteAnalyzer : DiagnosticAnalyzer
{
    private const long MaxPosition = 16777216;

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
            var attributeType = start.Compilation.GetTypeByMetadataName(AlibiAttributeSource.AttributeMetadataName);
            if (attributeType is null) return;
            var heads = new ConcurrentDictionary<INamedTypeSymbol, int?>(SymbolEqualityComparer.Default);
            start.RegisterSyntaxNodeAction(c => Analyze(c, attributeType, heads), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, ConcurrentDictionary<INamedTypeSymbol, int?> headsOf)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        string? name = InvokedName(syntax);
        if (name != AlibiMembers.AddBias.Name)
            return;
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
            return;
        var method = invocation.TargetMethod;
        if (!method.IsStatic || method.Name != AlibiMembers.AddBias.Name || method.Parameters.Length != 3 ||
            method.Parameters[0].Name != "scores" || method.Parameters[1].Name != "keyCount" || method.Parameters[2].Name != "startPosition")
            return;
        if (headsOf.GetOrAdd(method.ContainingType, t => HeadsOf(t, attributeType, context.CancellationToken)) is not { } heads)
            return;

        foreach (var (argument, reason) in Check(invocation, heads))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CallMustFail, argument.Syntax.GetLocation(),
                method.ContainingType.Name + "." + method.Name, reason));
        }
    }

    // The head count of a valid declaration (the one the generator built), else null.
    private static int? HeadsOf(INamedTypeSymbol type, INamedTypeSymbol attributeType, System.Threading.CancellationToken cancellationToken)
    {
        if (Parsing.DeclarationReader.FindAttribute(type, attributeType) is not { } attribute) return null;
        var family = AlibiFamily.Instance;
        var declaration = family.ReadDeclaration(type, attribute, cancellationToken);
        var issues = FamilyValidator.Check(family, declaration);
        return issues.Exists(i => i.IsError) ? null : declaration.Arguments.Heads;
    }

    /// <summary>The arguments that make the call throw, with why (the method's own checks, in its order).</summary>
    internal static IEnumerable<(IArgumentOperation Argument, string Reason)> Check(IInvocationOperation invocation, int heads)
    {
        var scoresArgument = Find(invocation, "scores");
        var keyArgument = Find(invocation, "keyCount");
        var startArgument = Find(invocation, "startPosition");
        int? keyCount = keyArgument is null ? null : Int(keyArgument, 0);
        if (keyCount is { } k && (k < 1 || k > MaxPosition + 1))
        {
            yield return (keyArgument!, "keyCount = " + Format(k) + " is outside [1, 16777217]");
            yield break;
        }
        int? length = scoresArgument is null ? null : SpanLength(scoresArgument);
        long? rows = null;
        if (keyCount is { } keys && length is { } n)
        {
            long block = (long)heads * keys;
            if (n % block != 0)
            {
                yield return (scoresArgument!, "scores has " + Format(n) + " values, not a multiple of Heads * keyCount = " +
                                               block.ToString(System.Globalization.CultureInfo.InvariantCulture));
                yield break;
            }
            rows = n / block;
        }
        int? start = startArgument is null ? null : Int(startArgument, 0);
        if (start is { } s)
        {
            if (s < 0 || s > MaxPosition)
                yield return (startArgument!, "startPosition = " + Format(s) + " is outside [0, 16777216]");
            else if (rows is { } r && r > 0 && s + r - 1 > MaxPosition)
                yield return (startArgument!, "the last query position startPosition + rows - 1 = " +
                                              (s + r - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " is past 16777216");
        }
    }
}
