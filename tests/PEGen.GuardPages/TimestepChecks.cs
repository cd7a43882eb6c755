// The no-write checks make calls that must fail on purpose.
#pragma warning disable PEG011

using System;
using PEGen;
using PEGen.TestSupport;

namespace PEGen.GuardPages;

[TimestepEmbedding(Dim = 320, Steps = 1000, FlipSinToCos = true, FreqShift = 0)]
internal static partial class GuardTimestepSd { }

[TimestepEmbedding(Dim = 33, Steps = 100)]
internal static partial class GuardTimestepOdd { }

/// <summary>
/// [TimestepEmbedding]: Encode and Row with the timesteps and the destination each in its own guarded pages (a stray
/// access crashes the process), results equal to the same call on managed arrays; and every argument error throws
/// naming the parameter exactly, before anything is written.
/// </summary>
internal static class TimestepChecks
{
    private delegate void EncodeMany(ReadOnlySpan<float> timesteps, Span<float> destination);

    private delegate void EncodeOne(float timestep, Span<float> destination);

    public static void RunGuarded(Report report, int seed, bool endAtGuard)
    {
        var random = new Random(seed);
        string side = endAtGuard ? "end" : "start";
        Guarded(report, random, side, endAtGuard, "Sd", GuardTimestepSd.Dim, GuardTimestepSd.Steps, GuardTimestepSd.Encode, GuardTimestepSd.Encode, t => GuardTimestepSd.Row(t).ToArray());
        Guarded(report, random, side, endAtGuard, "Odd", GuardTimestepOdd.Dim, GuardTimestepOdd.Steps, GuardTimestepOdd.Encode, GuardTimestepOdd.Encode, t => GuardTimestepOdd.Row(t).ToArray());
    }

    private static void Guarded(Report report, Random random, string side, bool endAtGuard, string name, int dim, int steps,
        EncodeMany many, EncodeOne one, Func<int, float[]> row)
    {
        for (int trial = 0; trial < 20; trial++)
        {
            int n = trial == 0 ? 0 : random.Next(1, 9);
            var timesteps = new float[n];
            for (int i = 0; i < n; i++) timesteps[i] = (float)((random.NextDouble() * 1.5 - 0.25) * steps);
            var expected = new float[n * dim];
            many(timesteps, expected);
            using (var input = new GuardedBuffer<float>(timesteps, endAtGuard))
            using (var destination = new GuardedBuffer<float>(n * dim, endAtGuard))
            {
                many(input.Span, destination.Span);
                report.Same($"Timestep{name}.Encode ({side}) n={n}", expected, destination.Span);
            }
            if (n == 0) continue;
            using (var destination = new GuardedBuffer<float>(dim, endAtGuard))
            {
                one(timesteps[0], destination.Span);
                report.Same($"Timestep{name}.Encode(float) ({side})", expected.AsSpan(0, dim), destination.Span);
            }
            int t = random.Next(steps);
            using (var destination = new GuardedBuffer<float>(dim, endAtGuard))
            {
                one(t, destination.Span);
                report.Same($"Timestep{name}.Encode({t}) = Row ({side})", row(t), destination.Span);
            }
        }
    }

    public static void RunNoWrite(Report report)
    {
        var random = new Random(15);
        const int d = GuardTimestepSd.Dim;
        Expect(report, random, "Encode(NaN)", d, x => GuardTimestepSd.Encode(float.NaN, x), "timestep");
        Expect(report, random, "Encode(+inf)", d, x => GuardTimestepSd.Encode(float.PositiveInfinity, x), "timestep");
        Expect(report, random, "Encode(-inf) into a short destination", d - 1, x => GuardTimestepSd.Encode(float.NegativeInfinity, x), "timestep");
        Expect(report, random, "Encode(1) into a short destination", d - 1, x => GuardTimestepSd.Encode(1f, x), "destination");
        Expect(report, random, "Encode(span with NaN last)", 3 * d, x => GuardTimestepSd.Encode(new[] { 1f, 2f, float.NaN }, x), "timesteps");
        Expect(report, random, "Encode(span with inf first)", 3 * d, x => GuardTimestepSd.Encode(new[] { float.NegativeInfinity, 2f, 3f }, x), "timesteps");
        Expect(report, random, "Encode(span) into a short destination", 3 * d - 1, x => GuardTimestepSd.Encode(new[] { 1f, 2f, 3f }, x), "destination");
        Expect(report, random, "Encode(span) overlapping the destination", 3 * d, x => GuardTimestepSd.Encode(x.AsSpan(5, 2), x), "destination");
        Expect(report, random, "Encode(span) at the destination's start", 3 * d, x => GuardTimestepSd.Encode(x.AsSpan(0, 2), x), "destination");
        Expect(report, random, "Encode(span) at the destination's end", 3 * d, x => GuardTimestepSd.Encode(x.AsSpan(3 * d - 1, 1), x), "destination");
        ExpectRow(report, "Row(-1)", () => GuardTimestepSd.Row(-1));
        ExpectRow(report, "Row(Steps)", () => GuardTimestepSd.Row(GuardTimestepSd.Steps));
        ExpectRow(report, "Row(int.MinValue)", () => GuardTimestepSd.Row(int.MinValue));
    }

    private static void Expect(Report r, Random random, string what, int destinationLength, Action<float[]> call, string argument)
    {
        var destination = GuardChecks.RandomFloats(random, destinationLength);
        var before = (float[])destination.Clone();
        try
        {
            call(destination);
            r.Fail("Timestep " + what + ": did not throw");
            return;
        }
        catch (ArgumentException e) when (e.ParamName == argument)
        {
            bool outOfRange = e is ArgumentOutOfRangeException;
            if (outOfRange != argument.StartsWith("timestep", StringComparison.Ordinal))
            {
                r.Fail($"Timestep {what}: threw {e.GetType().Name}");
                return;
            }
        }
        catch (Exception e)
        {
            r.Fail($"Timestep {what}: threw {e.GetType().Name} naming {(e is ArgumentException a ? a.ParamName : "nothing")}, expected \"{argument}\"");
            return;
        }
        for (int i = 0; i < before.Length; i++)
        {
            if (!IeeeBits.Same(before[i], destination[i]))
            {
                r.Fail($"Timestep {what}: destination[{i}] changed before the exception");
                return;
            }
        }
        r.Pass();
    }

    private static void ExpectRow(Report r, string what, Func<ReadOnlySpan<float>> call)
    {
        try
        {
            call();
            r.Fail("Timestep " + what + ": did not throw");
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "timestep")
        {
            r.Pass();
        }
        catch (Exception e)
        {
            r.Fail($"Timestep {what}: threw {e.GetType().Name}");
        }
    }
}
