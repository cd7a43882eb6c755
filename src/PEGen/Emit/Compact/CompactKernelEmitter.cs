using System.Globalization;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes.Compact;

namespace PEGen.Emit.Compact;

/// <summary>
/// The run-time half of <c>TableStorage.Compact</c>, emitted once into the shared helper class: the kernel that turns a
/// position and a class's compact factors into that position's cos/sin row, bit for bit the same on every host, every
/// vector width and the scalar path (float64 products and sums, each rounded on its own, in one fixed order).
/// </summary>
internal static class CompactKernelEmitter
{
    /// <summary>The entry point generated classes call.</summary>
    public const string Method = "CompactRow";

    /// <summary>Modes of <see cref="Method"/>, one per <see cref="CompactArithmetic"/>.</summary>
    public static string Mode(CompactArithmetic arithmetic) => ((int)arithmetic).ToString(CultureInfo.InvariantCulture);

    // The three arithmetic modes, in CompactArithmetic's order (Mode() passes its value), as types the JIT specialises
    // the kernels on (typeof(TMode) folds to a constant for a struct), so each instantiation holds one mode's code.
    private static readonly string[] ModeTypes = { "CompactExactMode", "CompactFloat32AngleMode", "CompactQuotientMode" };

    private const string LanesParameters =
        "ReadOnlySpan<double> factors, ReadOnlySpan<int> rows, int levels, int position, ReadOnlySpan<float> inverse, int terms,\n" +
        "    ReadOnlySpan<double> quotient, float scale, Span<float> cos, Span<float> sin";

    private const string LanesArguments = "factors, rows, levels, position, inverse, terms, quotient, scale, cos, sin";

