using System.Collections.Generic;
using PEGen.Model;
using PEGen.Parsing;
using static PEGen.Families.Grid2D.Grid2DFamily;

namespace PEGen.Families.Grid2D;

/// <summary>
/// The rules of <c>[PositionalEncoding2D]</c>, in a stable order: sizes (PEG002), Dim a multiple of 4, the extra
/// tokens, diffusers' BaseSize and InterpolationScale, Base (the 1-D rules' wording), Storage (PEG010), a row count
/// that fits MaxLen, float32 positions, then the data size against the budget (PEG006) and the hard cap (PEG007).
/// </summary>
internal static class Grid2DRules
{
    public static void Check(List<ValidationIssue> issues, Grid2DArguments args, long budgetBytes)
    {
        foreach (string name in args.Unreadable)
            issues.Add(Invalid(name, "not a constant", "it must be a constant"));

        bool dimOk = Positive(issues, args, nameof(args.Dim), args.Dim);
        bool heightOk = Positive(issues, args, nameof(args.GridHeight), args.GridHeight);
        bool widthOk = Positive(issues, args, nameof(args.GridWidth), args.GridWidth);
        if (dimOk && args.Dim!.Value % 4 != 0)
        {
            int dim = args.Dim.Value;
            int suggestion = dim > int.MaxValue - 3 ? dim / 4 * 4 : (dim + 3) / 4 * 4;
            issues.Add(Invalid(nameof(args.Dim), Format(dim),
                "a patch's row is the sin and cos of its column and of its row, Dim/4 frequencies each, so Dim must be a multiple of 4; use " +
                Format(suggestion)));
            dimOk = false;
        }

        bool extraOk = !args.IsUnreadable(nameof(args.ExtraTokens));
        if (extraOk && args.ExtraTokensOrDefault < 0)
        {
            issues.Add(Invalid(nameof(args.ExtraTokens), Format(args.ExtraTokensOrDefault),
                "it counts the zero rows before the patches (MAE's cls token is 1), so it must be 0 or more"));
            extraOk = false;
        }

        bool positionsOk = CheckBaseSize(issues, args);
        bool baseOk = CheckBase(issues, args);
        bool storageOk = CheckStorage(issues, args);

        if (!(dimOk && heightOk && widthOk && extraOk && storageOk)) return;
        int dimension = args.Dim!.Value, height = args.GridHeight!.Value, width = args.GridWidth!.Value;
        long rows = args.ExtraTokensOrDefault + (long)height * width;
        if (rows > int.MaxValue)
        {
            issues.Add(Invalid(nameof(args.GridWidth), Format(width),
                "ExtraTokens + GridHeight * GridWidth = " + Format(rows) + " rows, more than an int can index (MaxLen is an int); use a smaller grid"));
            return;
        }

        if (positionsOk && baseOk)
            CheckPositions(issues, args, height, width);
        CheckSize(issues, args.IsCompact, dimension, height, width, rows, budgetBytes);
    }

    private static bool Positive(List<ValidationIssue> issues, Grid2DArguments args, string name, int? value)
    {
        if (args.IsUnreadable(name)) return false;
        if (value is > 0) return true;
        issues.Add(EncodingValidator.Issue(DiagnosticIds.MissingDimension, name, name, value is null ? "missing" : Format(value.Value)));
        return false;
    }

    private static bool CheckBaseSize(List<ValidationIssue> issues, Grid2DArguments args)
    {
        bool ok = true;
        double baseSize = args.BaseSizeOrDefault;
        if (args.IsUnreadable(nameof(args.BaseSize)))
        {
            ok = false;
        }
        else if (double.IsNaN(baseSize) || double.IsInfinity(baseSize) || baseSize < 0)
        {
            issues.Add(Invalid(nameof(args.BaseSize), FormatReal(baseSize),
                "it must be 0 (positions are the patch indices) or diffusers' finite, positive base_size (positions j / (grid / BaseSize) / InterpolationScale)"));
            ok = false;
        }

        double scale = args.InterpolationScaleOrDefault;
        if (args.IsUnreadable(nameof(args.InterpolationScale)))
        {
            ok = false;
        }
        else if (double.IsNaN(scale) || double.IsInfinity(scale) || scale <= 0)
        {
            issues.Add(Invalid(nameof(args.InterpolationScale), FormatReal(scale),
                "it divides the positions, so it must be finite and greater than 0 (1 leaves them unscaled)"));
            ok = false;
        }
        else if (scale != 1 && ok && baseSize == 0)
        {
            issues.Add(Invalid(nameof(args.InterpolationScale), FormatReal(scale),
                "it scales diffusers' base-size positions and plain indices have none: set BaseSize (diffusers' base_size, e.g. 64 for PixArt-alpha at 1024 px) or remove InterpolationScale"));
            ok = false;
        }
        return ok;
    }

