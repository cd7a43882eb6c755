using System;
using System.Runtime.CompilerServices;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// What each engine needs to compute one <see cref="RotaryVariant"/> on heads of 128: PEGen's generated
/// class (tables, Rotate), the rotated width and pair layout (ORT's <c>rotary_embedding_dim</c> and
/// <c>interleaved</c>, ggml's <c>n_dims</c> and mode), the base and, for Llama 3, ggml's frequency divisors,
/// and the exact double-precision frequencies the agreement checks compare with.
/// </summary>
internal sealed class RotaryForm
{
    public const int Dim = 128, MaxLen = 2048;

    // RopeLlama3128's declaration (Encodings.cs): Base 500000, Factor 8, OriginalMaxLen 8192, band edges 1 and 4 (defaults).
    private const double Llama3Theta = 500000, Llama3Factor = 8, Llama3Low = 1, Llama3High = 4;
    private const int Llama3OriginalMaxLen = 8192;

    private static readonly RotaryForm[] s_forms =
    {
        new(RotaryVariant.Rope, RotaryLayout.Rope, Rope128.RotaryDim, 10000, Rope128.Cos, Rope128.Sin, null),
        new(RotaryVariant.RopeInterleaved, RotaryLayout.RopeInterleaved, RopeI128.RotaryDim, 10000, RopeI128.Cos, RopeI128.Sin, null),
        new(RotaryVariant.RopePartial, RotaryLayout.Rope, RopePartial128.RotaryDim, 10000, RopePartial128.Cos, RopePartial128.Sin, null),
        new(RotaryVariant.RopeIPartial, RotaryLayout.RopeInterleaved, RopeIPartial128.RotaryDim, 10000, RopeIPartial128.Cos, RopeIPartial128.Sin, null),
        new(RotaryVariant.RopeLlama3, RotaryLayout.Rope, RopeLlama3128.RotaryDim, Llama3Theta, RopeLlama3128.Cos, RopeLlama3128.Sin,
            RotaryFrequencies.Llama3(Llama3Theta, RopeLlama3128.RotaryDim, Llama3Factor, Llama3Low, Llama3High, Llama3OriginalMaxLen)),
    };

    private RotaryForm(RotaryVariant variant, RotaryLayout layout, int rotaryDim, double theta, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin,
        double[]? scaledFrequencies)
    {
        Variant = variant;
        Layout = layout;
        RotaryDim = rotaryDim;
        Theta = theta;
        Cos = cos.ToArray();
        Sin = sin.ToArray();
        InverseFrequencies = scaledFrequencies ?? RotaryFrequencies.Base(theta, rotaryDim);
        GgmlFreqFactors = scaledFrequencies is null ? null
            : RotaryFrequencies.Llama3GgmlFreqFactors(theta, rotaryDim, Llama3Factor, Llama3Low, Llama3High, Llama3OriginalMaxLen);
    }

    public static RotaryForm Of(RotaryVariant variant) => s_forms[(int)variant];

    public static RotaryForm Of(RotaryLayout layout) => Of(layout.IsInterleaved() ? RotaryVariant.RopeInterleaved : RotaryVariant.Rope);

    public RotaryVariant Variant { get; }
    public RotaryLayout Layout { get; }
    public bool Interleaved => Layout.IsInterleaved();
    public int RotaryDim { get; }
    public bool Partial => RotaryDim < Dim;
    public double Theta { get; }

    /// <summary>PEGen's own tables, [MaxLen × RotaryDim/2]: ORT's cos_cache and sin_cache.</summary>
    public float[] Cos { get; }
    public float[] Sin { get; }

    /// <summary>The exact angle per position step of each pair, [RotaryDim/2], double.</summary>
    public double[] InverseFrequencies { get; }

    /// <summary>ggml_rope_ext's c tensor (divisors of its base frequencies), or null for no scaling.</summary>
    public float[]? GgmlFreqFactors { get; }

    public GgmlRope Ggml(int mode) => new(mode, Dim, RotaryDim, MaxLen, (float)Theta, GgmlFreqFactors);

    public double[] Exact(ReadOnlySpan<float> vectors, int heads, int startPosition) =>
        ExactRotation.Rotate(vectors, Dim, heads, startPosition, InverseFrequencies, Interleaved);

    /// <summary>Out of place; a switch on a field the branch predictor settles at once, as RotaryLayouts does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Rotate(ReadOnlySpan<float> vectors, Span<float> destination, int startPosition, int heads)
    {
        switch (Variant)
        {
            case RotaryVariant.Rope: Rope128.Rotate(vectors, destination, startPosition, heads); break;
            case RotaryVariant.RopeInterleaved: RopeI128.Rotate(vectors, destination, startPosition, heads); break;
            case RotaryVariant.RopePartial: RopePartial128.Rotate(vectors, destination, startPosition, heads); break;
            case RotaryVariant.RopeIPartial: RopeIPartial128.Rotate(vectors, destination, startPosition, heads); break;
            default: RopeLlama3128.Rotate(vectors, destination, startPosition, heads); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RotateInPlace(Span<float> vectors, int startPosition, int heads)
    {
        switch (Variant)
        {
            case RotaryVariant.Rope: Rope128.Rotate(vectors, startPosition, heads); break;
            case RotaryVariant.RopeInterleaved: RopeI128.Rotate(vectors, startPosition, heads); break;
            case RotaryVariant.RopePartial: RopePartial128.Rotate(vectors, startPosition, heads); break;
            case RotaryVariant.RopeIPartial: RopeIPartial128.Rotate(vectors, startPosition, heads); break;
            default: RopeLlama3128.Rotate(vectors, startPosition, heads); break;
        }
    }
}
