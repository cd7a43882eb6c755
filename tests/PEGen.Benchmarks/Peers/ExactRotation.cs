using System;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The rotation every engine approximates, in double precision: pair k of position p turned by the
/// angle p·f[k], cos and sin taken in double, f the exact frequencies of the form (θ^(−2k/RotaryDim), or
/// Llama 3's scaled ones); the values past the rotated width pass through. Engines round their tables
/// differently (PEGen and ORT share PEGen's float32 tables; ggml builds the angles by repeated float32
/// multiplication), so each is compared with this rather than with one another.
/// </summary>
internal static class ExactRotation
{
    /// <summary>Rotates [rows × heads × dim] vectors, row r at position startPosition + r.</summary>
    /// <param name="inverseFrequencies">[rotaryDim/2]: the first rotaryDim values of each head rotate.</param>
    /// <param name="interleaved">Pairs (2k, 2k+1) when true, (k, k + rotaryDim/2) when false.</param>
    public static double[] Rotate(ReadOnlySpan<float> vectors, int dim, int heads, int startPosition, ReadOnlySpan<double> inverseFrequencies, bool interleaved)
    {
        int half = inverseFrequencies.Length, rows = vectors.Length / (dim * heads);
        var result = new double[vectors.Length];
        for (int i = 0; i < vectors.Length; i++)
            result[i] = vectors[i];   // the pass-through part; the rotated part is overwritten below
        for (int r = 0; r < rows; r++)
        {
            int position = startPosition + r;
            for (int k = 0; k < half; k++)
            {
                double angle = position * inverseFrequencies[k];
                double c = Math.Cos(angle), s = Math.Sin(angle);
                int first = interleaved ? 2 * k : k, second = interleaved ? 2 * k + 1 : k + half;
                for (int h = 0; h < heads; h++)
                {
                    int v = (r * heads + h) * dim;
                    double a = vectors[v + first], b = vectors[v + second];
                    result[v + first] = a * c - b * s;
                    result[v + second] = b * c + a * s;
                }
            }
        }
        return result;
    }

    /// <summary>max |actual − expected| / max |expected|.</summary>
    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected)
    {
        double worst = 0, scale = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }
        return worst / scale;
    }

    /// <summary>max |a − b| / max |b|, both float.</summary>
    public static double RelativeError(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double worst = 0, scale = 0;
        for (int i = 0; i < b.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs((double)a[i] - b[i]));
            scale = Math.Max(scale, Math.Abs((double)b[i]));
        }
        return worst / scale;
    }
}
