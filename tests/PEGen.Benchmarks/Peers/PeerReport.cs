using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The rotary-peer part of the target report: per layout and shape the medians of PEGen, ORT (session.Run,
/// IOBinding, kernel estimate) and ggml (with and without a threadpool, kernel estimate), the ratios against
/// the targets (ORT kernel / PEGen ≥ 1.0, ggml / PEGen ≥ 1.5, at prefill CopyTo / PEGen ≥ 0.8), the per-head
/// fits, and the measured layout mapping with its agreement figures.
/// Kernel estimates: decode (one row) = PerHead · heads from the one-row fit; prefill = call − fixed part
/// of that fit, with the fixed part's share of the call shown (a fixed cost per call does not grow with rows).
/// </summary>
internal static class PeerReport
{
    private const string Main = nameof(RotatePeerBenchmarks), Fit = nameof(RotatePeerHeadFitBenchmarks);
    private static readonly string[] ShapeOrder = { "1x128x32h", "1x128x8h", "512x128x32h", "2048x128x8h" };

    public static void Append(StringBuilder text, IEnumerable<Summary> summaries)
    {
        var cells = new Dictionary<(string Type, string Method, string Layout, string Key), double>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var benchmark = report.BenchmarkCase;
            string type = benchmark.Descriptor.Type.Name;
            if (report.ResultStatistics is null || (type != Main && type != Fit))
                continue;
            string Param(string name) => benchmark.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value?.ToString() ?? "";
            cells[(type, benchmark.Descriptor.WorkloadMethod.Name, Param("Layout"), type == Main ? Param("Shape") : Param("Heads"))] =
                report.ResultStatistics.Median;
        }
        if (cells.Count == 0)
            return;

        var layouts = Enum.GetValues<RotaryLayout>().Where(l => cells.Keys.Any(k => k.Layout == l.ToString())).ToList();
        var fits = new Dictionary<(string Layout, string Method), HeadFit>();
        foreach (var layout in layouts)
        {
            foreach (string method in new[] { "PEGenRotate", "OrtIoBinding", "Ggml" })
            {
                var points = cells.Where(c => c.Key.Type == Fit && c.Key.Method == method && c.Key.Layout == layout.ToString())
                    .Select(c => (double.Parse(c.Key.Key, CultureInfo.InvariantCulture), c.Value)).OrderBy(p => p.Item1).ToList();
                if (HeadFit.Of(points) is { } fit)
                    fits[(layout.ToString(), method)] = fit;
            }
        }

        text.AppendLine();
        text.AppendLine("Rotary peers (one thread each; decode rows at position 1000, prefill from 0; medians):");
        text.AppendLine();
        text.AppendLine("| layout | shape | PEGen Rotate (out of place) | PEGen in place | ORT session.Run | ORT IOBinding | ORT kernel (fit) | ggml | ggml, no threadpool | ggml kernel (fit) | ORT kernel / PEGen (target >= 1.0) | ggml / PEGen (target >= 1.5) | ggml kernel / PEGen | CopyTo same bytes | bytes/s fraction CopyTo / PEGen (target >= 0.8 at prefill) | memory-bound? |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var layout in layouts)
        {
            string l = layout.ToString();
            foreach (string shape in ShapeOrder)
            {
                if (!cells.TryGetValue((Main, "PEGenRotate", l, shape), out double pegen))
                    continue;
                double? Get(string method) => cells.TryGetValue((Main, method, l, shape), out double v) ? v : null;
                var (rows, _, heads) = Shapes.Parse(shape);
                double? ortKernel = Kernel(fits, l, "OrtIoBinding", rows, heads, Get("OrtIoBinding"));
                double? ggmlKernel = Kernel(fits, l, "Ggml", rows, heads, Get("Ggml"));
                double? copy = Get("SpanCopyTo");
                bool prefill = rows > 1;
                string fraction = copy is double c ? Ratio(c / pegen, prefill ? 0.8 : null) : "n/a";
                string bound = copy is double c2
                    ? c2 / pegen >= 0.8 ? Inv($"yes: PEGen moves bytes at {c2 / pegen:F2} of CopyTo's rate") : Inv($"no: PEGen at {c2 / pegen:F2} of CopyTo's rate")
                    : "";
                string[] row =
                {
                    l, shape, Time(pegen), Time(Get("PEGenRotateInPlace")), Time(Get("OrtRun")), Time(Get("OrtIoBinding")),
                    KernelText(ortKernel, fits, l, "OrtIoBinding", rows, Get("OrtIoBinding")),
                    Time(Get("Ggml")), Time(Get("GgmlNoThreadpool")), KernelText(ggmlKernel, fits, l, "Ggml", rows, Get("Ggml")),
                    ortKernel is double ok ? Ratio(ok / pegen, 1.0) : "n/a (no fit)",
                    Get("Ggml") is double g ? Ratio(g / pegen, 1.5) : "n/a",
                    ggmlKernel is double gk ? Ratio(gk / pegen, null) : "n/a",
                    Time(copy), fraction, prefill ? bound : "(decode: cache-resident) " + bound,
                };
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }

        if (fits.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Per-head fits T(h) = fixed + h * perHead, one row at position 1000, h in {1, 2, 4, 8, 16, 32} (least squares over the medians):");
            text.AppendLine();
            text.AppendLine("| layout | engine | fixed | per head | R^2 | points |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var ((layout, method), fit) in fits.OrderBy(f => f.Key.Layout).ThenBy(f => f.Key.Method))
                text.AppendLine(Inv($"| {layout} | {Engine(method)} | {fit.FixedNs:F0} ns | {fit.PerHeadNs:F1} ns | {fit.RSquared:F4} | {fit.Points} |"));
        }

        text.AppendLine();
        text.AppendLine("Layout mapping, measured (max |diff| / max |value|; \"exact\" = double-precision rotation):");
        text.AppendLine();
        foreach (var layout in layouts)
            text.AppendLine(PeerAgreement.For(layout).Line);
        text.AppendLine(Inv($"// ggml {GgmlNative.Version} (commit {GgmlNative.Commit}), {GgmlNative.Variant} libraries"));
    }

    // Decode: PerHead * heads. Prefill: the call minus the fixed part of the one-row fit.
    private static double? Kernel(Dictionary<(string, string), HeadFit> fits, string layout, string method, int rows, int heads, double? call)
    {
        if (!fits.TryGetValue((layout, method), out var fit))
            return null;
        if (rows == 1)
            return fit.KernelNs(heads);
        return call is double t ? t - fit.FixedOrZeroNs : null;
    }

    private static string KernelText(double? kernel, Dictionary<(string, string), HeadFit> fits, string layout, string method, int rows, double? call)
    {
        if (kernel is not double k)
            return "n/a (no fit)";
        if (rows == 1)
            return Time(k) + " (perHead x heads)";
        var fit = fits[(layout, method)];
        return Inv($"{Time(k)} (call - fixed; fixed {fit.FixedOrZeroNs / call!.Value * 100:F2}% of it)");
    }

    private static string Engine(string method) => method switch
    {
        "PEGenRotate" => "PEGen Rotate",
        "OrtIoBinding" => "ORT IOBinding",
        _ => "ggml (threadpool)",
    };

    private static string Ratio(double ratio, double? target) => target is double goal
        ? ratio >= goal ? Inv($"{ratio:F2}x met") : Inv($"{ratio:F2}x **missed** by {(1 - ratio / goal) * 100:F0}%")
        : Inv($"{ratio:F2}x");

    private static string Time(double? ns) => ns switch
    {
        null => "n/a",
        < 1e3 => Inv($"{ns:F1} ns"),
        < 1e6 => Inv($"{ns / 1e3:F2} us"),
        _ => Inv($"{ns / 1e6:F2} ms"),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
