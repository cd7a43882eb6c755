using System.Globalization;
using System.Text;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Schemes;
using static PEGen.Emit.Invariant;

using Pairs = PEGen.Emit.Shared.PairShuffleEmitter.Calls;

namespace PEGen.Emit.Rotary;

/// <summary>
/// The AVX2 row kernel for large out-of-place calls, head by head. The row kernel walks a row column by column (a
/// vector of angles, then every head) so cos/sin stay in registers; out of place, a 32-head row is 16 KiB read and
/// 16 KiB written, each destination line written in several visits with the rest of the row in between, more than a
/// 32 KiB first-level cache holds. Measured on an AMD EPYC (Zen 3, no AVX-512) at 512 x 32 and 2048 x 8 heads x 128,
/// alternating in one process: this order took 0.53-0.71 of the column order's time, level with <c>Span.CopyTo</c>
/// of the same bytes. Same products and sums as the row kernel, so the same bits. With AVX-512 such calls take the
/// stream kernel (<see cref="RotaryStreamEmitter"/>) instead, and in place the column order measured as fast.
/// </summary>
internal static class RotaryHeadsEmitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string V = "global::System.Runtime.Intrinsics.Vector256";

    /// <summary>The kernel's name in the generated class.</summary>
    public const string Method = "__PEGen_RotateRowHeads";

    /// <summary>
    /// Whether the class gets the kernel: the cross-platform vector APIs on the target and whole 8-float vectors of
    /// angles per head (RotaryDim and Dim multiples of 16, Dim up to <see cref="MaximumDim"/>). With partial rotary
    /// each head's values past RotaryDim are copied right after its rotated ones, in the same visit.
    /// </summary>
    public static bool Applies(EncodingSpec spec, TargetFeatures features) =>
        features.HasVector128 && spec.Rotary.RotaryDim % 16 == 0 && spec.Dim % 16 == 0 && spec.Dim <= MaximumDim;

    /// <summary>The widest head it unrolls.</summary>
    public const int MaximumDim = 256;

    /// <summary>The smallest call, in floats (512 KiB), that takes it: below, source and destination stay in L2.</summary>
    public const int MinimumFloats = RotaryRuntime.LargeCallFloats;

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        bool halves = spec.Definition.Layout == PairLayout.RotateHalf;
        writer.Lines($$"""
            /// <summary>One row (all its heads) out of place, head after head, 256-bit vectors.</summary>
            /// <remarks>
            /// Each head's outputs are written in order, a whole head at a time, so the destination's lines fill
            /// in one visit. The row's cos/sin chunk is reloaded per head (from L1).
            /// </remarks>
            {{features.EntryPointAttribute()}}
            private static void {{Method}}(ref float x, ref float cos, ref float sin, ref float destination, nint rowLength)
            {{{(halves ? "\n    const int Half = RotaryDim / 2;" : "")}}
                for (nint h = 0; h < rowLength; h += Dim)
                {
                    ref float a = ref {{U}}.Add(ref x, h);
                    ref float o = ref {{U}}.Add(ref destination, h);
            """);
        writer.PushIndent();
        writer.PushIndent();
        writer.Lines(halves ? Halves(spec.Rotary.RotaryDim / 16) : Interleaved(spec.Rotary.RotaryDim / 16));
        if (spec.Rotary.RotaryDim < spec.Dim)
        {
            writer.Line("// Past RotaryDim: copied as loaded, in the same visit.");
            writer.Line(RotaryKernelEmitter.CopyRest + "(");
            writer.Line("    ref " + U + ".Add(ref a, RotaryDim),");
            writer.Line("    ref " + U + ".Add(ref o, RotaryDim));");
        }
        writer.PopIndent();
        writer.PopIndent();
        writer.Line("    }");
        writer.Line("}");
        writer.Line();
    }

    // (k, k + Half): p vectors of angles per head.
    private static string Halves(int p)
    {
        var text = new StringBuilder();
        for (int j = 0; j < p; j++)
        {
            text.Append(Inv($"{{\n    var c = {V}.LoadUnsafe(ref cos, {8 * j});\n"));
            text.Append(Inv($"    var s = {V}.LoadUnsafe(ref sin, {8 * j});\n"));
            text.Append(Inv($"    var first = {V}.LoadUnsafe(ref a, {8 * j});\n"));
            text.Append(Inv($"    var second = {V}.LoadUnsafe(ref a, Half + {8 * j});\n"));
            text.Append(Inv($"    {V}.StoreUnsafe(first * c - second * s, ref o, {8 * j});\n"));
            text.Append(Inv($"    {V}.StoreUnsafe(second * c + first * s, ref o, Half + {8 * j});\n}}\n"));
        }
        return text.ToString().TrimEnd('\n');
    }

    // (2k, 2k + 1): each vector of 8 angles serves two vectors of pairs.
    private static string Interleaved(int p)
    {
        string swap = Pairs.Swap;
        var text = new StringBuilder();
        for (int j = 0; j < p; j++)
        {
            text.Append(Inv($"{{\n    var c = {V}.LoadUnsafe(ref cos, {8 * j});\n"));
            text.Append(Inv($"    var s = {V}.LoadUnsafe(ref sin, {8 * j});\n"));
            text.Append(Inv($"    var x0 = {V}.LoadUnsafe(ref a, {16 * j});\n"));
            text.Append(Inv($"    var x1 = {V}.LoadUnsafe(ref a, {16 * j + 8});\n"));
            text.Append("    " + Pairs.Factors("c", "s", "cLow", "cHigh", "sLow", "sHigh").Replace("\n", "\n    ") + "\n");
            text.Append(Inv($"    {V}.StoreUnsafe(x0 * cLow + {swap}(x0) * sLow, ref o, {16 * j});\n"));
            text.Append(Inv($"    {V}.StoreUnsafe(x1 * cHigh + {swap}(x1) * sHigh, ref o, {16 * j + 8});\n}}\n"));
        }
        return text.ToString().TrimEnd('\n');
    }
}
