using BenchmarkDotNet.Attributes;
using PEGen;

namespace PEGen.Benchmarks;

// MAE ViT-B/16 at 224 px: 196 patches + cls, Dim 768; the 1-D class of the same shape; the compact grid; SD3-medium's
// compact 192 x 192 grid (its centre 64 x 64 window, 1024 px).
[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1)] internal static partial class MaeGrid { }
[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1, Storage = TableStorage.Compact)] internal static partial class MaeGridCompact { }
[PositionalEncoding(Dim = 768, MaxLen = 197)] internal static partial class Vaswani768x197 { }
[PositionalEncoding2D(Dim = 1536, GridHeight = 192, GridWidth = 192, BaseSize = 64, Storage = TableStorage.Compact)] internal static partial class Sd3GridCompact { }

/// <summary>
/// AddTo of a whole grid (MAE: 197 x 768, in place) against the 1-D AddTo of the same shape (the baseline: the target is
/// as fast), the compact grid, and AddWindowTo over the 196 patches.
/// </summary>
[MemoryDiagnoser]
public class GridAddToBenchmarks
{
    private readonly float[] _tokens = Shapes.Random(197 * 768, 21);
    private readonly float[] _patches = Shapes.Random(196 * 768, 22);

    [Benchmark(Baseline = true)]
    public void Vaswani1DAddTo() => Vaswani768x197.AddTo(_tokens);

    [Benchmark]
    public void GridAddTo() => MaeGrid.AddTo(_tokens);

    [Benchmark]
    public void CompactGridAddTo() => MaeGridCompact.AddTo(_tokens);

    [Benchmark]
    public void GridAddWindowTo() => MaeGrid.AddWindowTo(_patches, 14, 14);

    [Benchmark]
    public void CompactGridAddWindowTo() => MaeGridCompact.AddWindowTo(_patches, 14, 14);
}

/// <summary>SD3-medium: the centre 64 x 64 window of the compact 192 x 192 grid at Dim 1536 (4096 patches, 24 MiB).</summary>
[MemoryDiagnoser]
public class GridWindowBenchmarks
{
    private readonly float[] _patches = Shapes.Random(64 * 64 * 1536, 23);

    [Benchmark]
    public void Sd3CompactCentreCrop() => Sd3GridCompact.AddWindowTo(_patches, 64, 64, 64, 64);
}
