using System;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The peers on the rotary variants beyond full width: partial rotary (RotaryDim 32 of head 128, both layouts;
/// ORT's rotary_embedding_dim, ggml's n_dims) and Llama 3.1's scaled frequencies (ORT fed RopeLlama3128's
/// Cos/Sin, ggml given the llama3 freq_factors). Same shapes, engines and checks as
/// <see cref="RotatePeerBenchmarks"/>, fewer context columns: session.Run, ggml without a threadpool and
/// PEGen in place are measured there for full width and differ from the timed forms by per-call costs
/// that do not depend on the variant.
/// </summary>
[MemoryDiagnoser]
[IterationTime(250)]   // as the other peer classes: keeps the peer run near its budget with --job short
public class RotatePeerVariantBenchmarks
{
    private RotaryPeerSet _set = null!;
    private RotaryForm _form = null!;
    private int _start, _heads;
    private float[] _vectors = null!, _destination = null!, _copy = null!;

    [Params(RotaryVariant.RopePartial, RotaryVariant.RopeIPartial, RotaryVariant.RopeLlama3)]
    public RotaryVariant Variant { get; set; }

    [Params("1x128x32h", "1x128x8h", "512x128x32h", "2048x128x8h")]
    public string Shape { get; set; } = "1x128x32h";

    [GlobalSetup]
    public void Setup()
    {
        var (rows, _, heads) = Shapes.Parse(Shape);
        _form = RotaryForm.Of(Variant);
        _set = new RotaryPeerSet(_form, rows, heads, withUnpooledGgml: false);
        (_start, _heads) = (_set.Start, heads);
        (_vectors, _destination, _copy) = (_set.Vectors, _set.PegenDestination, _set.CopyDestination);
    }

    [GlobalCleanup]
    public void Cleanup() => _set.Dispose();

    [Benchmark(Baseline = true)]
    public void PEGenRotate() => _form.Rotate(_vectors, _destination, _start, _heads);

    [Benchmark]
    public void OrtIoBinding() => _set.Ort.RunWithBinding();

    [Benchmark]
    public void Ggml() => _set.Ggml.Compute();

    [Benchmark]
    public void SpanCopyTo() => _vectors.AsSpan().CopyTo(_copy);
}
