using PEGen.Model;

namespace PEGen.Parsing;

/// <summary>
/// Turns rotary arguments (ConfigFile values already filled) into a <see cref="RotarySpec"/>: defaults applied,
/// values as the arithmetic reads them, and what the chosen scaling ignores left at its default, so that two
/// declarations with the same tables have equal specs. Called for arguments <see cref="RotaryRules"/> accepted.
/// </summary>
internal static class RotarySpecReader
{
    /// <summary>The spec's rotary parameters, or null for the plain full-width rotary (nothing with an effect set).</summary>
    public static RotarySpec? Read(EncodingArguments args)
    {
        var r = args.Rotary;
        int dim = args.Dim!.Value;
        var scaling = (RopeScalingKind)(r.Scaling ?? 0);
        bool llama3 = scaling == RopeScalingKind.Llama3, yarn = scaling == RopeScalingKind.Yarn, longRope = scaling == RopeScalingKind.LongRope;
        double attention = yarn || longRope ? r.AttentionFactor ?? 0 : 0;
        // transformers uses the mscale ratio only with both set and no explicit attention factor.
        double mscale = yarn ? r.Mscale ?? 0 : 0, mscaleAllDim = yarn ? r.MscaleAllDim ?? 0 : 0;
        if (!(mscale > 0 && mscaleAllDim > 0) || attention > 0) mscale = mscaleAllDim = 0;
        var spec = new RotarySpec(
            r.RotaryDim is > 0 and var rotaryDim ? rotaryDim : dim,
            scaling,
            scaling == RopeScalingKind.None ? 0 : r.Factor ?? 0,
            llama3 || yarn || longRope ? r.OriginalMaxLen ?? 0 : 0,
            llama3 ? r.LowFreqFactor ?? RotaryArguments.DefaultLowFreqFactor : RotaryArguments.DefaultLowFreqFactor,
            llama3 ? r.HighFreqFactor ?? RotaryArguments.DefaultHighFreqFactor : RotaryArguments.DefaultHighFreqFactor,
            yarn ? r.BetaFast ?? RotaryArguments.DefaultBetaFast : RotaryArguments.DefaultBetaFast,
            yarn ? r.BetaSlow ?? RotaryArguments.DefaultBetaSlow : RotaryArguments.DefaultBetaSlow,
            !yarn || (r.Truncate ?? true),
            mscale,
            mscaleAllDim,
            attention,
            longRope ? r.ShortFactors ?? default : default,
            longRope ? r.LongFactors ?? default : default);
        return spec == RotarySpec.Plain(dim) ? null : spec;
    }
}
