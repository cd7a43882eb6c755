using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PEGen.TestSupport;

namespace PEGen.GuardPages;

internal delegate void AddWindowTo(Span<float> patches, int patchRows, int patchColumns, int top, int left);
internal delegate ReadOnlySpan<float> PatchRow(int patchRow, int patchColumn);

/// <summary>The generated methods of one [PositionalEncoding2D] class (Row and PatchRow: Full storage only).</summary>
internal sealed record Grid(string Name, int Dim, int GridHeight, int GridWidth, int ExtraTokens, int MaxLen,
    AddTo AddTo, Add Add, CopyRows CopyRows, AddWindowTo AddWindowTo, Row? Row = null, PatchRow? PatchRow = null)
{
    public static readonly Grid[] All =
    {
        new("Grid4", Grid4.Dim, Grid4.GridHeight, Grid4.GridWidth, Grid4.ExtraTokens, Grid4.MaxLen, Grid4.AddTo, Grid4.Add, Grid4.CopyRows, Grid4.AddWindowTo, Grid4.Row, Grid4.Row),
        new("CompactGrid4", CompactGrid4.Dim, CompactGrid4.GridHeight, CompactGrid4.GridWidth, CompactGrid4.ExtraTokens, CompactGrid4.MaxLen,
            CompactGrid4.AddTo, CompactGrid4.Add, CompactGrid4.CopyRows, CompactGrid4.AddWindowTo),
        new("Grid36", Grid36.Dim, Grid36.GridHeight, Grid36.GridWidth, Grid36.ExtraTokens, Grid36.MaxLen, Grid36.AddTo, Grid36.Add, Grid36.CopyRows, Grid36.AddWindowTo, Grid36.Row, Grid36.Row),
        new("CompactGrid36", CompactGrid36.Dim, CompactGrid36.GridHeight, CompactGrid36.GridWidth, CompactGrid36.ExtraTokens, CompactGrid36.MaxLen,
            CompactGrid36.AddTo, CompactGrid36.Add, CompactGrid36.CopyRows, CompactGrid36.AddWindowTo),
        new("Grid128", Grid128.Dim, Grid128.GridHeight, Grid128.GridWidth, Grid128.ExtraTokens, Grid128.MaxLen, Grid128.AddTo, Grid128.Add, Grid128.CopyRows, Grid128.AddWindowTo, Grid128.Row, Grid128.Row),
        new("CompactGrid128", CompactGrid128.Dim, CompactGrid128.GridHeight, CompactGrid128.GridWidth, CompactGrid128.ExtraTokens, CompactGrid128.MaxLen,
            CompactGrid128.AddTo, CompactGrid128.Add, CompactGrid128.CopyRows, CompactGrid128.AddWindowTo),
    };
}

/// <summary>
/// The grid methods with guard pages at both ends of every span (results equal to the same call on managed arrays), every
/// argument error (the exact parameter named, nothing written), and concurrent calls.
/// </summary>
internal static class Grid2DChecks
{
    private const int Trials = 30;

    public static void Guard(Report report, int seed, bool endAtGuard)
    {
        var random = new Random(seed);
        string side = endAtGuard ? "end" : "start";
        foreach (var k in Grid.All)
        {
            for (int trial = 0; trial < Trials; trial++)
            {
                int start = random.Next(k.MaxLen);
                int rows = trial == 0 ? k.MaxLen - start : random.Next(k.MaxLen - start + 1);
                string at = $"{k.Name} ({side}) start={start} rows={rows}";
                float[] input = GuardChecks.RandomFloats(random, rows * k.Dim);
                var expected = (float[])input.Clone();
                k.AddTo(expected, start);
                using (var g = new GuardedBuffer<float>(input, endAtGuard))
                {
                    k.AddTo(g.Span, start);
                    report.Same("AddTo " + at, expected, g.Span);
                }
                using (var source = new GuardedBuffer<float>(input, endAtGuard))
                using (var destination = new GuardedBuffer<float>(input.Length, endAtGuard))
                {
                    k.Add(source.Span, destination.Span, start);
                    report.Same("Add " + at, expected, destination.Span);
                }
                var copied = new float[rows * k.Dim];
                k.CopyRows(start, copied);
                using (var destination = new GuardedBuffer<float>(copied.Length, endAtGuard))
                {
                    k.CopyRows(start, destination.Span);
                    report.Same("CopyRows " + at, copied, destination.Span);
                }

                int patchRows = random.Next(k.GridHeight + 1), patchColumns = random.Next(k.GridWidth + 1);
                int top = random.Next(k.GridHeight - patchRows + 1), left = random.Next(k.GridWidth - patchColumns + 1);
                string window = $"{k.Name} ({side}) window {patchRows}x{patchColumns} at ({top}, {left})";
                float[] patches = GuardChecks.RandomFloats(random, patchRows * patchColumns * k.Dim);
                var added = (float[])patches.Clone();
                k.AddWindowTo(added, patchRows, patchColumns, top, left);
                using (var g = new GuardedBuffer<float>(patches, endAtGuard))
                {
                    k.AddWindowTo(g.Span, patchRows, patchColumns, top, left);
                    report.Same("AddWindowTo " + window, added, g.Span);
                }
            }
        }
    }

