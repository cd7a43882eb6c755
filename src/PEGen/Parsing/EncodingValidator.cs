using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Parsing;

/// <summary>
/// The one place that decides whether an annotated class is valid. The generator and the analyzers
/// both call it, so they can never disagree. Scheme-specific rules come from the scheme's
/// <see cref="SchemeDefinition"/>; this file only applies them.
/// </summary>
internal static class EncodingValidator
{
    /// <summary>Default PEG006 budget: 16 MiB of table data.</summary>
    public const long DefaultBudgetBytes = 16L * 1024 * 1024;

    /// <summary>
    /// PEG007 hard cap: 64 MiB (16M floats). Past this the generated source alone would be
    /// hundreds of megabytes and the IDE would stall, so nothing is built.
    /// </summary>
    public const long HardCapBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Largest accepted Base. Real models use up to ~1e8 (long-context RoPE theta); the cap keeps
    /// every frequency inside the fast exact path and inside float32 for the float32 schemes.
    /// </summary>
    public const double MaxBase = 1e15;

    /// <summary>The scheme a declaration asks for (Vaswani when unset), or null when it is not a known member.</summary>
    public static SchemeKind? ReadScheme(EncodingArguments args)
    {
        if (args.Unreadable.Contains(nameof(args.Scheme))) return null;
        int value = args.Scheme ?? (int)SchemeKind.Vaswani;
        return Enum.IsDefined(typeof(SchemeKind), value) && SchemeCatalog.Has((SchemeKind)value) ? (SchemeKind)value : null;
    }

