using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PEGen.Families.Timestep;
using static PEGen.Diagnostics.ConstantArguments;

namespace PEGen.Diagnostics;

/// <summary>
/// PEG011 for <c>[TimestepEmbedding]</c> classes: <c>Row</c> with a constant timestep outside [0, Steps), <c>Encode</c> with a
/// constant NaN or infinite timestep, or a destination whose known length is shorter than Dim (or timesteps x Dim). The
/// filter (Row or Encode), the cache and the reporting are <see cref="FamilyCallSiteAnalyzer{TShape}"/>'s.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimestepCallSiteAnalyzer : FamilyCallSiteAnalyzer<TimestepCallSiteAnalyzer.Shape>
{
    /// <summary>Dim and Steps of a valid declaration.</summary>
    public sealed record Shape(int Dim, int Steps);

    private protected override string AttributeMetadataName => TimestepAttributeSource.AttributeMetadataName;

    private protected override bool Checks(string methodName) => methodName is "Row" or "Encode";

    private protected override Shape? ShapeOf(INamedTypeSymbol type, AttributeData attribute, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var issue in TimestepFamily.Instance.Validate(type, attribute, Parsing.EncodingValidator.HardCapBytes, cancellationToken))
        {
            if (issue.IsError) return null;
        }
        var arguments = TimestepFamily.Instance.Read(attribute);
        return new Shape(arguments.Dim!.Value, arguments.Steps!.Value);
    }

    private protected override IEnumerable<(IArgumentOperation Argument, string Reason)> Check(
        IInvocationOperation invocation, IMethodSymbol method, Shape shape) =>
        IsGenerated(method) ? Check(invocation, method, shape.Dim, shape.Steps) : System.Array.Empty<(IArgumentOperation, string)>();

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
