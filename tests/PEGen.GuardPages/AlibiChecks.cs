using System;
using System.Linq;
using System.Threading.Tasks;
using PEGen;
using PEGen.TestSupport;

namespace PEGen.GuardPages;

[AlibiBias(Heads = 3)]
internal static partial class GuardAlibi3 { }

[AlibiBias(Heads = 32, Reference = AlibiReference.Bloom)]
internal static partial class GuardAlibi32 { }

/// <summary>
/// AddBias of [AlibiBias] classes: with the scores in guarded pages (a stray access at either end crashes), every argument
/// error naming its parameter and leaving the scores untouched, and many threads at once giving the single-thread bits.
/// </summary>
internal static class AlibiChecks
{
    private delegate void AddBias(Span<float> scores, int keyCount, int startPosition);

    private static readonly (string Name, int Heads, AddBias Add)[] Classes =
    {
        ("GuardAlibi3", GuardAlibi3.Heads, (s, k, p) => GuardAlibi3.AddBias(s, k, p)),
        ("GuardAlibi32", GuardAlibi32.Heads, (s, k, p) => GuardAlibi32.AddBias(s, k, p)),
    };

    public static void Guard(Report report, int seed, bool endAtGuard)
    {
        var random = new Random(seed);
        string side = endAtGuard ? "end" : "start";
        foreach (var (name, heads, add) in Classes)
        {
            for (int trial = 0; trial < 40; trial++)
            {
                int keyCount = trial < 20 ? trial + 1 : random.Next(1, 700);
                int rows = random.Next(0, 4);
                int start = trial % 9 == 0 ? 16777216 - Math.Max(rows - 1, 0) : random.Next(0, 3000);
                float[] input = GuardChecks.RandomFloats(random, heads * rows * keyCount);
                var expected = (float[])input.Clone();
                add(expected, keyCount, start);
                using var g = new GuardedBuffer<float>(input, endAtGuard);
                add(g.Span, keyCount, start);
                report.Same($"{name}.AddBias ({side}) keyCount={keyCount} rows={rows} start={start}", expected, g.Span);
            }
        }
    }

    public static void NoWrite(Report report)
    {
        var random = new Random(4);
        foreach (var (name, heads, add) in Classes)
        {
            Expect($"{name}.AddBias keyCount 0", heads * 4, x => add(x, 0, 0), "keyCount");
            Expect($"{name}.AddBias keyCount -1", heads * 4, x => add(x, -1, 0), "keyCount");
            Expect($"{name}.AddBias keyCount 2^24 + 2", heads * 4, x => add(x, 16777218, 0), "keyCount");
            Expect($"{name}.AddBias keyCount int.MaxValue", heads * 4, x => add(x, int.MaxValue, 0), "keyCount");
            Expect($"{name}.AddBias length not whole rows", heads * 4 + 1, x => add(x, 4, 0), "scores");
            Expect($"{name}.AddBias length one head short", heads * 4 - 4, x => add(x, 4, 0), "scores");
            Expect($"{name}.AddBias start -1", heads * 4, x => add(x, 4, -1), "startPosition");
            Expect($"{name}.AddBias start int.MinValue", heads * 4, x => add(x, 4, int.MinValue), "startPosition");
            Expect($"{name}.AddBias start 2^24 + 1", heads * 4, x => add(x, 4, 16777217), "startPosition");
            Expect($"{name}.AddBias last row past 2^24", heads * 4 * 3, x => add(x, 4, 16777215), "startPosition");
            Expect($"{name}.AddBias start int.MaxValue", heads * 4, x => add(x, 4, int.MaxValue), "startPosition");
        }

        void Expect(string what, int length, Action<float[]> call, string argument)
        {
            var scores = GuardChecks.RandomFloats(random, length);
            var before = (float[])scores.Clone();
            try
            {
                call(scores);
                report.Fail(what + ": did not throw");
                return;
            }
            catch (ArgumentException e) when (e.ParamName == argument)
            {
            }
            catch (Exception e)
            {
                report.Fail($"{what}: threw {e.GetType().Name} naming \"{(e as ArgumentException)?.ParamName}\" ({e.Message}), expected \"{argument}\"");
                return;
            }
            if (!before.Select(IeeeBits.Of).SequenceEqual(scores.Select(IeeeBits.Of)))
                report.Fail(what + ": scores changed before the exception");
            else
                report.Pass();
        }
    }

    public static void Threads(Report report, int seed)
    {
        var random = new Random(seed);
        var jobs = Enumerable.Range(0, 24).Select(t =>
        {
            var (name, heads, add) = Classes[t % Classes.Length];
            int keyCount = random.Next(1, 600), rows = random.Next(1, 4), start = random.Next(0, 2000);
            float[] input = GuardChecks.RandomFloats(random, heads * rows * keyCount);
            var expected = (float[])input.Clone();
            add(expected, keyCount, start);
            return (name, input, expected, add, keyCount, start);
        }).ToArray();
        Parallel.For(0, jobs.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (name, input, expected, add, keyCount, start) = jobs[i % jobs.Length];
            var x = (float[])input.Clone();
            add(x, keyCount, start);
            report.Same($"{name}.AddBias on thread (job {i % jobs.Length})", expected, x);
        });
    }
}
