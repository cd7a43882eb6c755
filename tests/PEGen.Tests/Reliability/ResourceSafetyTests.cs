using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using PEGen.Model;
using PEGen.Parsing;
using PEGen.Tests.Support;
using Xunit.Abstractions;

namespace PEGen.Tests.Reliability;

/// <summary>Memory is measured process-wide: these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ResourceSafetyTests), DisableParallelization = true)]
public sealed class ResourceSafetyCollection { }

/// <summary>
/// Issue 6, resource safety: the generator's memory stays bounded for the largest tables, and
/// a table past the PEG007 hard cap is rejected before anything is built.
/// </summary>
[Collection(nameof(ResourceSafetyTests))]
public sealed class ResourceSafetyTests
{
    private readonly ITestOutputHelper _output;

    public ResourceSafetyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void JustPastTheHardCapGeneratesNothingAndAllocatesLittle()
    {
        // 4096 x 4097 floats: one row over EncodingValidator.HardCapBytes (64 MiB).
        Assert.True(new TableShape(4096L * 4097, ElementType.Float32).Bytes > EncodingValidator.HardCapBytes);
        const string source = "using PEGen;\n[PositionalEncoding(Dim = 4096, MaxLen = 4097)] public static partial class PastCap { }";
        GeneratorHarness.Run(source); // warm up: JIT and reference metadata
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver();

        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        _output.WriteLine($"past the cap: {allocated / 1024} KiB allocated, {watch.ElapsedMilliseconds} ms");

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.All(result.GeneratedSources, s => Assert.DoesNotContain("PastCap", s.HintName, StringComparison.Ordinal));
        // The table alone would be 64 MiB of floats and far more of source text; a rejected
        // declaration costs the parse and the validation only.
        Assert.True(allocated < 8L * 1024 * 1024, $"{allocated} bytes allocated for a rejected table");
    }

    /// <summary>
    /// The largest table this test builds: 1024 x 4097 floats = 16 MiB + 4 KiB, just over the
    /// PEG006 budget (8 s, 45 M characters of source, about 200 MiB peak). The largest allowed
    /// table (4096 x 4096 = 64 MiB, at the hard cap) is four times that: over 30 s and about
    /// 800 MiB on a 2-core machine, too much for the default suite; PEGEN_LARGEST_TABLE=1 builds
    /// it with the same per-character bound.
    /// </summary>
    [Fact]
    public void LargestTableKeepsThePeakManagedMemoryBounded()
    {
        bool largest = Environment.GetEnvironmentVariable("PEGEN_LARGEST_TABLE") == "1";
        int dim = largest ? 4096 : 1024, maxLen = largest ? 4096 : 4097;
        long tableBytes = (long)new TableShape((long)dim * maxLen, ElementType.Float32).Bytes;
        Assert.True(tableBytes > EncodingValidator.DefaultBudgetBytes && tableBytes <= EncodingValidator.HardCapBytes);

        string source = $"using PEGen;\n[PositionalEncoding(Dim = {dim}, MaxLen = {maxLen})] public static partial class Largest {{ }}";
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long baseline = GC.GetTotalMemory(forceFullCollection: false);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                long now = GC.GetTotalMemory(false);
                if (now > Volatile.Read(ref peak)) Volatile.Write(ref peak, now);
                Thread.Sleep(5);
            }
        }) { IsBackground = true };
        sampler.Start();

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var run = driver.RunGenerators(compilation).GetRunResult();
        watch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var result = run.Results.Single();
        long textChars = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
        long peakNow = GC.GetTotalMemory(false);
        if (peakNow > peak) peak = peakNow;
        stop.Cancel();
        sampler.Join();

        long peakDelta = peak - baseline;
        _output.WriteLine($"{dim} x {maxLen} ({tableBytes / (1024 * 1024.0):0.00} MiB): {watch.Elapsed.TotalSeconds:0.0} s, " +
                          $"peak managed heap +{peakDelta / (1024 * 1024)} MiB, allocated {allocated / (1024 * 1024)} MiB, " +
                          $"source {textChars / (1024 * 1024)} M chars");

        Assert.Null(result.Exception);
        Assert.Contains(result.GeneratedSources, s => s.HintName.EndsWith(".Table.g.cs", StringComparison.Ordinal));
        // Measured: about 4.6 bytes per source character both live and allocated in total (the
        // UTF-16 text is 2 bytes a char, plus its builder and the float data). The bound is linear
        // in the table with about 2x headroom, and absolute for the size the test uses.
        Assert.True(peakDelta < 10 * textChars, $"peak managed heap grew by {peakDelta} bytes for {textChars} chars of source");
        Assert.True(allocated < 10 * textChars, $"{allocated} bytes allocated for {textChars} chars of source");
        if (!largest) Assert.True(peakDelta < 512L * 1024 * 1024, $"peak managed heap grew by {peakDelta} bytes");
    }
}
