using System;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks;

/// <summary>
/// Rotate with Storage = Compact against the Full table of the same declaration (issue 14: at most 1.5x), in place
/// and out of place (a separate destination, as a model's q/k projections usually are; large calls take the stream
/// kernel on AVX-512 for both storages).
/// </summary>
[MemoryDiagnoser]
public class CompactRotateBenchmarks
{
    private float[] _vectors = null!;
    private float[] _destination = null!;
    private int _heads;

    [Params("1x128x32h", "2048x128x8h")]
    public string Shape { get; set; } = "1x128x32h";

    [GlobalSetup]
    public void Setup()
    {
        (int rows, int dim, _heads) = Shapes.Parse(Shape);
        _vectors = Shapes.Random(rows * _heads * dim, 5);
        _destination = new float[_vectors.Length];
    }

    [Benchmark(Baseline = true)]
    public void Full() => Llama3Full.Rotate(_vectors, 9000, _heads);

    [Benchmark]
    public void Compact() => Llama3Compact.Rotate(_vectors, 9000, _heads);

    [Benchmark]
    public void FullOutOfPlace() => Llama3Full.Rotate(_vectors, _destination, 9000, _heads);

    [Benchmark]
    public void CompactOutOfPlace() => Llama3Compact.Rotate(_vectors, _destination, 9000, _heads);
}

/// <summary>AddTo 64 x 512 with Storage = Compact against Full (at most 2x exact/float64, 3x float32) and the naive loop.</summary>
[MemoryDiagnoser]
public class CompactAddToBenchmarks
{
    private readonly float[] _embeddings = Shapes.Random(64 * 512, 3);

    [Benchmark(Baseline = true)]
    public void VaswaniFull() => Pe512.AddTo(_embeddings, 1000);

    [Benchmark]
    public void VaswaniCompact() => Pe512Compact.AddTo(_embeddings, 1000);

    [Benchmark]
    public void XlmFull() => Xlm512.AddTo(_embeddings, 1000);

    [Benchmark]
    public void XlmCompact() => Xlm512Compact.AddTo(_embeddings, 1000);

    [Benchmark]
    public void FairseqFull() => Fairseq512.AddTo(_embeddings, 1000);

    [Benchmark]
    public void FairseqCompact() => Fairseq512Compact.AddTo(_embeddings, 1000);

    /// <summary>What a port without PEGen computes per call: Math.Sin/Cos per entry (host libm).</summary>
    [Benchmark]
    public void NaiveOnTheFly()
    {
        var e = _embeddings;
        for (int r = 0; r < 64; r++)
        for (int k = 0; k < 256; k++)
        {
            double angle = (1000 + r) * Math.Pow(10000, -2.0 * k / 512);
            e[r * 512 + 2 * k] += (float)Math.Sin(angle);
            e[r * 512 + 2 * k + 1] += (float)Math.Cos(angle);
        }
    }
}