    // The 1-D rules' wording (Parsing.EncodingValidator.CheckBase).
    private static bool CheckBase(List<ValidationIssue> issues, Grid2DArguments args)
    {
        if (args.IsUnreadable(nameof(args.Base))) return false;
        double value = args.BaseOrDefault;
        if (double.IsNaN(value) || double.IsInfinity(value) || value <= 1)
        {
            issues.Add(Invalid(nameof(args.Base), FormatReal(value),
                "the frequencies Base^(-x) must decrease, so Base must be finite and greater than 1"));
            return false;
        }
        if (value > EncodingValidator.MaxBase)
        {
            issues.Add(Invalid(nameof(args.Base), FormatReal(value),
                "it is above 1e15: the slowest wavelength would be over 10^15 positions, far outside what any reference uses, and the float32 schemes cannot represent it"));
            return false;
        }
        return true;
    }

    // StorageRules' wording for an undefined value.
    private static bool CheckStorage(List<ValidationIssue> issues, Grid2DArguments args)
    {
        if (args.IsUnreadable(nameof(args.Storage))) return false;
        int value = args.Storage ?? 0;
        if (value == (int)TableStorageKind.Full || value == (int)TableStorageKind.Compact) return true;
        issues.Add(Invalid(nameof(args.Storage), Format(value), "not a member of TableStorage (Full = 0, Compact = 1)"));
        return false;
    }

    // diffusers' positions are float32: every one must be finite and at most 2^24 (beyond, neighbours share values).
    private static void CheckPositions(List<ValidationIssue> issues, Grid2DArguments args, int height, int width)
    {
        double baseSize = args.BaseSizeOrDefault;
        if (baseSize == 0) return;
        foreach (int grid in new[] { height, width })
        {
            double last = Grid2DTable.Position(grid - 1, grid, baseSize, args.InterpolationScaleOrDefault);
            if (double.IsNaN(last) || double.IsInfinity(last) || last > MaxPosition)
            {
                issues.Add(Invalid(nameof(args.BaseSize), FormatReal(baseSize),
                    "the last position (grid - 1) / (grid / BaseSize) / InterpolationScale is " + FormatReal(last) +
                    " in float32, and positions must be finite and at most 2^24 = 16777216; use a smaller BaseSize or a larger InterpolationScale"));
                return;
            }
        }
    }

    private static void CheckSize(List<ValidationIssue> issues, bool compact, int dim, int height, int width, long rows, long budgetBytes)
    {
        // Full: the whole [rows x Dim] table; Compact: the two factor tables, (GridHeight + GridWidth) rows of Dim/2.
        decimal bytes = compact ? (decimal)((long)height + width) * (dim / 2) * 4 : (decimal)rows * dim * 4;
        string shownWidth = compact ? Format(dim / 2) : Format(dim);
        string shownRows = compact ? "(" + Format(height) + " + " + Format(width) + ")" : Format(rows);
        string shown = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (bytes > EncodingValidator.HardCapBytes)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.TooLarge, null, shownWidth, shownRows, shown, Format(EncodingValidator.HardCapBytes),
                compact ? SizeRemedies.AlreadyCompactGrid : SizeRemedies.CompactOverCap));
        else if (bytes > budgetBytes)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.OverBudget, null, shownWidth, shownRows, shown, Format(budgetBytes),
                BuildCost.Describe((long)bytes), compact ? SizeRemedies.AlreadyCompactGrid : SizeRemedies.CompactOverBudget));
    }

    private static ValidationIssue Invalid(string name, string value, string why) =>
        EncodingValidator.Issue(DiagnosticIds.InvalidParameter, name, name, value, why);
}
