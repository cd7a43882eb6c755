using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks;

/// <summary>
/// Diagnostic for the cache-resident AddTo shapes: AddTo and TensorPrimitives.Add on embeddings that
/// start on a 64-byte boundary (Offset 0) or 16 bytes past one (Offset 16; a float[] starts 16 bytes
/// into its object, so on x64 its data sits at 0, 8, 16 or 24 bytes past a 32-byte boundary from run
/// to run). At a misaligned start every other 32-byte access splits a cache line; TensorPrimitives
/// aligns its stores itself, the generated kernel does not. Baseline: TensorPrimitives, same offset.
/// </summary>
[MemoryDiagnoser]
public class AlignmentBenchmarks
{
    private float[] _pinned = null!;
    private int _start, _length;

    [Params("1x512", "64x512")]
    public string Shape { get; set; } = "1x512";

    [Params(0, 16)]
    public int OffsetBytes { get; set; }

    [GlobalSetup]
    public unsafe void Setup()
    {
        var (rows, dim, _) = Shapes.Parse(Shape);
        _length = rows * dim;
        _pinned = GC.AllocateArray<float>(_length + 32, pinned: true);
        fixed (float* p = _pinned)
            _start = (int)(((64 - ((nuint)p & 63)) & 63) / sizeof(float)) + OffsetBytes / sizeof(float);
        Shapes.Random(_length, 1).CopyTo(_pinned, _start);
    }

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesAdd()
    {
        Span<float> embeddings = _pinned.AsSpan(_start, _length);
        TensorPrimitives.Add(embeddings, Pe512.Table.Slice(0, _length), embeddings);
    }

    [Benchmark]
    public void PEGenAddTo() => Pe512.AddTo(_pinned.AsSpan(_start, _length));
}
