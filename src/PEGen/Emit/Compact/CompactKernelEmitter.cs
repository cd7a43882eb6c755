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

    public static void Write(SourceWriter writer, TargetFeatures features)
    {
        var widths = features.VectorWidths();
        // (-1)^t / (2t+1)! and (-1)^t / (2t)!: exact factorials (below 2^53) and one IEEE division each, written bit-exactly.
        string Coefficients(int offset) => string.Join(", ", Enumerable.Range(1, CompactTable.MaxDeltaTerms).Select(t =>
            Rotary.RotaryTablesEmitter.DoubleLiteral((t % 2 == 1 ? -1.0 : 1.0) / Factorial(2 * t + offset))));
        string sinTerms = Coefficients(1);
        string cosTerms = Coefficients(0);

        writer.Lines($$"""
            // sin(delta) = delta + delta * d2 * S(d2), cos(delta) - 1 = d2 * C(d2): Taylor coefficients for CompactRow.
            private static readonly double[] CompactSinTerms = new double[] { {{sinTerms}} };
            private static readonly double[] CompactCosTerms = new double[] { {{cosTerms}} };

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
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                int n = cos.Length;
                int levels = bits.Length + 1;
                // Where each level's row starts: level j's rows follow those of the levels below it.
                Span<int> rows = stackalloc int[8];
                int start = 0, rest = position;
                for (int j = 0; j < bits.Length; j++)
                {
                    rows[j] = (start + (rest & ((1 << bits[j]) - 1))) * 2 * n;
                    rest >>= bits[j];
                    start += 1 << bits[j];
                }
                rows[levels - 1] = (start + rest) * 2 * n;
                double p = position;
                int k = 0;
            {{string.Concat(widths.Select(w => VectorBlock(w.Name, w.Lanes)))}}
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
                    if (mode == 1)
                    {
                        float angle = (float)position * inverse[k];
                        CompactDelta(ref c, ref s, (double)angle - p * inverse[k], terms);
                    }
                    else if (mode == 2)
                    {
                        CompactQuotient(ref c, ref s, p, quotient[k], quotient[n + k], quotient[2 * n + k], quotient[3 * n + k]);
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

            {{DeltaAndQuotient("double", "")}}
            """);
        foreach (var (name, _) in widths)
            writer.Lines(DeltaAndQuotient(name + "<double>", name));
    }

    // One vector width's loop: 'lanes' frequencies per step as two float64 halves, narrowed into one float32 vector.
    private static string VectorBlock(string v, int lanes)
    {
        int h = lanes / 2;
        string L(string at) => v + ".LoadUnsafe(ref f, (nuint)(" + at + "))";
        return $$"""

                if ({{v}}.IsHardwareAccelerated && n >= {{lanes}})
                {
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
                        if (mode == 1)
                        {
                            var inv = {{v}}.LoadUnsafe(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(inverse), (nuint)k);
                            var angle = {{v}}.Create((float)position) * inv;
                            var (angleA, angleB) = {{v}}.Widen(angle);
                            var (invA, invB) = {{v}}.Widen(inv);
                            CompactDelta(ref ca, ref sa, angleA - pv * invA, terms);
                            CompactDelta(ref cb, ref sb, angleB - pv * invB, terms);
                        }
                        else if (mode == 2)
                        {
                            ref double q = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(quotient);
                            CompactQuotient(ref ca, ref sa, pv,
                                {{v}}.LoadUnsafe(ref q, (nuint)k), {{v}}.LoadUnsafe(ref q, (nuint)(n + k)),
                                {{v}}.LoadUnsafe(ref q, (nuint)(2 * n + k)), {{v}}.LoadUnsafe(ref q, (nuint)(3 * n + k)));
                            CompactQuotient(ref cb, ref sb, pv,
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
                }
            """;
    }

    // The two corrections at one type (double or a vector of doubles), so the scalar and vector paths share the text.
    private static string DeltaAndQuotient(string type, string vector)
    {
        string C(string value) => vector.Length == 0 ? value : vector + ".Create(" + value + ")";
        return $$"""
            // Rotates (c, s) by the small angle delta: c + (c (cos delta - 1) - s sin delta), and the same for s.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void CompactDelta(ref {{type}} c, ref {{type}} s, {{type}} delta, int terms)
            {
                var d2 = delta * delta;
                var sp = {{C("CompactSinTerms[terms - 1]")}};
                var cp = {{C("CompactCosTerms[terms - 1]")}};
                for (int t = terms - 2; t >= 0; t--)
                {
                    sp = sp * d2 + {{C("CompactSinTerms[t]")}};
                    cp = cp * d2 + {{C("CompactCosTerms[t]")}};
                }
                var sd = delta + delta * (d2 * sp);
                var cm = d2 * cp;
                var next = c + (c * cm - s * sd);
                s = s + (s * cm + c * sd);
                c = next;
            }

            // Adds the rounding error e of x = p / w to the angle: x w - p from exact partial products (26-bit halves
            // multiply exactly), e = (x w - p) / w; then cos(a + e) = c - e s, sin(a + e) = s + e c (e^2 is below 2^-58).
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void CompactQuotient(ref {{type}} c, ref {{type}} s, {{type}} p, {{type}} w, {{type}} wh, {{type}} wl, {{type}} iw)
            {
                var x = p / w;
                var t = x * {{C("134217729.0")}};
                var xh = t - (t - x);
                var xl = x - xh;
                var rho = (((xh * wh - p) + xh * wl) + xl * wh) + xl * wl;
                var e = rho * iw;
                var next = c - e * s;
                s = s + e * c;
                c = next;
            }

            """;
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }
}
