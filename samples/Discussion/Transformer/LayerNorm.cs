using System;
using System.Numerics.Tensors;

namespace Discussion.Transformer;

/// <summary>
/// Layer normalisation of each position's vector as at initialisation (gain 1, bias 0):
/// subtract its mean over the features, divide by its standard deviation. Subtracting the mean
/// is what makes a pre-LayerNorm block blind to an encoding that adds the same value to every
/// feature (Linear, NormalizedRange).
/// </summary>
public static class LayerNorm
{
    private const float Epsilon = 1e-5f;

    /// <summary><paramref name="y"/> = LN(<paramref name="x"/>); both feature-major, <c>[width × positions]</c>.</summary>
    public static void Apply(ReadOnlySpan<float> x, int width, Span<float> y)
    {
        int positions = x.Length / width;
        var mean = new float[positions];
        var scale = new float[positions];
        for (int c = 0; c < width; c++) TensorPrimitives.Add(x.Slice(c * positions, positions), mean, mean);
        TensorPrimitives.Multiply(mean, 1f / width, mean);
        for (int c = 0; c < width; c++)
        {
            Span<float> feature = y.Slice(c * positions, positions);
            TensorPrimitives.Subtract(x.Slice(c * positions, positions), mean, feature);
            TensorPrimitives.MultiplyAdd(feature, feature, scale, scale);
        }
        // scale = 1 / sqrt(variance + ε), every position at once.
        TensorPrimitives.Multiply(scale, 1f / width, scale);
        TensorPrimitives.Add(scale, Epsilon, scale);
        TensorPrimitives.ReciprocalSqrt(scale, scale);
        for (int c = 0; c < width; c++)
        {
            Span<float> feature = y.Slice(c * positions, positions);
            TensorPrimitives.Multiply(feature, scale, feature);
        }
    }
}
