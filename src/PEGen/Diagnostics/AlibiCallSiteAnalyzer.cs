using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PEGen.Families;
using PEGen.Families.Alibi;
using static PEGen.Diagnostics.ConstantArguments;

namespace PEGen.Diagnostics;

/// <summary>
/// PEG011 for <c>AddBias</c> of <c>[AlibiBias]</c> classes: constant arguments that guarantee the exception the method
/// throws (keyCount outside [1, 2^24 + 1], a negative or too large startPosition, a scores length that is not whole
/// rows of Heads * keyCount, rows past position 2^24). The filter, the cache and the reporting are
/// <see cref="FamilyCallSiteAnalyzer{TShape}"/>'s.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlibiCallSiteAnalyzer : FamilyCallSiteAnalyzer<AlibiCallSiteAnalyzer.Shape>
{
    private const long MaxPosition = 16777216;

    /// <summary>The head count of a valid declaration.</summary>
    public sealed record Shape(int Heads);

    private protected override string AttributeMetadataName => AlibiAttributeSource.AttributeMetadataName;

    private protected override bool Checks(string methodName) => methodName == AlibiMembers.AddBias.Name;

    private protected override Shape? ShapeOf(INamedTypeSymbol type, AttributeData attribute, System.Threading.CancellationToken cancellationToken)
    {
        var family = AlibiFamily.Instance;
        var declaration = family.ReadDeclaration(type, attribute, cancellationToken);
        return FamilyValidator.Check(family, declaration).Exists(i => i.IsError) ? null : declaration.Arguments.Heads is { } heads ? new Shape(heads) : null;
    }

    private protected override IEnumerable<(IArgumentOperation Argument, string Reason)> Check(
        IInvocationOperation invocation, IMethodSymbol method, Shape shape)
    {
        bool generated = method.Parameters.Length == 3 && method.Parameters[0].Name == "scores" &&
                         method.Parameters[1].Name == "keyCount" && method.Parameters[2].Name == "startPosition";
        return generated ? Check(invocation, shape.Heads) : System.Array.Empty<(IArgumentOperation, string)>();
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