    public static void Write(SourceWriter writer, TargetFeatures features)
    {
        var widths = features.VectorWidths();
        // NoInlining keeps every width and mode its own compilation: the JIT compiles only those this machine and this
        // class call. As one method holding all of them, the kernel took ~20 ms to compile (most of a first call).
        string optimized = features.HasVector128 ? "[MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]"
                                                 : "[MethodImpl(MethodImplOptions.NoInlining)]";
        var dispatch = new System.Text.StringBuilder();
        for (int m = 0; m < ModeTypes.Length; m++)
        {
            dispatch.Append(m == ModeTypes.Length - 1 ? "        default:\n" : "        case " + m.ToString(CultureInfo.InvariantCulture) + ":\n");
            dispatch.Append("            CompactLanes<" + ModeTypes[m] + ">(" + LanesArguments + ");\n            break;\n");
        }
        var lanes = new System.Text.StringBuilder();
        foreach (var (name, count) in widths)
        {
            lanes.Append("    if (" + name + ".IsHardwareAccelerated && n - k >= " + count.ToString(CultureInfo.InvariantCulture) + ")\n");
            lanes.Append("        k = Compact" + name + "<TMode>(" + LanesArguments + ", k);\n");
        }

        writer.Lines($$"""
            /// <summary>
            /// Writes cos and sin of <c>cos.Length</c> angles of <paramref name="position"/> from a compact table
            /// (<c>TableStorage.Compact</c>), times <paramref name="scale"/> when it is not 1.
            /// </summary>
            /// <remarks>
            /// <para>The position's digits d_j (level j has 2^bits[j] of them, lowest first; the top level takes the rest)
            /// each pick one row of <paramref name="factors"/>: cos and sin of d_j 2^shift_j theta_k, float64 rounded once
            /// by the generator. The rows are combined from the top level down by cos(a + b) = cos a cos b - sin a sin b
            /// and sin(a + b) = sin a cos b + cos a sin b, every product and sum its own float64 rounding (no fused
            /// multiply-add), so every path gives the same bits; the result is within 2^-50 of the exact value.</para>
            /// <para>Mode 0: that is the angle (exact schemes). Mode 1 (float32 references): the reference's angle is
            /// a = f32(f32(p) * inv); delta = a - p * inv is exact in float64 and is added by one more rotation, with
            /// <paramref name="terms"/> Taylor terms of sin/cos(delta). Mode 2 (numpy's float64): the angle is x = p / w;
            /// its rounding error (x w - p) / w, exact through a split product, is added to first order.</para>
            /// <para>The float64 value is then rounded once to float32: the correctly rounded value, or its neighbour when
            /// it lies within 2^-50 of a rounding boundary (about one entry in ten million).</para>
            /// </remarks>
            internal static void {{Method}}(
                ReadOnlySpan<double> factors,
                ReadOnlySpan<int> bits,
                int position,
                int mode,
                ReadOnlySpan<float> inverse,
                int terms,
                ReadOnlySpan<double> quotient,
                float scale,
                Span<float> cos,
                Span<float> sin)
            {
                int levels = bits.Length + 1;
                // Where each level's row starts: level j's rows follow those of the levels below it.
                Span<int> rows = stackalloc int[8];
                int start = 0, rest = position;
                for (int j = 0; j < bits.Length; j++)
                {
                    rows[j] = (start + (rest & ((1 << bits[j]) - 1))) * 2 * cos.Length;
                    rest >>= bits[j];
                    start += 1 << bits[j];
                }
                rows[levels - 1] = (start + rest) * 2 * cos.Length;
                switch (mode)
                {
            {{dispatch.ToString().TrimEnd('\n')}}
                }
            }

            private struct {{ModeTypes[0]}} { }

            private struct {{ModeTypes[1]}} { }

            private struct {{ModeTypes[2]}} { }

            // The widest vectors first, then narrower ones and scalars for what is left of the row.
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void CompactLanes<TMode>({{LanesParameters}})
                where TMode : struct
            {
                int n = cos.Length, k = 0;
            {{lanes.ToString().TrimEnd('\n')}}
                if (k < n)
                    CompactScalars<TMode>({{LanesArguments}}, k);
            }

            {{optimized}}
            private static void CompactScalars<TMode>({{LanesParameters}}, int k)
                where TMode : struct
            {
                int n = cos.Length;
                double p = position;
                for (; k < n; k++)
                {
                    int top = rows[levels - 1];
                    double c = factors[top + k], s = factors[top + n + k];
                    for (int j = levels - 2; j >= 0; j--)
                    {
                        double tc = factors[rows[j] + k], ts = factors[rows[j] + n + k];
                        double next = c * tc - s * ts;
                        s = s * tc + c * ts;
                        c = next;
                    }
                    if (typeof(TMode) == typeof({{ModeTypes[1]}}))
                    {
                        float angle = (float)position * inverse[k];
                        (c, s) = CompactDelta(c, s, (double)angle - p * inverse[k], terms);
                    }
                    else if (typeof(TMode) == typeof({{ModeTypes[2]}}))
                    {
                        (c, s) = CompactQuotient(c, s, p, quotient[k], quotient[n + k], quotient[2 * n + k], quotient[3 * n + k]);
                    }
                    float co = (float)c, so = (float)s;
                    if (scale != 1f)
                    {
                        co *= scale;
                        so *= scale;
                    }
                    cos[k] = co;
                    sin[k] = so;
                }
            }

            {{string.Concat(widths.Select(w => VectorMethod(w.Name, w.Lanes, optimized)))}}
            {{DeltaAndQuotient("double", "")}}
            """);
        foreach (var (name, _) in widths)
            writer.Lines(DeltaAndQuotient(name + "<double>", name));
        writer.Lines(Interleave(features));
    }

    /// <summary>The shared helper that places a row's sines at 2k and cosines at 2k + 1 (the interleaved layout).</summary>
    public const string InterleaveMethod = "CompactInterleave";

