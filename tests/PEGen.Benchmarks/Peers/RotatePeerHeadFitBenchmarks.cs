using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// One row (decode, position 1000) of 1 to 32 heads, for the fit T(h) = fixed + h · perHead of each
/// engine (<see cref="HeadFit"/>): ORT's and ggml's calls have a fixed cost per call that the decode
/// shapes would otherwise charge to their kernels. Same engines and setup as <see cref="RotatePeerBenchmarks"/>.
/// </summary>
[IterationTime(250)]   // half the default: keeps both peer classes under ~10 min with --job short
public class RotatePeerHeadFitBenchmarks
{
    private RotaryPeerSet _set = null!;
    private RotaryLayout _layout;
    private int _start, _heads;
    private float[] _vectors = null!, _destination = null!;

    [Params(RotaryLayout.Rope, RotaryLayout.RopeInterleaved)]
    public RotaryLayout Layout { get; set; }

    [Params(1, 2, 4, 8, 16, 32)]
    public int Heads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _set = new RotaryPeerSet(RotaryForm.Of(Layout), 1, Heads, withUnpooledGgml: false);
        (_layout, _start, _heads) = (Layout, _set.Start, Heads);
        (_vectors, _destination) = (_set.Vectors, _set.PegenDestination);
    }

    [GlobalCleanup]
    public void Cleanup() => _set.Dispose();

    [Benchmark(Baseline = true)]
    public void PEGenRotate() => _layout.Rotate(_vectors, _destination, _start, _heads);

    [Benchmark]
    public void OrtIoBinding() => _set.Ort.RunWithBinding();

    [Benchmark]
    public void Ggml() => _set.Ggml.Compute();
}
