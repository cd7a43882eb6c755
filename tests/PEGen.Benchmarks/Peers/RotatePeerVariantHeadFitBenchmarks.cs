using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// ORT's per-head fit (<see cref="HeadFit"/>, one row at position 1000, 1 to 32 heads) for the partial
/// variants, whose per-head work (rotate 32 values, copy 96) differs from full width. The scaled variant
/// takes the full-width Rope fit of <see cref="RotatePeerHeadFitBenchmarks"/>: ORT's kernel does the same
/// work whatever the cache values. Only ORT: its kernel estimate is the one a target is set on.
/// </summary>
[IterationTime(250)]   // as the other peer classes
public class RotatePeerVariantHeadFitBenchmarks
{
    private RotaryPeerSet _set = null!;

    [Params(RotaryVariant.RopePartial, RotaryVariant.RopeIPartial)]
    public RotaryVariant Variant { get; set; }

    [Params(1, 2, 4, 8, 16, 32)]
    public int Heads { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => _set = new RotaryPeerSet(RotaryForm.Of(Variant), 1, Heads, withUnpooledGgml: false);

    [GlobalCleanup]
    public void Cleanup() => _set.Dispose();

    [Benchmark]
    public void OrtIoBinding() => _set.Ort.RunWithBinding();
}
