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

/// <summary>PEGen's generated class for each layout: head dimension 128, 2048 positions, base 10000.</summary>
internal static class RotaryLayouts
{
    public const int Dim = Rope128.Dim, MaxLen = Rope128.MaxLen;
    public const double Theta = 10000.0;

    public static bool IsInterleaved(this RotaryLayout layout) => layout == RotaryLayout.RopeInterleaved;

    public static ReadOnlySpan<float> Cos(this RotaryLayout layout) => layout.IsInterleaved() ? RopeI128.Cos : Rope128.Cos;

    public static ReadOnlySpan<float> Sin(this RotaryLayout layout) => layout.IsInterleaved() ? RopeI128.Sin : Rope128.Sin;

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
}
