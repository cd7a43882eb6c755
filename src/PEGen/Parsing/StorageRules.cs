using System.Collections.Generic;
using System.Globalization;
using PEGen.Emit.Compact;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Parsing;

/// <summary>
/// The rules of <c>Storage</c> (SPEC section 6): a defined <c>TableStorage</c>; <c>Compact</c> needs a table to compact
/// (not <c>NormalizedRange</c>) and a row the methods can compute on the stack. With <c>Linear</c> it changes nothing.
/// </summary>
internal static class StorageRules
{
    /// <summary>The storage a valid declaration gets (Full where Compact changes nothing), or null when a rule is broken.</summary>
    public static TableStorageKind? Check(List<ValidationIssue> issues, EncodingArguments args, SchemeDefinition scheme, bool dimOk)
    {
        // A compact row is Dim values (additive) or RotaryDim (rotary; 0 means Dim).
        int? rowValues = !dimOk ? null : scheme.Family == SchemeFamily.Rotary && args.Rotary.RotaryDim is > 0 and var r ? r : args.Dim;
        const string Name = nameof(EncodingArguments.Storage);
        if (System.Linq.Enumerable.Contains(args.Unreadable, Name))
        {
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, Name, Name, "not a constant", "use TableStorage.Full or TableStorage.Compact"));
            return null;
        }
        int value = args.Storage ?? 0;
        if (value != (int)TableStorageKind.Full && value != (int)TableStorageKind.Compact)
        {
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, Name, Name, value.ToString(CultureInfo.InvariantCulture),
                "not a member of TableStorage (Full = 0, Compact = 1)"));
            return null;
        }
        if (value == (int)TableStorageKind.Full) return TableStorageKind.Full;
        if (scheme.Family == SchemeFamily.Computed)
        {
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, Name, Name, "TableStorage.Compact",
                scheme.Kind + " has no table to store (its values depend on the sequence length); remove Storage"));
            return null;
        }
        if (Resolve(args, scheme) == TableStorageKind.Full) return TableStorageKind.Full;
        if (rowValues is > CompactEmitter.MaximumRowValues)
        {
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, Name, Name, "TableStorage.Compact",
                "a compact class computes each row on the stack, at most " + CompactEmitter.MaximumRowValues.ToString(CultureInfo.InvariantCulture) +
                " values (" + (scheme.Family == SchemeFamily.Rotary ? "RotaryDim" : "Dim") + " = " + rowValues.Value.ToString(CultureInfo.InvariantCulture) +
                "); use TableStorage.Full"));
            return null;
        }
        return TableStorageKind.Compact;
    }

    /// <summary>
    /// The storage a declaration that passed <see cref="Check"/> gets: Compact where asked for and there are frequencies
    /// to tabulate (Linear's small integers have none, so Compact changes nothing there).
    /// </summary>
    public static TableStorageKind Resolve(EncodingArguments args, SchemeDefinition scheme) =>
        args.Storage == (int)TableStorageKind.Compact && scheme.Family != SchemeFamily.Computed && scheme.HasFrequencies
            ? TableStorageKind.Compact
            : TableStorageKind.Full;
}
