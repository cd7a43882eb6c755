using System;
using System.Collections.Generic;

namespace PEGen.Benchmarks;

/// <summary>
/// Exact allocation of the generated methods: GC.GetAllocatedBytesForCurrentThread around 100
/// calls after warm-up, least of 5 rounds. In process, BenchmarkDotNet's per-operation figure can show a
/// few bytes that other threads of the host allocated (the non-allocating baselines show them too).
/// </summary>
internal static class AllocationCheck
{
    public static Dictionary<(string Operation, string Shape), long> Run()
    {
        var result = new Dictionary<(string, string), long>();
        foreach (string shape in new[] { "1x512", "64x512", "2048x512", "2048x1024" })
        {
            var benchmark = new AddToBenchmarks { Shape = shape };
            benchmark.Setup();
            result[("AddTo", shape)] = Measure(benchmark.PEGenAddTo);
        }
        foreach (string shape in new[] { "64x512", "2048x1024" })
        {
            var benchmark = new EmbedBenchmarks { Shape = shape };
            benchmark.Setup();
            result[("Embed", shape)] = Measure(benchmark.PEGenEmbed);
        }
        foreach (string shape in new[] { "64x128x32h", "2048x128x8h" })
        {
            var benchmark = new RotateBenchmarks { Shape = shape };
            benchmark.Setup();
            result[("Rotate", shape)] = Measure(benchmark.PEGenRotate);
        }
        return result;
    }

    /// <summary>
    /// The least of 5 rounds of 100 calls: a method that allocates does so in every round, while a
    /// one-off of the runtime on this thread (an on-stack-replacement compile of the calling loop
    /// runs synchronously here) shows in one round only; one run reported 7,552 B once for Embed.
    /// </summary>
    private static long Measure(Action action)
    {
        for (int i = 0; i < 300; i++)
            action();
        long least = long.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
                action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
