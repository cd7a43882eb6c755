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
        // The rotary variants the peers measure: partial rotary out of place (both layouts) and RotateQueryKey.
        var partial = new PartialRotateBenchmarks { Shape = "512x128x32h" };
        partial.Setup();
        Repeat("Rotate RotaryDim 32, 512x128x32h", partial.PEGenPartial);
        Repeat("Rotate RotaryDim 32 interleaved, 512x128x32h", partial.PEGenPartialInterleaved);
        var queryKey = new RotateQueryKeyBenchmarks { Rows = 512 };
        queryKey.Setup();
        Repeat("RotateQueryKey 512 rows", queryKey.PEGenRotateQueryKey);
        Repeat("RotateQueryKey interleaved 512 rows", queryKey.PEGenRotateQueryKeyInterleaved);
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
