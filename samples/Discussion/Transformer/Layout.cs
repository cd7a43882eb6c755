using System;

namespace Discussion.Transformer;

/// <summary>Between row-major <c>[rows × columns]</c> (PEGen's spans) and feature-major (the model's).</summary>
public static class Layout
{
    /// <summary><paramref name="destination"/> <c>[columns × rows]</c> = transpose of <paramref name="source"/> <c>[rows × columns]</c>.</summary>
    public static void Transpose(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination)
    {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                destination[c * rows + r] = source[r * columns + c];
    }
}
