using PEGen.Model;

namespace PEGen.Families.Grid2D;

/// <summary>
/// The named arguments of <c>[PositionalEncoding2D]</c> as written (null when not set); properties whose value is not a
/// readable constant are listed in <see cref="Unreadable"/> (PEG010), never thrown.
/// </summary>
internal sealed record Grid2DArguments(
    int? Dim,
    int? GridHeight,
    int? GridWidth,
    int? ExtraTokens,
    double? BaseSize,
    double? InterpolationScale,
    double? Base,
    int? Storage,
    EquatableArray<string> Unreadable)
{
    public const double DefaultBase = 10000d;

    public int ExtraTokensOrDefault => ExtraTokens ?? 0;

    public double BaseSizeOrDefault => BaseSize ?? 0d;

    public double InterpolationScaleOrDefault => InterpolationScale ?? 1d;

    public double BaseOrDefault => Base ?? DefaultBase;

    /// <summary>Compact when Storage is <c>TableStorage.Compact</c> (an undefined value is PEG010 and reads as Full).</summary>
    public bool IsCompact => Storage == (int)TableStorageKind.Compact;

    public bool IsUnreadable(string property) => System.Linq.Enumerable.Contains(Unreadable, property);
}
