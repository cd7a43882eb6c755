using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PEGen.Benchmarks;

/// <summary>PEGen's first use split into its parts (medians, microseconds); see the FirstUse program.</summary>
internal sealed record FirstUsePhases(double VectorTypeUs, double FirstCallUs, double PageInUs, double AddUs);

/// <summary>Medians over fresh processes of one build of the FirstUse program.</summary>
internal sealed record FirstUseSamples(string Runtime, int Runs,
    double PegenMainMedianUs, double ComputeMainMedianUs,
    double PegenEncodingMedianUs, double ComputeEncodingMedianUs,
    double PegenProcessMedianMs, double ComputeProcessMedianMs,
    FirstUsePhases Phases, IReadOnlyDictionary<string, double> FirstCallMedianUs);

/// <summary>The JIT build, and the NativeAOT build when it could be published (else why not).</summary>
internal sealed record FirstUseResult(IReadOnlyList<FirstUseSamples> Runtimes, string? AotNote);

/// <summary>
/// Launches tests/PEGen.Benchmarks.FirstUse in fresh processes, alternating "pegen" and "compute"
/// after one discarded launch of each, then "phases" as often, and takes medians. It does so for
/// the JIT build (built with this project) and for a NativeAOT publish of the same program, the
/// deployment an embedded or latency-sensitive program would use (published here into
/// BenchmarkDotNet.Artifacts/first-use-aot, which takes about a minute).
/// </summary>
internal static class FirstUseMeasurement
{
    public static FirstUseResult Run(int runs, bool aot)
    {
        var runtimes = new List<FirstUseSamples> { Measure("JIT", LocateJitBuild(), runs) };
        string? note = null;
        if (aot)
        {
            string? native = PublishAot(out note);
            if (native is not null)
                runtimes.Add(Measure("NativeAOT", native, runs));
        }
        else
        {
            note = "NativeAOT not measured (--no-first-use-aot).";
        }
        return new FirstUseResult(runtimes, note);
    }

    private static FirstUseSamples Measure(string runtime, string program, int runs)
    {
        Console.WriteLine($"// First use ({runtime}): {runs} fresh processes per mode of {program}");
        Launch(program, "pegen");
        Launch(program, "compute");
        var pegen = new List<(double Main, double Encoding, double Process)>();
        var compute = new List<(double Main, double Encoding, double Process)>();
        var phases = new List<double[]>();
        var firstCalls = FirstCalls.ToDictionary(name => name, _ => new List<double>());
        foreach (string name in FirstCalls)
            Start(program, "first", name);
        for (int i = 0; i < runs; i++)
        {
            pegen.Add(Launch(program, "pegen"));
            compute.Add(Launch(program, "compute"));
            phases.Add(LaunchPhases(program));
            foreach (string name in FirstCalls)
                firstCalls[name].Add(Parse(Start(program, "first", name).Fields[1]));
        }
        var samples = new FirstUseSamples(runtime, runs,
            Median(pegen.Select(s => s.Main)), Median(compute.Select(s => s.Main)),
            Median(pegen.Select(s => s.Encoding)), Median(compute.Select(s => s.Encoding)),
            Median(pegen.Select(s => s.Process)), Median(compute.Select(s => s.Process)),
            new FirstUsePhases(Median(phases.Select(p => p[0])), Median(phases.Select(p => p[1])),
                               Median(phases.Select(p => p[2])), Median(phases.Select(p => p[3]))),
            firstCalls.ToDictionary(pair => pair.Key, pair => Median(pair.Value)));
        Console.WriteLine(Inv($"// {runtime}: Main->done {samples.PegenMainMedianUs:F0} vs {samples.ComputeMainMedianUs:F0} us; encoding only {samples.PegenEncodingMedianUs:F0} vs {samples.ComputeEncodingMedianUs:F0} us; process {samples.PegenProcessMedianMs:F1} vs {samples.ComputeProcessMedianMs:F1} ms"));
        Console.WriteLine(Inv($"// {runtime} phases: vector type {samples.Phases.VectorTypeUs:F0} us, first call {samples.Phases.FirstCallUs:F0} us, page-in {samples.Phases.PageInUs:F0} us, add {samples.Phases.AddUs:F0} us"));
        Console.WriteLine("// " + runtime + " first calls: " + string.Join(", ", samples.FirstCallMedianUs.Select(p => Inv($"{p.Key} {p.Value:F0} us"))));
        return samples;
    }

    private static (double Main, double Encoding, double Process) Launch(string program, string mode)
    {
        var (fields, processMs) = Start(program, mode);
        return (Parse(fields[1]), Parse(fields[2]), processMs);
    }

    private static double[] LaunchPhases(string program)
    {
        var (fields, _) = Start(program, "phases");
        return new[] { Parse(fields[1]), Parse(fields[2]), Parse(fields[3]), Parse(fields[4]) };
    }

    /// <summary>The first calls a Compact class is compared on with its Full twin (the FirstUse program's "first" modes).</summary>
    public static readonly string[] FirstCalls = { "addto-full", "addto-compact", "rotate-full", "rotate-compact" };

    private static (string[] Fields, double ProcessMs) Start(string program, params string[] arguments)
    {
        bool isDll = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(isDll ? "dotnet" : program)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (isDll)
            info.ArgumentList.Add(program);
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        long start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + program);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double processMs = (Stopwatch.GetTimestamp() - start) * 1e3 / Stopwatch.Frequency;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(" ", arguments)} exited with {process.ExitCode}");
        return (output.Trim().Split(' '), processMs);
    }

    /// <summary>Publishes the FirstUse program with NativeAOT; null (and why) when that fails.</summary>
    private static string? PublishAot(out string? note)
    {
        string output = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", "first-use-aot"));
        string project = Metadata()["PEGen.FirstUseProjectDir"];
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "-p:PublishAot=true", "-o", output, "-nologo" })
            info.ArgumentList.Add(argument);
        Console.WriteLine($"// Publishing the first-use program with NativeAOT to {output}");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet publish");
        var error = process.StandardError.ReadToEndAsync();
        string log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string native = Path.Combine(output, HostName);
        if (process.ExitCode != 0 || !File.Exists(native))
        {
            string last = string.Join(" / ", (log + error.Result).Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(3));
            note = $"NativeAOT not measured: publish failed ({process.ExitCode}): {last}";
            Console.WriteLine("// " + note);
            return null;
        }
        note = null;
        return native;
    }

    /// <summary>The program's native host (the JIT build's apphost, or the NativeAOT executable).</summary>
    private static string HostName => OperatingSystem.IsWindows() ? "PEGen.Benchmarks.FirstUse.exe" : "PEGen.Benchmarks.FirstUse";

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Metadata() =>
        typeof(FirstUseMeasurement).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value ?? "");

    private static string LocateJitBuild()
    {
        var metadata = Metadata();
        string directory = Path.Combine(metadata["PEGen.FirstUseProjectDir"], "bin", metadata["PEGen.Configuration"], "net10.0");
        string host = Path.Combine(directory, HostName);
        if (File.Exists(host))
            return host;
        string dll = Path.Combine(directory, "PEGen.Benchmarks.FirstUse.dll");
        if (File.Exists(dll))
            return dll;
        throw new FileNotFoundException("Build tests/PEGen.Benchmarks.FirstUse first (building tests/PEGen.Benchmarks does it).", dll);
    }
}
