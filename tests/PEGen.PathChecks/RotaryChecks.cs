using System;
using System.Linq;

namespace PEGen.PathChecks;

/// <summary>In-place rotary rotation, as generated.</summary>
internal delegate void RotateInPlace(Span<float> vectors, int startPosition, int heads);

/// <summary>Out-of-place rotary rotation, as generated.</summary>
internal delegate void RotateTo(ReadOnlySpan<float> vectors, Span<float> destination, int startPosition, int heads);

/// <summary>In-place rotation with one position per row.</summary>
internal delegate void RotatePositions(Span<float> vectors, ReadOnlySpan<int> positions, int heads);

/// <summary>Out-of-place rotation with one position per row.</summary>
internal delegate void RotatePositionsTo(ReadOnlySpan<float> vectors, Span<float> destination, ReadOnlySpan<int> positions, int heads);

/// <summary>Queries and keys of the same rows, in place.</summary>
internal delegate void RotateQueryKey(Span<float> queries, int queryHeads, Span<float> keys, int keyHeads, int startPosition);

/// <summary>LongRoPE with the tables named.</summary>
internal delegate void RotateFactors(Span<float> vectors, int startPosition, int heads, LongRopeFactors factors);

/// <summary>LongRoPE with the tables named, out of place.</summary>
internal delegate void RotateFactorsTo(ReadOnlySpan<float> vectors, Span<float> destination, int startPosition, int heads, LongRopeFactors factors);

/// <summary>The generated rotary members of one class, its tables copied out.</summary>
internal sealed record RotaryClass(
    string Name, int Dim, int MaxLen, int RotaryDim, bool Halves, float[] Cos, float[] Sin,
    RotateInPlace Rotate, RotateTo RotateTo, RotatePositions Positions, RotatePositionsTo PositionsTo, RotateQueryKey QueryKey)
{
    /// <summary>LongRoPE: the switch; int.MaxValue for one table pair.</summary>
    public int OriginalMaxLen { get; init; } = int.MaxValue;
    public float[]? ShortCos { get; init; }
    public float[]? ShortSin { get; init; }
    public RotateFactors? Factors { get; init; }
    public RotateFactorsTo? FactorsTo { get; init; }

    public bool LongRope => ShortCos is not null;
}

