using System;

namespace Discussion.Transformer;

/// <summary>
/// Seeded normal random numbers: SplitMix64 for the bits, Box–Muller for the shape. Our own
/// generator, so the experiment's figures depend on the seed alone, not on the runtime's
/// <see cref="Random"/> implementation.
/// </summary>
public sealed class Gaussian
{
    private ulong _state;
    private double _spare;
    private bool _hasSpare;

    public Gaussian(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in (0, 1): never 0, so the logarithm below is finite.</summary>
    public double NextUniform() => ((NextBits() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count) => (int)(NextUniform() * count);

    /// <summary>A draw from N(0, 1).</summary>
    public double NextStandard()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double radius = Math.Sqrt(-2.0 * Math.Log(NextUniform()));
        double angle = 2.0 * Math.PI * NextUniform();
        _spare = radius * Math.Sin(angle);
        _hasSpare = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Fills <paramref name="values"/> with draws from N(0, <paramref name="std"/>²).</summary>
    public void Fill(Span<float> values, double std)
    {
        for (int i = 0; i < values.Length; i++) values[i] = (float)(std * NextStandard());
    }
}
