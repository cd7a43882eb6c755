using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Schemes.Rotary;

namespace PEGen.Parsing;

/// <summary>
/// The rules of SPEC section 5's properties (rotary scaling and partial rotary), applied by
/// <see cref="EncodingValidator"/>: errors (PEG010) where the tables could not match transformers or could not
/// be computed, warnings where transformers would silently ignore what was written (PEG012) or a table is
/// never used (PEG013).
/// </summary>
internal static class RotaryRules
{
    /// <summary>Property names, in the order their issues are reported.</summary>
    public static readonly string[] Names =
    {
        nameof(RotaryArguments.Scaling), nameof(RotaryArguments.RotaryDim), nameof(RotaryArguments.Factor),
        nameof(RotaryArguments.OriginalMaxLen), nameof(RotaryArguments.LowFreqFactor), nameof(RotaryArguments.HighFreqFactor),
        nameof(RotaryArguments.BetaFast), nameof(RotaryArguments.BetaSlow), nameof(RotaryArguments.Truncate),
        nameof(RotaryArguments.Mscale), nameof(RotaryArguments.MscaleAllDim), nameof(RotaryArguments.AttentionFactor),
        nameof(RotaryArguments.ShortFactors), nameof(RotaryArguments.LongFactors), nameof(RotaryArguments.ConfigFile),
    };

    /// <summary>Positions above this are not exact float32 values (the float32-order schemes compute with them).</summary>
    public const int MaxFloat32Position = 1 << 24;

    private const string Invalid = DiagnosticIds.InvalidParameter;

