using System;
using System.Diagnostics;

namespace PEGen.Benchmarks;

/// <summary>
/// Calls the benchmarked generated methods for about a second each so that they reach tier 1;
/// run with DOTNET_JitDisasm / DOTNET_JitStdOutFile set to read their final machine code.
/// </summary>
internal static class JitProbe
{
    public static void Run()
    {
        var add = new AddToBenchmarks { Shape = "64x512" };
        add.Setup();
        Repeat("AddTo 64x512", add.PEGenAddTo);
        var add1024 = new AddToBenchmarks { Shape = "2048x1024" };
        add1024.Setup();
        Repeat("AddTo 2048x1024", add1024.PEGenAddTo);
        var embed = new EmbedBenchmarks { Shape = "64x512" };
        embed.Setup();
        Repeat("Embed 64x512", embed.PEGenEmbed);
        var rotate = new RotateBenchmarks { Shape = "64x128x32h" };
        rotate.Setup();
        Repeat("Rotate 64x128x32h", rotate.PEGenRotate);
    }

    private static void Repeat(string name, Action action)
    {
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.ElapsedMilliseconds < 1000)
        {
            action();
            calls++;
        }
        Console.WriteLine($"{name}: {calls} calls");
    }
}
