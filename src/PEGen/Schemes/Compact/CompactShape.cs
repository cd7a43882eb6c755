using PEGen.Model;

namespace PEGen.Schemes.Compact;

/// <summary>The constant data of a compact declaration, without building it (validation, header, budgets).</summary>
internal static class CompactShape
{
    /// <summary>Float32-sized elements of every compact array of <paramref name="spec"/>.</summary>
    public static TableShape Of(EncodingSpec spec) => Of(spec.Definition, spec.Dim, spec.MaxLen, spec.RotaryParameters);

    /// <summary>Float32-sized elements of every compact array of a declaration.</summary>
    public static TableShape Of(SchemeDefinition scheme, int dim, int maxLen, RotarySpec? rotary)
    {
        int n = scheme.Family == SchemeFamily.Rotary ? (rotary ?? RotarySpec.Plain(dim)).RotaryDim / 2 : scheme.FrequencyCount(dim);
        if (n <= 0) return TableShape.None;
        long floats = 4L * CompactLevels.Choose(maxLen, n).Rows * n;        // float64 cos and sin per row
        if (rotary is { IsLongRope: true })
            floats += 4L * CompactLevels.Choose(System.Math.Min(maxLen, rotary.OriginalMaxLen), n).Rows * n;
        if (scheme.Arithmetic == Arithmetic.Float64RoundedOnce) floats += 8L * n;   // w, its halves, 1/w
        else if (scheme.Family != SchemeFamily.Rotary && scheme.Arithmetic == Arithmetic.Float32Steps) floats += n;
        return new TableShape(floats, ElementTypes.Default);
    }
}
