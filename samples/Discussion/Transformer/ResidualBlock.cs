using System;
using System.Numerics.Tensors;

namespace Discussion.Transformer;

/// <summary>
/// One pre-LayerNorm residual block, <c>x += Attention(LN(x)); x += Mlp(LN(x))</c> (GPT-2,
/// Llama). Whatever the residual stream <c>x</c> holds is kept; each block only adds to it, and
/// it reads the stream only through LN.
/// </summary>
public sealed class ResidualBlock
{
    private readonly Attention _attention;
    private readonly Mlp _mlp;
    private readonly int _width;
    private float[] _normalized = Array.Empty<float>(), _update = Array.Empty<float>();

    public ResidualBlock(int width, int heads, Gaussian random, bool rotary, bool causal)
    {
        _width = width;
        _attention = new Attention(width, heads, random, rotary, causal);
        _mlp = new Mlp(width, random);
    }

    /// <summary>Applies the block to the residual stream <paramref name="x"/> (feature-major <c>[width × positions]</c>) in place.</summary>
    public void Apply(Span<float> x)
    {
        if (_normalized.Length != x.Length)
        {
            _normalized = new float[x.Length];
            _update = new float[x.Length];
        }
        LayerNorm.Apply(x, _width, _normalized);
        _attention.Apply(_normalized, _update);
        TensorPrimitives.Add(x, _update, x);
        LayerNorm.Apply(x, _width, _normalized);
        _mlp.Apply(_normalized, _update);
        TensorPrimitives.Add(x, _update, x);
    }
}
