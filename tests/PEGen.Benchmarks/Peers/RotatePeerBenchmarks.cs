using System;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// PEGen's out-of-place Rotate against the real peers on [rows × heads × 128] query vectors, base
/// 10000, one thread each: ONNX Runtime's CPU contrib op com.microsoft.RotaryEmbedding through
/// session.Run and through an IOBinding (fed PEGen's own Cos/Sin tables), and llama.cpp's ggml_rope_ext
/// (one planned graph, with a persistent one-thread threadpool and, for comparison, without one).
/// SpanCopyTo moves the same bytes from the vectors to another buffer: the memory roofline.
/// Decode shapes (one row) rotate at position 1000, prefill from 0; see <see cref="RotaryPeerSet"/>.
/// </summary>
[MemoryDiagnoser]
[IterationTime(250)]   // half the default: keeps both peer classes under ~10 min with --job short
public class RotatePeerBenchmarks
{
    private RotaryPeerSet _set = null!;
    private RotaryLayout _layout;
    private int _start, _heads;
    private float[] _vectors = null!, _destination = null!, _inPlace = null!, _copy = null!;

    [Params(RotaryLayout.Rope, RotaryLayout.RopeInterleaved)]
    public RotaryLayout Layout { get; set; }

    [Params("1x128x32h", "1x128x8h", "512x128x32h", "2048x128x8h")]
    public string Shape { get; set; } = "1x128x32h";

    [GlobalSetup]
    public void Setup()
    {
        var (rows, _, heads) = Shapes.Parse(Shape);
        _set = new RotaryPeerSet(RotaryForm.Of(Layout), rows, heads, withUnpooledGgml: true);
        (_layout, _start, _heads) = (Layout, _set.Start, heads);
        (_vectors, _destination, _inPlace, _copy) = (_set.Vectors, _set.PegenDestination, _set.InPlace, _set.CopyDestination);
    }

    [GlobalCleanup]
    public void Cleanup() => _set.Dispose();

    [Benchmark(Baseline = true)]
    public void PEGenRotate() => _layout.Rotate(_vectors, _destination, _start, _heads);

    /// <summary>Context: the same rotation in place (rotating the rotated vectors again keeps their norm).</summary>
    [Benchmark]
    public void PEGenRotateInPlace() => _layout.RotateInPlace(_inPlace, _start, _heads);

    [Benchmark]
    public void OrtRun() => _set.Ort.Run();

    [Benchmark]
    public void OrtIoBinding() => _set.Ort.RunWithBinding();

    [Benchmark]
    public void Ggml() => _set.Ggml.Compute();

    /// <summary>ggml_graph_compute with no threadpool in the plan: it creates and frees one per call.</summary>
    [Benchmark]
    public void GgmlNoThreadpool() => _set.GgmlUnpooled!.Compute();

    [Benchmark]
    public void SpanCopyTo() => _vectors.AsSpan().CopyTo(_copy);
}
