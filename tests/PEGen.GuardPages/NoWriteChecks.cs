using System;
using PEGen.TestSupport;

namespace PEGen.GuardPages;

/// <summary>
/// Every way to fail throws ArgumentException (or ArgumentOutOfRangeException) naming the argument at fault (one
/// of the method's parameters), and the destination is byte-identical before and after.
/// </summary>
internal static class NoWriteChecks
{
    private delegate void Call(float[] destination);

    public static void Run(Report report)
    {
        var random = new Random(7);
        foreach (var k in All.Additives)
        {
            int d = k.Dim, l = k.MaxLen;
            string n = k.Name;
            // AddTo: the embeddings are the destination.
            Expect(report, $"{n}.AddTo length not whole rows", 2 * d + 1, x => k.AddTo(x, 0), "embeddings");
            Expect(report, $"{n}.AddTo start -1", d, x => k.AddTo(x, -1), "startPosition");
            Expect(report, $"{n}.AddTo start int.MinValue", d, x => k.AddTo(x, int.MinValue), "startPosition");
            Expect(report, $"{n}.AddTo start MaxLen", d, x => k.AddTo(x, l), "startPosition");
            Expect(report, $"{n}.AddTo start int.MaxValue", d, x => k.AddTo(x, int.MaxValue), "startPosition");
            Expect(report, $"{n}.AddTo rows past MaxLen", 2 * d, x => k.AddTo(x, l - 1), "embeddings");
            Expect(report, $"{n}.AddTo MaxLen+1 rows", (l + 1) * d, x => k.AddTo(x, 0), "embeddings");

            // Add
            var input = new float[2 * d];
            Expect(report, $"{n}.Add length not whole rows", 2 * d + 1, x => k.Add(new float[2 * d + 1], x, 0), "embeddings");
            Expect(report, $"{n}.Add start -1", 2 * d, x => k.Add(input, x, -1), "startPosition");
            Expect(report, $"{n}.Add start MaxLen", 2 * d, x => k.Add(input, x, l), "startPosition");
            Expect(report, $"{n}.Add rows past MaxLen", 2 * d, x => k.Add(input, x, l - 1), "embeddings");
            Expect(report, $"{n}.Add destination short", 2 * d - 1, x => k.Add(input, x, 0), "destination");
            Expect(report, $"{n}.Add destination overlaps at an offset", 3 * d, x => k.Add(x.AsSpan(0, 2 * d), x.AsSpan(1, 2 * d), 0), "destination");

            // Embed
            var tokens = new float[5 * d];
            Expect(report, $"{n}.Embed token id = vocabulary", 2 * d, x => k.Embed(new[] { 0, 5 }, tokens, x, 0, 1f), "tokenIds");
            Expect(report, $"{n}.Embed token id -1", 2 * d, x => k.Embed(new[] { -1, 0 }, tokens, x, 0, 1f), "tokenIds");
            Expect(report, $"{n}.Embed token id int.MaxValue", 2 * d, x => k.Embed(new[] { 1, int.MaxValue }, tokens, x, 0, 1f), "tokenIds");
            Expect(report, $"{n}.Embed tokenEmbeddings not whole rows", 2 * d, x => k.Embed(new[] { 0, 1 }, new float[5 * d + 1], x, 0, 1f), "tokenEmbeddings");
            Expect(report, $"{n}.Embed start -1", 2 * d, x => k.Embed(new[] { 0, 1 }, tokens, x, -1, 1f), "startPosition");
            Expect(report, $"{n}.Embed start MaxLen", 2 * d, x => k.Embed(new[] { 0, 1 }, tokens, x, l, 1f), "startPosition");
            Expect(report, $"{n}.Embed rows past MaxLen", 2 * d, x => k.Embed(new[] { 0, 1 }, tokens, x, l - 1, 1f), "tokenIds");
            Expect(report, $"{n}.Embed destination short", 2 * d - 1, x => k.Embed(new[] { 0, 1 }, tokens, x, 0, 1f), "destination");

            // ConcatTo
            int e = 3, width = e + d;
            var embeddings = new float[2 * e];
            Expect(report, $"{n}.ConcatTo embeddingDim 0", 2 * width, x => k.ConcatTo(embeddings, 0, x, 0), "embeddingDim");
            Expect(report, $"{n}.ConcatTo embeddingDim -3", 2 * width, x => k.ConcatTo(embeddings, -3, x, 0), "embeddingDim");
            Expect(report, $"{n}.ConcatTo embeddings not whole rows", 2 * width, x => k.ConcatTo(new float[2 * e + 1], e, x, 0), "embeddings");
            Expect(report, $"{n}.ConcatTo start -1", 2 * width, x => k.ConcatTo(embeddings, e, x, -1), "startPosition");
            Expect(report, $"{n}.ConcatTo start MaxLen", 2 * width, x => k.ConcatTo(embeddings, e, x, l), "startPosition");
            Expect(report, $"{n}.ConcatTo rows past MaxLen", 2 * width, x => k.ConcatTo(embeddings, e, x, l - 1), "embeddings");
            Expect(report, $"{n}.ConcatTo destination short", 2 * width - 1, x => k.ConcatTo(embeddings, e, x, 0), "destination");
            Expect(report, $"{n}.ConcatTo destination overlaps", 2 * width + 2 * e, x => k.ConcatTo(x.AsSpan(0, 2 * e), e, x.AsSpan(1), 0), "destination");

            // Shift
            var row = new float[d];
            k.CopyRows(1, row);
            Expect(report, $"{n}.Shift encoding not whole rows", d + 1, x => k.Shift(new float[d + 1], 1, x), "encoding");
            Expect(report, $"{n}.Shift destination short", d - 1, x => k.Shift(row, 1, x), "destination");
            Expect(report, $"{n}.Shift destination overlaps at an offset", 2 * d + 1, x => k.Shift(x.AsSpan(0, d), 1, x.AsSpan(1, d)), "destination");

            // CopyRows: whole rows from startPosition on, all below MaxLen.
            Expect(report, $"{n}.CopyRows length not whole rows", 2 * d + 1, x => k.CopyRows(0, x), "destination");
            Expect(report, $"{n}.CopyRows start -1", d, x => k.CopyRows(-1, x), "startPosition");
            Expect(report, $"{n}.CopyRows start int.MinValue", d, x => k.CopyRows(int.MinValue, x), "startPosition");
            Expect(report, $"{n}.CopyRows start MaxLen", d, x => k.CopyRows(l, x), "startPosition");
            Expect(report, $"{n}.CopyRows start int.MaxValue", d, x => k.CopyRows(int.MaxValue, x), "startPosition");
            Expect(report, $"{n}.CopyRows rows past MaxLen", 2 * d, x => k.CopyRows(l - 1, x), "destination");
            Expect(report, $"{n}.CopyRows MaxLen+1 rows", (l + 1) * d, x => k.CopyRows(0, x), "destination");

            // Row (Full storage only) has no destination: it must throw for positions outside [0, MaxLen).
            if (k.Row is not { } rowOf) continue;
            foreach (int p in new[] { -1, l, int.MinValue, int.MaxValue })
                Expect(report, $"{n}.Row({p})", 1, _ => rowOf(p), "position");
        }

        foreach (var k in All.Rotaries)
        {
            int d = k.Dim, l = k.MaxLen;
            string n = k.Name;
            Expect(report, $"{n}.Rotate length not whole rows", 2 * d + 2, x => k.Rotate(x, 0, 1), "vectors");
            Expect(report, $"{n}.Rotate length not whole rows of 2 heads", 3 * d, x => k.Rotate(x, 0, 2), "vectors");
            Expect(report, $"{n}.Rotate heads 0", 2 * d, x => k.Rotate(x, 0, 0), "heads");
            Expect(report, $"{n}.Rotate heads -1", 2 * d, x => k.Rotate(x, 0, -1), "heads");
            Expect(report, $"{n}.Rotate start -1", d, x => k.Rotate(x, -1, 1), "startPosition");
            Expect(report, $"{n}.Rotate start MaxLen", d, x => k.Rotate(x, l, 1), "startPosition");
            Expect(report, $"{n}.Rotate rows past MaxLen", 2 * d, x => k.Rotate(x, l - 1, 1), "vectors");
            Expect(report, $"{n}.Rotate MaxLen+1 rows", (l + 1) * d, x => k.Rotate(x, 0, 1), "vectors");
            var input = new float[2 * d];
            Expect(report, $"{n}.Rotate(out) length not whole rows", 2 * d + 2, x => k.RotateTo(new float[2 * d + 2], x, 0, 1), "vectors");
            Expect(report, $"{n}.Rotate(out) heads 0", 2 * d, x => k.RotateTo(input, x, 0, 0), "heads");
            Expect(report, $"{n}.Rotate(out) start -1", 2 * d, x => k.RotateTo(input, x, -1, 1), "startPosition");
            Expect(report, $"{n}.Rotate(out) start MaxLen", 2 * d, x => k.RotateTo(input, x, l, 1), "startPosition");
            Expect(report, $"{n}.Rotate(out) rows past MaxLen", 2 * d, x => k.RotateTo(input, x, l - 1, 1), "vectors");
            Expect(report, $"{n}.Rotate(out) destination short", 2 * d - 1, x => k.RotateTo(input, x, 0, 1), "destination");
            Expect(report, $"{n}.Rotate(out) destination overlaps at an offset", 3 * d, x => k.RotateTo(x.AsSpan(0, 2 * d), x.AsSpan(1, 2 * d), 0, 1),
                "destination");

            // One position per row: exactly positions x heads x Dim, every position checked before the first write.
            var two = new[] { 0, 1 };
            Expect(report, $"{n}.Rotate(positions) one row short", d, x => k.Positions(x, two, 1), "vectors");
            Expect(report, $"{n}.Rotate(positions) one row too many", 3 * d, x => k.Positions(x, two, 1), "vectors");
            Expect(report, $"{n}.Rotate(positions) rows of one head for two", 2 * d, x => k.Positions(x, two, 2), "vectors");
            Expect(report, $"{n}.Rotate(positions) heads 0", 2 * d, x => k.Positions(x, two, 0), "heads");
            Expect(report, $"{n}.Rotate(positions) last position -1", 3 * d, x => k.Positions(x, new[] { 0, 1, -1 }, 1), "positions");
            Expect(report, $"{n}.Rotate(positions) last position MaxLen", 3 * d, x => k.Positions(x, new[] { 0, 1, l }, 1), "positions");
            Expect(report, $"{n}.Rotate(positions) position int.MinValue", 2 * d, x => k.Positions(x, new[] { int.MinValue, 0 }, 1), "positions");
            Expect(report, $"{n}.Rotate(positions, out) position MaxLen", 2 * d, x => k.PositionsTo(input, x, new[] { 1, l }, 1), "positions");
            Expect(report, $"{n}.Rotate(positions, out) destination short", 2 * d - 1, x => k.PositionsTo(input, x, two, 1), "destination");
            Expect(report, $"{n}.Rotate(positions, out) destination overlaps at an offset", 3 * d,
                x => k.PositionsTo(x.AsSpan(0, 2 * d), x.AsSpan(1, 2 * d), two, 1), "destination");

            // RotateQueryKey: queries are x[0, q), keys x[q, ...), so neither may change.
            Expect(report, $"{n}.RotateQueryKey queryHeads 0", 4 * d, x => k.QueryKey(x.AsSpan(0, 2 * d), 0, x.AsSpan(2 * d), 1, 0), "queryHeads");
            Expect(report, $"{n}.RotateQueryKey keyHeads -1", 4 * d, x => k.QueryKey(x.AsSpan(0, 2 * d), 1, x.AsSpan(2 * d), -1, 0), "keyHeads");
            Expect(report, $"{n}.RotateQueryKey queries not whole rows", 4 * d, x => k.QueryKey(x.AsSpan(0, 2 * d), 4, x.AsSpan(2 * d), 1, 0), "queries");
            Expect(report, $"{n}.RotateQueryKey keys not whole rows", 4 * d + 2, x => k.QueryKey(x.AsSpan(0, 2 * d), 1, x.AsSpan(2 * d), 1, 0), "keys");
            Expect(report, $"{n}.RotateQueryKey rows differ", 5 * d, x => k.QueryKey(x.AsSpan(0, 2 * d), 1, x.AsSpan(2 * d), 1, 0), "keys");
            Expect(report, $"{n}.RotateQueryKey start -1", 4 * d, x => k.QueryKey(x.AsSpan(0, 2 * d), 1, x.AsSpan(2 * d), 1, -1), "startPosition");
            Expect(report, $"{n}.RotateQueryKey start MaxLen", 4 * d, x => k.QueryKey(x.AsSpan(0, 2 * d), 1, x.AsSpan(2 * d), 1, l), "startPosition");
            Expect(report, $"{n}.RotateQueryKey rows past MaxLen", 4 * d, x => k.QueryKey(x.AsSpan(0, 2 * d), 1, x.AsSpan(2 * d), 1, l - 1), "queries");
            Expect(report, $"{n}.RotateQueryKey keys overlap queries", 3 * d, x => k.QueryKey(x.AsSpan(0, 2 * d), 1, x.AsSpan(d, 2 * d), 1, 0), "keys");

            // CopyCosSin: cos is x[0, c), sin x[c, ...), so neither may change.
            CosSin(report, k, "CopyCosSin", k.CopyCosSin, l);

            if (k.Factors is null || k.FactorsTo is null) continue;
            int o = k.OriginalMaxLen;
            Expect(report, $"{n}.Rotate(Short) past OriginalMaxLen", 2 * d, x => k.Factors(x, o - 1, 1, LongRopeFactors.Short), "startPosition");
            Expect(report, $"{n}.Rotate(Short) at OriginalMaxLen", d, x => k.Factors(x, o, 1, LongRopeFactors.Short), "startPosition");
            Expect(report, $"{n}.Rotate(factors 3)", d, x => k.Factors(x, 0, 1, (LongRopeFactors)3), "factors");
            Expect(report, $"{n}.Rotate(factors -1)", d, x => k.Factors(x, 0, 1, (LongRopeFactors)(-1)), "factors");
            Expect(report, $"{n}.Rotate(Long) rows past MaxLen", 2 * d, x => k.Factors(x, l - 1, 1, LongRopeFactors.Long), "vectors");
            Expect(report, $"{n}.Rotate(out, Short) past OriginalMaxLen", 2 * d, x => k.FactorsTo(input, x, o - 1, 1, LongRopeFactors.Short), "startPosition");
            Expect(report, $"{n}.Rotate(out, factors 7)", 2 * d, x => k.FactorsTo(input, x, 0, 1, (LongRopeFactors)7), "factors");
            Expect(report, $"{n}.Rotate(out, Auto) destination short", 2 * d - 1, x => k.FactorsTo(input, x, 0, 1, LongRopeFactors.Auto), "destination");

            // CopyShortCosSin: the short rows end at min(MaxLen, OriginalMaxLen).
            if (k.CopyShortCosSin is { } copyShort) CosSin(report, k, "CopyShortCosSin", copyShort, k.ShortRows);
        }

        // The checks of CopyCosSin and CopyShortCosSin, whose rows end at rowCount.
        void CosSin(Report r, Rotary k, string method, CopyCosSin copy, int rowCount)
        {
            int h = k.RotaryDim / 2, m = rowCount;
            string n = k.Name + "." + method;
            if (h > 1)
                Expect(r, $"{n} cos not whole rows", 4 * h + 2, x => copy(0, x.AsSpan(0, 2 * h + 1), x.AsSpan(2 * h + 1)), "cos");
            Expect(r, $"{n} sin shorter than cos", 4 * h - 1, x => copy(0, x.AsSpan(0, 2 * h), x.AsSpan(2 * h)), "sin");
            Expect(r, $"{n} sin longer than cos", 5 * h, x => copy(0, x.AsSpan(0, 2 * h), x.AsSpan(2 * h)), "sin");
            Expect(r, $"{n} sin empty", 2 * h, x => copy(0, x.AsSpan(0, 2 * h), x.AsSpan(2 * h)), "sin");
            Expect(r, $"{n} start -1", 2 * h, x => copy(-1, x.AsSpan(0, h), x.AsSpan(h)), "startPosition");
            Expect(r, $"{n} start int.MinValue", 2 * h, x => copy(int.MinValue, x.AsSpan(0, h), x.AsSpan(h)), "startPosition");
            Expect(r, $"{n} start at the last row + 1", 2 * h, x => copy(m, x.AsSpan(0, h), x.AsSpan(h)), "startPosition");
            Expect(r, $"{n} start int.MaxValue", 2 * h, x => copy(int.MaxValue, x.AsSpan(0, h), x.AsSpan(h)), "startPosition");
            Expect(r, $"{n} rows past the last row", 4 * h, x => copy(m - 1, x.AsSpan(0, 2 * h), x.AsSpan(2 * h)), "cos");
            Expect(r, $"{n} one row too many", 2 * (m + 1) * h, x => copy(0, x.AsSpan(0, (m + 1) * h), x.AsSpan((m + 1) * h)), "cos");
            Expect(r, $"{n} sin overlaps cos at an offset", 3 * h, x => copy(0, x.AsSpan(0, 2 * h), x.AsSpan(h, 2 * h)), "sin");
            Expect(r, $"{n} sin is cos", 2 * h, x => copy(0, x.AsSpan(0, 2 * h), x.AsSpan(0, 2 * h)), "sin");
        }

        void Expect(Report r, string what, int destinationLength, Call call, string argument)
        {
            var destination = GuardChecks.RandomFloats(random, destinationLength);
            var before = (float[])destination.Clone();
            try
            {
                call(destination);
                r.Fail(what + ": did not throw");
                return;
            }
            catch (ArgumentException e) when (e.ParamName == argument)
            {
            }
            catch (ArgumentException e)
            {
                r.Fail($"{what}: threw {e.GetType().Name} naming {(e.ParamName is null ? "no argument" : "\"" + e.ParamName + "\"")} ({e.Message}), expected \"{argument}\"");
                return;
            }
            catch (Exception e)
            {
                r.Fail($"{what}: threw {e.GetType().Name} ({e.Message}), expected ArgumentException naming the argument");
                return;
            }
            for (int i = 0; i < before.Length; i++)
            {
                if (!IeeeBits.Same(before[i], destination[i]))
                {
                    r.Fail($"{what}: destination[{i}] changed from {before[i]:R} to {destination[i]:R} before the exception");
                    return;
                }
            }
            r.Pass();
        }
    }
}
