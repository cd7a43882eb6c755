using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PEGen.Members;
using PEGen.Model;
using static PEGen.Diagnostics.ConstantArguments;

namespace PEGen.Diagnostics;

/// <summary>
/// The run-time argument checks of the generated methods, evaluated on constant arguments. The rules
/// come from the member's <see cref="GeneratedMember"/> (which parameter gives the rows, how wide a row
/// is, how long the destination must be); each finding names the argument the generated code would name.
/// </summary>
internal static class CallRules
{
    /// <summary>The generated member an invocation calls, matched by name and parameter types.</summary>
    public static GeneratedMember? MemberOf(IMethodSymbol method, EncodingSpec spec) =>
        GeneratedMembers.For(spec).FirstOrDefault(m =>
            m.Kind == MemberKind.Method && m.Name == method.Name && m.Parameters.Length == method.Parameters.Length &&
            m.Parameters.Select(p => ParameterTypeText.Key(p.Type, spec.Element))
                .SequenceEqual(method.Parameters.Select(p => p.Type.ToDisplayString(ParameterTypeText.KeyFormat))));

    public static IEnumerable<(IArgumentOperation Argument, string Reason)> Check(IInvocationOperation invocation, GeneratedMember member, EncodingSpec spec)
    {
        IArgumentOperation? Argument(ParameterRole role) => member.Find(role) is { } p ? Find(invocation, p.Name) : null;
        int? Value(IArgumentOperation? argument, ParameterRole role) =>
            argument is null ? null : Int(argument, int.TryParse(member.Find(role)!.Default, out int d) ? d : 0);

        if (Argument(ParameterRole.Position) is { } positionArgument)
        {
            if (Value(positionArgument, ParameterRole.Position) is int position && (position < 0 || position >= spec.MaxLen))
                yield return (positionArgument, $"position = {Format(position)} is outside [0, MaxLen) = [0, {Format(spec.MaxLen)})");
            yield break;
        }

        var startArgument = Argument(ParameterRole.StartPosition);
        int? start = Value(startArgument, ParameterRole.StartPosition);
        if (start is < 0)
        {
            yield return (startArgument!, $"startPosition = {Format(start.Value)} is negative");
            yield break;
        }

        var headsArgument = Argument(ParameterRole.Heads);
        int? heads = headsArgument is null ? 1 : Value(headsArgument, ParameterRole.Heads);
        if (heads is <= 0)
        {
            yield return (headsArgument!, $"heads = {Format(heads.Value)} must be at least 1");
            yield break;
        }

        var embeddingDimArgument = Argument(ParameterRole.EmbeddingDim);
        int? embeddingDim = Value(embeddingDimArgument, ParameterRole.EmbeddingDim);
        if (embeddingDim is <= 0)
        {
            yield return (embeddingDimArgument!, $"embeddingDim = {Format(embeddingDim.Value)} must be greater than 0");
            yield break;
        }

        if (Argument(ParameterRole.Vocabulary) is { } vocabularyArgument && SpanLength(vocabularyArgument) is int vocabularyLength
            && vocabularyLength % spec.Dim != 0)
        {
            yield return (vocabularyArgument, $"its length {Format(vocabularyLength)} is not a whole number of rows of {Format(spec.Dim)} floats (Dim = {Format(spec.Dim)})");
            yield break;
        }

        // The input span decides the row count.
        var rowsArgument = Argument(ParameterRole.Rows);
        int? inputLength = rowsArgument is null ? null : SpanLength(rowsArgument);
        int? rowWidth = member.Width switch
        {
            RowWidth.Dim => spec.Dim,
            RowWidth.HeadsTimesDim => heads * spec.Dim,
            RowWidth.EmbeddingDim => embeddingDim,
            RowWidth.One => 1,
            _ => null,
        };
        int? rows = null;
        if (inputLength is int length && rowWidth is int width)
        {
            if (length % width != 0)
            {
                yield return (rowsArgument!, $"its length {Format(length)} is not a whole number of rows of {Format(width)} floats ({DescribeWidth(member.Width, heads, embeddingDim, spec)})");
                yield break;
            }
            rows = length / width;
        }

        if (member.PositionsBounded)
        {
            if (start is int s)
            {
                if (s > spec.MaxLen || (s == spec.MaxLen && rows is > 0))
                {
                    yield return (startArgument!, $"startPosition = {Format(s)} is not below MaxLen = {Format(spec.MaxLen)}");
                    yield break;
                }
                if (rows is int r && r > spec.MaxLen - s)
                {
                    yield return (rowsArgument!, $"{Format(r)} rows starting at position {Format(s)} run past MaxLen = {Format(spec.MaxLen)}");
                    yield break;
                }
            }
            else if (rows is int r && r > spec.MaxLen)
            {
                // Whatever the start, more rows than positions cannot fit.
                yield return (rowsArgument!, $"{Format(r)} rows are more than MaxLen = {Format(spec.MaxLen)} positions");
                yield break;
            }
        }

        long? needed = member.Destination switch
        {
            DestinationRule.InputLength => inputLength,
            DestinationRule.RowsTimesDim => rows * (long)spec.Dim,
            DestinationRule.RowsTimesEmbeddingDimPlusDim => rows * ((long?)embeddingDim + spec.Dim),
            _ => null,
        };
        if (needed is long n && Argument(ParameterRole.Destination) is { } destinationArgument
            && SpanLength(destinationArgument) is int destinationLength && destinationLength < n)
        {
            yield return (destinationArgument, $"destination holds {Format(destinationLength)} floats but needs {n.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private static string DescribeWidth(RowWidth width, int? heads, int? embeddingDim, EncodingSpec spec) => width switch
    {
        RowWidth.HeadsTimesDim when heads > 1 => $"heads x Dim = {Format(heads!.Value)} x {Format(spec.Dim)}",
        RowWidth.EmbeddingDim => $"embeddingDim = {Format(embeddingDim!.Value)}",
        _ => $"Dim = {Format(spec.Dim)}",
    };
}