    public static void NoWrite(Report report)
    {
        var random = new Random(11);
        foreach (var k in Grid.All)
        {
            int d = k.Dim, l = k.MaxLen, h = k.GridHeight, w = k.GridWidth;
            string n = k.Name;
            Expect(report, random, $"{n}.AddTo length not whole rows", 2 * d + 1, x => k.AddTo(x, 0), "embeddings");
            Expect(report, random, $"{n}.AddTo start -1", d, x => k.AddTo(x, -1), "startPosition");
            Expect(report, random, $"{n}.AddTo start int.MinValue", d, x => k.AddTo(x, int.MinValue), "startPosition");
            Expect(report, random, $"{n}.AddTo start MaxLen", d, x => k.AddTo(x, l), "startPosition");
            Expect(report, random, $"{n}.AddTo start int.MaxValue", d, x => k.AddTo(x, int.MaxValue), "startPosition");
            Expect(report, random, $"{n}.AddTo rows past MaxLen", 2 * d, x => k.AddTo(x, l - 1), "embeddings");
            Expect(report, random, $"{n}.AddTo MaxLen+1 rows", (l + 1) * d, x => k.AddTo(x, 0), "embeddings");

            var input = new float[2 * d];
            Expect(report, random, $"{n}.Add length not whole rows", 2 * d + 1, x => k.Add(new float[2 * d + 1], x, 0), "embeddings");
            Expect(report, random, $"{n}.Add start -1", 2 * d, x => k.Add(input, x, -1), "startPosition");
            Expect(report, random, $"{n}.Add start MaxLen", 2 * d, x => k.Add(input, x, l), "startPosition");
            Expect(report, random, $"{n}.Add rows past MaxLen", 2 * d, x => k.Add(input, x, l - 1), "embeddings");
            Expect(report, random, $"{n}.Add destination short", 2 * d - 1, x => k.Add(input, x, 0), "destination");
            Expect(report, random, $"{n}.Add destination overlaps at an offset", 3 * d, x => k.Add(x.AsSpan(0, 2 * d), x.AsSpan(1, 2 * d), 0), "destination");

            Expect(report, random, $"{n}.CopyRows not whole rows", d + 1, x => k.CopyRows(0, x), "destination");
            Expect(report, random, $"{n}.CopyRows start -1", d, x => k.CopyRows(-1, x), "startPosition");
            Expect(report, random, $"{n}.CopyRows start MaxLen", d, x => k.CopyRows(l, x), "startPosition");
            Expect(report, random, $"{n}.CopyRows rows past MaxLen", 2 * d, x => k.CopyRows(l - 1, x), "destination");

            Expect(report, random, $"{n}.AddWindowTo patchRows -1", d, x => k.AddWindowTo(x, -1, 1, 0, 0), "patchRows");
            Expect(report, random, $"{n}.AddWindowTo patchRows GridHeight + 1", d, x => k.AddWindowTo(x, h + 1, 1, 0, 0), "patchRows");
            Expect(report, random, $"{n}.AddWindowTo patchRows int.MinValue", d, x => k.AddWindowTo(x, int.MinValue, 1, 0, 0), "patchRows");
            Expect(report, random, $"{n}.AddWindowTo patchColumns -1", d, x => k.AddWindowTo(x, 1, -1, 0, 0), "patchColumns");
            Expect(report, random, $"{n}.AddWindowTo patchColumns GridWidth + 1", d, x => k.AddWindowTo(x, 1, w + 1, 0, 0), "patchColumns");
            Expect(report, random, $"{n}.AddWindowTo top -1", d, x => k.AddWindowTo(x, 1, 1, -1, 0), "top");
            Expect(report, random, $"{n}.AddWindowTo top past the grid", d, x => k.AddWindowTo(x, 1, 1, h, 0), "top");
            Expect(report, random, $"{n}.AddWindowTo whole height at top 1", h * d, x => k.AddWindowTo(x, h, 1, 1, 0), "top");
            Expect(report, random, $"{n}.AddWindowTo top int.MaxValue", d, x => k.AddWindowTo(x, 1, 1, int.MaxValue, 0), "top");
            Expect(report, random, $"{n}.AddWindowTo left -1", d, x => k.AddWindowTo(x, 1, 1, 0, -1), "left");
            Expect(report, random, $"{n}.AddWindowTo left past the grid", d, x => k.AddWindowTo(x, 1, 1, 0, w), "left");
            Expect(report, random, $"{n}.AddWindowTo whole width at left 1", w * d, x => k.AddWindowTo(x, 1, w, 0, 1), "left");
            Expect(report, random, $"{n}.AddWindowTo span one short", 2 * d - 1, x => k.AddWindowTo(x, 1, 2, 0, 0), "patches");
            Expect(report, random, $"{n}.AddWindowTo span one long", 2 * d + 1, x => k.AddWindowTo(x, 1, 2, 0, 0), "patches");
            Expect(report, random, $"{n}.AddWindowTo span for an empty window", d, x => k.AddWindowTo(x, 0, 2, 0, 0), "patches");

            if (k.Row is { } row)
            {
                Throws(report, $"{n}.Row(-1)", () => row(-1), "index");
                Throws(report, $"{n}.Row(MaxLen)", () => row(l), "index");
                Throws(report, $"{n}.Row(int.MinValue)", () => row(int.MinValue), "index");
            }
            if (k.PatchRow is { } patch)
            {
                Throws(report, $"{n}.Row(-1, 0)", () => patch(-1, 0), "patchRow");
                Throws(report, $"{n}.Row(GridHeight, 0)", () => patch(h, 0), "patchRow");
                Throws(report, $"{n}.Row(0, -1)", () => patch(0, -1), "patchColumn");
                Throws(report, $"{n}.Row(0, GridWidth)", () => patch(0, w), "patchColumn");
                Throws(report, $"{n}.Row(GridHeight, GridWidth)", () => patch(h, w), "patchRow");
            }
        }
    }

