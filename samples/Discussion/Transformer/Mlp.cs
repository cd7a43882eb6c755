using System;
using System.Numerics.Tensors;

namespace Discussion.Transformer;

/// <summary>The position-wise feed-forward layer: width → 4·width, GELU, → width; random weights.</summary>
public sealed class Mlp
{
    private const float GeluCubic = 0.044715f;
    private static readonly float s_geluScale = MathF.Sqrt(2f / MathF.PI);

    private readonly Dense _up, _down;
    private float[] _hidden = Array.Empty<float>(), _scratch = Array.Empty<float>();

    public Mlp(int width, Gaussian random)
    {
        _up = new Dense(width, 4 * width, random);
        _down = new Dense(4 * width, width, random);
    }

    /// <summary><paramref name="output"/> = MLP of each position of <paramref name="normalized"/>; both <c>[width × positions]</c>.</summary>
    public void Apply(ReadOnlySpan<float> normalized, Span<float> output)
    {
        int size = normalized.Length / _up.Inputs * _up.Outputs;
        if (_hidden.Length != size)
        {
            _hidden = new float[size];
            _scratch = new float[size];
        }
        _up.Apply(normalized, _hidden);
        Gelu(_hidden, _scratch);
        _down.Apply(_hidden, output);
    }

    /// <summary>
    /// GELU in GPT-2's tanh form, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), in place, whole
    /// spans at a time (.NET has no erf for the exact form).
    /// </summary>
    private static void Gelu(Span<float> x, Span<float> scratch)
    {
        TensorPrimitives.Multiply(x, x, scratch);
        TensorPrimitives.Multiply(scratch, x, scratch);
        TensorPrimitives.MultiplyAdd(scratch, GeluCubic, x, scratch);
        TensorPrimitives.Multiply(scratch, s_geluScale, scratch);
        TensorPrimitives.Tanh(scratch, scratch);
        TensorPrimitives.Add(scratch, 1f, scratch);
        TensorPrimitives.Multiply(scratch, x, scratch);
        TensorPrimitives.Multiply(scratch, 0.5f, x);
    }
}
