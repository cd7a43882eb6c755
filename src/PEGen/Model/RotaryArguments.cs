namespace PEGen.Model;

/// <summary>
/// The rotary attribute arguments (SPEC section 5) as plain values; null means "not set in the declaration",
/// which is what lets a <c>ConfigFile</c> fill it (an explicit property wins).
/// </summary>
internal sealed record RotaryArguments
{
    public static readonly RotaryArguments Empty = new();

    public int? Scaling { get; init; }
    public double? Factor { get; init; }
    public int? OriginalMaxLen { get; init; }
    public double? LowFreqFactor { get; init; }
    public double? HighFreqFactor { get; init; }
    public double? BetaFast { get; init; }
    public double? BetaSlow { get; init; }
    public bool? Truncate { get; init; }
    public double? Mscale { get; init; }
    public double? MscaleAllDim { get; init; }
    public double? AttentionFactor { get; init; }
    public EquatableArray<double>? ShortFactors { get; init; }
    public EquatableArray<double>? LongFactors { get; init; }
    public int? RotaryDim { get; init; }
    public string? ConfigFile { get; init; }

    public const double DefaultLowFreqFactor = 1, DefaultHighFreqFactor = 4, DefaultBetaFast = 32, DefaultBetaSlow = 1;
}
