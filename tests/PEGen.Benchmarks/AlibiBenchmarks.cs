using System;
using BenchmarkDotNet.Attributes;
using PEGen;

namespace PEGen.Benchmarks;

/// <summary>MPT-7B's and BLOOM-7B1's head count.</summary>
[AlibiBias(Heads = 32, Reference = AlibiReference.Bloom)]
internal static partial class Alibi32 { }

/// <summary>
/// ALiBi biases added in place to [32 x rows x keys] attention scores: one decode step ("32x1x4096": 128K scores, in cache)
/// and a prefill block ("32x512x512": 8M scores, 32 MiB read and written: memory-bound). Baseline: the naive scalar
/// loop; CopyTo copies the same buffer (the same bytes read and written) as the memory bound.
/// </summary>
[MemoryDiagnoser]
public class AlibiBenchmarks
{
    private float[] _scores = null!, _copy = null!;
    private int _heads, _rows, _keys;

    [Params("32x1x4096", "32x512x512")]
    public string Shape { get; set; } = "32x1x4096";

    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Shape.Split('x');
        (_heads, _rows, _keys) = (int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
        _scores = Shapes.Random(_heads * _rows * _keys, 1);
        _copy = new float[_scores.Length];
    }

    /// <summary>The generated method (decode: the one query row is the last position).</summary>
    [Benchmark]
    public void PEGenAddBias() => Alibi32.AddBias(_scores, _keys, _keys - _rows);

    /// <summary>What a port writes first: three loops, one score at a time.</summary>
    [Benchmark(Baseline = true)]
    public void NaiveLoop()
    {
        float[] scores = _scores;
        ReadOnlySpan<float> slopes = Alibi32.Slopes;
        int start = _keys - _rows, index = 0;
        for (int h = 0; h < _heads; h++)
            for (int r = 0; r < _rows; r++)
                for (int j = 0; j < _keys; j++, index++)
                    scores[index] -= slopes[h] * Math.Abs(start + r - j);
    }

    /// <summary>Span.CopyTo of the same buffer into another: the memory bound for the same bytes.</summary>
    [Benchmark]
    public void CopyTo() => _scores.AsSpan().CopyTo(_copy);
}
