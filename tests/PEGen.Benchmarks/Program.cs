using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PEGen.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet classes (arguments go to BenchmarkDotNet), then the first-use
/// measurement in fresh processes, then prints every ratio against the performance targets in README.
/// Own options, removed before BenchmarkDotNet sees the arguments:
///   --first-use-runs N   launches per mode (default 20)
///   --no-first-use       skip the first-use measurement
///   --no-first-use-aot   first use under the JIT only (no NativeAOT publish)
///   --first-use-only     only the first-use measurement
///   --jit-probe          no measurement: call the generated methods until they reach tier 1,
///                        for DOTNET_JitDisasm (see README.md)
///   --out-of-process     BenchmarkDotNet's default toolchain (a generated project built per run,
///                        one process per benchmark) instead of the in-process emit toolchain
/// In process is the default: it needs no build at run time (the generator computing the 2048 x 1024
/// table again under a loaded 2-core machine overran BenchmarkDotNet's build timeout) and works
/// offline; every class still runs its baselines in the same process, interleaved by case.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var rest = new List<string>(args);
        int firstUseRuns = 20;
        bool firstUse = !Take(rest, "--no-first-use");
        bool firstUseOnly = Take(rest, "--first-use-only");
        bool firstUseAot = !Take(rest, "--no-first-use-aot");
        bool jitProbe = Take(rest, "--jit-probe");
        bool outOfProcess = Take(rest, "--out-of-process");
        if (!outOfProcess && !rest.Contains("--inProcess"))
            rest.Add("--inProcess");
        if (!outOfProcess && rest.Contains("--envVars"))
        {
            // In process, BenchmarkDotNet cannot set the runtime's variables: a run "without AVX-512" would measure AVX-512.
            Console.Error.WriteLine("--envVars has no effect in process: set the variable for the whole run instead " +
                "(DOTNET_EnableAVX512=0 dotnet run ...), or add --out-of-process.");
            return 2;
        }
        int index = rest.IndexOf("--first-use-runs");
        if (index >= 0 && index + 1 < rest.Count)
        {
            firstUseRuns = int.Parse(rest[index + 1], System.Globalization.CultureInfo.InvariantCulture);
            rest.RemoveRange(index, 2);
        }

        Console.WriteLine($"// Vector512.IsHardwareAccelerated={System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256={System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, Avx2={System.Runtime.Intrinsics.X86.Avx2.IsSupported}, Avx512F={System.Runtime.Intrinsics.X86.Avx512F.IsSupported}, cores={Environment.ProcessorCount}");
        if (jitProbe)
        {
            JitProbe.Run();
            return 0;
        }

        var summaries = new List<Summary>();
        if (!firstUseOnly)
            summaries.AddRange(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray(),
                ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15))));

        FirstUseResult? firstUseResult = null;
        if (firstUse || firstUseOnly)
            firstUseResult = FirstUseMeasurement.Run(firstUseRuns, firstUseAot);

        var allocations = firstUseOnly ? null : AllocationCheck.Run();
        string report = TargetReport.Build(summaries, firstUseResult, allocations);
        Console.WriteLine();
        Console.WriteLine(report);
        string directory = System.IO.Path.Combine("BenchmarkDotNet.Artifacts", "results");
        System.IO.Directory.CreateDirectory(directory);
        string path = System.IO.Path.Combine(directory, "pegen-targets.md");
        System.IO.File.WriteAllText(path, report);
        Console.WriteLine($"(written to {System.IO.Path.GetFullPath(path)})");
        return 0;
    }

    private static bool Take(List<string> args, string flag)
    {
        bool found = args.Remove(flag);
        return found;
    }
}
