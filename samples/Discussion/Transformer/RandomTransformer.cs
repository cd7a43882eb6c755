using System;
using System.Collections.Generic;

namespace Discussion.Transformer;

/// <summary>
/// A stack of <see cref="ResidualBlock"/>s with random weights from one seed: the same seed
/// and width give the same weights, so every encoding of one width meets the same model.
/// Inside, activations are feature-major (<c>[features × positions]</c>): every vector
/// operation then runs over all 256 positions at once, which keeps the calls few and long.
/// </summary>
public sealed class RandomTransformer
{
    private readonly ResidualBlock[] _blocks;

    public RandomTransformer(int width, int heads, int layers, ulong seed, bool rotary, bool causal)
    {
        Width = width;
        var random = new Gaussian(seed);
        _blocks = new ResidualBlock[layers];
        for (int l = 0; l < layers; l++) _blocks[l] = new ResidualBlock(width, heads, random, rotary, causal);
    }

    public int Width { get; }

    public int Layers => _blocks.Length;

    /// <summary>
    /// Runs <paramref name="rows"/> (row-major <c>[positions × Width]</c>, as Embed and ConcatTo
    /// write it) through every block. Element l of the result is the residual stream after l
    /// blocks (element 0 is the input), feature-major: <c>[Width × positions]</c>.
    /// </summary>
    public IReadOnlyList<float[]> Forward(ReadOnlySpan<float> rows)
    {
        var streams = new float[_blocks.Length + 1][];
        var x = new float[rows.Length];
        Layout.Transpose(rows, rows.Length / Width, Width, x);
        streams[0] = (float[])x.Clone();
        for (int l = 0; l < _blocks.Length; l++)
        {
            _blocks[l].Apply(x);
            streams[l + 1] = (float[])x.Clone();
        }
        return streams;
    }
}
