using System.Globalization;
using System.Text;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Schemes;
using static PEGen.Emit.Invariant;

namespace PEGen.Emit.Rotary;

/// <summary>
/// The AVX2 row kernel on the 32-byte grid (rotate_half), for CPUs without AVX-512. A managed array's data is 8-byte
/// aligned, so a 32-byte vector of the row kernel spans two cache lines every other load and store. Measured on an AMD
/// EPYC (Zen 3), in place and alternating with the same call on an aligned buffer: 1.17-1.34x slower at 32 to 512
/// rows x 32 heads x 128 (this kernel: 0.91-1.04x), within 1.01-1.08x at decode sizes (in L1, where split accesses are
/// cheap and this kernel's extra cos/sin loads are not). So it takes large calls only (<see cref="Rule"/>).
/// Grid vector t holds elements 8 t - m .. 8 t - m + 7 of the row (m: the row's distance past a boundary, in floats).
/// Only vector 0 of each half-head starts in the half-head before it: its cos and sin come from the row's shifted by m
/// lanes (two permutes and a blend, once per row) and its partner from a select. Every other vector lies inside its
/// half-head: its partner is the same vector of the other half and its cos and sin are the row's from 8 j - m on, an
/// unaligned load of the row's cos/sin (read, never written). As in <see cref="RotaryAlignedEmitter"/>, the row's first
/// and last 8 values come from unaligned loads made before any store, and each output has the roundings of the row
/// kernel's <c>a * c - b * s</c> and <c>b * c + a * s</c>. Interleaved rows keep the row kernel: this form of it (its
/// duplicating shuffles per vector and head instead of once per row) measured 1.3-2x slower.
/// </summary>
internal static class RotaryAligned256Emitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string V = "global::System.Runtime.Intrinsics.Vector256";
    private const string X = "global::System.Runtime.Intrinsics.X86.Avx2";

    /// <summary>The kernel's name in the generated class.</summary>
    public const string Method = "__PEGen_RotateRowAligned256";

    /// <summary>
    /// Whether the class gets the kernel: the cross-platform vector APIs on the target, rotate_half over the whole head,
    /// and whole 8-float vectors in each half-head (Dim a multiple of 16) up to <see cref="MaximumDim"/>. Only vector 0
    /// of a half-head is carried across iterations; the rest of the loop is loads, products and stores.
    /// </summary>
    public static bool Applies(EncodingSpec spec, TargetFeatures features) =>
        features.HasVector128 && spec.Definition.Layout == PairLayout.RotateHalf && spec.Rotary.RotaryDim == spec.Dim &&
        spec.Dim % 16 == 0 && spec.Dim <= MaximumDim;

    /// <summary>
    /// The widest head it unrolls (every head size in use; at Dim 8192 the unrolled head was 100 KB of IL, which the
    /// JIT compiles unoptimised).
    /// </summary>
    public const int MaximumDim = 256;

    /// <summary>The smallest call, in floats (512 KiB), that takes it: below, the data is in the core's caches.</summary>
    public const int MinimumFloats = RotaryRuntime.LargeCallFloats;

    /// <summary>When the CPU takes it (folded by the JIT): 256-bit vectors and AVX2's lane permute.</summary>
    public const string RuntimeCondition = RotaryRuntime.Avx2;

    /// <summary>
    /// The rule of <see cref="RowKernelChoiceEmitter.Method"/> on such a CPU: both spans off the 32-byte grid by the same
    /// offset (on it, the row kernel is aligned already), 16 heads or more (at 8 heads of 128 it measured no faster than
    /// the row kernel: 1.07-1.12x the aligned time against 1.05-1.07x) and a call of at least <see cref="MinimumFloats"/>.
    /// </summary>
    public static string Rule =>
        "(apart & 31) == 0 && (address & 31) != 0 && rowLength >= 16 * Dim && (long)rows * rowLength >= " +
        MinimumFloats.ToString(CultureInfo.InvariantCulture);

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        writer.Lines($$"""
            /// <summary>
            /// One row (all its heads) on AVX2 with loads and stores of the vectors on the 32-byte grid only; source
            /// and destination at the same offset from it (<see cref="{{RowKernelChoiceEmitter.Method}}"/>).
            /// </summary>
            /// <remarks>
            /// <para>Grid vector t holds elements 8 t - m .. 8 t - m + 7 of the row (m: the row's distance past a
            /// boundary). Vector j > 0 of a half-head lies inside it: its partner is the same vector of the other
            /// half-head and its cos and sin are the row's from 8 j - m on. Vector 0 of a half-head starts m lanes
            /// early, in the half-head before: its lanes below m take that half's partner, cos, sin and sign, by a
            /// select and by the row's cos and sin shifted by m lanes (once per row).</para>
            /// <para>In place, vector 0's inputs are carried to the next head before they are overwritten. The
            /// grid's first and last vectors are partly outside the row: those 8 values come from unaligned loads
            /// made before any store.</para>
            /// </remarks>
            {{features.EntryPointAttribute()}}
            private static void {{Method}}(ref float x, ref float cos, ref float sin, ref float destination, nint rowLength)
            {
                const int Half = Dim / 2;
                // m: how far the row starts past a 32-byte boundary, in floats (1 to 7).
                {{GridOffset.AddressStatement("address", "destination").Replace("\n", "\n    ")}}
                nint m = {{GridOffset.FloatsPast("address", 32)}};
                var lanes = {{V}}.Create(0, 1, 2, 3, 4, 5, 6, 7);
                // Shift(a, b) = select(low, a, b) of both rotated up m lanes: lanes below m from the tail of a,
                // the rest from the head of b.
                var index = (lanes - {{V}}.Create((int)m))
                    & {{V}}.Create(7);
                var low = {{V}}.AsSingle(
                    {{V}}.LessThan(lanes, {{V}}.Create((int)m)));
                var signs = {{V}}.Create(-0f);
                ref float source = ref {{U}}.Subtract(ref x, m);
                ref float target = ref {{U}}.Subtract(ref destination, m);
            """);
        writer.PushIndent();
        writer.Lines(HalvesBody(spec.Dim / 16));
        writer.Line(V + ".StoreUnsafe(firstOut, ref destination, 0);");
        writer.Line(V + ".StoreUnsafe(lastOut, ref destination, (nuint)(rowLength - 8));");
        writer.PopIndent();
        writer.Line("}");
        writer.Line();
    }

    private static string Shift(string a, string b) =>
        Inv($"{V}.ConditionalSelect(low,\n    {X}.PermuteVar8x32({a}, index),\n    {X}.PermuteVar8x32({b}, index))");

    // rotate_half: p grid vectors per half-head; the loop takes a head (two half-heads) per step.
    private static string HalvesBody(int p)
    {
        var text = new StringBuilder();
        text.Append("// Vector 0 of a half-head: lanes below m hold the previous half-head's last angles.\n");
        text.Append(Inv($"var cosEnd = {V}.LoadUnsafe(ref cos, Half - 8);\n"));
        text.Append(Inv($"var sinEnd = {V}.LoadUnsafe(ref sin, Half - 8);\n"));
        text.Append(Inv($"var cosStart = {V}.LoadUnsafe(ref cos, 0);\n"));
        text.Append(Inv($"var sinStart = {V}.LoadUnsafe(ref sin, 0);\n"));
        text.Append(Inv($"var c0 = {Shift("cosEnd", "cosStart")};\n"));
        text.Append(Inv($"var q0 = {Shift("sinEnd", "sinStart")};\n"));
        text.Append("// Its sine signed per lane: a first-half lane subtracts, a second-half lane adds.\n");
        text.Append(Inv($"var even0 = q0 ^ {V}.AndNot(signs, low);\n"));
        text.Append(Inv($"var odd0 = q0 ^ (signs & low);\n"));
        text.Append("// The row's first 8 values (first half of head 0) and last 8 (second half of the last head).\n");
        text.Append(Inv($"var firstOut = {V}.LoadUnsafe(ref x, 0) * cosStart\n    - {V}.LoadUnsafe(ref x, Half) * sinStart;\n"));
        text.Append(Inv($"var lastIn = {V}.LoadUnsafe(ref x, (nuint)(rowLength - 8));\n"));
        text.Append(Inv($"var lastOut = lastIn * cosEnd\n    + {V}.LoadUnsafe(ref x, (nuint)(rowLength - 8 - Half)) * sinEnd;\n"));
        text.Append("// Grid vector 0 starts before the row: its lanes from m on are the row's first values.\n");
        text.Append(Inv($"var a0 = {V}.AndNot(\n    {X}.PermuteVar8x32({V}.LoadUnsafe(ref x, 0), index),\n    low);\n"));
        text.Append(Inv($"var p0 = {V}<float>.Zero;\n"));
        text.Append("nint vectors = rowLength / 8;\n");
        text.Append(Inv($"for (nint t = 0; t < vectors; t += {2 * p})\n{{\n"));
        text.Append("    // Vector 0 of each half-head: a0 (first half) and n0 (second half) of this head, p0 the previous\n");
        text.Append("    // head's n0 and b0 the next head's a0 (their inputs, read before anything overwrote them).\n");
        text.Append(Inv($"    var n0 = {V}.LoadUnsafe(ref source, (nuint)(8 * (t + {p})));\n"));
        text.Append(Inv($"    var b0 = t + {2 * p} < vectors\n        ? {V}.LoadUnsafe(ref source, (nuint)(8 * (t + {2 * p})))\n"));
        text.Append("        // The grid's last vector: the row's last 8 values shifted down (lanes from m on are past the row).\n");
        text.Append(Inv($"        : {V}.BitwiseAnd(\n            {X}.PermuteVar8x32(lastIn, index), low);\n"));
        text.Append(Inv($"    var o0 = a0 * c0 + {V}.ConditionalSelect(low, p0, n0) * even0;\n"));
        text.Append(Inv($"    var u0 = n0 * c0 + {V}.ConditionalSelect(low, b0, a0) * odd0;\n"));
        text.Append(Inv($"    if (t != 0)\n        {V}.StoreUnsafe(o0, ref target, (nuint)(8 * t));\n"));
        text.Append(Inv($"    {V}.StoreUnsafe(u0, ref target, (nuint)(8 * (t + {p})));\n"));
        for (int j = 1; j < p; j++)
        {
            text.Append(Inv($"    {{\n        var c = {V}.LoadUnsafe(ref cos, (nuint)({8 * j} - m));\n"));
            text.Append(Inv($"        var s = {V}.LoadUnsafe(ref sin, (nuint)({8 * j} - m));\n"));
            text.Append(Inv($"        var a = {V}.LoadUnsafe(ref source, (nuint)(8 * (t + {j})));\n"));
            text.Append(Inv($"        var n = {V}.LoadUnsafe(ref source, (nuint)(8 * (t + {p + j})));\n"));
            text.Append(Inv($"        {V}.StoreUnsafe(a * c - n * s, ref target, (nuint)(8 * (t + {j})));\n"));
            text.Append(Inv($"        {V}.StoreUnsafe(n * c + a * s, ref target, (nuint)(8 * (t + {p + j})));\n    }}\n"));
        }
        text.Append("    p0 = n0;\n");
        text.Append("    a0 = b0;\n");
        text.Append("}");
        return text.ToString();
    }
}
