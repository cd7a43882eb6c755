using System;
using System.Numerics.Tensors;

namespace Discussion.Transformer;

/// <summary>
/// Multi-head self-attention with random weights: <c>softmax(q·kᵀ/√headDim)·v</c> per head, then
/// the output projection. Bidirectional unless <see cref="Causal"/>: every token sees every
/// other, so without an encoding nothing in it depends on where a token stands (permuting the
/// tokens permutes the outputs), which is what lets "no encoding" be the experiment's zero.
/// </summary>
public sealed class Attention
{
    private readonly Dense _query, _key, _value, _output;
    // Feature-major [Width × positions]: row c of _k is feature c of every key, so one query's
    // scores and one output value are single long spans.
    private float[] _q = Array.Empty<float>(), _k = Array.Empty<float>(), _v = Array.Empty<float>();
    private float[] _mixed = Array.Empty<float>(), _rows = Array.Empty<float>(), _scores = Array.Empty<float>();

    public Attention(int width, int heads, Gaussian random, bool rotary, bool causal)
    {
        if (width % heads != 0) throw new ArgumentException("width must be a multiple of heads", nameof(heads));
        Width = width;
        Heads = heads;
        HeadDim = width / heads;
        if (rotary && HeadDim != RotaryPositions.Dim)
            throw new ArgumentException($"rotary attention needs head dimension {RotaryPositions.Dim}, not {HeadDim}", nameof(heads));
        Rotary = rotary;
        Causal = causal;
        _query = new Dense(width, width, random);
        _key = new Dense(width, width, random);
        _value = new Dense(width, width, random);
        _output = new Dense(width, width, random);
    }

    public int Width { get; }

    public int Heads { get; }

    public int HeadDim { get; }

    /// <summary>Queries and keys are rotated by <see cref="RotaryPositions"/>: position reaches the scores only.</summary>
    public bool Rotary { get; }

    /// <summary>Token i attends to tokens 0..i only. The mask itself tells a token how many came before it.</summary>
    public bool Causal { get; }

    /// <summary><paramref name="output"/> = attention over <paramref name="normalized"/>; both <c>[Width × positions]</c>.</summary>
    public void Apply(ReadOnlySpan<float> normalized, Span<float> output)
    {
        int positions = normalized.Length / Width;
        EnsureBuffers(positions);
        _query.Apply(normalized, _q);
        _key.Apply(normalized, _k);
        _value.Apply(normalized, _v);
        if (Rotary)
        {
            // PEGen's generated Rotate: every head of row r turned by position r, on row-major
            // [positions × heads × Dim] spans.
            RotateRows(_q, positions);
            RotateRows(_k, positions);
        }
        // The 1/√headDim of scaled dot-product attention, folded into the queries once.
        TensorPrimitives.Multiply(_q, 1f / MathF.Sqrt(HeadDim), _q);

        for (int h = 0; h < Heads; h++)
        {
            int first = h * HeadDim;
            for (int i = 0; i < positions; i++)
            {
                int seen = Causal ? i + 1 : positions;
                Span<float> scores = _scores.AsSpan(0, seen);
                TensorPrimitives.Multiply(_k.AsSpan(first * positions, seen), _q[first * positions + i], scores);
                for (int c = 1; c < HeadDim; c++)
                    TensorPrimitives.MultiplyAdd(_k.AsSpan((first + c) * positions, seen), _q[(first + c) * positions + i], scores, scores);
                TensorPrimitives.SoftMax(scores, scores);
                for (int c = 0; c < HeadDim; c++)
                    _mixed[(first + c) * positions + i] = TensorPrimitives.Dot(scores, _v.AsSpan((first + c) * positions, seen));
            }
        }
        _output.Apply(_mixed, output);
    }

    private void RotateRows(float[] featureMajor, int positions)
    {
        Layout.Transpose(featureMajor, Width, positions, _rows);
        RotaryPositions.Rotate(_rows, startPosition: 0, heads: Heads);
        Layout.Transpose(_rows, positions, Width, featureMajor);
    }

    private void EnsureBuffers(int positions)
    {
        int size = positions * Width;
        if (_q.Length == size) return;
        _q = new float[size];
        _k = new float[size];
        _v = new float[size];
        _mixed = new float[size];
        _rows = new float[size];
        _scores = new float[positions];
    }
}
