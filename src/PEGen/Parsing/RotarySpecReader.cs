using PEGen.Model;

namespace PEGen.Parsing;

/// <summary>
/// Turns validated rotary arguments into a <see cref="RotarySpec"/>: defaults applied, values as the arithmetic
/// reads them. Called only when <see cref="EncodingValidator"/> found no error.
/// </summary>
internal static class RotarySpecReader
{
    /// <summary>The spec's rotary parameters, or null for a plain full-width rotary (no property set).</summary>
    public static RotarySpec? Read(EncodingArguments args)
    {
        var r = args.Rotary;
        if (!HasEffect(r)) return null;
        int dim = args.Dim!.Value;
        var scaling = (RopeScalingKind)(r.Scaling ?? 0);
        return new RotarySpec(
            r.RotaryDim is > 0 and var rotaryDim ? rotaryDim : dim,
            scaling,
            scaling == RopeScalingKind.None ? 0 : r.Factor ?? 0,
            scaling is RopeScalingKind.Llama3 or RopeScalingKind.Yarn or RopeScalingKind.LongRope ? r.OriginalMaxLen ?? 0 : 0,
            r.LowFreqFactor ?? RotaryArguments.DefaultLowFreqFactor,
            r.HighFreqFactor ?? RotaryArguments.DefaultHighFreqFactor,
            r.BetaFast ?? RotaryArguments.DefaultBetaFast,
            r.BetaSlow ?? RotaryArguments.DefaultBetaSlow,
            r.Truncate ?? true,
            r.Mscale ?? 0,
            r.MscaleAllDim ?? 0,
            scaling is RopeScalingKind.Yarn or RopeScalingKind.LongRope ? r.AttentionFactor ?? 0 : 0,
            scaling == RopeScalingKind.LongRope ? r.ShortFactors ?? default : default,
            scaling == RopeScalingKind.LongRope ? r.LongFactors ?? default : default);
    }

    // Properties left at their defaults (or a ConfigFile that only restates them) change nothing.
    private static bool HasEffect(RotaryArguments r) =>
        r.Scaling is > 0 || r.RotaryDim is > 0;
}