    public static void Threads(Report report, int seed)
    {
        var random = new Random(seed);
        var jobs = new List<(string Name, Func<float[]> Run, float[] Expected)>();
        void Add(string name, Func<float[]> run) => jobs.Add((name, run, run()));
        foreach (var k in Grid.All)
        {
            for (int t = 0; t < 6; t++)
            {
                int start = random.Next(k.MaxLen), rows = random.Next(k.MaxLen - start + 1);
                float[] input = GuardChecks.RandomFloats(random, rows * k.Dim);
                int pr = random.Next(k.GridHeight + 1), pc = random.Next(k.GridWidth + 1);
                int top = random.Next(k.GridHeight - pr + 1), left = random.Next(k.GridWidth - pc + 1);
                float[] patches = GuardChecks.RandomFloats(random, pr * pc * k.Dim);
                Add($"{k.Name}.AddTo", () => { var x = (float[])input.Clone(); k.AddTo(x, start); return x; });
                Add($"{k.Name}.Add", () => { var x = new float[input.Length]; k.Add(input, x, start); return x; });
                Add($"{k.Name}.CopyRows", () => { var x = new float[rows * k.Dim]; k.CopyRows(start, x); return x; });
                Add($"{k.Name}.AddWindowTo", () => { var x = (float[])patches.Clone(); k.AddWindowTo(x, pr, pc, top, left); return x; });
            }
        }
        const int repeats = 40;
        var failures = new int[jobs.Count];
        Parallel.For(0, jobs.Count * repeats, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(8, 4 * Environment.ProcessorCount) }, i =>
        {
            var job = jobs[i % jobs.Count];
            if (!job.Run().AsSpan().SequenceEqual(job.Expected)) System.Threading.Interlocked.Increment(ref failures[i % jobs.Count]);
        });
        for (int j = 0; j < jobs.Count; j++)
        {
            if (failures[j] == 0) report.Pass();
            else report.Fail($"{jobs[j].Name} (job {j}): {failures[j]} of {repeats} concurrent runs differ from the single-threaded result");
        }
    }

    private static void Expect(Report report, Random random, string what, int destinationLength, Action<float[]> call, string argument)
    {
        var destination = GuardChecks.RandomFloats(random, destinationLength);
        var before = (float[])destination.Clone();
        if (!ThrowsNaming(report, what, () => call(destination), argument)) return;
        for (int i = 0; i < before.Length; i++)
        {
            if (!IeeeBits.Same(before[i], destination[i]))
            {
                report.Fail($"{what}: destination[{i}] changed from {before[i]:R} to {destination[i]:R} before the exception");
                return;
            }
        }
        report.Pass();
    }

    private static void Throws(Report report, string what, Func<ReadOnlySpan<float>> call, string argument)
    {
        if (ThrowsNaming(report, what, () => call(), argument, outOfRange: true)) report.Pass();
    }

    private static bool ThrowsNaming(Report report, string what, Action call, string argument, bool outOfRange = false)
    {
        try
        {
            call();
            report.Fail(what + ": did not throw");
            return false;
        }
        catch (ArgumentException e) when (e.ParamName == argument && (!outOfRange || e is ArgumentOutOfRangeException))
        {
            return true;
        }
        catch (Exception e)
        {
            report.Fail($"{what}: threw {e.GetType().Name} naming {(e is ArgumentException a && a.ParamName is { } p ? "\"" + p + "\"" : "no argument")} ({e.Message}), expected \"{argument}\"");
            return false;
        }
    }
}
