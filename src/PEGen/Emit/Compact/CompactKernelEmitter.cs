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
    public const string Method = "CompactRows";

    /// <summary>
    /// <see cref="Method"/>'s type arguments for a class: its arithmetic mode (one per <see cref="CompactArithmetic"/>)
    /// and its output layout, as qualified names of the helper class's nested structs.
    /// </summary>
    public static string TypeArguments(CompactArithmetic arithmetic, bool interleaved) =>
        Qualified(ModeTypes[(int)arithmetic]) + ", " + Qualified(interleaved ? PairsLayout : HalvesLayout);

    private static string Qualified(string type) => Shared.SharedHelpersEmitter.ClassName + "." + type;

    private const string HalvesLayout = "CompactHalves";
    private const string PairsLayout = "CompactPairs";

    // The three arithmetic modes, in CompactArithmetic's order, as types the JIT specialises the kernels on
    // (typeof(TMode) folds to a constant for a struct), so each instantiation holds one mode's code.
    private static readonly string[] ModeTypes = { "CompactExactMode", "CompactFloat32AngleMode", "CompactQuotientMode" };

    private const string LanesParameters =
        "ReadOnlySpan<double> factors, ReadOnlySpan<int> bits, int position, int count, int n, int stride,\n" +
        "    ReadOnlySpan<float> inverse, ReadOnlySpan<byte> terms, ReadOnlySpan<double> quotient, float scale, Span<float> cos, Span<float> sin";

    private const string LanesArguments = "factors, bits, position, count, n, stride, inverse, terms, quotient, scale, cos, sin";

    public static void Write(SourceWriter writer, TargetFeatures features)
    {
        var widths = features.VectorWidths();
        // NoInlining keeps every width and mode its own compilation: the JIT compiles only those this machine and this
        // class call. As one method holding all of them, the kernel took ~20 ms to compile (most of a first call).
        string optimized = features.HasVector128 ? "[MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]"
                                                 : "[MethodImpl(MethodImplOptions.NoInlining)]";
        var lanes = new System.Text.StringBuilder();
        foreach (var (name, count) in widths)
        {
            lanes.Append("    if (" + name + ".IsHardwareAccelerated && n - k >= " + count.ToString(CultureInfo.InvariantCulture) + ")\n");
            lanes.Append("        k = Compact" + name + "<TMode, TLayout>(" + LanesArguments + ", k);\n");
        }

        writer.Lines($$"""
            /// <summary>
            /// Writes cos and sin of <paramref name="n"/> angles of each of <paramref name="count"/> consecutive positions
            /// from <paramref name="position"/> on, from a compact table (<c>TableStorage.Compact</c>), times
            /// <paramref name="scale"/> when it is not 1: angle k of row r goes to <c>cos[r * stride + k]</c> and
            /// <c>sin[r * stride + k]</c> (<typeparamref name="TLayout"/> {{HalvesLayout}}); with {{PairsLayout}}, sin to
            /// <c>sin[r * stride + 2k]</c> and cos right after it (<paramref name="cos"/> unused): the interleaved layout,
            /// written in the same pass. <typeparamref name="TMode"/> is the class's arithmetic (below).
            /// </summary>
            /// <remarks>
            /// <para>The position's digits d_j (level j has 2^bits[j] of them, lowest first; the top level takes the rest)
            /// each pick one row of <paramref name="factors"/>: cos and sin of d_j 2^shift_j theta_k, float64 rounded once
            /// by the generator. The rows are combined from the top level down by cos(a + b) = cos a cos b - sin a sin b
            /// and sin(a + b) = sin a cos b + cos a sin b, every product and sum its own float64 rounding (no fused
            /// multiply-add), so every path gives the same bits; the result is within 2^-50 of the exact value.</para>
            /// <para>Consecutive positions share every digit but the lowest for 2^bits[0] rows, so the vector loops keep
            /// the product of the upper levels in registers across those rows and combine only the lowest level's row per
            /// position: the same operations in the same order, so the bits are those of one position at a time.</para>
            /// <para>Mode 0: that is the angle (exact schemes). Mode 1 (float32 references): the reference's angle is
            /// a = f32(f32(p) * inv); delta = a - p * inv is exact in float64 and is added by one more rotation, with
            /// <c>terms[k / {{CompactTable.TermsBlock}}]</c> Taylor terms of sin/cos(delta) (one count per {{CompactTable.TermsBlock}} frequencies, what their largest
            /// delta needs: the same on every vector width). Mode 2 (numpy's float64): the angle is x = p / w;
            /// its rounding error (x w - p) / w, exact through a split product, is added to first order.</para>
            /// <para>The float64 value is then rounded once to float32: the correctly rounded value, or its neighbour when
            /// it lies within 2^-50 of a rounding boundary (about one entry in ten million).</para>
            /// <para>Inlined into the caller, with the mode and layout as type arguments: the caller's one call goes
            /// straight to the loop of the widest vectors this CPU runs (NoInlining, so the JIT compiles only that width
            /// and this mode; each layer of calls in between copied the 13 arguments again, ~8 ns of a decode step).</para>
            /// </remarks>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void {{Method}}<TMode, TLayout>(
                ReadOnlySpan<double> factors,
                ReadOnlySpan<int> bits,
                int position,
                int count,
                int n,
                int stride,
                ReadOnlySpan<float> inverse,
                ReadOnlySpan<byte> terms,
                ReadOnlySpan<double> quotient,
                float scale,
                Span<float> cos,
                Span<float> sin)
                where TMode : struct
                where TLayout : struct
            {
                // The vector loops read and write without bounds checks: the callers are generated, this is their contract.
                if (count == 0)
                    return;
                long last = (long)(count - 1) * stride + n;
                bool interleaved = typeof(TLayout) == typeof({{PairsLayout}});
                if (count < 0 || bits.Length < 1 || (interleaved ? sin.Length < last + n : cos.Length < last || sin.Length < last))
                    throw new ArgumentException("The rows do not fit the cos/sin spans.", nameof(cos));
                // The widest vectors first, then narrower ones and scalars for what is left of the row.
                int k = 0;
            {{lanes.ToString().TrimEnd('\n')}}
                if (k < n)
                    CompactScalars<TMode, TLayout>({{LanesArguments}}, k);
            }

            internal struct {{ModeTypes[0]}} { }

            internal struct {{ModeTypes[1]}} { }

            internal struct {{ModeTypes[2]}} { }

            // The output layouts, as types for the same reason: a rotary class's kernel holds no interleaving code.
            internal struct {{HalvesLayout}} { }

            internal struct {{PairsLayout}} { }

            // Where the rows of levels 1 and up start for the digits above the lowest level (key = position >> bits[0]):
            // level j's rows follow those of the levels below it; the top level takes what is left of the key.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void CompactUpperRows(ReadOnlySpan<int> bits, int key, int rowLength, Span<int> rows)
            {
                int start = 1 << bits[0], rest = key;
                for (int j = 1; j < bits.Length; j++)
                {
                    rows[j] = (start + (rest & ((1 << bits[j]) - 1))) * rowLength;
                    rest >>= bits[j];
                    start += 1 << bits[j];
                }
                rows[bits.Length] = (start + rest) * rowLength;
            }

            {{optimized}}
            private static void CompactScalars<TMode, TLayout>({{LanesParameters}}, int k)
                where TMode : struct
                where TLayout : struct
            {
                int levels = bits.Length + 1, low = bits[0], first = k;
                Span<int> rows = stackalloc int[8];
                for (int r = 0; r < count; r++)
                {
                    int position1 = position + r;
                    double p = position1;
                    CompactUpperRows(bits, position1 >> low, 2 * n, rows);
                    rows[0] = (position1 & ((1 << low) - 1)) * 2 * n;
                    for (k = first; k < n; k++)
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
                            float angle = (float)position1 * inverse[k];
                            int t = terms[k >> {{CompactTable.TermsShift}}];
                            (c, s) = CompactDelta(c, s, (double)angle - p * inverse[k], t, CompactTopTerm(2 * t + 1), CompactTopTerm(2 * t));
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
                        if (typeof(TLayout) == typeof({{PairsLayout}}))
                        {
                            sin[r * stride + 2 * k] = so;
                            sin[r * stride + 2 * k + 1] = co;
                        }
                        else
                        {
                            cos[r * stride + k] = co;
                            sin[r * stride + k] = so;
                        }
                    }
                }
            }

            {{string.Concat(widths.Select(w => VectorMethod(w.Name, w.Lanes, optimized)))}}
            {{DeltaAndQuotient("double", "")}}
            {{TopTerm()}}
            """);
        foreach (var (name, _) in widths)
            writer.Lines(DeltaAndQuotient(name + "<double>", name));
    }

    // One vector width's loop: 'lanes' frequencies per step as two float64 halves, narrowed into one float32 vector.
    // Columns outside, rows inside: a column chunk's upper-level product (and its inverse frequencies) stay in
    // registers while the rows that share them go by.
    private static string VectorMethod(string v, int lanes, string optimized)
    {
        int h = lanes / 2;
        string L(string at) => v + ".LoadUnsafe(ref f, (nuint)(" + at + "))";
        const string M = "System.Runtime.InteropServices.MemoryMarshal";
        return Dedent($$"""
                {{optimized}}
                private static int Compact{{v}}<TMode, TLayout>({{LanesParameters}}, int k)
                    where TMode : struct
                    where TLayout : struct
                {
                    int levels = bits.Length + 1, low = bits[0], lowMask = (1 << low) - 1, rowLength = 2 * n;
                    ref double f = ref {{M}}.GetReference(factors);
                    ref float cosOut = ref {{M}}.GetReference(cos);
                    ref float sinOut = ref {{M}}.GetReference(sin);
                    Span<int> rows = stackalloc int[8];
                    int first = k;
                    // Runs of rows that share every digit but the lowest; the last run ends the call.
                    for (int r0 = 0; r0 < count; )
                    {
                        int key = (position + r0) >> low;
                        int end = (int)System.Math.Min(count, ((long)(key + 1) << low) - position);
                        CompactUpperRows(bits, key, rowLength, rows);
                        for (k = first; k + {{lanes}} <= n; k += {{lanes}})
                        {
                            // First, while no vector is live: this vector's frequencies lie in one block of {{CompactTable.TermsBlock}},
                            // which has one count of Taylor terms.
                            {{v}}<float> inv = default;
                            {{v}}<double> sTop = default, cTop = default;
                            int t = 0;
                            if (typeof(TMode) == typeof({{ModeTypes[1]}}))
                            {
                                inv = {{v}}.LoadUnsafe(ref {{M}}.GetReference(inverse), (nuint)k);
                                t = terms[k >> {{CompactTable.TermsShift}}];
                                sTop = {{v}}.Create(CompactTopTerm(2 * t + 1));
                                cTop = {{v}}.Create(CompactTopTerm(2 * t));
                            }
                            // The product of the upper levels, from the top down.
                            int top = rows[levels - 1] + k;
                            var ua = {{L("top")}};
                            var ub = {{L("top + " + h)}};
                            var usa = {{L("top + n")}};
                            var usb = {{L("top + n + " + h)}};
                            for (int j = levels - 2; j >= 1; j--)
                            {
                                int up = rows[j] + k;
                                var lca = {{L("up")}};
                                var lcb = {{L("up + " + h)}};
                                var lsa = {{L("up + n")}};
                                var lsb = {{L("up + n + " + h)}};
                                var nexta = ua * lca - usa * lsa;
                                usa = usa * lca + ua * lsa;
                                ua = nexta;
                                var nextb = ub * lcb - usb * lsb;
                                usb = usb * lcb + ub * lsb;
                                ub = nextb;
                            }
                            for (int r = r0; r < end; r++)
                            {
                                int p = position + r;
                                int at = (p & lowMask) * rowLength + k;
                                var tca = {{L("at")}};
                                var tcb = {{L("at + " + h)}};
                                var tsa = {{L("at + n")}};
                                var tsb = {{L("at + n + " + h)}};
                                var ca = ua * tca - usa * tsa;
                                var sa = usa * tca + ua * tsa;
                                var cb = ub * tcb - usb * tsb;
                                var sb = usb * tcb + ub * tsb;
                                if (typeof(TMode) == typeof({{ModeTypes[1]}}))
                                {
                                    var pv = {{v}}.Create((double)p);
                                    var angle = {{v}}.Create((float)p) * inv;
                                    (ca, sa) = CompactDelta(ca, sa, {{v}}.WidenLower(angle) - pv * {{v}}.WidenLower(inv), t, sTop, cTop);
                                    (cb, sb) = CompactDelta(cb, sb, {{v}}.WidenUpper(angle) - pv * {{v}}.WidenUpper(inv), t, sTop, cTop);
                                }
                                else if (typeof(TMode) == typeof({{ModeTypes[2]}}))
                                {
                                    var pv = {{v}}.Create((double)p);
                                    ref double q = ref {{M}}.GetReference(quotient);
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
                                if (typeof(TLayout) == typeof({{PairsLayout}}))
                                {
                                    // (s0, c0, s1, c1, ...): each half of the lanes spread to even (sin) and odd (cos) lanes.
                                    nuint at2 = (nuint)((long)r * stride + 2 * k);
                                    var even = {{v}}.Create({{Ints(lanes, i => i % 2 == 0 ? -1 : 0)}}).AsSingle();
                                    var lowHalf = {{v}}.Create({{Ints(lanes, i => i / 2)}});
                                    var highHalf = {{v}}.Create({{Ints(lanes, i => lanes / 2 + i / 2)}});
                                    {{v}}.StoreUnsafe({{v}}.ConditionalSelect(even, {{v}}.Shuffle(so, lowHalf), {{v}}.Shuffle(co, lowHalf)), ref sinOut, at2);
                                    {{v}}.StoreUnsafe({{v}}.ConditionalSelect(even, {{v}}.Shuffle(so, highHalf), {{v}}.Shuffle(co, highHalf)),
                                        ref sinOut, at2 + {{lanes}});
                                }
                                else
                                {
                                    nuint o = (nuint)((long)r * stride + k);
                                    {{v}}.StoreUnsafe(co, ref cosOut, o);
                                    {{v}}.StoreUnsafe(so, ref sinOut, o);
                                }
                            }
                        }
                        r0 = end;
                    }
                    return k;
                }

            """);
    }

    private static string Ints(int lanes, System.Func<int, int> lane) =>
        string.Join(", ", Enumerable.Range(0, lanes).Select(i => lane(i).ToString(CultureInfo.InvariantCulture)));

    private static string Dedent(string text) =>
        string.Join("\n", text.Split('\n').Select(line => line.StartsWith("    ", System.StringComparison.Ordinal) ? line.Substring(4) : line));

    // The coefficient of x^order (orders 2 to 2 MaxDeltaTerms + 1) that starts CompactDelta's Horner steps for a class's
    // number of terms: picked once per block of frequencies, so no step multiplies a zero.
    private static string TopTerm()
    {
        var cases = new System.Text.StringBuilder();
        for (int order = 2; order <= 2 * CompactTable.MaxDeltaTerms + 1; order++)
            cases.Append("        case " + order.ToString(CultureInfo.InvariantCulture) + ": return " +
                         Rotary.RotaryTablesEmitter.DoubleLiteral(Numerics.TaylorTerm.Of(order)) + ";\n");
        return $$"""
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static double CompactTopTerm(int order)
            {
                switch (order)
                {
            {{cases.ToString().TrimEnd('\n')}}
                    default: return 0.0;
                }
            }

            """;
    }

    // The two corrections at one type (double or a vector of doubles), so the scalar and vector paths share the text.
    private static string DeltaAndQuotient(string type, string vector)
    {
        string C(string value) => vector.Length == 0 ? value : vector + ".Create(" + value + ")";
        // (-1)^t / (2t+1)! and (-1)^t / (2t)!: exact factorials (below 2^53), one IEEE division each, written bit-exactly.
        string Term(int t, int offset) => C(Rotary.RotaryTablesEmitter.DoubleLiteral(Numerics.TaylorTerm.Of(2 * t + offset)));
        var horner = new System.Text.StringBuilder();
        for (int t = CompactTable.MaxDeltaTerms - 1; t >= 1; t--)
        {
            horner.Append("    if (terms >= " + (t + 1).ToString(CultureInfo.InvariantCulture) + ")\n    {\n");
            horner.Append("        sp = sp * d2 + " + Term(t, 1) + ";\n        cp = cp * d2 + " + Term(t, 0) + ";\n    }\n");
        }
        return $$"""
            // Rotates (c, s) by the small angle delta: c + (c (cos delta - 1) - s sin delta), and the same for s, with
            // sin(delta) = delta + delta d2 S(d2) and cos(delta) - 1 = d2 C(d2), Taylor terms (-1)^t / (2t+1)! and
            // (-1)^t / (2t)! up to t = terms. Horner from the highest term in use, sTop and cTop (CompactTopTerm, taken
            // once per block of frequencies); the steps below it are constants in the code: no array, no class-init check.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static ({{type}} C, {{type}} S) CompactDelta({{type}} c, {{type}} s, {{type}} delta, int terms, {{type}} sTop, {{type}} cTop)
            {
                var d2 = delta * delta;
                var sp = sTop;
                var cp = cTop;
            {{horner.ToString().TrimEnd('\n')}}
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
