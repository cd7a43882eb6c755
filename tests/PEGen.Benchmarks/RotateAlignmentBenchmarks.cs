using System;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks;

/// <summary>
/// In-place Rotate on vectors that start on a 64-byte boundary (Offset 0) or 16 bytes past one (a managed
/// array's data usually is off the boundary). Off it, the AVX-512 grid kernel keeps every load and store on
/// whole lines; before it, every 64-byte vector split two cache lines and a decode step took about twice as
/// long as on the boundary. Without AVX-512 the AVX2 grid kernel does the same for rotate_half calls of 512 KiB
/// and more (the 512-row shape); smaller calls and the interleaved layout keep the row kernel, whose split
/// 32-byte accesses cost 1.01-1.08x at decode there. Compare the two offsets' times: they should be within
/// noise of each other.
/// </summary>
[MemoryDiagnoser]
public class RotateAlignmentBenchmarks
{
    private float[] _pinned = null!;
    private int _start, _length, _heads;

    [Params("1x128x32h", "1x128x8h", "512x128x32h")]
    public string Shape { get; set; } = "1x128x32h";

    [Params(0, 16)]
    public int OffsetBytes { get; set; }

    [GlobalSetup]
    public unsafe void Setup()
    {
        var (rows, dim, heads) = Shapes.Parse(Shape);
        _heads = heads;
        _length = rows * heads * dim;
        _pinned = GC.AllocateArray<float>(_length + 32, pinned: true);
        fixed (float* p = _pinned)
            _start = (int)(((64 - ((nuint)p & 63)) & 63) / sizeof(float)) + OffsetBytes / sizeof(float);
        Shapes.Random(_length, 1).CopyTo(_pinned, _start);
    }

    [Benchmark]
    public void Rope() => Rope128.Rotate(_pinned.AsSpan(_start, _length), 100, _heads);

    [Benchmark]
    public void RopeInterleaved() => RopeI128.Rotate(_pinned.AsSpan(_start, _length), 100, _heads);

    [Benchmark]
    public void RopeCompact() => Llama3Compact.Rotate(_pinned.AsSpan(_start, _length), 9000, _heads);
}
