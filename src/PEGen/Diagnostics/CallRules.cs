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

    public static IEnumerable<(IArgumentOperation Argument, string Reason)> Check(IInvocationOperation invocation, GeneratedMember member, EncodingSpec spec) =>
        Check(invocation, member, new CallShape(spec.Dim, spec.MaxLen, spec.Rotary.RotaryDim / 2, spec.Rotary.OriginalMaxLen));

    /// <summary>The checks of a member of any family whose rows are <see cref="CallShape.Dim"/> wide and <see cref="CallShape.MaxLen"/> long.</summary>
    public static IEnumerable<(IArgumentOperation Argument, string Reason)> Check(IInvocationOperation invocation, GeneratedMember member, CallShape spec)
    {
        IArgumentOperation? Argument(ParameterRole role) => member.Find(role) is { } p ? Find(invocation, p.Name) : null;
        int? Value(IArgumentOperation? argument, ParameterRole role) =>
            argument is null ? null : Int(argument, int.TryParse(member.Find(role)!.Default, out int d) ? d : 0);

        if (Argument(ParameterRole.Position) is { } positionArgument)
        {
            if (Value(positionArgument, ParameterRole.Position) is int position && (position < 0 || position >= spec.MaxLen))
                yield return (positionArgument, $"{member.Find(ParameterRole.Position)!.Name} = {Format(position)} is outside [0, MaxLen) = [0, {Format(spec.MaxLen)})");
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
            yield return (headsArgument!, $"{member.Find(ParameterRole.Heads)!.Name} = {Format(heads.Value)} must be at least 1");
            yield break;
        }

        var keyHeadsArgument = Argument(ParameterRole.KeyHeads);
        int? keyHeads = Value(keyHeadsArgument, ParameterRole.KeyHeads);
        if (keyHeads is <= 0)
        {
            yield return (keyHeadsArgument!, $"keyHeads = {Format(keyHeads.Value)} must be at least 1");
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
            RowWidth.HalfRotaryDim => spec.HalfRotaryDim,
            _ => null,
        };
        int? rows = null;
        if (inputLength is int length && rowWidth is int width)
        {
            if (length % width != 0)
            {
                yield return (rowsArgument!, $"its length {Format(length)} is not a whole number of rows of {Format(width)} floats ({DescribeWidth(member, member.Width, heads, embeddingDim, spec)})");
                yield break;
            }
            rows = length / width;
        }

        // The positions overloads: exactly one row of heads x Dim per position, each position below MaxLen.
        if (Argument(ParameterRole.Positions) is { } positionsArgument)
        {
            if (SpanLength(positionsArgument) is int count && inputLength is int total && rowWidth is int perRow && (long)count * perRow != total)
            {
                yield return (rowsArgument!, $"its length {Format(total)} is not positions.Length x heads x Dim = {Format(count)} x {Format(perRow)}");
                yield break;
            }
            if (ConstantPositions(positionsArgument) is { } positions)
            {
                for (int i = 0; i < positions.Length; i++)
                {
                    if (positions[i] is int p && (p < 0 || p >= spec.MaxLen))
                    {
                        yield return (positionsArgument, $"positions[{Format(i)}] = {Format(p)} is outside [0, MaxLen) = [0, {Format(spec.MaxLen)})");
                        yield break;
                    }
                }
            }
        }

        // RotateQueryKey: the keys are whole rows of keyHeads x Dim, as many as the queries.
        if (Argument(ParameterRole.KeyRows) is { } keysArgument && SpanLength(keysArgument) is int keyLength && keyHeads is int kh)
        {
            long keyWidth = (long)kh * spec.Dim;
            if (keyLength % keyWidth != 0)
            {
                yield return (keysArgument, $"its length {Format(keyLength)} is not a whole number of rows of {keyWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)} floats (keyHeads x Dim = {Format(kh)} x {Format(spec.Dim)})");
                yield break;
            }
            if (rows is int queryRows && keyLength / keyWidth != queryRows)
            {
                yield return (keysArgument, $"it holds {(keyLength / keyWidth).ToString(System.Globalization.CultureInfo.InvariantCulture)} rows of keyHeads x Dim but the queries {Format(queryRows)}");
                yield break;
            }
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

        // LongRopeFactors: a defined value, and Short only where the short tables reach.
        if (Argument(ParameterRole.Factors) is { } factorsArgument && Int(factorsArgument, 0) is int factors)
        {
            if (factors is < 0 or > 2)
            {
                yield return (factorsArgument, $"factors = {Format(factors)} is not a LongRopeFactors value (Auto, Short, Long)");
                yield break;
            }
            if (factors == 1 && start is int s0 && rows is int r0 && (long)s0 + r0 > spec.OriginalMaxLen)
            {
                yield return (startArgument!, $"with LongRopeFactors.Short, startPosition + rows = {((long)s0 + r0).ToString(System.Globalization.CultureInfo.InvariantCulture)} is past OriginalMaxLen = {Format(spec.OriginalMaxLen)}");
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

    // The elements of `new int[] { ... }` (null where one is not a constant), or null for any other span.
    private static int?[]? ConstantPositions(IArgumentOperation argument)
    {
        IOperation value = argument.Value;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (value is IArrayCreationOperation { Initializer: { } initializer })
            return initializer.ElementValues.Select(e => e.ConstantValue is { HasValue: true, Value: int v } ? v : (int?)null).ToArray();
        return null;
    }

    private static string DescribeWidth(GeneratedMember member, RowWidth width, int? heads, int? embeddingDim, CallShape spec) => width switch
    {
        RowWidth.HeadsTimesDim when heads > 1 => $"{(member.Find(ParameterRole.Heads)?.Name ?? "heads")} x Dim = {Format(heads!.Value)} x {Format(spec.Dim)}",
        RowWidth.EmbeddingDim => $"embeddingDim = {Format(embeddingDim!.Value)}",
        RowWidth.HalfRotaryDim => $"RotaryDim / 2 = {Format(spec.HalfRotaryDim)}",
        _ => $"Dim = {Format(spec.Dim)}",
    };
}

/// <summary>What the argument checks of <see cref="CallRules"/> need to know of a class.</summary>
/// <param name="Dim">Values per row.</param>
/// <param name="MaxLen">Rows (positions) of the table.</param>
/// <param name="HalfRotaryDim">RotaryDim / 2 (rotary classes' Cos and Sin rows).</param>
/// <param name="OriginalMaxLen">LongRoPE's switch to the long tables.</param>
internal sealed record CallShape(int Dim, int MaxLen, int HalfRotaryDim, int OriginalMaxLen);
