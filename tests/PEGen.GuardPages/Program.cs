using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PEGen.GuardPages;

// Usage: PEGen.GuardPages [guard|nowrite|threads|all] [seed]
string mode = args.Length > 0 ? args[0] : "all";
int seed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20261201;
Console.WriteLine($"Vector256.IsHardwareAccelerated={Vector256.IsHardwareAccelerated} Vector128.IsHardwareAccelerated={Vector128.IsHardwareAccelerated} seed={seed}");
var report = new Report();
if (mode == "selftest")
{
    // Proves the harness: one float past a guarded span must kill the process (SIGSEGV).
    using var buffer = new GuardedBuffer<float>(3, endAtGuard: true);
    unsafe
    {
        fixed (float* p = buffer.Span)
        {
            Console.WriteLine("reading one float past the end");
            Console.Out.Flush();
            Console.WriteLine(p[3]);
        }
    }
    Console.WriteLine("SELFTEST FAILED: the read past the end did not fault");
    return 0;
}
if (mode is "guard" or "all")
{
    if (!OperatingSystem.IsLinux())
        Console.WriteLine("SKIP guard: mmap/mprotect guard pages are implemented for Linux only");
    else
    {
        GuardChecks.Run(report, seed, endAtGuard: true);
        GuardChecks.Run(report, seed + 1, endAtGuard: false);
        Grid2DChecks.Guard(report, seed + 2, endAtGuard: true);
        Grid2DChecks.Guard(report, seed + 3, endAtGuard: false);
        AlibiChecks.Guard(report, seed + 2, endAtGuard: true);
        AlibiChecks.Guard(report, seed + 3, endAtGuard: false);
        TimestepChecks.RunGuarded(report, seed, endAtGuard: true);
        TimestepChecks.RunGuarded(report, seed + 1, endAtGuard: false);
    }
}
if (mode is "nowrite" or "all")
{
    NoWriteChecks.Run(report);
    Grid2DChecks.NoWrite(report);
    AlibiChecks.NoWrite(report);
    TimestepChecks.RunNoWrite(report);
}
if (mode is "threads" or "all")
{
    ThreadChecks.Run(report, seed);
    Grid2DChecks.Threads(report, seed + 4);
    AlibiChecks.Threads(report, seed);
}
Console.WriteLine($"{report.Passed} passed, {report.Failed} failed");
return report.Failed == 0 ? 0 : 1;

internal sealed class Report
{
    private int _passed, _failed;
    public int Passed => _passed;
    public int Failed => _failed;
    public void Pass() => System.Threading.Interlocked.Increment(ref _passed);
    public void Fail(string message)
    {
        System.Threading.Interlocked.Increment(ref _failed);
        lock (this) Console.WriteLine("FAIL " + message);
    }
    public void Same(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        if (MemoryMarshal.AsBytes(expected).SequenceEqual(MemoryMarshal.AsBytes(actual))) Pass();
        else Fail(what + ": result differs from the same call on managed arrays");
    }
}