    // Pure data movement, so the x86 paths may use their own shuffles: the values are the same on every path.
    private static string Interleave(TargetFeatures features)
    {
        const string X = "System.Runtime.Intrinsics.X86.";
        const string M = "System.Runtime.InteropServices.MemoryMarshal";
        string vector = !features.HasVector128 ? "int k = 0;" : $$"""
            int k = 0;
            ref float s = ref {{M}}.GetReference(sin);
            ref float c = ref {{M}}.GetReference(cos);
            ref float r = ref {{M}}.GetReference(row);
            if ({{X}}Avx512F.IsSupported)
            {
                var low = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
                var high = Vector512.Create(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
                for (; k + 16 <= n; k += 16)
                {
                    var sv = Vector512.LoadUnsafe(ref s, (nuint)k);
                    var cv = Vector512.LoadUnsafe(ref c, (nuint)k);
                    Vector512.StoreUnsafe({{X}}Avx512F.PermuteVar16x32x2(sv, low, cv), ref r, (nuint)(2 * k));
                    Vector512.StoreUnsafe({{X}}Avx512F.PermuteVar16x32x2(sv, high, cv), ref r, (nuint)(2 * k + 16));
                }
            }
            if ({{X}}Avx.IsSupported)
            {
                for (; k + 8 <= n; k += 8)
                {
                    var sv = Vector256.LoadUnsafe(ref s, (nuint)k);
                    var cv = Vector256.LoadUnsafe(ref c, (nuint)k);
                    // Per 128-bit lane (s0 c0 s1 c1 | s4 c4 s5 c5) and (s2 c2 s3 c3 | s6 c6 s7 c7), then the lanes in order.
                    var lo = {{X}}Avx.UnpackLow(sv, cv);
                    var hi = {{X}}Avx.UnpackHigh(sv, cv);
                    Vector256.StoreUnsafe({{X}}Avx.Permute2x128(lo, hi, 0x20), ref r, (nuint)(2 * k));
                    Vector256.StoreUnsafe({{X}}Avx.Permute2x128(lo, hi, 0x31), ref r, (nuint)(2 * k + 8));
                }
            }
            """;
        return $$"""
            /// <summary>row[2k] = sin[k], row[2k + 1] = cos[k] for k in [0, sin.Length).</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void {{InterleaveMethod}}(ReadOnlySpan<float> sin, ReadOnlySpan<float> cos, Span<float> row)
            {
                int n = sin.Length;
                if (row.Length < 2 * n || cos.Length < n)
                    throw new ArgumentException("The row is shorter than its pairs.", nameof(row));
            {{Indent(vector)}}
                for (; k < n; k++)
                {
                    row[2 * k] = sin[k];
                    row[2 * k + 1] = cos[k];
                }
            }

            """;
    }

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ");

    // One vector width's loop: 'lanes' frequencies per step as two float64 halves, narrowed into one float32 vector.
    private static string VectorMethod(string v, int lanes, string optimized)
    {
        int h = lanes / 2;
        string L(string at) => v + ".LoadUnsafe(ref f, (nuint)(" + at + "))";
        return Dedent($$"""
                {{optimized}}
                private static int Compact{{v}}<TMode>({{LanesParameters}}, int k)
                    where TMode : struct
                {
                    int n = cos.Length;
                    double p = position;
                    ref double f = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(factors);
                    var pv = {{v}}.Create(p);
                    for (; k + {{lanes}} <= n; k += {{lanes}})
                    {
                        int top = rows[levels - 1] + k;
                        var ca = {{L("top")}};
                        var cb = {{L("top + " + h)}};
                        var sa = {{L("top + n")}};
                        var sb = {{L("top + n + " + h)}};
                        for (int j = levels - 2; j >= 0; j--)
                        {
                            int at = rows[j] + k;
                            var tca = {{L("at")}};
                            var tcb = {{L("at + " + h)}};
                            var tsa = {{L("at + n")}};
                            var tsb = {{L("at + n + " + h)}};
                            var next = ca * tca - sa * tsa;
                            sa = sa * tca + ca * tsa;
                            ca = next;
                            next = cb * tcb - sb * tsb;
                            sb = sb * tcb + cb * tsb;
                            cb = next;
                        }
                        if (typeof(TMode) == typeof({{ModeTypes[1]}}))
                        {
                            var inv = {{v}}.LoadUnsafe(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(inverse), (nuint)k);
                            var angle = {{v}}.Create((float)position) * inv;
                            (ca, sa) = CompactDelta(ca, sa, {{v}}.WidenLower(angle) - pv * {{v}}.WidenLower(inv), terms);
                            (cb, sb) = CompactDelta(cb, sb, {{v}}.WidenUpper(angle) - pv * {{v}}.WidenUpper(inv), terms);
                        }
                        else if (typeof(TMode) == typeof({{ModeTypes[2]}}))
                        {
                            ref double q = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(quotient);
                            (ca, sa) = CompactQuotient(ca, sa, pv,
                                {{v}}.LoadUnsafe(ref q, (nuint)k), {{v}}.LoadUnsafe(ref q, (nuint)(n + k)),
                                {{v}}.LoadUnsafe(ref q, (nuint)(2 * n + k)), {{v}}.LoadUnsafe(ref q, (nuint)(3 * n + k)));
                            (cb, sb) = CompactQuotient(cb, sb, pv,
                                {{v}}.LoadUnsafe(ref q, (nuint)(k + {{h}})), {{v}}.LoadUnsafe(ref q, (nuint)(n + k + {{h}})),
                                {{v}}.LoadUnsafe(ref q, (nuint)(2 * n + k + {{h}})), {{v}}.LoadUnsafe(ref q, (nuint)(3 * n + k + {{h}})));
                        }
                        var co = {{v}}.Narrow(ca, cb);
                        var so = {{v}}.Narrow(sa, sb);
                        if (scale != 1f)
                        {
                            co *= {{v}}.Create(scale);
                            so *= {{v}}.Create(scale);
                        }
                        {{v}}.StoreUnsafe(co, ref System.Runtime.InteropServices.MemoryMarshal.GetReference(cos), (nuint)k);
                        {{v}}.StoreUnsafe(so, ref System.Runtime.InteropServices.MemoryMarshal.GetReference(sin), (nuint)k);
                    }
                    return k;
                }

            """);
    }

