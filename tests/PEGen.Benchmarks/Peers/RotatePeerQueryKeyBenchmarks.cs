using System;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// Grouped-query attention's q (32 heads) and k (8 heads) of the same rows, head 128, both layouts, decode
/// (1 row at position 1000) and prefill (512 rows from 0): PEGen's RotateQueryKey (in place, the only form it
/// has) against ORT (one session of a model with two RotaryEmbedding nodes, and two one-node sessions, both
/// through IOBindings; out of place) and ggml (one graph of two ggml_rope_ext nodes, out of place and in
/// place). Like with like: PEGen out of place as two Rotate calls to destinations, and as copy + RotateQueryKey;
/// SpanCopyTo copies q and k (the out-of-place memory roofline). See <see cref="QueryKeyPeerSet"/>.
/// </summary>
[MemoryDiagnoser]
[IterationTime(250)]   // as the other peer classes
public class RotatePeerQueryKeyBenchmarks
{
    private const int Q = QueryKeyPeerSet.QueryHeads, K = QueryKeyPeerSet.KeyHeads;
    private QueryKeyPeerSet _set = null!;
    private RotaryLayout _layout;
    private int _start;
    private float[] _queries = null!, _keys = null!, _inPlaceQueries = null!, _inPlaceKeys = null!;
    private float[] _queryDestination = null!, _keyDestination = null!, _copyQueries = null!, _copyKeys = null!;

    [Params(RotaryLayout.Rope, RotaryLayout.RopeInterleaved)]
    public RotaryLayout Layout { get; set; }

    [Params(1, 512)]
    public int Rows { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _set = new QueryKeyPeerSet(Layout, Rows);
        (_layout, _start) = (Layout, _set.Start);
        (_queries, _keys, _inPlaceQueries, _inPlaceKeys) = (_set.Queries, _set.Keys, _set.InPlaceQueries, _set.InPlaceKeys);
        (_queryDestination, _keyDestination, _copyQueries, _copyKeys) = (_set.QueryDestination, _set.KeyDestination, _set.CopyQueries, _set.CopyKeys);
    }

    [GlobalCleanup]
    public void Cleanup() => _set.Dispose();

    /// <summary>In place; rotating the rotated vectors again keeps their norm.</summary>
    [Benchmark(Baseline = true)]
    public void PEGenRotateQueryKey() => _layout.RotateQueryKey(_inPlaceQueries, Q, _inPlaceKeys, K, _start);

    [Benchmark]
    public void PEGenTwoRotateOutOfPlace()
    {
        _layout.Rotate(_queries, _queryDestination, _start, Q);
        _layout.Rotate(_keys, _keyDestination, _start, K);
    }

    [Benchmark]
    public void PEGenCopyThenRotateQueryKey()
    {
        _queries.AsSpan().CopyTo(_copyQueries);
        _keys.AsSpan().CopyTo(_copyKeys);
        _layout.RotateQueryKey(_copyQueries, Q, _copyKeys, K, _start);
    }

    [Benchmark]
    public void OrtTwoNodes() => _set.OrtTwoNodes.RunWithBinding();

    [Benchmark]
    public void OrtTwoSessions()
    {
        _set.OrtQuery.RunWithBinding();
        _set.OrtKey.RunWithBinding();
    }

    [Benchmark]
    public void Ggml() => _set.Ggml.Compute();

    [Benchmark]
    public void GgmlInPlace() => _set.GgmlInPlace.Compute();

    [Benchmark]
    public void SpanCopyTo()
    {
        _queries.AsSpan().CopyTo(_copyQueries);
        _keys.AsSpan().CopyTo(_copyKeys);
    }
}
