using System;

namespace PEGen.GuardPages;

/// <summary>
/// Every generated method over random shapes and positions, with every input and destination in
/// its own guarded pages (see <see cref="GuardedBuffer{T}"/>). A stray read or write crashes the
/// process; results are also compared with the same call on managed arrays.
/// </summary>
internal static class GuardChecks
{
    private const int Trials = 30, Vocabulary = 5;

    public static void Run(Report report, int seed, bool endAtGuard)
    {
        var random = new Random(seed);
        string side = endAtGuard ? "end" : "start";
        foreach (var k in All.Additives)
        {
            for (int trial = 0; trial < Trials; trial++)
            {
                int start = random.Next(k.MaxLen);
                int rows = trial == 0 ? k.MaxLen - start : random.Next(k.MaxLen - start + 1);
                string at = $"{k.Name} ({side}) start={start} rows={rows}";
                float[] input = RandomFloats(random, rows * k.Dim);

                var expected = (float[])input.Clone();
                k.AddTo(expected, start);
                using (var g = new GuardedBuffer<float>(input, endAtGuard))
                {
                    k.AddTo(g.Span, start);
                    report.Same("AddTo " + at, expected, g.Span);
                }

                // CopyRows: exactly the rows asked for, and the rows AddTo added (compact: both through the row method).
                var copied = new float[rows * k.Dim];
                k.CopyRows(start, copied);
                using (var destination = new GuardedBuffer<float>(copied.Length, endAtGuard))
                {
                    k.CopyRows(start, destination.Span);
                    report.Same("CopyRows " + at, copied, destination.Span);
                }
                var sums = new float[input.Length];
                for (int i = 0; i < sums.Length; i++) sums[i] = input[i] + copied[i];
                report.Same("AddTo = input + CopyRows " + at, sums, expected);

                using (var source = new GuardedBuffer<float>(input, endAtGuard))
                using (var destination = new GuardedBuffer<float>(input.Length, endAtGuard))
                {
                    k.Add(source.Span, destination.Span, start);
                    report.Same("Add " + at, expected, destination.Span);
                }

                int[] ids = new int[rows];
                for (int i = 0; i < rows; i++) ids[i] = random.Next(Vocabulary);
                float[] tokens = RandomFloats(random, Vocabulary * k.Dim);
                float scale = trial % 2 == 0 ? 1f : (float)random.NextDouble() * 4;
                var embedded = new float[rows * k.Dim];
                k.Embed(ids, tokens, embedded, start, scale);
                using (var gIds = new GuardedBuffer<int>(ids, endAtGuard))
                using (var gTokens = new GuardedBuffer<float>(tokens, endAtGuard))
                using (var destination = new GuardedBuffer<float>(embedded.Length, endAtGuard))
                {
                    k.Embed(gIds.Span, gTokens.Span, destination.Span, start, scale);
                    report.Same("Embed " + at, embedded, destination.Span);
                }

                int embeddingDim = 1 + random.Next(9);
                float[] embeddings = RandomFloats(random, rows * embeddingDim);
                var concatenated = new float[rows * (embeddingDim + k.Dim)];
                k.ConcatTo(embeddings, embeddingDim, concatenated, start);
                using (var source = new GuardedBuffer<float>(embeddings, endAtGuard))
                using (var destination = new GuardedBuffer<float>(concatenated.Length, endAtGuard))
                {
                    k.ConcatTo(source.Span, embeddingDim, destination.Span, start);
                    report.Same("ConcatTo " + at + " embeddingDim=" + embeddingDim, concatenated, destination.Span);
                }

                int shiftRows = random.Next(4);
                int offset = random.Next(-2 * k.MaxLen, 2 * k.MaxLen);
                float[] encoding = new float[shiftRows * k.Dim];
                for (int r = 0; r < shiftRows; r++) k.CopyRows(random.Next(k.MaxLen), encoding.AsSpan(r * k.Dim, k.Dim));
                var shifted = new float[encoding.Length];
                k.Shift(encoding, offset, shifted);
                using (var source = new GuardedBuffer<float>(encoding, endAtGuard))
                using (var destination = new GuardedBuffer<float>(encoding.Length, endAtGuard))
                {
                    k.Shift(source.Span, offset, destination.Span);
                    report.Same($"Shift {at} offset={offset}", shifted, destination.Span);
                    k.Shift(source.Span, offset, source.Span);
                    report.Same($"Shift in place {at} offset={offset}", shifted, source.Span);
                }

                if (k.Row is null) continue;
                int rowPosition = random.Next(k.MaxLen);
                var row = k.Row(rowPosition);
                float sum = 0;
                foreach (float v in row) sum += v;
                if (row.Length == k.Dim && !float.IsNaN(sum)) report.Pass(); else report.Fail("Row " + at);
                var rowCopy = new float[k.Dim];
                k.CopyRows(rowPosition, rowCopy);
                report.Same($"CopyRows {at} position={rowPosition} = Row", row, rowCopy);
            }
        }

        foreach (var k in All.Rotaries)
        {
            for (int trial = 0; trial < Trials; trial++)
            {
                int heads = 1 + random.Next(3);
                int start = random.Next(k.MaxLen);
                int rows = trial == 0 ? k.MaxLen - start : random.Next(k.MaxLen - start + 1);
                if (trial == 1)
                {
                    // At least 512 KiB and 16 heads: the out-of-place AVX-512 stream kernel, and off the grid (below)
                    // the AVX2 grid kernel, where the class has them.
                    rows = k.MaxLen - start;
                    heads = System.Math.Max(16, (128 * 1024 + rows * k.Dim - 1) / (rows * k.Dim));
                }
                string at = $"{k.Name} ({side}) start={start} rows={rows} heads={heads}";
                float[] input = RandomFloats(random, rows * heads * k.Dim);
                var expected = (float[])input.Clone();
                k.Rotate(expected, start, heads);
                using (var g = new GuardedBuffer<float>(input, endAtGuard))
                {
                    k.Rotate(g.Span, start, heads);
                    report.Same("Rotate " + at, expected, g.Span);
                }
                using (var source = new GuardedBuffer<float>(input, endAtGuard))
                using (var destination = new GuardedBuffer<float>(input.Length, endAtGuard))
                {
                    k.RotateTo(source.Span, destination.Span, start, heads);
                    report.Same("Rotate(out) " + at, expected, destination.Span);
                }
                if (trial == 1 && endAtGuard)
                {
                    // Two floats off the 32-byte grid, ending at the guard page: a grid kernel's reads past the row fault.
                    using var offGrid = new GuardedBuffer<float>(input.Length + 2, endAtGuard);
                    using var offGridOut = new GuardedBuffer<float>(input.Length + 2, endAtGuard);
                    input.CopyTo(offGrid.Span.Slice(2));
                    k.RotateTo(offGrid.Span.Slice(2), offGridOut.Span.Slice(2), start, heads);
                    report.Same("Rotate(out, off the grid) " + at, expected, offGridOut.Span.Slice(2));
                    k.Rotate(offGrid.Span.Slice(2), start, heads);
                    report.Same("Rotate(off the grid) " + at, expected, offGrid.Span.Slice(2));
                }
                CosSinRows(report, random, k, endAtGuard, side, trial);
                if (trial < 6) RotaryForms(report, random, k, endAtGuard, side, trial);
            }
        }
    }

