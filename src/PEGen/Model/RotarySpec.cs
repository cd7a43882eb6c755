namespace PEGen.Model;

/// <summary>
/// The resolved rotary parameters of a valid declaration (defaults applied, ConfigFile merged), value-equatable.
/// What they compute (frequencies, attention factor) is <see cref="Schemes.Rotary.RotaryFrequencies"/>.
/// </summary>
/// <param name="RotaryDim">Rotated values per head (even, 2..Dim).</param>
/// <param name="Scaling">The frequency scaling.</param>
/// <param name="Factor">transformers' <c>factor</c> (0 when <see cref="Scaling"/> is None).</param>
/// <param name="OriginalMaxLen"><c>original_max_position_embeddings</c>, 0 when unused.</param>
/// <param name="LowFreqFactor">Llama 3 band edge.</param>
/// <param name="HighFreqFactor">Llama 3 band edge.</param>
/// <param name="BetaFast">YaRN correction range.</param>
/// <param name="BetaSlow">YaRN correction range.</param>
/// <param name="Truncate">YaRN: floor/ceil the correction range.</param>
/// <param name="Mscale">YaRN (DeepSeek) mscale.</param>
/// <param name="MscaleAllDim">YaRN (DeepSeek) mscale_all_dim.</param>
/// <param name="ExplicitAttentionFactor">An explicit attention factor (&gt; 0), or 0 = computed.</param>
/// <param name="ShortFactors">LongRoPE short divisors, RotaryDim/2 of them (empty otherwise).</param>
/// <param name="LongFactors">LongRoPE long divisors.</param>
internal sealed record RotarySpec(
    int RotaryDim,
    RopeScalingKind Scaling = RopeScalingKind.None,
    double Factor = 0,
    int OriginalMaxLen = 0,
    double LowFreqFactor = RotaryArguments.DefaultLowFreqFactor,
    double HighFreqFactor = RotaryArguments.DefaultHighFreqFactor,
    double BetaFast = RotaryArguments.DefaultBetaFast,
    double BetaSlow = RotaryArguments.DefaultBetaSlow,
    bool Truncate = true,
    double Mscale = 0,
    double MscaleAllDim = 0,
    double ExplicitAttentionFactor = 0,
    EquatableArray<double> ShortFactors = default,
    EquatableArray<double> LongFactors = default)
{
    /// <summary>The plain rotary of a head of <paramref name="dim"/> values.</summary>
    public static RotarySpec Plain(int dim) => new(dim);

    public bool IsLongRope => Scaling == RopeScalingKind.LongRope;
}