    private static string Dedent(string text) =>
        string.Join("\n", text.Split('\n').Select(line => line.StartsWith("    ", System.StringComparison.Ordinal) ? line.Substring(4) : line));

    // The two corrections at one type (double or a vector of doubles), so the scalar and vector paths share the text.
    private static string DeltaAndQuotient(string type, string vector)
    {
        string C(string value) => vector.Length == 0 ? value : vector + ".Create(" + value + ")";
        string zero = vector.Length == 0 ? "0.0" : type + ".Zero";
        // (-1)^t / (2t+1)! and (-1)^t / (2t)!: exact factorials (below 2^53), one IEEE division each, written bit-exactly.
        string Term(int t, int offset) => C(Rotary.RotaryTablesEmitter.DoubleLiteral(Numerics.TaylorTerm.Of(2 * t + offset)));
        var horner = new System.Text.StringBuilder();
        for (int t = CompactTable.MaxDeltaTerms; t >= 1; t--)
        {
            string step = "sp = sp * d2 + " + Term(t, 1) + ";\n    cp = cp * d2 + " + Term(t, 0) + ";";
            horner.Append(t == 1 ? "    " + step : "    if (terms >= " + t.ToString(CultureInfo.InvariantCulture) + ")\n    {\n        " +
                step.Replace("\n    ", "\n        ") + "\n    }\n");
        }
        return $$"""
            // Rotates (c, s) by the small angle delta: c + (c (cos delta - 1) - s sin delta), and the same for s, with
            // sin(delta) = delta + delta d2 S(d2) and cos(delta) - 1 = d2 C(d2), Taylor terms (-1)^t / (2t+1)! and
            // (-1)^t / (2t)! up to t = terms. Horner from the highest term in use: 0 * d2 + a is exactly a, so the terms a
            // class does not need change nothing (the constants stay in the code: no array, no class-init check).
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static ({{type}} C, {{type}} S) CompactDelta({{type}} c, {{type}} s, {{type}} delta, int terms)
            {
                var d2 = delta * delta;
                var sp = {{zero}};
                var cp = {{zero}};
            {{horner}}
                var sd = delta + delta * (d2 * sp);
                var cm = d2 * cp;
                return (c + (c * cm - s * sd), s + (s * cm + c * sd));
            }

            // Adds the rounding error e of x = p / w to the angle: x w - p from exact partial products (26-bit halves
            // multiply exactly), e = (x w - p) / w; then cos(a + e) = c - e s, sin(a + e) = s + e c (e^2 is below 2^-58).
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static ({{type}} C, {{type}} S) CompactQuotient({{type}} c, {{type}} s, {{type}} p, {{type}} w, {{type}} wh, {{type}} wl, {{type}} iw)
            {
                var x = p / w;
                var t = x * {{C("134217729.0")}};
                var xh = t - (t - x);
                var xl = x - xh;
                var rho = (((xh * wh - p) + xh * wl) + xl * wh) + xl * wl;
                var e = rho * iw;
                return (c - e * s, s + e * c);
            }

            """;
    }
}
