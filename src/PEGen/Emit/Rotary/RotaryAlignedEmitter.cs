using System.Globalization;
using System.Linq;
using System.Text;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Schemes;
using static PEGen.Emit.Invariant;

using Pairs = PEGen.Emit.Shared.PairShuffleEmitter.Calls;

namespace PEGen.Emit.Rotary;

/// <summary>
/// The AVX-512 row kernel on the 64-byte grid. A managed array's data rarely starts on a 64-byte boundary, and then
/// every 64-byte vector the row kernel loads or stores spans two cache lines: measured, that made a decode step
/// (1 x 32 heads x 128, in L1) 2.1x slower than the same call on an aligned buffer. This kernel walks the row on the
/// grid instead: lane l of grid vector t holds element 16 t - m + l (m: the row's distance past the boundary, in
/// floats), and the row's cos and sin are shifted by m lanes once per row (one two-source permute per vector).
/// rotate_half: a lane's partner is the same lane of vector t + Dim/32 (first half of a head) or t - Dim/32 (second
/// half), so one select picks it. Interleaved (m even): pairs stay inside a vector, as in the row kernel. The grid's
/// first and last vectors lie partly outside the row: their values come from unaligned loads of the row's first and
/// last 16 values, taken before anything is stored. Each output is <c>x * c + partner * s</c> or
/// <c>x * c - partner * s</c> with the sign carried by s: the roundings of the row kernel's <c>a * c - b * s</c> and
/// <c>b * c + a * s</c>, so the bits are the same.
/// </summary>
internal static class RotaryAlignedEmitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string V = "global::System.Runtime.Intrinsics.Vector512";
    private const string X = "global::System.Runtime.Intrinsics.X86.Avx512F";

    /// <summary>The kernel's name in the generated class.</summary>
    public const string Method = "__PEGen_RotateRowAligned";

    /// <summary>
    /// Whether the class gets the kernel: AVX-512 APIs on the target, rotation of the whole head (partial rotary mixes
    /// copied values into the vectors), and Dim a multiple of 32 up to 128, where what the loop keeps (rotate_half:
    /// three half-heads of inputs and a half-head's cos, signed sin and lane masks; interleaved: a head's cos and signed
    /// sin) fits the 32 vector registers.
    /// </summary>
    public static bool Applies(EncodingSpec spec, TargetFeatures features) =>
        features.HasVector512 && spec.Rotary.RotaryDim == spec.Dim && spec.Dim % 32 == 0 && spec.Dim <= MaximumDim;

    /// <summary>The widest head it unrolls.</summary>
    public const int MaximumDim = 128;

    /// <summary>Whether the class has a grid kernel at all: this one or <see cref="RotaryAligned256Emitter"/>.</summary>
    public static bool AppliesAny(EncodingSpec spec, TargetFeatures features) =>
        Applies(spec, features) || RotaryAligned256Emitter.Applies(spec, features);

    /// <summary>
    /// The call of the grid kernel for the CPU at hand (the JIT folds the test when the class has both kernels);
    /// <paramref name="call"/> writes the call of the kernel it is given.
    /// </summary>
    public static void WriteCall(SourceWriter writer, EncodingSpec spec, TargetFeatures features, System.Action<string> call)
    {
        bool wide = Applies(spec, features), narrow = RotaryAligned256Emitter.Applies(spec, features);
        if (wide && narrow)
        {
            using (writer.Block("if (" + RotaryRuntime.Avx512 + ")"))
                call(Method);
            using (writer.Block("else"))
                call(RotaryAligned256Emitter.Method);
        }
        else
        {
            call(wide ? Method : RotaryAligned256Emitter.Method);
        }
    }

    /// <summary>Writes the class's grid kernels.</summary>
    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        if (Applies(spec, features)) WriteWide(writer, spec, features);
        if (RotaryAligned256Emitter.Applies(spec, features)) RotaryAligned256Emitter.Write(writer, spec, features);
    }

    private static void WriteWide(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        bool halves = spec.Definition.Layout == PairLayout.RotateHalf;
        string lanes = string.Join(", ", Enumerable.Range(0, 16));
        string remarks = halves
            ? """
              /// <para>Grid vector t holds elements 16 t - m .. 16 t - m + 15 of the row (m: the row's distance past a
              /// boundary). A lane's partner is the same lane of vector t + Dim/32 (first half of its head) or
              /// t - Dim/32 (second half); its cos and sin are the row's shifted by m lanes. So each output vector is
              /// x * c + select(first half, next, previous) * s, s negated in the first-half lanes.</para>
              /// <para>In place, the inputs of the previous half-head are kept in registers before they are
              /// overwritten. The grid's first and last vectors are partly outside the row: those 16 values come from
              /// unaligned loads made before any store.</para>
              """
            : """
              /// <para>Grid vector t holds elements 16 t - m .. 16 t - m + 15 of the row (m: the row's distance past a
              /// boundary). With m even no pair spans two vectors, so each output vector is x * c + swap(x) * s with
              /// the row's cos and signed sin, duplicated per pair, shifted by m lanes (once per row).
              /// The grid's first and last vectors are partly outside the row: those 16 values come from unaligned
              /// loads made before any store.</para>
              """;
        writer.Lines($$"""
            /// <summary>
            /// One row (all its heads) on AVX-512 with loads and stores on the 64-byte grid only; source and
            /// destination at the same offset from it (<see cref="{{RowKernelChoiceEmitter.Method}}"/>).
            /// </summary>
            /// <remarks>
            {{remarks.TrimEnd()}}
            /// </remarks>
            {{features.EntryPointAttribute()}}
            private static void {{Method}}(ref float x, ref float cos, ref float sin, ref float destination, nint rowLength)
            {
                // m: how far the row starts past a 64-byte boundary, in floats.
                {{GridOffset.AddressStatement("address", "destination").Replace("\n", "\n    ")}}
                nint m = {{GridOffset.FloatsPast("address", 64)}};
                var lanes = {{V}}.Create({{lanes}});
                // Two-source permute: lanes below m from the tail of the first vector, the rest from the head of the second.
                var select = {{V}}.Create(16 - (int)m) + lanes;
                var zero = {{V}}<float>.Zero;
                ref float source = ref {{U}}.Subtract(ref x, m);
                ref float target = ref {{U}}.Subtract(ref destination, m);
            """);
        writer.PushIndent();
        writer.Lines(halves ? HalvesBody(spec.Dim / 32) : InterleavedBody(spec.Dim / 16));
        writer.Line(V + ".StoreUnsafe(firstOut, ref destination, 0);");
        writer.Line(V + ".StoreUnsafe(lastOut, ref destination, (nuint)(rowLength - 16));");
        writer.PopIndent();
        writer.Line("}");
        writer.Line();
    }

    // rotate_half: p grid vectors per half-head; the loop takes a head (two half-heads) per step.
    private static string HalvesBody(int p)
    {
        var text = new StringBuilder();
        text.Append("const int Half = Dim / 2;\n");
        text.Append(Inv($"var signs = {V}.Create(-0f);\n"));
        // Lane masks of the even half-blocks: element 16 j - m + l of a head in its first half. Odd half-blocks
        // (one half-head later) are the complement, which the loop uses by swapping the select's operands.
        text.Append("// Lane l of grid vector j (of a head's first half-block) in the first half: 0 <= 16 j - m + l < Half.\n");
        text.Append(Inv($"var offsets = {V}.AsUInt32(lanes - {V}.Create((int)m));\n"));
        text.Append(Inv($"var half = {V}.Create((uint)Half);\n"));
        for (int j = 0; j < p; j++)
        {
            string at = j == 0 ? "offsets" : Inv($"offsets + {V}.Create({16 * j}u)");
            text.Append(Inv($"var first{j} = {V}.AsSingle({V}.LessThan(\n    {at}, half));\n"));
        }
        for (int j = 0; j < p; j++)
            text.Append(Inv($"var k{j} = {V}.LoadUnsafe(ref cos, {16 * j});\n"));
        for (int j = 0; j < p; j++)
            text.Append(Inv($"var q{j} = {V}.LoadUnsafe(ref sin, {16 * j});\n"));
        text.Append("// The row's first 16 values (first half of head 0) and last 16 (second half of the last head).\n");
        text.Append(Inv($"var firstOut = {V}.LoadUnsafe(ref x, 0) * k0\n    - {V}.LoadUnsafe(ref x, Half) * q0;\n"));
        text.Append(Inv($"var lastIn = {V}.LoadUnsafe(ref x, (nuint)(rowLength - 16));\n"));
        text.Append(Inv($"var lastOut = lastIn * k{p - 1}\n    + {V}.LoadUnsafe(ref x, (nuint)(rowLength - 16 - Half)) * q{p - 1};\n"));
        text.Append("// cos and signed sin of grid vector j of a half-head.\n");
        for (int j = 0; j < p; j++)
            text.Append(Inv($"var c{j} = {X}.PermuteVar16x32x2(k{(j + p - 1) % p}, select, k{j});\n"));
        for (int j = 0; j < p; j++)
            text.Append(Inv($"var s{j} = {X}.PermuteVar16x32x2(q{(j + p - 1) % p}, select, q{j})\n    ^ (first{j} & signs);\n"));
        text.Append("// Grid vector 0 from the row's first 16 values, shifted up m lanes (lanes below m are not in the row).\n");
        text.Append(Inv($"var a0 = {X}.PermuteVar16x32x2(\n    zero, select, {V}.LoadUnsafe(ref x, 0));\n"));
        for (int j = 1; j < p; j++)
            text.Append(Inv($"var a{j} = {V}.LoadUnsafe(ref source, {16 * j});\n"));
        for (int j = 0; j < p; j++)
            text.Append(Inv($"var p{j} = zero;\n"));
        text.Append("nint vectors = rowLength / 16;\n");
        text.Append(Inv($"for (nint t = 0; t < vectors; t += {2 * p})\n{{\n"));
        text.Append("    // First half-head (vectors t..): partners in the next half-head, or the previous one.\n");
        for (int j = 0; j < p; j++)
            text.Append(Inv($"    var n{j} = {V}.LoadUnsafe(ref source, (nuint)(16 * (t + {p + j})));\n"));
        for (int j = 0; j < p; j++)
        {
            text.Append(Inv($"    var o{j} = a{j} * c{j}\n        + {V}.ConditionalSelect(first{j}, n{j}, p{j}) * s{j};\n"));
            string store = Inv($"{V}.StoreUnsafe(o{j}, ref target, (nuint)(16 * {(j == 0 ? "t" : Inv($"(t + {j})"))}));");
            text.Append(j == 0 ? "    if (t != 0) " + store + "\n" : "    " + store + "\n");
        }
        text.Append("    // Second half-head: the lanes' halves swap, and so do the select's operands and the sign.\n");
        for (int j = 0; j < p; j++)
            text.Append(Inv($"    var b{j} = zero;\n"));
        text.Append("    if (t + " + Inv($"{2 * p}") + " < vectors)\n    {\n");
        for (int j = 0; j < p; j++)
            text.Append(Inv($"        b{j} = {V}.LoadUnsafe(ref source, (nuint)(16 * (t + {2 * p + j})));\n"));
        text.Append("    }\n    else\n    {\n");
        text.Append("        // The grid's last vector: the row's last 16 values shifted down (lanes from m on are past the row).\n");
        text.Append(Inv($"        b0 = {X}.PermuteVar16x32x2(lastIn, select, zero);\n"));
        text.Append("    }\n");
        for (int j = 0; j < p; j++)
        {
            text.Append(Inv($"    var u{j} = n{j} * c{j}\n        - {V}.ConditionalSelect(first{j}, a{j}, b{j}) * s{j};\n"));
            text.Append(Inv($"    {V}.StoreUnsafe(u{j}, ref target, (nuint)(16 * (t + {p + j})));\n"));
        }
        for (int j = 0; j < p; j++)
            text.Append(Inv($"    p{j} = n{j};\n"));
        for (int j = 0; j < p; j++)
            text.Append(Inv($"    a{j} = b{j};\n"));
        text.Append("}");
        return text.ToString();
    }

    // Interleaved: v grid vectors per head, each with its own cos and signed sin (pairs never span vectors).
    private static string InterleavedBody(int v)
    {
        var text = new StringBuilder();
        text.Append("// The row's cos and signed sin, duplicated per pair, in head order (vector j: pairs 8 j ..).\n");
        for (int j = 0; j < v / 2; j++)
        {
            text.Append(Inv($"var k{j} = {V}.LoadUnsafe(ref cos, {16 * j});\n"));
            text.Append(Inv($"var q{j} = {V}.LoadUnsafe(ref sin, {16 * j});\n"));
            text.Append(Pairs.Factors(Inv($"k{j}"), Inv($"q{j}"), Inv($"d{2 * j}"), Inv($"d{2 * j + 1}"), Inv($"e{2 * j}"), Inv($"e{2 * j + 1}")) + "\n");
        }
        text.Append("// The row's first 16 values (pairs 0..7 of head 0) and last 16 (the last head's last 8 pairs).\n");
        text.Append(Inv($"var firstIn = {V}.LoadUnsafe(ref x, 0);\n"));
        text.Append(Inv($"var firstOut = firstIn * d0 + {Pairs.Swap}(firstIn) * e0;\n"));
        text.Append(Inv($"var lastIn = {V}.LoadUnsafe(ref x, (nuint)(rowLength - 16));\n"));
        text.Append(Inv($"var lastOut = lastIn * d{v - 1} + {Pairs.Swap}(lastIn) * e{v - 1};\n"));
        text.Append("// Shifted by m lanes (m even keeps every pair in one vector).\n");
        for (int j = 0; j < v; j++)
        {
            text.Append(Inv($"var c{j} = {X}.PermuteVar16x32x2(d{(j + v - 1) % v}, select, d{j});\n"));
            text.Append(Inv($"var s{j} = {X}.PermuteVar16x32x2(e{(j + v - 1) % v}, select, e{j});\n"));
        }
        text.Append("// Grid vector 0 is partly before the row: the first 16 values above cover it.\n");
        text.Append("nint vectors = rowLength / 16;\n");
        text.Append(Inv($"for (nint t = 0; t < vectors; t += {v})\n{{\n"));
        for (int j = 0; j < v; j++)
        {
            text.Append(Inv($"    {(j == 0 ? "if (t != 0)\n    {\n    " : "{\n    ")}    var a = {V}.LoadUnsafe(ref source, (nuint)(16 * {At(j)}));\n"));
            text.Append(Inv($"        {V}.StoreUnsafe(a * c{j} + {Pairs.Swap}(a) * s{j}, ref target, (nuint)(16 * {At(j)}));\n    }}\n"));
        }
        text.Append("}");
        return text.ToString();
    }

    private static string At(int j) => j == 0 ? "t" : Inv($"(t + {j})");
}
