using PEGen.Model;

namespace PEGen.Families.Timestep;

/// <summary>
/// <c>[TimestepEmbedding]</c>'s named arguments as written (null = not set); names that were set to something that is not
/// a readable constant are in <see cref="Unreadable"/> (PEG010).
/// </summary>
internal sealed record TimestepArguments(
    int? Dim,
    int? Steps,
    bool? FlipSinToCos,
    double? FreqShift,
    double? Scale,
    double? MaxPeriod,
    EquatableArray<string> Unreadable)
{
    public const double DefaultFreqShift = 1d;
    public const double DefaultScale = 1d;
    public const double DefaultMaxPeriod = 10000d;
}
