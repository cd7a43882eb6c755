using System;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks;

/// <summary>
/// Partial rotary (RotaryDim 32 of 128) out of place against its floor, copying the whole input and then rotating
/// in place: the generated method rotates 32 values and copies 96 per head in one pass.
/// </summary>
[MemoryDiagnoser]
public class PartialRotateBenchmarks
{
    private float[] _source = null!, _destination = null!;
    private int _heads;

    [Params("1x128x32h", "512x128x32h", "2048x128x8h")]
    public string Shape { get; set; } = "1x128x32h";

    [GlobalSetup]
    public void Setup()
    {
        (int rows, int dim, _heads) = Shapes.Parse(Shape);
        _source = Shapes.Random(rows * _heads * dim, 7);
        _destination = new float[_source.Length];
    }

    [Benchmark]
    public void PEGenPartial() => RopePartial128.Rotate(_source, _destination, 0, _heads);

    [Benchmark]
    public void PEGenPartialInterleaved() => RopeIPartial128.Rotate(_source, _destination, 0, _heads);

    [Benchmark(Baseline = true)]
    public void CopyThenRotateInPlace()
    {
        _source.AsSpan().CopyTo(_destination);
        RopePartial128.Rotate(_destination, 0, _heads);
    }

    [Benchmark]
    public void CopyThenRotateInPlaceInterleaved()
    {
        _source.AsSpan().CopyTo(_destination);
        RopeIPartial128.Rotate(_destination, 0, _heads);
    }
}

/// <summary>Scaled tables (Llama 3, YaRN) against plain Rope: the same generated kernel, so the same speed.</summary>
[MemoryDiagnoser]
public class ScaledRotateBenchmarks
{
    private float[] _vectors = null!;
    private int _heads;

    [Params("1x128x32h", "512x128x32h")]
    public string Shape { get; set; } = "1x128x32h";

    [GlobalSetup]
    public void Setup()
    {
        (int rows, int dim, _heads) = Shapes.Parse(Shape);
        _vectors = Shapes.Random(rows * _heads * dim, 9);
    }

    [Benchmark(Baseline = true)]
    public void PlainRope() => Rope128.Rotate(_vectors, 0, _heads);

    [Benchmark]
    public void Llama3Scaled() => RopeLlama3128.Rotate(_vectors, 0, _heads);

    [Benchmark]
    public void YarnScaled() => RopeYarn128.Rotate(_vectors, 0, _heads);
}

/// <summary>
/// Grouped-query attention's q and k of the same rows (32 query heads, 8 key heads, head 128): one RotateQueryKey
/// call, which finds a row's cos/sin once for all 40 heads, against two Rotate calls; Full and Compact storage.
/// </summary>
[MemoryDiagnoser]
public class RotateQueryKeyBenchmarks
{
    private const int QueryHeads = 32, KeyHeads = 8, Dim = 128;
    private float[] _queries = null!, _keys = null!;

    [Params(1, 512)]
    public int Rows { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _queries = Shapes.Random(Rows * QueryHeads * Dim, 11);
        _keys = Shapes.Random(Rows * KeyHeads * Dim, 12);
    }

    [Benchmark]
    public void PEGenRotateQueryKey() => Rope128.RotateQueryKey(_queries, QueryHeads, _keys, KeyHeads, 0);

    [Benchmark(Baseline = true)]
    public void TwoRotateCalls()
    {
        Rope128.Rotate(_queries, 0, QueryHeads);
        Rope128.Rotate(_keys, 0, KeyHeads);
    }

    [Benchmark]
    public void PEGenRotateQueryKeyInterleaved() => RopeI128.RotateQueryKey(_queries, QueryHeads, _keys, KeyHeads, 0);

    [Benchmark]
    public void TwoRotateCallsInterleaved()
    {
        RopeI128.Rotate(_queries, 0, QueryHeads);
        RopeI128.Rotate(_keys, 0, KeyHeads);
    }

    // Compact storage computes a row's cos/sin per call: RotateQueryKey computes it once for both spans.
    [Benchmark]
    public void PEGenRotateQueryKeyCompact() => Llama3Compact.RotateQueryKey(_queries, QueryHeads, _keys, KeyHeads, 9000);

    [Benchmark]
    public void TwoRotateCallsCompact()
    {
        Llama3Compact.Rotate(_queries, 9000, QueryHeads);
        Llama3Compact.Rotate(_keys, 9000, KeyHeads);
    }
}
