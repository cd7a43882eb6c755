using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// Which ORT <c>interleaved</c> flag and which ggml rope mode compute PEGen's layout, for each
/// <see cref="RotaryVariant"/> (full width, partial, scaled), found by measuring rather than assumed: both
/// settings of each engine run on the same random vectors (2048 rows × 2 heads from position 0, and 1 row ×
/// 32 heads at position 1000), and each is compared with the exact double-precision rotation
/// (<see cref="ExactRotation"/>, pass-through part included) and ORT also with PEGen, whose tables it is fed.
/// The setting that agrees is the one benchmarked; a layout mismatch, or a pass-through part left unwritten,
/// shows as an error of order 1. Throws if PEGen, or the best setting of an engine, is off by more than a
/// generous bound.
/// </summary>
internal static class PeerAgreement
{
    // Generous bounds: ggml's angles drift by ~3e-4 relative at position 2,000 (repeated float32
    // multiplication); PEGen's float32 tables stay near 1e-4; ORT on PEGen's tables differs by the
    // rounding of its own multiply-adds only.
    private const double PegenBound = 1e-3, OrtVsPegenBound = 1e-5, GgmlBound = 1e-2;

    private static readonly (int Rows, int Heads, int Start)[] Cases = { (2048, 2, 0), (1, 32, 1000) };
    private static readonly ConcurrentDictionary<RotaryVariant, Result> s_results = new();

    /// <summary>What was measured for one variant; errors are max |diff| / max |value|, the worst of the cases.</summary>
    public sealed record Result(
        RotaryVariant Variant, bool OrtInterleaved, int GgmlMode,
        double PegenVsExact, double OrtVsPegen, double OrtVsExact, double OrtOtherVsPegen,
        double GgmlVsExact, double GgmlOtherVsExact)
    {
        public string Line =>
            Inv($"// {Describe(Variant)}: ORT interleaved={(OrtInterleaved ? 1 : 0)} max rel diff {Sci(OrtVsPegen)} vs PEGen ({Sci(OrtVsExact)} vs exact; interleaved={(OrtInterleaved ? 0 : 1)}: {Sci(OrtOtherVsPegen)}); ") +
            Inv($"ggml mode {GgmlMode} max rel {Sci(GgmlVsExact)} vs exact (mode {Other(GgmlMode)}: {Sci(GgmlOtherVsExact)}) (PEGen {Sci(PegenVsExact)})");
    }

    /// <summary>Measured once per process and variant; the first call prints the line.</summary>
    public static Result For(RotaryVariant variant) => s_results.GetOrAdd(variant, Measure);

    /// <summary>The full-width variant of a layout.</summary>
    public static Result For(RotaryLayout layout) => For(RotaryForm.Of(layout).Variant);

    /// <summary>Every variant measured in this process so far.</summary>
    public static IEnumerable<Result> Measured => s_results.Values.OrderBy(r => r.Variant);

    public static string Describe(RotaryVariant variant)
    {
        var form = RotaryForm.Of(variant);
        string width = form.Partial ? Inv($", RotaryDim {form.RotaryDim} of {RotaryForm.Dim}") : "";
        string scaling = form.GgmlFreqFactors is null ? "" : Inv($", llama3 scaling (base {form.Theta:0}; ggml freq_factors)");
        return Inv($"layout {form.Layout}{width}{scaling}");
    }

    public static int Other(int ggmlMode) => ggmlMode == GgmlNative.RopeNeox ? GgmlNative.RopeNormal : GgmlNative.RopeNeox;

    private static Result Measure(RotaryVariant variant)
    {
        var form = RotaryForm.Of(variant);
        double pegen = 0;
        var ort = new double[2];                 // vs PEGen, by interleaved flag 0/1
        var ortExact = new double[2];
        var ggml = new double[GgmlNative.RopeNeox + 1];   // vs exact, by mode 0/2
        int seed = 11;
        foreach (var (rows, heads, start) in Cases)
        {
            float[] input = Shapes.Random(rows * heads * RotaryForm.Dim, seed++);
            double[] exact = form.Exact(input, heads, start);
            var mine = new float[input.Length];
            form.Rotate(input, mine, start, heads);
            pegen = Math.Max(pegen, ExactRotation.RelativeError(mine, exact));

            foreach (int flag in new[] { 0, 1 })
            {
                var output = new float[input.Length];
                using (var session = new OrtRotary(flag == 1, rows, heads, RotaryForm.Dim, form.RotaryDim, start, input, output, form.Cos, form.Sin))
                    session.RunWithBinding();
                ort[flag] = Math.Max(ort[flag], ExactRotation.RelativeError(output, mine));
                ortExact[flag] = Math.Max(ortExact[flag], ExactRotation.RelativeError(output, exact));
            }
            foreach (int mode in new[] { GgmlNative.RopeNormal, GgmlNative.RopeNeox })
            {
                using var graph = new GgmlRotary(form.Ggml(mode), rows, heads, start, input);
                graph.Compute();
                ggml[mode] = Math.Max(ggml[mode], ExactRotation.RelativeError(graph.Output, exact));
            }
        }

        int ortFlag = ort[1] < ort[0] ? 1 : 0;
        int ggmlMode = ggml[GgmlNative.RopeNeox] < ggml[GgmlNative.RopeNormal] ? GgmlNative.RopeNeox : GgmlNative.RopeNormal;
        var result = new Result(variant, ortFlag == 1, ggmlMode, pegen, ort[ortFlag], ortExact[ortFlag], ort[1 - ortFlag],
            ggml[ggmlMode], ggml[Other(ggmlMode)]);
        Console.WriteLine(result.Line);
        if (s_results.IsEmpty)
            Console.WriteLine(Inv($"// ggml {GgmlNative.Version} (commit {GgmlNative.Commit}), {GgmlNative.Variant} libraries from {GgmlNative.Directory}"));

        if (pegen > PegenBound || result.OrtVsPegen > OrtVsPegenBound || result.GgmlVsExact > GgmlBound)
            throw new InvalidOperationException(Inv(
                $"Rotary peers disagree beyond the bounds (PEGen vs exact {PegenBound}, ORT vs PEGen {OrtVsPegenBound}, ggml vs exact {GgmlBound}): {result.Line}"));
        return result;
    }

    public static string Sci(double value) => value == 0 ? "0" : value.ToString("0.0e0", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
