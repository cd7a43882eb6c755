using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PEGen.GuardPages;

/// <summary>
/// Thread safety: the same calls from many threads at once (Parallel.For with
/// more workers than cores) give the single-threaded results bit for bit.
/// </summary>
internal static class ThreadChecks
{
    private sealed record Job(string Name, Func<float[]> Run, float[] Expected);

    public static void Run(Report report, int seed)
    {
        var random = new Random(seed);
        var jobs = new List<Job>();
        foreach (var k in All.Additives)
        {
            for (int t = 0; t < 6; t++)
            {
                int start = random.Next(k.MaxLen), rows = random.Next(k.MaxLen - start + 1);
                float[] input = GuardChecks.RandomFloats(random, rows * k.Dim);
                int[] ids = new int[rows];
                for (int i = 0; i < rows; i++) ids[i] = random.Next(4);
                float[] tokens = GuardChecks.RandomFloats(random, 4 * k.Dim);
                int offset = random.Next(-50, 50);
                Add(jobs, $"{k.Name}.AddTo", () => { var x = (float[])input.Clone(); k.AddTo(x, start); return x; });
                Add(jobs, $"{k.Name}.Add", () => { var x = new float[input.Length]; k.Add(input, x, start); return x; });
                Add(jobs, $"{k.Name}.Embed", () => { var x = new float[input.Length]; k.Embed(ids, tokens, x, start, 1.5f); return x; });
                Add(jobs, $"{k.Name}.ConcatTo", () => { var x = new float[rows * (k.Dim + k.Dim)]; k.ConcatTo(input, k.Dim, x, start); return x; });
                var encoding = new float[k.Dim];
                k.CopyRows(start, encoding);
                Add(jobs, $"{k.Name}.Shift", () => { var x = new float[k.Dim]; k.Shift(encoding, offset, x); return x; });
                Add(jobs, $"{k.Name}.CopyRows", () => { var x = new float[rows * k.Dim]; k.CopyRows(start, x); return x; });
                if (k.Row is { } row) Add(jobs, $"{k.Name}.Row", () => row(start).ToArray());
            }
        }
        foreach (var k in All.Rotaries)
        {
            for (int t = 0; t < 6; t++)
            {
                int heads = 1 + random.Next(3), start = random.Next(k.MaxLen), rows = random.Next(k.MaxLen - start + 1);
                float[] input = GuardChecks.RandomFloats(random, rows * heads * k.Dim);
                Add(jobs, $"{k.Name}.Rotate", () => { var x = (float[])input.Clone(); k.Rotate(x, start, heads); return x; });
                Add(jobs, $"{k.Name}.Rotate(out)", () => { var x = new float[input.Length]; k.RotateTo(input, x, start, heads); return x; });
                var positions = new int[rows];
                for (int r = 0; r < rows; r++) positions[r] = random.Next(k.MaxLen);
                Add(jobs, $"{k.Name}.Rotate(positions)", () => { var x = (float[])input.Clone(); k.Positions(x, positions, heads); return x; });
                int half = k.RotaryDim / 2;
                Add(jobs, $"{k.Name}.CopyCosSin", () => CosSin(k.CopyCosSin, start, rows, half));
                if (k.CopyShortCosSin is { } copyShort)
                {
                    int shortStart = Math.Min(start, k.ShortRows), shortRows = Math.Min(rows, k.ShortRows - shortStart);
                    Add(jobs, $"{k.Name}.CopyShortCosSin", () => CosSin(copyShort, shortStart, shortRows, half));
                }
                float[] keys = GuardChecks.RandomFloats(random, rows * k.Dim);
                Add(jobs, $"{k.Name}.RotateQueryKey", () =>
                {
                    float[] q = (float[])input.Clone(), kv = (float[])keys.Clone();
                    k.QueryKey(q, heads, kv, 1, start);
                    var both = new float[q.Length + kv.Length];
                    q.CopyTo(both, 0);
                    kv.CopyTo(both, q.Length);
                    return both;
                });
            }
        }

        const int repeats = 40;
        var failures = new int[jobs.Count];
        Parallel.For(0, jobs.Count * repeats, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(8, 4 * Environment.ProcessorCount) }, i =>
        {
            var job = jobs[i % jobs.Count];
            var actual = job.Run();
            if (!actual.AsSpan().SequenceEqual(job.Expected)) System.Threading.Interlocked.Increment(ref failures[i % jobs.Count]);
        });
        for (int j = 0; j < jobs.Count; j++)
        {
            if (failures[j] == 0) report.Pass();
            else report.Fail($"{jobs[j].Name} (job {j}): {failures[j]} of {repeats} concurrent runs differ from the single-threaded result");
        }
    }

    // cos then sin, in one array.
    private static float[] CosSin(CopyCosSin copy, int start, int rows, int half)
    {
        var both = new float[2 * rows * half];
        copy(start, both.AsSpan(0, rows * half), both.AsSpan(rows * half));
        return both;
    }

    private static void Add(List<Job> jobs, string name, Func<float[]> run) => jobs.Add(new Job(name, run, run()));
}
