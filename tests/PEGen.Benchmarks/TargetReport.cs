using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;

namespace PEGen.Benchmarks;

/// <summary>
/// Turns the medians of one run into speed-ups (baseline time / PEGen time, so above 1 is faster)
/// and checks each against the performance targets in README; the rotary peers (ONNX Runtime, ggml)
/// follow in tables of their own (<see cref="Peers.PeerReport"/>).
/// </summary>
internal static class TargetReport
{
    private static Dictionary<(string Operation, string Shape), long>? s_exact;

    private sealed record Cell(double MedianNs, long? AllocatedBytes);

    public static string Build(IEnumerable<Summary> summaries, FirstUseResult? firstUse,
        Dictionary<(string Operation, string Shape), long>? exactAllocations)
    {
        s_exact = exactAllocations;
        var cells = new Dictionary<(string Type, string Method, string Shape), Cell>();
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is null)
                    continue;
                var benchmark = report.BenchmarkCase;
                string shape = benchmark.Parameters.Items.FirstOrDefault(p => p.Name is "Shape" or "Rows")?.Value?.ToString() ?? "";
                long? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
                cells[(benchmark.Descriptor.Type.Name, benchmark.Descriptor.WorkloadMethod.Name, shape)] =
                    new Cell(report.ResultStatistics.Median, allocated);
            }
        }

        var text = new StringBuilder();
        text.AppendLine("| operation | shape | PEGen median | compared with | its median | speed-up (baseline time / PEGen time) | target | met? |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");

        foreach (string shape in new[] { "1x512", "64x512", "2048x512", "2048x1024" })
        {
            Row(text, cells, "AddToBenchmarks", "AddTo", shape, "PEGenAddTo", "TensorPrimitivesAdd", "TensorPrimitives.Add (baseline)", shape == "1x512" ? 0.95 : 1.0);
            Row(text, cells, "AddToBenchmarks", "AddTo", shape, "PEGenAddTo", "ScalarTableLoop", "scalar loop, runtime float[] table", null);
            Row(text, cells, "AddToBenchmarks", "AddTo", shape, "PEGenAddTo", "NaiveSinCos", "naive Math.Sin/Math.Cos per element", 20);
            Row(text, cells, "AddToBenchmarks", "AddTo", shape, "PEGenAddTo", "SpanCopyTo", "Span.CopyTo of the same bytes (bytes/s fraction)", shape == "2048x1024" ? 0.8 : null);
            Allocation(text, cells, "AddToBenchmarks", "AddTo", shape, "PEGenAddTo");
        }
        foreach (string shape in new[] { "64x512", "2048x1024" })
        {
            Row(text, cells, "EmbedBenchmarks", "Embed", shape, "PEGenEmbed", "Unfused", "unfused copy + Multiply + Add (baseline)", shape == "64x512" ? 1.2 : 1.5);
            Allocation(text, cells, "EmbedBenchmarks", "Embed", shape, "PEGenEmbed");
        }
        foreach (string shape in new[] { "64x128x32h", "2048x128x8h" })
        {
            Row(text, cells, "RotateBenchmarks", "Rotate", shape, "PEGenRotate", "ScalarTableLoop", "scalar loop, runtime cos/sin tables (baseline)", 3);
            Row(text, cells, "RotateBenchmarks", "Rotate", shape, "PEGenRotate", "NaiveSinCos", "naive on-the-fly cos/sin", 20);
            Allocation(text, cells, "RotateBenchmarks", "Rotate", shape, "PEGenRotate");
        }
        foreach (string shape in new[] { "1x128x32h", "512x128x32h", "2048x128x8h" })
        {
            Row(text, cells, "PartialRotateBenchmarks", "Rotate, RotaryDim 32 of 128", shape, "PEGenPartial", "CopyThenRotateInPlace",
                "copy the input, then rotate in place (baseline)", 1.0);
            Row(text, cells, "PartialRotateBenchmarks", "Rotate, RotaryDim 32 of 128, interleaved", shape, "PEGenPartialInterleaved",
                "CopyThenRotateInPlaceInterleaved", "copy the input, then rotate in place", 1.0);
            Allocation(text, cells, "PartialRotateBenchmarks", "Rotate, RotaryDim 32 of 128", shape, "PEGenPartial");
        }
        foreach (string shape in new[] { "1x128x32h", "512x128x32h" })
        {
            // The same kernel with other tables: "as fast" means within the run-to-run spread (about 5% here).
            Row(text, cells, "ScaledRotateBenchmarks", "Rotate, llama3 scaling", shape, "Llama3Scaled", "PlainRope", "plain Rope (baseline)", 0.95);
            Row(text, cells, "ScaledRotateBenchmarks", "Rotate, yarn scaling", shape, "YarnScaled", "PlainRope", "plain Rope (baseline)", 0.95);
        }
        foreach (string rows in new[] { "1", "512" })
        {
            string shape = rows + "x(32q+8k)x128";
            Row(text, cells, "RotateQueryKeyBenchmarks", "RotateQueryKey", rows, "PEGenRotateQueryKey", "TwoRotateCalls",
                "two Rotate calls (baseline), " + shape, 1.0);
            Row(text, cells, "RotateQueryKeyBenchmarks", "RotateQueryKey, interleaved", rows, "PEGenRotateQueryKeyInterleaved",
                "TwoRotateCallsInterleaved", "two Rotate calls, " + shape, 1.0);
            Row(text, cells, "RotateQueryKeyBenchmarks", "RotateQueryKey, Compact Llama 3", rows, "PEGenRotateQueryKeyCompact",
                "TwoRotateCallsCompact", "two Rotate calls, Compact, " + shape, 1.0);
            Allocation(text, cells, "RotateQueryKeyBenchmarks", "RotateQueryKey", rows, "PEGenRotateQueryKey");
        }
        if (firstUse is not null)
        {
            foreach (var r in firstUse.Runtimes)
            {
                string runs = Inv($"median of {r.Runs} processes, {r.Runtime}");
                // The target: the first AddTo on embeddings already allocated and touched, against computing
                // the table at startup; at most 0.1 of it under NativeAOT, 0.25 under the JIT (which also
                // loads the Vector type and compiles AddTo, see the parts below).
                double allowance = r.Runtime == "NativeAOT" ? 0.1 : 0.25;
                FirstUseRow(text, "encoding only (after the embeddings exist)", runs, r.PegenEncodingMedianUs, r.ComputeEncodingMedianUs, allowance);
                FirstUseRow(text, "Main -> first AddTo done (allocating the embeddings included)", runs, r.PegenMainMedianUs, r.ComputeMainMedianUs, null);
                FirstUseRow(text, "whole process, launch to exit", runs, r.PegenProcessMedianMs * 1000, r.ComputeProcessMedianMs * 1000, null);
                var p = r.Phases;
                // Issue 14: a Compact class's first call (JIT, page-in and work of that call) at most 1.5x its Full twin's.
                foreach (var (operation, shape, full, compact) in new[]
                         {
                             ("AddTo, Vaswani 512, Compact 60,000 vs Full 2,048", "64x512", "addto-full", "addto-compact"),
                             ("Rotate, Llama 3 128, Compact 131,072 vs Full 8,192", "1x32x128", "rotate-full", "rotate-compact"),
                         })
                {
                    double f = r.FirstCallMedianUs[full], c = r.FirstCallMedianUs[compact];
                    double ratio = c / f;
                    string met = ratio <= 1.5 ? Inv($"met ({ratio:F2}x)") : Inv($"**missed** ({ratio:F2}x)");
                    text.AppendLine(Inv($"| first call, {operation} | {shape}, {runs} | {Time(c * 1000)} | Full's first call | {Time(f * 1000)} | Compact takes {ratio:F2}x | <= 1.5x | {met} |"));
                }
                text.AppendLine(Inv($"| first use 2048x512 | PEGen's encoding-only time in parts ({r.Runtime}) | | | | load the widest Vector type {p.VectorTypeUs / 1000:F2} ms; first AddTo of one row (compiles AddTo under JIT) {p.FirstCallUs / 1000:F2} ms; page in the 4 MiB table {p.PageInUs / 1000:F2} ms; AddTo of 2048 rows {p.AddUs / 1000:F2} ms | (context) | |"));
            }
            if (firstUse.AotNote is not null)
                text.AppendLine($"| first use 2048x512 | {firstUse.AotNote} | | | | | | |");
        }
        Peers.PeerReport.Append(text, summaries);
        return text.ToString();
    }

    private static void Row(StringBuilder text, Dictionary<(string, string, string), Cell> cells, string type, string operation, string shape,
        string method, string baseline, string baselineLabel, double? target)
    {
        if (!cells.TryGetValue((type, method, shape), out var mine) || !cells.TryGetValue((type, baseline, shape), out var theirs))
            return;
        double speedup = theirs.MedianNs / mine.MedianNs;
        string targetText = target is double t ? Inv($">= {t:0.0#}x") : "(none)";
        string met = target is double goal
            ? speedup >= goal ? Inv($"met (+{(speedup / goal - 1) * 100:F0}%)") : Inv($"**missed** by {(1 - speedup / goal) * 100:F0}%")
            : "";
        text.AppendLine(Inv($"| {operation} | {shape} | {Time(mine.MedianNs)} | {baselineLabel} | {Time(theirs.MedianNs)} | {speedup:F2}x | {targetText} | {met} |"));
    }

    private static void Allocation(StringBuilder text, Dictionary<(string, string, string), Cell> cells, string type, string operation, string shape, string method)
    {
        if (!cells.TryGetValue((type, method, shape), out var mine))
            return;
        string bytes = mine.AllocatedBytes is long b ? Inv($"{b} B (BenchmarkDotNet)") : "n/a";
        string met = mine.AllocatedBytes is long a ? a == 0 ? "met" : "**missed**" : "";
        if (s_exact is not null && s_exact.TryGetValue((operation, shape), out long exact))
        {
            bytes = Inv($"{exact} B in 100 calls (exact, this thread, least of 5 rounds); {bytes}");
            met = exact == 0 ? "met" : "**missed**";
        }
        text.AppendLine($"| {operation} | {shape} | allocated | | | {bytes} | 0 B | {met} |");
    }

    private static void FirstUseRow(StringBuilder text, string what, string runs, double pegenUs, double computeUs, double? allowance)
    {
        double fraction = pegenUs / computeUs;
        string met = allowance is double a
            ? fraction <= a ? Inv($"met ({fraction / a:F2} of the allowance)") : Inv($"**missed**: {fraction:F2} of compute-at-startup, {fraction / a:F1}x the allowance")
            : "";
        string target = allowance is double b ? Inv($"<= {b:0.0#} of it") : "(context)";
        text.AppendLine(Inv($"| first use 2048x512 | {what}, {runs} | {Time(pegenUs * 1000)} | Math.Sin/Cos table at startup, then add | {Time(computeUs * 1000)} | {computeUs / pegenUs:F2}x (PEGen takes {fraction:F3} of it) | {target} | {met} |"));
    }

    private static string Time(double ns) => ns switch
    {
        < 1e3 => Inv($"{ns:F1} ns"),
        < 1e6 => Inv($"{ns / 1e3:F2} us"),
        _ => Inv($"{ns / 1e6:F2} ms"),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
