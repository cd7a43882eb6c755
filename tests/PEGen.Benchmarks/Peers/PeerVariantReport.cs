using System.Text;
using static PEGen.Benchmarks.Peers.PeerFormat;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The peer table of <see cref="RotatePeerVariantBenchmarks"/>: partial rotary (both layouts) and Llama 3
/// scaling at the four shapes, with the targets of full width. ORT's kernel: the partial variants' own fits
/// (<see cref="RotatePeerVariantHeadFitBenchmarks"/>); the scaled one takes full-width Rope's fit (the same
/// work per head, other cache values).
/// </summary>
internal static class PeerVariantReport
{
    private const string Type = nameof(RotatePeerVariantBenchmarks);

    public static void Append(StringBuilder text, PeerCells cells, PeerFormat format)
    {
        if (!cells.Has(Type))
            return;
        text.AppendLine();
        text.AppendLine("Rotary peers, partial rotary (RotaryDim 32 of head 128: ORT rotary_embedding_dim 32, ggml n_dims 32) and llama3 scaling (ORT fed PEGen's scaled Cos/Sin, ggml its freq_factors); out of place, same positions:");
        text.AppendLine();
        text.AppendLine("| variant | shape | PEGen Rotate (out of place) | ORT IOBinding | ORT kernel (fit) | ggml | ORT kernel / PEGen (target >= 1.0) | ggml / PEGen (target >= 1.5) | CopyTo same bytes | bytes/s fraction CopyTo / PEGen (target >= 0.8 at prefill) | memory-bound? |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var variant in new[] { RotaryVariant.RopePartial, RotaryVariant.RopeIPartial, RotaryVariant.RopeLlama3 })
        {
            string v = variant.ToString();
            var form = RotaryForm.Of(variant);
            string fitForm = form.Partial ? v : RotaryForm.Of(form.Layout).Variant.ToString();
            var ortFit = cells.Fit(fitForm, "OrtIoBinding");
            foreach (string shape in PeerReport.ShapeOrder)
            {
                double? Get(string method) => cells.Get(Type, method, ("Shape", shape), ("Variant", v));
                if (Get("PEGenRotate") is not double pegen)
                    continue;
                var (rows, _, heads) = Shapes.Parse(shape);
                double? ortKernel = PeerKernel.Estimate(ortFit, rows, heads, Get("OrtIoBinding"));
                double? copy = Get("SpanCopyTo");
                bool prefill = rows > 1;
                string what = Inv($"{v} {shape}");
                string fitNote = fitForm == v ? "" : Inv($", {fitForm}'s fit");
                string[] row =
                {
                    v, shape, Time(pegen), Time(Get("OrtIoBinding")),
                    PeerKernel.Text(ortKernel, ortFit, rows, Get("OrtIoBinding")) + fitNote,
                    Time(Get("Ggml")),
                    ortKernel is double ok ? format.Ratio(ok / pegen, PeerReport.OrtTarget, what + " ORT kernel / PEGen") : "n/a (no fit)",
                    Get("Ggml") is double g ? format.Ratio(g / pegen, PeerReport.GgmlTarget, what + " ggml / PEGen") : "n/a",
                    Time(copy),
                    copy is double c ? format.Ratio(c / pegen, prefill ? PeerReport.CopyTarget : null, what + " CopyTo / PEGen") : "n/a",
                    copy is double c2 ? (prefill ? "" : "(decode: cache-resident) ") + MemoryBound(c2, pegen) : "",
                };
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }
    }
}