    /// <summary>Checks every rule; returns the issues in a stable order.</summary>
    public static List<ValidationIssue> Validate(ParsedDeclaration declaration, long budgetBytes = DefaultBudgetBytes)
    {
        var issues = new List<ValidationIssue>();
        var facts = declaration.Facts;
        var args = declaration.Arguments;

        if (facts.NotPartial.Count > 0)
            issues.Add(Issue(DiagnosticIds.NotPartial, null, string.Join(", ", facts.NotPartial)));
        if (facts.Unsupported is { } reason)
            issues.Add(Issue(DiagnosticIds.Unsupported, null, reason));

        bool dimOk = CheckPositive(issues, nameof(args.Dim), args.Dim);
        bool maxLenOk = CheckPositive(issues, nameof(args.MaxLen), args.MaxLen);

        var kind = ReadScheme(args);
        if (kind is null)
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.Scheme), "Scheme", Format(args.Scheme), "not a member of EncodingScheme"));
            return issues;
        }
        var scheme = SchemeCatalog.Get(kind.Value);

        MemberConflicts.Check(issues, facts, scheme, args);
        CheckBase(issues, args, scheme);
        CheckPadding(issues, args, scheme, maxLenOk);
        if (dimOk) CheckDimension(issues, args.Dim!.Value, scheme);

        if (scheme.NaiveWarningId is { } naive)
            issues.Add(Issue(naive, nameof(args.Scheme)));

        if (dimOk && maxLenOk && scheme.Family != SchemeFamily.Computed)
            CheckSize(issues, args.Dim!.Value, args.MaxLen!.Value, scheme.Shape(args.Dim!.Value, args.MaxLen!.Value), budgetBytes);

        // Past the hard cap the size is the problem worth reporting; nothing is generated anyway.
        if (dimOk && maxLenOk && !issues.Any(i => i.Id == DiagnosticIds.TooLarge ||
                                                   (i.Id == DiagnosticIds.InvalidParameter && i.Argument == nameof(args.Base))))
            CheckWavelength(issues, args.Dim!.Value, args.MaxLen!.Value, scheme, args.Base ?? EncodingArguments.DefaultBase);

        return issues;
    }

    /// <summary>The model the emitter needs, or null when any rule is broken with an error.</summary>
    public static EncodingSpec? ToSpec(ParsedDeclaration declaration, IReadOnlyList<ValidationIssue> issues)
    {
        foreach (var issue in issues)
        {
            if (issue.IsError) return null;
        }

        var args = declaration.Arguments;
        return new EncodingSpec(
            declaration.Namespace,
            declaration.Types,
            declaration.MetadataName,
            ReadScheme(args)!.Value,
            args.Dim!.Value,
            args.MaxLen!.Value,
            args.Base ?? EncodingArguments.DefaultBase,
            args.PaddingIndex ?? EncodingArguments.NoPadding)
        {
            RotaryParameters = RotarySpecReader.Read(args),
        };
    }

    private static bool CheckPositive(List<ValidationIssue> issues, string name, int? value)
    {
        if (value is > 0) return true;
        issues.Add(Issue(DiagnosticIds.MissingDimension, name, name, value is null ? "missing" : Format(value)));
        return false;
    }

    private static void CheckBase(List<ValidationIssue> issues, EncodingArguments args, SchemeDefinition scheme)
    {
        if (args.Unreadable.Contains(nameof(args.Base)))
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.Base), "Base", "not a constant", "it must be a finite constant greater than 1"));
            return;
        }
        double value = args.Base ?? EncodingArguments.DefaultBase;
        if (double.IsNaN(value) || double.IsInfinity(value) || value <= 1)
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.Base), "Base", FormatReal(value),
                "the frequencies Base^(-x) must decrease, so Base must be finite and greater than 1"));
        }
        else if (value > MaxBase)
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.Base), "Base", FormatReal(value),
                "it is above 1e15: the slowest wavelength would be over 10^15 positions, far outside what any reference uses, and the float32 schemes cannot represent it"));
        }
        else if (args.Base is not null && value != EncodingArguments.DefaultBase && (scheme.FixedBaseReason is not null || !scheme.HasFrequencies))
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.Base), "Base", FormatReal(value),
                scheme.FixedBaseReason ?? "this scheme has no frequencies; remove Base"));
        }
    }

    private static void CheckPadding(List<ValidationIssue> issues, EncodingArguments args, SchemeDefinition scheme, bool maxLenOk)
    {
        if (args.Unreadable.Contains(nameof(args.PaddingIndex)))
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.PaddingIndex), "PaddingIndex", "not a constant", "it must be a constant"));
            return;
        }
        int padding = args.PaddingIndex ?? EncodingArguments.NoPadding;
        if (padding == EncodingArguments.NoPadding) return;
        if (!scheme.HasPaddingRow)
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.PaddingIndex), "PaddingIndex", Format(padding),
                "only the Fairseq scheme has a padding row; remove PaddingIndex or use EncodingScheme.Fairseq"));
        }
        else if (padding < 0 || (maxLenOk && padding >= args.MaxLen!.Value))
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.PaddingIndex), "PaddingIndex", Format(padding),
                "it must be a row of the table, in [0, MaxLen), or -1 for none"));
        }
    }

    private static void CheckDimension(List<ValidationIssue> issues, int dim, SchemeDefinition scheme)
    {
        if (scheme.MinimumDim is { } minimum && dim < minimum.Dim)
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, "Dim", "Dim", Format(dim), minimum.Reason));
            return;
        }
        if (dim % 2 == 0) return;

        switch (scheme.OddDimension)
        {
            case OddDimension.Rejected:
                issues.Add(Issue(DiagnosticIds.InvalidParameter, "Dim", "Dim", Format(dim),
                    "this scheme needs sin/cos pairs and its reference rejects an odd Dim; use " + Format(NextEven(dim))));
                break;
            case OddDimension.ExtraSine:
            case OddDimension.ZeroColumn:
                issues.Add(Issue(DiagnosticIds.OddDimension, "Dim", Format(dim), Format(NextEven(dim))));
                break;
        }
    }

    private static void CheckSize(List<ValidationIssue> issues, int dim, int maxLen, TableShape shape, long budgetBytes)
    {
        decimal bytes = shape.Bytes;
        string shown = bytes.ToString(CultureInfo.InvariantCulture);
        if (bytes > HardCapBytes)
            issues.Add(Issue(DiagnosticIds.TooLarge, null, Format(dim), Format(maxLen), shown, Format(HardCapBytes)));
        else if (bytes > budgetBytes)
            issues.Add(Issue(DiagnosticIds.OverBudget, null, Format(dim), Format(maxLen), shown, Format(budgetBytes),
                BuildCost.Describe((long)bytes)));
    }

    private static void CheckWavelength(List<ValidationIssue> issues, int dim, int maxLen, SchemeDefinition scheme, double @base)
    {
        if (Wavelength.Slowest(scheme, dim, @base) is { } wavelength && maxLen > wavelength)
            issues.Add(Issue(DiagnosticIds.PositionsRepeat, nameof(EncodingArguments.MaxLen), Format(maxLen),
                wavelength.ToString("0.#", CultureInfo.InvariantCulture)));
    }

    /// <summary>The even Dim to suggest for an odd one (rounding down only at int.MaxValue).</summary>
    public static int NextEven(int odd) => odd == int.MaxValue ? odd - 1 : odd + 1;

    internal static ValidationIssue Issue(string id, string? argument, params string[] messageArguments) =>
        new(id, argument, new EquatableArray<string>(messageArguments));

    private static string Format(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "missing";

    private static string FormatReal(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