    // CopyCosSin (and LongRoPE's CopyShortCosSin over its short rows): cos and sin each in its own guarded pages, exactly
    // rows x RotaryDim/2 long.
    private static void CosSinRows(Report report, Random random, Rotary k, bool endAtGuard, string side, int trial)
    {
        int half = k.RotaryDim / 2;
        Check("CopyCosSin", k.CopyCosSin, k.MaxLen);
        if (k.CopyShortCosSin is { } copyShort) Check("CopyShortCosSin", copyShort, k.ShortRows);

        void Check(string method, CopyCosSin copy, int limit)
        {
            int start = random.Next(limit);
            int rows = trial == 0 ? limit - start : random.Next(limit - start + 1);
            string at = $"{method} {k.Name} ({side}) start={start} rows={rows}";
            float[] cos = new float[rows * half], sin = new float[rows * half];
            copy(start, cos, sin);
            using var gCos = new GuardedBuffer<float>(cos.Length, endAtGuard);
            using var gSin = new GuardedBuffer<float>(sin.Length, endAtGuard);
            copy(start, gCos.Span, gSin.Span);
            report.Same(at + " cos", cos, gCos.Span);
            report.Same(at + " sin", sin, gSin.Span);
        }
    }

    // The positions overloads, RotateQueryKey and LongRoPE's factors overloads, every span in its own guarded pages.
    private static void RotaryForms(Report report, Random random, Rotary k, bool endAtGuard, string side, int trial)
    {
        int heads = 1 + random.Next(3), rows = random.Next(9);
        int limit = k.Factors is not null && trial % 2 == 0 ? k.OriginalMaxLen : k.MaxLen;
        var positions = new int[rows];
        for (int r = 0; r < rows; r++) positions[r] = random.Next(limit);
        string at = $"{k.Name} ({side}) positions [{string.Join(",", positions)}] heads={heads}";
        float[] input = RandomFloats(random, rows * heads * k.Dim);
        var expected = (float[])input.Clone();
        k.Positions(expected, positions, heads);
        using (var p = new GuardedBuffer<int>(positions, endAtGuard))
        {
            using (var g = new GuardedBuffer<float>(input, endAtGuard))
            {
                k.Positions(g.Span, p.Span, heads);
                report.Same("Rotate " + at, expected, g.Span);
            }
            using (var source = new GuardedBuffer<float>(input, endAtGuard))
            using (var destination = new GuardedBuffer<float>(input.Length, endAtGuard))
            {
                k.PositionsTo(source.Span, destination.Span, p.Span, heads);
                report.Same("Rotate(out) " + at, expected, destination.Span);
            }
        }

        int keyHeads = 1 + random.Next(2), queryHeads = keyHeads * (1 + random.Next(3));
        int start = random.Next(k.MaxLen);
        rows = random.Next(Math.Min(5, k.MaxLen - start) + 1);
        float[] q = RandomFloats(random, rows * queryHeads * k.Dim), keys = RandomFloats(random, rows * keyHeads * k.Dim);
        float[] qExpected = (float[])q.Clone(), kExpected = (float[])keys.Clone();
        k.QueryKey(qExpected, queryHeads, kExpected, keyHeads, start);
        using (var gq = new GuardedBuffer<float>(q, endAtGuard))
        using (var gk = new GuardedBuffer<float>(keys, endAtGuard))
        {
            k.QueryKey(gq.Span, queryHeads, gk.Span, keyHeads, start);
            string qk = $"RotateQueryKey {k.Name} ({side}) start={start} rows={rows} {queryHeads}/{keyHeads}";
            report.Same(qk + " queries", qExpected, gq.Span);
            report.Same(qk + " keys", kExpected, gk.Span);
        }

        if (k.Factors is null || k.FactorsTo is null) return;
        var factors = trial % 3 == 0 ? LongRopeFactors.Long : trial % 3 == 1 ? LongRopeFactors.Auto : LongRopeFactors.Short;
        start = factors == LongRopeFactors.Short ? random.Next(k.OriginalMaxLen) : random.Next(k.MaxLen);
        rows = random.Next((factors == LongRopeFactors.Short ? k.OriginalMaxLen : k.MaxLen) - start + 1);
        input = RandomFloats(random, rows * heads * k.Dim);
        expected = (float[])input.Clone();
        k.Factors(expected, start, heads, factors);
        string named = $"{k.Name} ({side}) {factors} start={start} rows={rows} heads={heads}";
        using (var g = new GuardedBuffer<float>(input, endAtGuard))
        {
            k.Factors(g.Span, start, heads, factors);
            report.Same("Rotate " + named, expected, g.Span);
        }
        using (var source = new GuardedBuffer<float>(input, endAtGuard))
        using (var destination = new GuardedBuffer<float>(input.Length, endAtGuard))
        {
            k.FactorsTo(source.Span, destination.Span, start, heads, factors);
            report.Same("Rotate(out) " + named, expected, destination.Span);
        }
    }

    public static float[] RandomFloats(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 8 - 4);
        return values;
    }
}
