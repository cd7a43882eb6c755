using System;
using System.Collections.Generic;

namespace PEGen.IntegrationTests;

[PositionalEncoding(Dim = 32, MaxLen = 64, Scheme = EncodingScheme.Rope)] internal static partial class Grid32 { }
[PositionalEncoding(Dim = 96, MaxLen = 64, Scheme = EncodingScheme.Rope, Base = 500000)] internal static partial class Grid96 { }
[PositionalEncoding(Dim = 128, MaxLen = 64, Scheme = EncodingScheme.Rope)] internal static partial class Grid128 { }
[PositionalEncoding(Dim = 32, MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class GridI32 { }
[PositionalEncoding(Dim = 128, MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class GridI128 { }
[PositionalEncoding(Dim = 128, MaxLen = 64, Scheme = EncodingScheme.Rope, RotaryDim = 32)] internal static partial class GridP128 { }
[PositionalEncoding(Dim = 128, MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 32)] internal static partial class GridIP128 { }
[PositionalEncoding(Dim = 256, MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 64)] internal static partial class GridIP256 { }
[PositionalEncoding(Dim = 96, MaxLen = 64, Scheme = EncodingScheme.Rope, RotaryDim = 48)] internal static partial class GridP96 { }

[PositionalEncoding(Dim = 128, MaxLen = 64, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8,
    OriginalMaxLen = 16, Storage = TableStorage.Compact)]
internal static partial class GridCompact128 { }

/// <summary>
/// The grid kernels (rows walked on the 64-byte grid with AVX-512, on the 32-byte grid with AVX2 only, taken when
/// source and destination are equally far from it) against a scalar rotation from the class's own cos/sin, at every float offset from the grid: in place, out of
/// place at the same offset (grid kernel) and at another (row kernel), and RotateQueryKey; with partial rotary (the
/// values past RotaryDim copied bit for bit), including calls of 512 KiB that take the AVX-512 stream kernel. Every value must carry
/// the reference's bits and the guard floats on both sides must stay as they were. Where a kernel does not apply (the
/// CPU, the layout, the call's size) the same calls run the row kernel, and the test still holds.
/// </summary>
public sealed class GridKernelTests
{
    private delegate void InPlace(Span<float> vectors, int start, int heads);

    private delegate void OutOfPlace(ReadOnlySpan<float> vectors, Span<float> destination, int start, int heads);

    private delegate void QueryKey(Span<float> queries, int queryHeads, Span<float> keys, int keyHeads, int start);

    private delegate void CosSin(int start, Span<float> cos, Span<float> sin);

    private sealed record Rotary(int Dim, bool Halves, InPlace Rotate, OutOfPlace RotateTo, QueryKey QueryKey, CosSin CopyCosSin)
    {
        public int RotaryDim { get; init; } = Dim;
    }

    private static readonly Dictionary<string, Rotary> Classes = new()
    {
        ["Grid32"] = new(32, true, Grid32.Rotate, Grid32.Rotate, Grid32.RotateQueryKey, Grid32.CopyCosSin),
        ["Grid96"] = new(96, true, Grid96.Rotate, Grid96.Rotate, Grid96.RotateQueryKey, Grid96.CopyCosSin),
        ["Grid128"] = new(128, true, Grid128.Rotate, Grid128.Rotate, Grid128.RotateQueryKey, Grid128.CopyCosSin),
        ["GridI32"] = new(32, false, GridI32.Rotate, GridI32.Rotate, GridI32.RotateQueryKey, GridI32.CopyCosSin),
        ["GridI128"] = new(128, false, GridI128.Rotate, GridI128.Rotate, GridI128.RotateQueryKey, GridI128.CopyCosSin),
        ["GridCompact128"] = new(128, true, GridCompact128.Rotate, GridCompact128.Rotate, GridCompact128.RotateQueryKey,
            GridCompact128.CopyCosSin),
        ["GridP128"] = new(128, true, GridP128.Rotate, GridP128.Rotate, GridP128.RotateQueryKey, GridP128.CopyCosSin) { RotaryDim = 32 },
        ["GridIP128"] = new(128, false, GridIP128.Rotate, GridIP128.Rotate, GridIP128.RotateQueryKey, GridIP128.CopyCosSin) { RotaryDim = 32 },
        ["GridIP256"] = new(256, false, GridIP256.Rotate, GridIP256.Rotate, GridIP256.RotateQueryKey, GridIP256.CopyCosSin) { RotaryDim = 64 },
        ["GridP96"] = new(96, true, GridP96.Rotate, GridP96.Rotate, GridP96.RotateQueryKey, GridP96.CopyCosSin) { RotaryDim = 48 },
    };

    private const int Guard = 24;
    private const float GuardValue = -7.25f;

    public static TheoryData<string> Names() => new(Classes.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryOffsetGivesTheScalarBits(string name)
    {
        var k = Classes[name];
        var random = new Random(name.Length * 31 + k.Dim);
        foreach (int heads in new[] { 1, 3, 8 })
        foreach (int rows in new[] { 1, 3 })
        for (int offset = 0; offset < 16; offset++)
            AllForms(name, k, random, rows, heads, offset);
    }

    /// <summary>
    /// Calls of 512 KiB and more with at least 16 heads: where the AVX2 grid kernel takes over on a CPU without
    /// AVX-512 (smaller calls keep the row kernel there).
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void LargeCallsAtEveryOffsetGiveTheScalarBits(string name)
    {
        var k = Classes[name];
        var random = new Random(name.Length * 17 + k.Dim);
        const int rows = 32;
        int heads = System.Math.Max(16, (128 * 1024 + rows * k.Dim - 1) / (rows * k.Dim));
        for (int offset = 0; offset < 16; offset++)
            AllForms(name, k, random, rows, heads, offset);
    }

    private static void AllForms(string name, Rotary k, Random random, int rows, int heads, int offset)
    {
        {
            int start = 60 - rows;
            var input = Values(random, rows * heads * k.Dim);
            var expected = Reference(k, input, start, rows, heads);
            string at = $"{name} {rows}x{heads} at float {offset}";

            var inPlace = Guarded(input, offset);
            k.Rotate(inPlace.AsSpan(Guard + offset, input.Length), start, heads);
            Check(expected, inPlace, offset, "Rotate " + at);

            var source = Guarded(input, offset);
            var same = Guarded(new float[input.Length], offset);
            k.RotateTo(source.AsSpan(Guard + offset, input.Length), same.AsSpan(Guard + offset, input.Length), start, heads);
            Check(expected, same, offset, "Rotate(out, same offset) " + at);

            int other = (offset + 5) % 16;
            var apart = Guarded(new float[input.Length], other);
            k.RotateTo(source.AsSpan(Guard + offset, input.Length), apart.AsSpan(Guard + other, input.Length), start, heads);
            Check(expected, apart, other, "Rotate(out, other offset) " + at);

            var keys = Values(random, rows * k.Dim);
            var keysExpected = Reference(k, keys, start, rows, 1);
            var q = Guarded(input, offset);
            var kv = Guarded(keys, other);
            k.QueryKey(q.AsSpan(Guard + offset, input.Length), heads, kv.AsSpan(Guard + other, keys.Length), 1, start);
            Check(expected, q, offset, "RotateQueryKey queries " + at);
            Check(keysExpected, kv, other, "RotateQueryKey keys " + at);
        }
    }

    // A fresh array per call: its data starts wherever the allocator put it, and offset floats past that.
    private static float[] Guarded(float[] values, int offset)
    {
        var buffer = new float[Guard + offset + values.Length + Guard];
        buffer.AsSpan().Fill(GuardValue);
        values.CopyTo(buffer, Guard + offset);
        return buffer;
    }

    private static void Check(float[] expected, float[] buffer, int offset, string what)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            int j = i - Guard - offset;
            float want = j >= 0 && j < expected.Length ? expected[j] : GuardValue;
            if (BitConverter.SingleToInt32Bits(buffer[i]) != BitConverter.SingleToInt32Bits(want))
                Assert.Fail($"{what}: value {j} is {buffer[i]:R}, expected {want:R}");
        }
    }

    private static float[] Values(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() * 4 - 2);
        return values;
    }

    // a * c - b * s and b * c + a * s per pair, each product and sum a float32 rounding.
    private static float[] Reference(Rotary k, float[] input, int start, int rows, int heads)
    {
        int half = k.RotaryDim / 2;
        var cos = new float[rows * half];
        var sin = new float[rows * half];
        k.CopyCosSin(start, cos, sin);
        var output = (float[])input.Clone();
        for (int r = 0; r < rows; r++)
        for (int h = 0; h < heads; h++)
        for (int j = 0; j < half; j++)
        {
            int b = (r * heads + h) * k.Dim;
            int first = k.Halves ? b + j : b + 2 * j, second = k.Halves ? first + half : first + 1;
            float c = cos[r * half + j], s = sin[r * half + j], x0 = input[first], x1 = input[second];
            output[first] = x0 * c - x1 * s;
            output[second] = x1 * c + x0 * s;
        }
        return output;
    }
}
