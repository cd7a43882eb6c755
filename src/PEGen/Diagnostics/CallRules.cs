using System.Collections.Generic;
using Microsoft.CodeAnalysis.Operations;
using PEGen.Model;
using static PEGen.Diagnostics.ConstantArguments;

namespace PEGen.Diagnostics;

/// <summary>
/// The run-time argument checks of the generated methods (SPEC section 3), evaluated on
/// constant arguments. Each finding names the argument the generated code would name.
/// </summary>
internal static class CallRules
{
    private static readonly string[] RowSpans = { "embeddings", "vectors", "tokenIds" };

    public static IEnumerable<(IArgumentOperation Argument, string Reason)> Check(IInvocationOperation invocation, EncodingSpec spec)
    {
        if (invocation.TargetMethod.Name == "Row")
        {
            var positionArgument = Find(invocation, "position");
            if (positionArgument is not null && Int(positionArgument, 0) is int position && (position < 0 || position >= spec.MaxLen))
                yield return (positionArgument, $"position = {Format(position)} is outside [0, MaxLen) = [0, {Format(spec.MaxLen)})");
            yield break;
        }

        var startArgument = Find(invocation, "startPosition");
        int? start = startArgument is null ? null : Int(startArgument, 0);
        if (startArgument is not null && start is < 0)
        {
            yield return (startArgument, $"startPosition = {Format(start.Value)} is negative");
            yield break;
        }

        var headsArgument = Find(invocation, "heads");
        int? heads = headsArgument is null ? 1 : Int(headsArgument, 1);
        if (headsArgument is not null && heads is <= 0)
        {
            yield return (headsArgument, $"heads = {Format(heads.Value)} must be at least 1");
            yield break;
        }

        // The input span decides the row count; tokenIds counts one row per id.
        IArgumentOperation? rowsArgument = null;
        foreach (var name in RowSpans)
        {
            rowsArgument = Find(invocation, name);
            if (rowsArgument is not null) break;
        }
        int? rows = null;
        int? inputLength = rowsArgument is null ? null : SpanLength(rowsArgument);
        if (rowsArgument is not null && inputLength is int length && heads is int h)
        {
            int rowWidth = rowsArgument.Parameter!.Name == "tokenIds" ? 1 : spec.Dim * h;
            if (length % rowWidth != 0)
            {
                yield return (rowsArgument, $"its length {Format(length)} is not a whole number of rows of {Format(rowWidth)} floats" +
                                            (h > 1 ? $" (heads x Dim = {Format(h)} x {Format(spec.Dim)})" : $" (Dim = {Format(spec.Dim)})"));
                yield break;
            }
            rows = length / rowWidth;
        }

        if (startArgument is not null && start is int s)
        {
            if (s > spec.MaxLen || (s == spec.MaxLen && rows is > 0))
            {
                yield return (startArgument, $"startPosition = {Format(s)} is not below MaxLen = {Format(spec.MaxLen)}");
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

        var destinationArgument = Find(invocation, "destination");
        if (destinationArgument is not null && SpanLength(destinationArgument) is int destinationLength
            && invocation.TargetMethod.Name is "Add" or "Rotate" && inputLength is int needed && destinationLength < needed)
        {
            yield return (destinationArgument, $"destination holds {Format(destinationLength)} floats but needs {Format(needed)}");
        }
    }
}
