using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Schemes;
using static PEGen.Emit.Invariant;

using Pairs = PEGen.Emit.Shared.PairShuffleEmitter.Calls;

namespace PEGen.Emit.Rotary;

/// <summary>
/// The out-of-place rotary kernel for AVX-512. Out of place, a 64-byte vector stored at an address that
/// is not a multiple of 64 writes two cache lines, and destinations rarely are aligned (a managed array's
/// data is not): measured, that made out-of-place rotation of a long prompt twice as slow as in place.
/// This kernel treats the destination as one stream of output vectors and stores whole lines only, each
/// built from the tail of one output vector and the head of the next by one two-source permute
/// (<c>vpermt2ps</c>). The row's cos and signed sin are first laid out in output order on the stack, so
/// each output vector is <c>x * c + partner * s</c> for both layouts, with the roundings of
/// <c>a * c - b * s</c> (the sign flip of <c>s</c> is exact).
/// </summary>
internal static class RotaryStreamEmitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string V = "global::System.Runtime.Intrinsics.Vector512";
    private const string X = "global::System.Runtime.Intrinsics.X86.Avx512F";

    /// <summary>The kernel's name in the generated class.</summary>
    public const string Method = "__PEGen_RotateStream";

    /// <summary>
    /// Whether the class gets the kernel: AVX-512 APIs on the target, and whole 16-float vectors in both
    /// halves of the rotated part and in the rest of a head (RotaryDim and Dim multiples of 32, Dim up to 256),
    /// which every common head size and partial rotary (Pythia's 32 of 128, GPT-J's 64 of 256) is. A head's
    /// vectors past RotaryDim are stored as they were loaded: copied bit for bit. Compact classes too: their rows
    /// are computed a block at a time into stack rows (<see cref="RotaryRowSource"/>) that the kernel reads as
    /// Full's table rows; before, out of place they took the row kernel and ran 2.5-3.3x slower than Full.
    /// </summary>
    public static bool Applies(EncodingSpec spec, TargetFeatures features) =>
        features.HasVector512 && spec.Dim % 32 == 0 && spec.Dim <= MaximumDim && spec.Rotary.RotaryDim % 32 == 0;

    /// <summary>The widest head it unrolls: 16 input vectors stay in the 32 vector registers.</summary>
    public const int MaximumDim = 256;

    /// <summary>
    /// The smallest call (in floats, 512 KiB) that takes the kernel. Measured on the 2-core benchmark
    /// machine: up to 256 KiB the row kernel is faster (its destination stays in L2, where a split
    /// store is cheap, and it loads each row's angles once for all heads); from 1 MiB this one is
    /// (1.6-2x at 8 MiB).
    /// </summary>
    public const int MinimumFloats = RotaryRuntime.LargeCallFloats;

    /// <summary>The condition under which a call uses it (folded by the JIT).</summary>
    public const string RuntimeCondition = RotaryRuntime.Avx512;

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        bool halves = spec.Definition.Layout == PairLayout.RotateHalf;
        string lanes = string.Join(", ", System.Linq.Enumerable.Range(0, 16));
        string fill = halves
            ? $$"""
                // (k, k + Half): the first half pairs with +Half and subtracts, the second with -Half and adds.
                {{V}}.StoreUnsafe(cos, ref c, (nuint)k);
                {{V}}.StoreUnsafe(cos, ref c, (nuint)(k + Half));
                {{V}}.StoreUnsafe(sin ^ signs, ref s, (nuint)k);
                {{V}}.StoreUnsafe(sin, ref s, (nuint)(k + Half));
                """
            : $$"""
                // (2k, 2k + 1): cos duplicated per pair, sin duplicated and negated in the even lanes.
                {{V}}.StoreUnsafe({{Pairs.Low}}(cos), ref c, (nuint)(2 * k));
                {{V}}.StoreUnsafe({{Pairs.High}}(cos), ref c, (nuint)(2 * k + 16));
                var sinLow = {{Pairs.NegateEven}}({{Pairs.Low}}(sin));
                var sinHigh = {{Pairs.NegateEven}}({{Pairs.High}}(sin));
                {{V}}.StoreUnsafe(sinLow, ref s, (nuint)(2 * k));
                {{V}}.StoreUnsafe(sinHigh, ref s, (nuint)(2 * k + 16));
                """;
        string head = Head(spec.Dim / 16, spec.Rotary.RotaryDim / 16, halves);
        writer.Lines($$"""
            /// <summary>Out of place with AVX-512: every store is one whole 64-byte line of the destination.</summary>
            /// <remarks>
            /// A vector stored across a 64-byte boundary writes two cache lines, and destinations are rarely aligned
            /// (a managed array's data is not). The outputs form one stream; each store takes the tail of one output
            /// vector and the head of the next (one two-source permute) and lands on a line boundary.
            /// </remarks>
            {{features.EntryPointAttribute()}}
            private static void {{Method}}(ref float source, ref float destination, int rows, int startPosition, int heads{{LongRopeSwitch.Parameter(spec)}})
            {
                if (rows == 0) return;
                const int Half = RotaryDim / 2;
                // One row's cos and signed sin in output order: output j < RotaryDim is x[j] * c[j] + partner[j] * s[j].
                // On the 64-byte grid: every head loads all of them, and loads across two lines made whole
                // calls 1.2-1.8x slower (the stack's own alignment varies from call site to call site).
                global::System.Span<float> buffer = stackalloc float[2 * RotaryDim + 16];
                ref float start = ref {{M}}.GetReference(buffer);
                {{GridOffset.AddressStatement("stack", "start").Replace("\n", "\n    ")}}
                ref float c = ref {{U}}.Add(ref start, {{GridOffset.FloatsTo("stack", 64)}});
                ref float s = ref {{U}}.Add(ref c, RotaryDim);
                {{RotaryRowSource.Declare(spec, "float", consecutive: true).Replace("\n", "\n    ")}}
                // The destination's distance past a 64-byte boundary, in floats. Store m (at aligned + 16 m)
                // takes lanes 16 - offset.. of output vector m and lanes ..16 - offset of vector m + 1.
                {{GridOffset.AddressStatement("address", "destination").Replace("\n", "\n    ")}}
                nint offset = {{GridOffset.FloatsPast("address", 64)}};
                var lanes = {{V}}.Create({{lanes}});
                var select = {{V}}.Create(16 - (int)offset) + lanes;
                ref float aligned = ref {{U}}.Add(ref destination, 16 - offset);
                var signs = {{V}}.Create(-0f);
                var previous = {{V}}<float>.Zero;
                nint rowLength = (nint)heads * Dim;
                for (int r = 0; r < rows; r++)
                {
                    {{RotaryRowSource.Angles(spec, "startPosition + r", consecutive: true, "nint").Replace("\n", "\n        ")}}
                    for (nint k = 0; k < Half; k += 16)
                    {
                        var cos = {{V}}.LoadUnsafe(ref cosTable, (nuint)(angles + k));
                        var sin = {{V}}.LoadUnsafe(ref sinTable, (nuint)(angles + k));
            {{Indented(fill, 3)}}
                    }
                    nint end = (r + 1) * rowLength;
                    for (nint head = r * rowLength; head < end; head += Dim)
                    {
            {{Indented(head, 3)}}
                    }
                }
                // The last output vector covers what follows the last whole line.
                {{V}}.StoreUnsafe(previous, ref destination, (nuint)(rows * rowLength - 16));
            }

            """);
    }

    // One head, unrolled (Dim is a constant): all its loads first, then its outputs in memory order,
    // each stored as the line it completes with the one before. Output m < rotated is x[m] * c[m] + partner * s[m],
    // the partner x[m +- RotaryDim/32] (halves) or x[m] with each pair swapped (interleaved); the rest is x[m].
    private static string Head(int vectors, int rotated, bool halves)
    {
        var text = new System.Text.StringBuilder();
        text.Append("ref float x = ref " + U + ".Add(ref source, head);\n");
        text.Append("ref float line = ref " + U + ".Add(ref aligned, head);\n");
        for (int m = 0; m < vectors; m++)
            text.Append(Inv($"var x{m} = {V}.LoadUnsafe(ref x, {16 * m});\n"));
        for (int m = 0; m < vectors; m++)
        {
            if (m < rotated)
            {
                string partner = halves ? Inv($"x{(m < rotated / 2 ? m + rotated / 2 : m - rotated / 2)}") : Pairs.Swap + Inv($"(x{m})");
                text.Append(Inv($"var o{m} = x{m} * {V}.LoadUnsafe(ref c, {16 * m})\n"));
                text.Append(Inv($"    + {partner} * {V}.LoadUnsafe(ref s, {16 * m});\n"));
            }
            else
            {
                text.Append(Inv($"var o{m} = x{m};{(m == rotated ? "   // past RotaryDim: copied" : "")}\n"));
            }
            if (m == 0)
            {
                // The line before this head's first output; the very first output is stored as it is.
                text.Append("if (head != 0)\n{\n");
                text.Append("    " + V + ".StoreUnsafe(\n");
                text.Append("        " + X + ".PermuteVar16x32x2(previous, select, o0),\n");
                text.Append("        ref " + U + ".Subtract(ref line, 16));\n");
                text.Append("}\nelse\n{\n");
                text.Append("    " + V + ".StoreUnsafe(o0, ref destination);\n}\n");
            }
            else
            {
                text.Append(V + ".StoreUnsafe(\n");
                text.Append(Inv($"    {X}.PermuteVar16x32x2(o{m - 1}, select, o{m}),\n"));
                text.Append(Inv($"    ref line, {16 * (m - 1)});\n"));
            }
        }
        text.Append(Inv($"previous = o{vectors - 1};"));
        return text.ToString();
    }

    private static string Indented(string text, int levels)
    {
        string pad = new string(' ', levels * 4);
        return string.Join("\n", System.Linq.Enumerable.Select(text.Split('\n'), line => line.Length == 0 ? line : pad + line));
    }
}
