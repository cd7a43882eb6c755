using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PEGen.Benchmarks;

internal sealed record FirstUseResult(int Runs,
    double PegenMainMedianUs, double ComputeMainMedianUs,
    double PegenEncodingMedianUs, double ComputeEncodingMedianUs,
    double PegenProcessMedianMs, double ComputeProcessMedianMs);

/// <summary>
/// Launches tests/PEGen.Benchmarks.FirstUse (built with this project) in fresh processes,
/// alternating "pegen" and "compute", after one discarded launch of each, and takes medians.
/// </summary>
internal static class FirstUseMeasurement
{
    public static FirstUseResult Run(int runs)
    {
        string program = Locate();
        Console.WriteLine($"// First use: {runs} fresh processes per mode of {program}");
        Launch(program, "pegen");
        Launch(program, "compute");
        var pegen = new List<(double Main, double Encoding, double Process)>();
        var compute = new List<(double Main, double Encoding, double Process)>();
        for (int i = 0; i < runs; i++)
        {
            pegen.Add(Launch(program, "pegen"));
            compute.Add(Launch(program, "compute"));
        }
        Console.WriteLine("// mode     Main->done us (median)   encoding only us (median)   process ms (median)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// pegen    {Median(pegen.Select(s => s.Main)),12:F0} {Median(pegen.Select(s => s.Encoding)),26:F0} {Median(pegen.Select(s => s.Process)),22:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// compute  {Median(compute.Select(s => s.Main)),12:F0} {Median(compute.Select(s => s.Encoding)),26:F0} {Median(compute.Select(s => s.Process)),22:F1}"));
        return new FirstUseResult(runs,
            Median(pegen.Select(s => s.Main)), Median(compute.Select(s => s.Main)),
            Median(pegen.Select(s => s.Encoding)), Median(compute.Select(s => s.Encoding)),
            Median(pegen.Select(s => s.Process)), Median(compute.Select(s => s.Process)));
    }

    private static (double Main, double Encoding, double Process) Launch(string program, string mode)
    {
        bool isDll = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(isDll ? "dotnet" : program)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (isDll)
            info.ArgumentList.Add(program);
        info.ArgumentList.Add(mode);
        long start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + program);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double processMs = (Stopwatch.GetTimestamp() - start) * 1e3 / Stopwatch.Frequency;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {mode} exited with {process.ExitCode}");
        string[] fields = output.Trim().Split(' ');
        return (double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture), processMs);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static string Locate()
    {
        var metadata = typeof(FirstUseMeasurement).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value ?? "");
        string directory = Path.Combine(metadata["PEGen.FirstUseProjectDir"], "bin", metadata["PEGen.Configuration"], "net10.0");
        string host = Path.Combine(directory, OperatingSystem.IsWindows() ? "PEGen.Benchmarks.FirstUse.exe" : "PEGen.Benchmarks.FirstUse");
        if (File.Exists(host))
            return host;
        string dll = Path.Combine(directory, "PEGen.Benchmarks.FirstUse.dll");
        if (File.Exists(dll))
            return dll;
        throw new FileNotFoundException("Build tests/PEGen.Benchmarks.FirstUse first (building tests/PEGen.Benchmarks does it).", dll);
    }
}
