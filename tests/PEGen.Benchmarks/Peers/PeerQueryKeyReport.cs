using System.Text;
using static PEGen.Benchmarks.Peers.PeerFormat;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The peer table of <see cref="RotatePeerQueryKeyBenchmarks"/>: q (32 heads) and k (8 heads) of the same rows.
/// Targets twice, so that each pair is like with like: ORT kernel and ggml in place against PEGen's
/// RotateQueryKey (in place), and ORT kernel and ggml out of place against PEGen out of place (two Rotate
/// calls to destinations). ORT's whole call is the faster of its two forms (one two-node model, or two
/// one-node sessions); its kernel: decode = full-width perHead · 40 heads, prefill = that call minus the
/// fixed part once per session run.
/// </summary>
internal static class PeerQueryKeyReport
{
    private const string Type = nameof(RotatePeerQueryKeyBenchmarks);
    private const int Heads = QueryKeyPeerSet.QueryHeads + QueryKeyPeerSet.KeyHeads;

    public static void Append(StringBuilder text, PeerCells cells, PeerFormat format)
    {
        if (!cells.Has(Type))
            return;
        text.AppendLine();
        text.AppendLine("Rotary peers, RotateQueryKey: q 32 heads + k 8 heads of the same rows, head 128 (decode 1 row at position 1000, prefill 512 rows from 0):");
        text.AppendLine();
        text.AppendLine("| layout | rows | PEGen RotateQueryKey (in place) | PEGen two Rotate (out of place) | PEGen copy + RotateQueryKey | ORT two nodes, one session | ORT two sessions | ORT kernel (fit) | ggml (out of place) | ggml in place | ORT kernel / PEGen RotateQueryKey (target >= 1.0) | ORT kernel / PEGen out of place (target >= 1.0) | ggml in place / PEGen RotateQueryKey (target >= 1.5) | ggml / PEGen out of place (target >= 1.5) | CopyTo q and k | bytes/s fraction CopyTo / PEGen out of place (target >= 0.8 at prefill) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var layout in new[] { RotaryLayout.Rope, RotaryLayout.RopeInterleaved })
        {
            string l = layout.ToString();
            var ortFit = cells.Fit(l, "OrtIoBinding");
            foreach (string rowsText in new[] { "1", "512" })
            {
                double? Get(string method) => cells.Get(Type, method, ("Layout", l), ("Rows", rowsText));
                if (Get("PEGenRotateQueryKey") is not double pegen)
                    continue;
                int rows = int.Parse(rowsText, System.Globalization.CultureInfo.InvariantCulture);
                double? nodes = Get("OrtTwoNodes"), sessions = Get("OrtTwoSessions");
                bool twoNodesFaster = (nodes ?? double.MaxValue) <= (sessions ?? double.MaxValue);
                double? ortCall = twoNodesFaster ? nodes : sessions;
                int runs = twoNodesFaster ? 1 : 2;
                double? ortKernel = PeerKernel.Estimate(ortFit, rows, Heads, ortCall, runs);
                double? outOfPlace = Get("PEGenTwoRotateOutOfPlace"), copy = Get("SpanCopyTo");
                string what = Inv($"RotateQueryKey {l} {rows} rows");
                string faster = ortCall is null ? "" : twoNodesFaster ? " (two nodes faster)" : " (two sessions faster)";
                string[] row =
                {
                    l, rowsText, Time(pegen), Time(outOfPlace), Time(Get("PEGenCopyThenRotateQueryKey")),
                    Time(nodes), Time(sessions), PeerKernel.Text(ortKernel, ortFit, rows, ortCall, runs) + faster,
                    Time(Get("Ggml")), Time(Get("GgmlInPlace")),
                    ortKernel is double k1 ? format.Ratio(k1 / pegen, PeerReport.OrtTarget, what + " ORT kernel / PEGen RotateQueryKey") : "n/a (no fit)",
                    ortKernel is double k2 && outOfPlace is double o1 ? format.Ratio(k2 / o1, PeerReport.OrtTarget, what + " ORT kernel / PEGen out of place") : "n/a",
                    Get("GgmlInPlace") is double gi ? format.Ratio(gi / pegen, PeerReport.GgmlTarget, what + " ggml in place / PEGen RotateQueryKey") : "n/a",
                    Get("Ggml") is double g && outOfPlace is double o2 ? format.Ratio(g / o2, PeerReport.GgmlTarget, what + " ggml / PEGen out of place") : "n/a",
                    Time(copy),
                    copy is double c && outOfPlace is double o3 ? format.Ratio(c / o3, rows > 1 ? PeerReport.CopyTarget : null, what + " CopyTo / PEGen out of place") : "n/a",
                };
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }
    }
}
