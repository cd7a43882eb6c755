using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PEGen.Model;
using PEGen.Parsing.Config;
using PEGen.Schemes;

namespace PEGen.Parsing;

/// <summary>
/// The one place that decides whether an annotated class is valid. The generator and the analyzers
/// both call it, so they can never disagree. Scheme-specific rules come from the scheme's
/// <see cref="SchemeDefinition"/>, the rotary properties' from <see cref="RotaryRules"/>, a ConfigFile's
/// values from <see cref="ConfigResolver"/>; this file only applies them.
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

    /// <summary>What validation found: the declaration as the rules saw it (ConfigFile values filled) and the issues.</summary>
    /// <param name="Declaration">The resolved declaration; <see cref="ToSpec(Validation)"/> builds from it.</param>
    /// <param name="Issues">The issues, in a stable order.</param>
    public sealed record Validation(ParsedDeclaration Declaration, List<ValidationIssue> Issues);

    /// <summary>Checks every rule without config files (a <c>ConfigFile</c> then matches nothing); returns the issues in a stable order.</summary>
    public static List<ValidationIssue> Validate(ParsedDeclaration declaration, long budgetBytes = DefaultBudgetBytes) =>
        Check(declaration, ConfigFileSet.Empty, budgetBytes).Issues;

    /// <summary>
    /// Resolves a <c>ConfigFile</c> against <paramref name="configFiles"/> (the additional files some ConfigFile
    /// names), then checks every rule on the result.
    /// </summary>
    public static Validation Check(ParsedDeclaration declaration, ConfigFileSet configFiles, long budgetBytes = DefaultBudgetBytes)
    {
        var resolution = ConfigResolver.Resolve(declaration, configFiles);
        var issues = resolution.Merge(CheckRules(resolution.Declaration, budgetBytes));
        return new Validation(resolution.Declaration, issues);
    }

    private static List<ValidationIssue> CheckRules(ParsedDeclaration declaration, long budgetBytes)
    {
        var issues = new List<ValidationIssue>();
        var facts = declaration.Facts;
        var args = declaration.Arguments;

        if (facts.NotPartial.Count > 0)
            issues.Add(Issue(DiagnosticIds.NotPartial, null, string.Join(", ", facts.NotPartial)));
        if (facts.Unsupported is { } reason)
            issues.Add(Issue(DiagnosticIds.Unsupported, null, reason));
        if (Families.PEGenAttributes.Conflict(facts, "PositionalEncoding") is { } conflict)
            issues.Add(conflict);

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
        bool baseOk = CheckBase(issues, args, scheme);
        CheckPadding(issues, args, scheme, maxLenOk);
        if (dimOk) CheckDimension(issues, args.Dim!.Value, scheme);
        if (maxLenOk) CheckFloat32Positions(issues, args.MaxLen!.Value, scheme);
        bool rotaryOk = RotaryRules.Check(issues, args, scheme, dimOk, maxLenOk);
        var storage = StorageRules.Check(issues, args, scheme, dimOk);

        if (scheme.NaiveWarningId is { } naive)
            issues.Add(Issue(naive, nameof(args.Scheme)));

        // The rotary spec only when its properties are valid (else its arrays may not even fit the width).
        var rotary = dimOk && rotaryOk && scheme.Family == SchemeFamily.Rotary ? RotarySpecReader.Read(args) : null;

        if (dimOk && maxLenOk && scheme.Family != SchemeFamily.Computed)
            CheckSize(issues, args.Dim!.Value, args.MaxLen!.Value, scheme, rotary, budgetBytes, storage == TableStorageKind.Compact);

        // Past the hard cap the size is the problem worth reporting; nothing is generated anyway.
        if (dimOk && maxLenOk && baseOk && rotaryOk && !issues.Any(i => i.Id == DiagnosticIds.TooLarge))
            CheckWavelength(issues, args.Dim!.Value, args.MaxLen!.Value, scheme, args.Base ?? EncodingArguments.DefaultBase, rotary);

        return issues;
    }

    /// <summary>The model the emitter needs for a checked declaration, or null when any rule is broken with an error.</summary>
    public static EncodingSpec? ToSpec(Validation validation) => ToSpec(validation.Declaration, validation.Issues);

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
            Storage = StorageRules.Resolve(args, SchemeCatalog.Get(ReadScheme(args)!.Value)),
        };
    }

    private static bool CheckPositive(List<ValidationIssue> issues, string name, int? value)
    {
        if (value is > 0) return true;
        issues.Add(Issue(DiagnosticIds.MissingDimension, name, name, value is null ? "missing" : Format(value)));
        return false;
    }

    private static bool CheckBase(List<ValidationIssue> issues, EncodingArguments args, SchemeDefinition scheme)
    {
        int before = issues.Count;
        if (args.Unreadable.Contains(nameof(args.Base)))
        {
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(args.Base), "Base", "not a constant", "it must be a finite constant greater than 1"));
            return false;
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
        return issues.Count == before;
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

    // The float32-order schemes compute p (and p * theta) in float32, as their references do.
    private static void CheckFloat32Positions(List<ValidationIssue> issues, int maxLen, SchemeDefinition scheme)
    {
        if (scheme.Arithmetic == Arithmetic.Float32Steps && maxLen > RotaryRules.MaxFloat32Position)
            issues.Add(Issue(DiagnosticIds.InvalidParameter, nameof(EncodingArguments.MaxLen), "MaxLen", Format(maxLen),
                "this scheme computes positions in float32 as its reference does, and positions past 2^24 = 16777216 are not exact float32 values (p and p + 1 would share angles); use at most 16777216"));
    }

    private static void CheckSize(List<ValidationIssue> issues, int dim, int maxLen, SchemeDefinition scheme, RotarySpec? rotary, long budgetBytes,
        bool compact)
    {
        // The spec's own shape: a rotary row is RotaryDim floats (Cos and Sin), LongRoPE adds the short tables.
        var shape = compact ? Schemes.Compact.CompactShape.Of(scheme, dim, maxLen, rotary) : scheme.Shape(dim, maxLen, rotary);
        decimal bytes = shape.Bytes;
        string shown = bytes.ToString(CultureInfo.InvariantCulture);
        string width = Format(rotary?.RotaryDim ?? dim);
        string rows = rotary is { IsLongRope: true }
            ? "(" + Format(maxLen) + " + " + Format(System.Math.Min(maxLen, rotary.OriginalMaxLen)) + ")"
            : Format(maxLen);
        if (bytes > HardCapBytes)
            issues.Add(Issue(DiagnosticIds.TooLarge, null, width, rows, shown, Format(HardCapBytes),
                compact ? SizeRemedies.AlreadyCompact : SizeRemedies.CompactOverCap));
        else if (bytes > budgetBytes)
            issues.Add(Issue(DiagnosticIds.OverBudget, null, width, rows, shown, Format(budgetBytes),
                BuildCost.Describe((long)bytes), compact ? SizeRemedies.AlreadyCompact : SizeRemedies.CompactOverBudget));
    }

    private static void CheckWavelength(List<ValidationIssue> issues, int dim, int maxLen, SchemeDefinition scheme, double @base, RotarySpec? rotary)
    {
        double? slowest = rotary is not null ? Wavelength.SlowestRotary(@base, rotary) : Wavelength.Slowest(scheme, dim, @base);
        if (slowest is { } wavelength && maxLen > wavelength)
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
