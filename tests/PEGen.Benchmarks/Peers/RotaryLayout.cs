using System;
using System.Runtime.CompilerServices;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The two rotary pair layouts the peers are compared in, named as PEGen's schemes (a public enum of
/// its own: BenchmarkDotNet parameters must be public, and the generator's EncodingScheme is internal).
/// </summary>
public enum RotaryLayout
{
    /// <summary>Pairs (k, k + Dim/2): transformers' rotate_half, <c>Rope128</c>.</summary>
    Rope,

    /// <summary>Pairs (2k, 2k+1): Meta's reference and GPT-J, <c>RopeI128</c>.</summary>
    RopeInterleaved,
}

/// <summary>
/// PEGen's full-width generated class for each layout (head dimension 128, 2048 positions, base 10000),
/// called directly by the benchmarks; <see cref="RotaryForm"/> has the tables and every other variant.
/// </summary>
internal static class RotaryLayouts
{
    public static bool IsInterleaved(this RotaryLayout layout) => layout == RotaryLayout.RopeInterleaved;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rotate(this RotaryLayout layout, ReadOnlySpan<float> vectors, Span<float> destination, int startPosition, int heads)
    {
        if (layout.IsInterleaved())
            RopeI128.Rotate(vectors, destination, startPosition, heads);
        else
            Rope128.Rotate(vectors, destination, startPosition, heads);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RotateInPlace(this RotaryLayout layout, Span<float> vectors, int startPosition, int heads)
    {
        if (layout.IsInterleaved())
            RopeI128.Rotate(vectors, startPosition, heads);
        else
            Rope128.Rotate(vectors, startPosition, heads);
    }

    /// <summary>Grouped-query q and k of the same rows, in place, one pass per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RotateQueryKey(this RotaryLayout layout, Span<float> queries, int queryHeads, Span<float> keys, int keyHeads, int startPosition)
    {
        if (layout.IsInterleaved())
            RopeI128.RotateQueryKey(queries, queryHeads, keys, keyHeads, startPosition);
        else
            Rope128.RotateQueryKey(queries, queryHeads, keys, keyHeads, startPosition);
    }
}