    /// <summary>
    /// Checks the rotary properties. Returns true when they are valid (warnings allowed), so that the rotary spec
    /// can be built for the size and wavelength rules.
    /// </summary>
    public static bool Check(List<ValidationIssue> issues, EncodingArguments args, SchemeDefinition scheme, bool dimOk, bool maxLenOk)
    {
        var r = args.Rotary;
        int before = issues.Count;
        foreach (var name in Names)
        {
            if (args.Unreadable.Contains(name))
                issues.Add(Error(name, "not a constant", "it must be a compile-time constant of the property's type (null is not allowed; leave the property out instead)"));
        }
        int unreadableEnd = issues.Count;

        if (scheme.Family != SchemeFamily.Rotary)
        {
            foreach (var name in Names)
            {
                if (ValueOf(r, name) is { } value)
                    issues.Add(Error(name, value, "scaling, partial rotary and ConfigFile apply to the rotary schemes only; set Scheme = EncodingScheme.Rope (transformers' rotate_half layout) or EncodingScheme.RopeInterleaved, or remove " + name));
            }
            return issues.Count == before;
        }

        int scalingValue = r.Scaling ?? 0;
        if (!Enum.IsDefined(typeof(RopeScalingKind), scalingValue))
        {
            issues.Add(Error(nameof(r.Scaling), "(RopeScaling)" + Format(scalingValue), "not a member of RopeScaling (None, Linear, Llama3, Yarn, LongRope)"));
            return false;
        }
        var kind = (RopeScalingKind)scalingValue;
        string scaling = "Scaling = RopeScaling." + kind;

        int dim = dimOk ? args.Dim!.Value : 0;
        bool rotaryDimOk = CheckRotaryDim(issues, r.RotaryDim, dimOk, dim);
        int rotaryDim = r.RotaryDim is > 0 and var rd ? rd : dim;

        bool factorOk = kind == RopeScalingKind.None || CheckFactor(issues, kind, r, args.MaxLen);
        bool usesOriginal = kind is RopeScalingKind.Llama3 or RopeScalingKind.Yarn or RopeScalingKind.LongRope;
        bool originalOk = !usesOriginal || CheckOriginal(issues, kind, r.OriginalMaxLen);

        switch (kind)
        {
            case RopeScalingKind.Llama3:
                CheckLlama3(issues, r);
                break;
            case RopeScalingKind.Yarn:
                CheckYarn(issues, r, originalOk);
                break;
            case RopeScalingKind.LongRope:
                CheckFactors(issues, nameof(r.ShortFactors), r.ShortFactors, rotaryDimOk && dimOk, rotaryDim);
                CheckFactors(issues, nameof(r.LongFactors), r.LongFactors, rotaryDimOk && dimOk, rotaryDim);
                if (originalOk && factorOk && r.OriginalMaxLen == 1 && r.Factor > 1 && !(r.AttentionFactor > 0))
                    issues.Add(Error(nameof(r.OriginalMaxLen), "1",
                        "LongRope's attention factor sqrt(1 + ln(Factor) / ln(OriginalMaxLen)) divides by ln(1) = 0; use the checkpoint's original_max_position_embeddings (Phi-3.5-mini: 4096)"));
                break;
        }

        CheckAttentionFactor(issues, r, kind, scaling);
        CheckMscale(issues, nameof(r.Mscale), r.Mscale);
        CheckMscale(issues, nameof(r.MscaleAllDim), r.MscaleAllDim);

        if (dimOk && !HasErrorSince(issues, before) && kind is RopeScalingKind.Yarn or RopeScalingKind.LongRope)
            CheckComputedAttentionFactor(issues, args, kind);
        // A partial rotary's tables are only RotaryDim wide, but Rotate still takes whole heads: MaxLen rows of one
        // head must fit in a span.
        if (dimOk && maxLenOk && rotaryDimOk && rotaryDim < dim && (long)dim * args.MaxLen!.Value > int.MaxValue)
            issues.Add(Error(nameof(EncodingArguments.Dim), Format(dim),
                "Dim x MaxLen = " + Format((long)dim * args.MaxLen.Value) + " values: MaxLen rows of one head would not fit in a span (at most 2^31 - 1 elements), so Rotate could never take them; use a smaller Dim or MaxLen"));
        bool valid = !HasErrorSince(issues, before);

        WarnIgnored(issues, r, kind, scaling);
        if (valid && kind == RopeScalingKind.LongRope && maxLenOk && args.MaxLen!.Value <= r.OriginalMaxLen!.Value)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.LongTablesUnused, nameof(EncodingArguments.MaxLen),
                Format(args.MaxLen.Value), Format(r.OriginalMaxLen.Value)));

        // An unreadable property reads as unset: "not a constant" is its one issue, not also "missing".
        for (int i = issues.Count - 1; i >= unreadableEnd; i--)
        {
            if (issues[i].Argument is { } name && args.Unreadable.Contains(name)) issues.RemoveAt(i);
        }
        return valid;
    }

    private static bool HasErrorSince(List<ValidationIssue> issues, int start)
    {
        for (int i = start; i < issues.Count; i++)
        {
            if (issues[i].IsError) return true;
        }
        return false;
    }

    private static bool CheckRotaryDim(List<ValidationIssue> issues, int? value, bool dimOk, int dim)
    {
        if (value is not { } v || v == 0) return true;
        string reason =
            v < 0 ? "it must be 0 (= Dim, the whole head rotates) or an even number from 2 to Dim" :
            v % 2 != 0 ? "rotation pairs need an even RotaryDim; use " + Format(v + 1 <= dim || !dimOk ? v + 1 : v - 1) :
            dimOk && v > dim ? "only the Dim = " + Format(dim) + " values of a head can rotate; use at most " + Format(dim) + " (0 = Dim)" :
            "";
        if (reason.Length == 0) return true;
        issues.Add(Error(nameof(RotaryArguments.RotaryDim), Format(v), reason));
        return false;
    }

    private static bool CheckFactor(List<ValidationIssue> issues, RopeScalingKind kind, RotaryArguments r, int? maxLen)
    {
        double? f = r.Factor;
        if (f is null or 0)
        {
            string shown = f is null ? "missing" : "0 (unset)";
            if (kind == RopeScalingKind.LongRope)
            {
                string ratio = "";
                if (maxLen is > 0 && r.OriginalMaxLen is > 0)
                    ratio = "; if MaxLen is the checkpoint's max_position_embeddings: " + Format(maxLen.Value) + " / " + Format(r.OriginalMaxLen.Value)
                            + " = " + FormatReal((double)maxLen.Value / r.OriginalMaxLen.Value);
                issues.Add(Error(nameof(r.Factor), shown,
                    "RopeScaling.LongRope needs Factor: a config.json without rope_scaling.factor (Phi-3, Phi-3.5) means max_position_embeddings / original_max_position_embeddings (Phi-3.5-mini: 131072 / 4096 = 32)" + ratio
                    + "; PEGen never derives it from MaxLen, so set it (or use ConfigFile)"));
            }
            else
            {
                issues.Add(Error(nameof(r.Factor), shown,
                    "RopeScaling." + kind + " needs Factor, transformers' rope_scaling.factor, at least 1 (Llama 3.1: 8, Qwen2.5 YaRN: 4, Gemma 3: 8)"));
            }
            return false;
        }
        if (double.IsNaN(f.Value) || f.Value < 1 || f.Value > float.MaxValue)
        {
            issues.Add(Error(nameof(r.Factor), FormatReal(f.Value),
                "it must be a finite float32 of at least 1 (1 = no scaling; transformers rejects a factor below 1)"));
            return false;
        }
        return true;
    }

    private static bool CheckOriginal(List<ValidationIssue> issues, RopeScalingKind kind, int? value)
    {
        if (value is > 0) return true;
        issues.Add(Error(nameof(RotaryArguments.OriginalMaxLen), value is null or 0 ? "missing" : Format(value.Value),
            "RopeScaling." + kind + " needs OriginalMaxLen, transformers' original_max_position_embeddings, at least 1 (Llama 3.1: 8192, Qwen2.5: 32768, DeepSeek-V3: 4096, Phi-3.5-mini: 4096)"));
        return false;
    }

    private static void CheckLlama3(List<ValidationIssue> issues, RotaryArguments r)
    {
        bool lowOk = CheckPositive(issues, nameof(r.LowFreqFactor), r.LowFreqFactor);
        bool highOk = CheckPositive(issues, nameof(r.HighFreqFactor), r.HighFreqFactor);
        double low = r.LowFreqFactor ?? RotaryArguments.DefaultLowFreqFactor;
        double high = r.HighFreqFactor ?? RotaryArguments.DefaultHighFreqFactor;
        if (lowOk && highOk && low >= high)
        {
            string at = r.LowFreqFactor is not null ? nameof(r.LowFreqFactor) : nameof(r.HighFreqFactor);
            issues.Add(Error(at, FormatReal(at == nameof(r.LowFreqFactor) ? low : high),
                "LowFreqFactor = " + FormatReal(low) + " must be below HighFreqFactor = " + FormatReal(high)
                + ": the smooth band between the wavelengths OriginalMaxLen / HighFreqFactor and OriginalMaxLen / LowFreqFactor would be empty and transformers divides by their difference (Llama 3.1: 1 and 4)"));
        }
    }

    private static void CheckYarn(List<ValidationIssue> issues, RotaryArguments r, bool originalOk)
    {
        bool fastOk = CheckPositive(issues, nameof(r.BetaFast), r.BetaFast);
        bool slowOk = CheckPositive(issues, nameof(r.BetaSlow), r.BetaSlow);
        double fast = r.BetaFast ?? RotaryArguments.DefaultBetaFast;
        double slow = r.BetaSlow ?? RotaryArguments.DefaultBetaSlow;
        if (originalOk)
        {
            // find_correction_dim takes log(OriginalMaxLen / (beta * 2 pi)): that quotient must be a finite positive double.
            fastOk = fastOk && CheckCorrection(issues, nameof(r.BetaFast), fast, r.OriginalMaxLen!.Value);
            slowOk = slowOk && CheckCorrection(issues, nameof(r.BetaSlow), slow, r.OriginalMaxLen!.Value);
        }
        if (fastOk && slowOk && fast < slow)
        {
            string at = r.BetaFast is not null ? nameof(r.BetaFast) : nameof(r.BetaSlow);
            issues.Add(Error(at, FormatReal(at == nameof(r.BetaFast) ? fast : slow),
                "BetaFast = " + FormatReal(fast) + " must be at least BetaSlow = " + FormatReal(slow)
                + ": the correction range runs from the pair that turns BetaFast times over OriginalMaxLen to the one that turns BetaSlow times (transformers' defaults: 32 and 1)"));
        }
    }

    private static bool CheckCorrection(List<ValidationIssue> issues, string name, double beta, int original)
    {
        double quotient = original / (beta * 2 * Math.PI);
        if (quotient > 0 && !double.IsInfinity(quotient)) return true;
        issues.Add(Error(name, FormatReal(beta), "OriginalMaxLen / (2 pi " + name + ") is not a finite positive number, so YaRN's correction range cannot be computed; use the checkpoint's value (transformers' default: " + (name == nameof(RotaryArguments.BetaFast) ? "32" : "1") + ")"));
        return false;
    }

    private static bool CheckPositive(List<ValidationIssue> issues, string name, double? value)
    {
        if (value is not { } v || (v > 0 && !double.IsInfinity(v))) return true;
        issues.Add(Error(name, FormatReal(v), "it must be finite and greater than 0"));
        return false;
    }

    private static void CheckFactors(List<ValidationIssue> issues, string name, EquatableArray<double>? factors, bool widthKnown, int rotaryDim)
    {
        if (factors is not { } f)
        {
            issues.Add(Error(name, "missing", "RopeScaling.LongRope needs ShortFactors and LongFactors, transformers' rope_scaling.short_factor and long_factor: one divisor per rotation pair, RotaryDim / 2 of them (Phi-3.5-mini: 48 each)"));
            return;
        }
        if (widthKnown && f.Count != rotaryDim / 2)
        {
            issues.Add(Error(name, "double[" + Format(f.Count) + "]",
                "LongRope needs one divisor per rotation pair: RotaryDim / 2 = " + Format(rotaryDim / 2) + " entries, not " + Format(f.Count)));
            return;
        }
        for (int i = 0; i < f.Count; i++)
        {
            // torch rounds the list to a float32 tensor before dividing by it.
            float single = (float)f[i];
            if (!(single > 0) || float.IsInfinity(single))
            {
                issues.Add(Error(name, "double[" + Format(f.Count) + "]",
                    "entry " + Format(i) + " = " + FormatReal(f[i]) + " is not a positive finite float32; every divisor must be"));
                return;
            }
        }
    }

    private static void CheckAttentionFactor(List<ValidationIssue> issues, RotaryArguments r, RopeScalingKind kind, string scaling)
    {
        if (r.AttentionFactor is not { } a) return;
        if (double.IsNaN(a) || a < 0 || a > float.MaxValue)
        {
            issues.Add(Error(nameof(r.AttentionFactor), FormatReal(a), "it must be a finite float32, at least 0 (0 = computed from Factor)"));
            return;
        }
        if (a > 0 && kind is not (RopeScalingKind.Yarn or RopeScalingKind.LongRope))
            issues.Add(Error(nameof(r.AttentionFactor), FormatReal(a),
                "transformers applies attention_factor only with yarn and longrope, so with " + scaling + " it would not scale the tables; remove it, or use RopeScaling.Yarn or RopeScaling.LongRope"));
    }

    private static void CheckMscale(List<ValidationIssue> issues, string name, double? value)
    {
        if (value is { } v && (double.IsNaN(v) || double.IsInfinity(v) || v < 0))
            issues.Add(Error(name, FormatReal(v), "it must be finite and at least 0 (0 = unset; DeepSeek-V3: 1)"));
    }

    // A factor that overflows (a huge Mscale, an explicit 1e300) would make every entry infinite.
    private static void CheckComputedAttentionFactor(List<ValidationIssue> issues, EncodingArguments args, RopeScalingKind kind)
    {
        var spec = RotarySpecReader.Read(args);
        if (spec is null) return;
        double factor = kind == RopeScalingKind.Yarn ? RotaryFrequencies.YarnAttentionFactor(spec) : RotaryFrequencies.LongRopeAttentionFactor(spec);
        float single = (float)factor;
        if (single > 0 && !float.IsInfinity(single)) return;
        string at = args.Rotary.AttentionFactor is > 0 ? nameof(RotaryArguments.AttentionFactor)
            : args.Rotary.Mscale is > 0 ? nameof(RotaryArguments.Mscale) : nameof(RotaryArguments.Factor);
        issues.Add(Error(at, FormatReal(at == nameof(RotaryArguments.Mscale) ? spec.Mscale : at == nameof(RotaryArguments.Factor) ? spec.Factor : spec.ExplicitAttentionFactor),
            "the attention factor it gives, " + FormatReal(factor) + ", is not a positive finite float32, so every table entry would be infinite or zero"));
    }

    private static void WarnIgnored(List<ValidationIssue> issues, RotaryArguments r, RopeScalingKind kind, string scaling)
    {
        bool yarn = kind == RopeScalingKind.Yarn, llama3 = kind == RopeScalingKind.Llama3, longRope = kind == RopeScalingKind.LongRope;
        Ignored(issues, nameof(r.Factor), r.Factor is not null && kind == RopeScalingKind.None, scaling, "it is read only with a Scaling; set Scaling (Linear, Llama3, Yarn or LongRope) or remove Factor");
        Ignored(issues, nameof(r.OriginalMaxLen), r.OriginalMaxLen is not null && kind is RopeScalingKind.None or RopeScalingKind.Linear, scaling, "transformers reads original_max_position_embeddings only for llama3, yarn and longrope");
        const string Llama3Only = "transformers reads low_freq_factor and high_freq_factor only for llama3";
        Ignored(issues, nameof(r.LowFreqFactor), r.LowFreqFactor is not null && !llama3, scaling, Llama3Only);
        Ignored(issues, nameof(r.HighFreqFactor), r.HighFreqFactor is not null && !llama3, scaling, Llama3Only);
        const string YarnOnly = "transformers reads beta_fast, beta_slow, truncate, mscale and mscale_all_dim only for yarn";
        Ignored(issues, nameof(r.BetaFast), r.BetaFast is not null && !yarn, scaling, YarnOnly);
        Ignored(issues, nameof(r.BetaSlow), r.BetaSlow is not null && !yarn, scaling, YarnOnly);
        Ignored(issues, nameof(r.Truncate), r.Truncate is not null && !yarn, scaling, YarnOnly);
        Ignored(issues, nameof(r.Mscale), r.Mscale is not null && !yarn, scaling, YarnOnly);
        Ignored(issues, nameof(r.MscaleAllDim), r.MscaleAllDim is not null && !yarn, scaling, YarnOnly);
        Ignored(issues, nameof(r.AttentionFactor), r.AttentionFactor is 0 && !yarn && !longRope, scaling, "transformers reads attention_factor only for yarn and longrope");
        const string LongRopeOnly = "transformers reads short_factor and long_factor only for longrope";
        Ignored(issues, nameof(r.ShortFactors), r.ShortFactors is not null && !longRope, scaling, LongRopeOnly);
        Ignored(issues, nameof(r.LongFactors), r.LongFactors is not null && !longRope, scaling, LongRopeOnly);

        if (!yarn) return;
        bool mscale = r.Mscale is > 0, all = r.MscaleAllDim is > 0;
        if (r.AttentionFactor is > 0 && (mscale || all))
        {
            string name = mscale ? nameof(r.Mscale) : nameof(r.MscaleAllDim);
            Ignored(issues, name, true, scaling, "an explicit AttentionFactor wins over the mscale ratio, as in transformers; remove one of them");
        }
        else if (mscale != all)
        {
            string name = mscale ? nameof(r.Mscale) : nameof(r.MscaleAllDim);
            string other = mscale ? nameof(r.MscaleAllDim) : nameof(r.Mscale);
            Ignored(issues, name, true, scaling + " and " + other + " unset",
                "transformers uses the mscale ratio only when mscale and mscale_all_dim are both set, so the attention factor stays 0.1 ln(Factor) + 1; set " + other + " too (DeepSeek-V3: both 1) or remove " + name);
        }
    }

    private static void Ignored(List<ValidationIssue> issues, string name, bool condition, string scaling, string why)
    {
        if (condition) issues.Add(EncodingValidator.Issue(DiagnosticIds.IgnoredProperty, name, name, scaling, why));
    }

    /// <summary>The property's value as messages show it, or null when it is not set.</summary>
    public static string? ValueOf(RotaryArguments r, string name) => name switch
    {
        nameof(r.Scaling) => r.Scaling is { } s ? (Enum.IsDefined(typeof(RopeScalingKind), s) ? "RopeScaling." + (RopeScalingKind)s : "(RopeScaling)" + Format(s)) : null,
        nameof(r.RotaryDim) => r.RotaryDim is { } v ? Format(v) : null,
        nameof(r.Factor) => Real(r.Factor),
        nameof(r.OriginalMaxLen) => r.OriginalMaxLen is { } v ? Format(v) : null,
        nameof(r.LowFreqFactor) => Real(r.LowFreqFactor),
        nameof(r.HighFreqFactor) => Real(r.HighFreqFactor),
        nameof(r.BetaFast) => Real(r.BetaFast),
        nameof(r.BetaSlow) => Real(r.BetaSlow),
        nameof(r.Truncate) => r.Truncate is { } t ? (t ? "true" : "false") : null,
        nameof(r.Mscale) => Real(r.Mscale),
        nameof(r.MscaleAllDim) => Real(r.MscaleAllDim),
        nameof(r.AttentionFactor) => Real(r.AttentionFactor),
        nameof(r.ShortFactors) => r.ShortFactors is { } a ? "double[" + Format(a.Count) + "]" : null,
        nameof(r.LongFactors) => r.LongFactors is { } b ? "double[" + Format(b.Count) + "]" : null,
        nameof(r.ConfigFile) => r.ConfigFile is { } c ? "\"" + c + "\"" : null,
        _ => null,
    };

    private static string? Real(double? value) => value is { } v ? FormatReal(v) : null;

    private static ValidationIssue Error(string name, string value, string reason) => EncodingValidator.Issue(Invalid, name, name, value, reason);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string FormatReal(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
