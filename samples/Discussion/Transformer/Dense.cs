using System;
using System.Numerics.Tensors;

namespace Discussion.Transformer;

/// <summary>
/// A bias-free linear layer <c>y = x·W</c>, <c>W</c> of <c>[inputs × outputs]</c> drawn from
/// N(0, 1/inputs), the usual initialisation that keeps a unit-variance input at unit variance.
/// Activations are feature-major (<c>[features × positions]</c>, see <see cref="RandomTransformer"/>).
/// </summary>
public sealed class Dense
{
    private readonly float[] _weights;  // [inputs × outputs]

    public Dense(int inputs, int outputs, Gaussian random)
    {
        Inputs = inputs;
        Outputs = outputs;
        _weights = new float[inputs * outputs];
        random.Fill(_weights, 1 / Math.Sqrt(inputs));
    }

    public int Inputs { get; }

    public int Outputs { get; }

    /// <summary><paramref name="y"/> (<c>[Outputs × positions]</c>) from <paramref name="x"/> (<c>[Inputs × positions]</c>).</summary>
    public void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        int positions = x.Length / Inputs;
        // Output feature j over all positions = Σ_c W[c, j] · input feature c over all positions:
        // Inputs·Outputs calls over spans of every position, the fewest and longest calls a
        // matrix product allows here (`dotnet run` builds Debug, where each call from this loop costs).
        for (int j = 0; j < Outputs; j++)
        {
            Span<float> output = y.Slice(j * positions, positions);
            TensorPrimitives.Multiply(x.Slice(0, positions), _weights[j], output);
            for (int c = 1; c < Inputs; c++)
                TensorPrimitives.MultiplyAdd(x.Slice(c * positions, positions), _weights[c * Outputs + j], output, output);
        }
    }
}