/// <summary>
/// The rotary kernels against a scalar reference: a * c - b * s per pair of the first RotaryDim values of every head,
/// the rest unchanged, with LongRoPE's tables chosen by transformers' per-call rule. Every vector path must give the
/// reference's bits (no fused multiply-add anywhere), and the guard floats around each destination stay untouched.
/// </summary>
internal sealed partial class KernelChecks
{
    public void RunRotary(RotaryClass k)
    {
        int dim = k.Dim, maxLen = k.MaxLen;
        for (int trial = 0; trial < 44; trial++)
        {
            int heads = 1 + _random.Next(9);   // up to 9: the angles of a row are applied to all its heads
            int start = _random.Next(maxLen);
            int rows = _random.Next(maxLen - start + 1);
            if (trial >= 40)
            {
                // Calls of at least 512 KiB, which take the out-of-place stream kernel where it exists;
                // LongRoPE's short tables in half of them.
                start = _random.Next(4);
                rows = (k.LongRope && trial % 2 == 0 ? Math.Min(maxLen, k.OriginalMaxLen) : maxLen) - start;
                heads = (128 * 1024 + rows * dim - 1) / (rows * dim) + _random.Next(3);
            }
            var input = RandomFloats(rows * heads * dim);
            bool useShort = start + rows <= k.OriginalMaxLen;
            var expected = Reference(k, input, Enumerable.Range(start, rows).ToArray(), heads, useShort);
            string at = k.Name + " " + heads + " heads";

            var inPlace = Guarded(input);
            k.Rotate(Inside(inPlace, input.Length), start, heads);
            Record(dim, start, rows, "Rotate " + at, expected, inPlace);

            var outOfPlace = Guarded(new float[input.Length]);
            k.RotateTo(input, Inside(outOfPlace, input.Length), start, heads);
            Record(dim, start, rows, "Rotate(out) " + at, expected, outOfPlace);

            if (k.LongRope && trial % 4 == 0)
            {
                var factors = useShort && trial % 8 == 0 ? LongRopeFactors.Short : LongRopeFactors.Long;
                var named = Reference(k, input, Enumerable.Range(start, rows).ToArray(), heads, factors == LongRopeFactors.Short);
                var f = Guarded(input);
                k.Factors!(Inside(f, input.Length), start, heads, factors);
                Record(dim, start, rows, "Rotate(" + factors + ") " + at, named, f);
                var fo = Guarded(new float[input.Length]);
                k.FactorsTo!(input, Inside(fo, input.Length), start, heads, factors);
                Record(dim, start, rows, "Rotate(out, " + factors + ") " + at, named, fo);
            }
        }

        for (int trial = 0; trial < 12; trial++)
        {
            // One position per row: unsorted, repeated; LongRoPE below the switch in half of the trials.
            int heads = 1 + _random.Next(5), rows = _random.Next(12);
            int limit = k.LongRope && trial % 2 == 0 ? Math.Min(maxLen, k.OriginalMaxLen) : maxLen;
            var positions = Enumerable.Range(0, rows).Select(_ => _random.Next(limit)).ToArray();
            var input = RandomFloats(rows * heads * dim);
            var expected = Reference(k, input, positions, heads, positions.All(p => p < k.OriginalMaxLen));
            string at = k.Name + " positions [" + string.Join(",", positions) + "] " + heads + " heads";

            var inPlace = Guarded(input);
            k.Positions(Inside(inPlace, input.Length), positions, heads);
            Record(dim, -1, rows, "Rotate " + at, expected, inPlace);
            var outOfPlace = Guarded(new float[input.Length]);
            k.PositionsTo(input, Inside(outOfPlace, input.Length), positions, heads);
            Record(dim, -1, rows, "Rotate(out) " + at, expected, outOfPlace);
        }

        for (int trial = 0; trial < 12; trial++)
        {
            // Grouped-query rows: as many query heads as key heads, or a multiple of them.
            int keyHeads = 1 + _random.Next(4), queryHeads = keyHeads * (1 + _random.Next(4));
            int start = _random.Next(maxLen), rows = _random.Next(Math.Min(6, maxLen - start) + 1);
            var q = RandomFloats(rows * queryHeads * dim);
            var kv = RandomFloats(rows * keyHeads * dim);
            bool useShort = start + rows <= k.OriginalMaxLen;
            var range = Enumerable.Range(start, rows).ToArray();
            var qExpected = Reference(k, q, range, queryHeads, useShort);
            var kExpected = Reference(k, kv, range, keyHeads, useShort);
            var qBuffer = Guarded(q);
            int qLead = _lead;
            var kBuffer = Guarded(kv);
            k.QueryKey(qBuffer.AsSpan(qLead, q.Length), queryHeads, Inside(kBuffer, kv.Length), keyHeads, start);
            string at = $"{k.Name} {queryHeads}/{keyHeads} heads";
            Record(dim, start, rows, "RotateQueryKey queries " + at, qExpected, qBuffer);
            Record(dim, start, rows, "RotateQueryKey keys " + at, kExpected, kBuffer);
        }
    }

    private static float[] Reference(RotaryClass k, float[] input, int[] positions, int heads, bool useShort)
    {
        var cos = k.LongRope && useShort ? k.ShortCos! : k.Cos;
        var sin = k.LongRope && useShort ? k.ShortSin! : k.Sin;
        int half = k.RotaryDim / 2;
        var output = (float[])input.Clone();
        for (int r = 0; r < positions.Length; r++)
        for (int h = 0; h < heads; h++)
        for (int j = 0; j < half; j++)
        {
            int b = (r * heads + h) * k.Dim;
            int i0 = k.Halves ? b + j : b + 2 * j, i1 = k.Halves ? b + j + half : b + 2 * j + 1;
            float c = cos[positions[r] * half + j], s = sin[positions[r] * half + j];
            output[i0] = input[i0] * c - input[i1] * s;
            output[i1] = input[i1] * c + input[i0] * s;
        }
        return output;
    }

    private float[] RandomFloats(int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(_random.NextDouble() * 8 - 4);
        return values;
    }
}
