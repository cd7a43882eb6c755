using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;
using static PEGen.Benchmarks.Peers.PeerFormat;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The rotary-peer part of the target report: per layout and shape the medians of PEGen, ORT (session.Run,
/// IOBinding, kernel estimate) and ggml (with and without a threadpool, kernel estimate), the ratios against
/// the targets (ORT kernel / PEGen ≥ 1.0, ggml / PEGen ≥ 1.5, at prefill CopyTo / PEGen ≥ 0.8); then the
/// partial and scaled variants (<see cref="PeerVariantReport"/>) and RotateQueryKey
/// (<see cref="PeerQueryKeyReport"/>) with the same targets; the per-head fits, the measured layout mapping
/// with its agreement figures, and a tally of the targets. Kernel estimates: <see cref="PeerKernel"/>.
/// </summary>
internal static class PeerReport
{
    public const double OrtTarget = 1.0, GgmlTarget = 1.5, CopyTarget = 0.8;
    public static readonly string[] ShapeOrder = { "1x128x32h", "1x128x8h", "512x128x32h", "2048x128x8h" };
    private const string Main = nameof(RotatePeerBenchmarks);

    public static void Append(StringBuilder text, IEnumerable<Summary> summaries)
    {
        var cells = new PeerCells(summaries);
        if (cells.IsEmpty)
            return;
        var format = new PeerFormat();

        if (cells.Has(Main))
            AppendMain(text, cells, format);
        PeerVariantReport.Append(text, cells, format);
        PeerQueryKeyReport.Append(text, cells, format);

        if (cells.Fits.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Per-head fits T(h) = fixed + h * perHead, one row at position 1000, h in {1, 2, 4, 8, 16, 32} (least squares over the medians):");
            text.AppendLine();
            text.AppendLine("| form | engine | fixed | per head | R^2 | points |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var ((form, method), fit) in cells.Fits.OrderBy(f => f.Key.Form).ThenBy(f => f.Key.Method))
                text.AppendLine(Inv($"| {form} | {Engine(method)} | {fit.FixedNs:F0} ns | {fit.PerHeadNs:F1} ns | {fit.RSquared:F4} | {fit.Points} |"));
        }

        text.AppendLine();
        text.AppendLine("Layout mapping, measured (max |diff| / max |value|; \"exact\" = double-precision rotation, pass-through part included):");
        text.AppendLine();
        foreach (var result in PeerAgreement.Measured)
            text.AppendLine(result.Line);
        text.AppendLine(Inv($"// ggml {GgmlNative.Version} (commit {GgmlNative.Commit}), {GgmlNative.Variant} libraries"));
        text.AppendLine();
        text.AppendLine(format.Tally);
    }

    private static void AppendMain(StringBuilder text, PeerCells cells, PeerFormat format)
    {
        text.AppendLine();
        text.AppendLine("Rotary peers, full width (one thread each; decode rows at position 1000, prefill from 0; medians):");
        text.AppendLine();
        text.AppendLine("| layout | shape | PEGen Rotate (out of place) | PEGen in place | ORT session.Run | ORT IOBinding | ORT kernel (fit) | ggml | ggml, no threadpool | ggml kernel (fit) | ORT kernel / PEGen (target >= 1.0) | ggml / PEGen (target >= 1.5) | ggml kernel / PEGen | CopyTo same bytes | bytes/s fraction CopyTo / PEGen (target >= 0.8 at prefill) | memory-bound? |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var layout in new[] { RotaryLayout.Rope, RotaryLayout.RopeInterleaved })
        {
            string l = layout.ToString();
            foreach (string shape in ShapeOrder)
            {
                double? Get(string method) => cells.Get(Main, method, ("Layout", l), ("Shape", shape));
                if (Get("PEGenRotate") is not double pegen)
                    continue;
                var (rows, _, heads) = Shapes.Parse(shape);
                var ortFit = cells.Fit(l, "OrtIoBinding");
                var ggmlFit = cells.Fit(l, "Ggml");
                double? ortKernel = PeerKernel.Estimate(ortFit, rows, heads, Get("OrtIoBinding"));
                double? ggmlKernel = PeerKernel.Estimate(ggmlFit, rows, heads, Get("Ggml"));
                double? copy = Get("SpanCopyTo");
                bool prefill = rows > 1;
                string what = Inv($"{l} {shape}");
                string[] row =
                {
                    l, shape, Time(pegen), Time(Get("PEGenRotateInPlace")), Time(Get("OrtRun")), Time(Get("OrtIoBinding")),
                    PeerKernel.Text(ortKernel, ortFit, rows, Get("OrtIoBinding")),
                    Time(Get("Ggml")), Time(Get("GgmlNoThreadpool")), PeerKernel.Text(ggmlKernel, ggmlFit, rows, Get("Ggml")),
                    ortKernel is double ok ? format.Ratio(ok / pegen, OrtTarget, what + " ORT kernel / PEGen") : "n/a (no fit)",
                    Get("Ggml") is double g ? format.Ratio(g / pegen, GgmlTarget, what + " ggml / PEGen") : "n/a",
                    ggmlKernel is double gk ? format.Ratio(gk / pegen, null, "") : "n/a",
                    Time(copy),
                    copy is double c ? format.Ratio(c / pegen, prefill ? CopyTarget : null, what + " CopyTo / PEGen") : "n/a",
                    copy is double c2 ? (prefill ? "" : "(decode: cache-resident) ") + MemoryBound(c2, pegen) : "",
                };
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }
    }

    private static string Engine(string method) => method switch
    {
        "PEGenRotate" => "PEGen Rotate",
        "OrtIoBinding" => "ORT IOBinding",
        _ => "ggml (threadpool)",
    };
}
