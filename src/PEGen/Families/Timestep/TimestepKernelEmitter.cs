using System.Globalization;
using System.Numerics;
using System.Text;
using PEGen.Emit;
using PEGen.Model;
using PEGen.Numerics;
using static PEGen.Emit.Rotary.RotaryTablesEmitter;

namespace PEGen.Families.Timestep;

/// <summary>
/// The run-time half of <c>[TimestepEmbedding]</c>, emitted once into the shared helper class: correctly rounded float32
/// sin and cos of any float32 angle, host independent (IEEE +, -, *, / on doubles only: no libm, no fused multiply-add),
/// and the row loop of <c>Encode</c>. Correct rounding has one answer, so every path (scalar, each vector width,
/// netstandard2.0) and the generator's table agree bit for bit.
/// </summary>
internal static class TimestepKernelEmitter
{
    /// <summary>The row loop generated classes call.</summary>
    public const string RowsMethod = "TimestepRows";

    /// <summary>The throw helper of a NaN or infinite timestep.</summary>
    public const string ThrowNotFinite = "ThrowTimestepNotFinite";

    /// <summary>The scalar correctly rounded sin/cos.</summary>
    public const string SinCosMethod = "TimestepSinCos";

    // Taylor terms of the fast double polynomials, up to r^15 and r^16: on |r| <= pi/4 + 2^-20 the series alternate
    // with decreasing terms, so the truncation is below the first term left out, (pi/4)^17 / 17! < 2^-54 relative to
    // sin and (pi/4)^18 / 18! < 2^-58 to cos (each at least 0.7 where r is that large).
    private const int FastSinTerms = 8, FastCosTerms = 9;

    // Terms of the double-double polynomials (truncation below 2^-110 relative).
    private const int SlowSinTerms = 16, SlowCosTerms = 16;

    public static void Write(SourceWriter writer, TargetFeatures features)
    {
        writer.Lines($$"""
            // ---- [TimestepEmbedding]: correctly rounded float32 sin and cos of any float32 angle ----

            /// <summary>A NaN or infinite timestep (index -1: the single-timestep overload).</summary>
            [MethodImpl(MethodImplOptions.NoInlining)]
            internal static void {{ThrowNotFinite}}(string argument, int index, float value)
            {
                throw new ArgumentOutOfRangeException(argument, value,
                    (index < 0 ? argument : argument + "[" + index.ToString(CultureInfo.InvariantCulture) + "]") +
                    " is " + value.ToString(CultureInfo.InvariantCulture) + "; a timestep must be a finite number.");
            }

            private const double TsTwoOverPi = 0.63661977236758138;
            // 1.5 * 2^52: (y + TsRound) - TsRound is y rounded to the nearest integer (ties to even), |y| < 2^51,
            // and the low bits of (y + TsRound) are that integer in two's complement.
            private const double TsRound = 6755399441055744.0;
            // fdlibm's pi/2 in pieces of 33 bits (k * piece is exact for |k| < 2^20) and the tail.
            private const double TsPio2_1 = 1.5707963267341256;
            private const double TsPio2_2 = 6.0771005063039660e-11;
            private const double TsPio2_3 = 2.0222662487111665e-21;
            private const double TsPio2_3t = 8.4784276603688996e-32;
            private const double TsPio2Hi = 1.5707963267948966;
            private const double TsPio2Lo = 6.123233995736766e-17;
            private const double TsLimit = 1048576.0;
            private const double TsTiny = 0.000244140625;
            private const double TsRel = {{DoubleLiteral(FloatBits.PowerOfTwo(-46))}};
            private const double TsAbs = {{DoubleLiteral(FloatBits.PowerOfTwo(-79))}};

            /// <summary>sin(x) and cos(x), each the float32 nearest to the exact value (ties to even); NaN for NaN or infinity.</summary>
            /// <remarks>
            /// <para>|x| &lt; 2^-12: sin x rounds to x and cos x to 1. |x| &lt; 2^20: Cody-Waite reduction r = x - k pi/2 with
            /// pi/2 in three 33-bit pieces (x - k P1 and k P2 exact), then Taylor polynomials in double; the result is within
            /// 2^-49 |v| + 1e-25 of the exact value, and it is kept when v - e and v + e (e = 2^-46 |v| + 2^-79) round to the
            /// same float32: then so does the exact value. Otherwise (about one angle in a million) and for |x| &gt;= 2^20
            /// (Payne-Hanek reduction with 192 bits of 2/pi) the slow path evaluates in double-double (error below 2^-98)
            /// and rounds against the float32 midpoint exactly.</para>
            /// </remarks>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void {{SinCosMethod}}(float x, out float sin, out float cos)
            {
                double a = x;
                double ax = Math.Abs(a);
                if (ax < TsLimit)
                {
                    if (ax < TsTiny)
                    {
                        sin = x;
                        cos = 1f;
                        return;
                    }
                    double z = a * TsTwoOverPi + TsRound;
                    int q = (int)BitConverter.DoubleToInt64Bits(z);
                    double k = z - TsRound;
                    double r = ((a - k * TsPio2_1) - k * TsPio2_2) - k * TsPio2_3;
                    double s, c;
                    TsFast(r, q, out s, out c);
                    double es = Math.Abs(s) * TsRel + TsAbs, ec = Math.Abs(c) * TsRel + TsAbs;
                    float s1 = (float)(s - es), c1 = (float)(c - ec);
                    if (s1 == (float)(s + es) && c1 == (float)(c + ec))
                    {
                        sin = s1;
                        cos = c1;
                        return;
                    }
                }
                else if (!(ax <= 3.4028234663852886E+38))
                {
                    sin = float.NaN;
                    cos = float.NaN;
                    return;
                }
                TsSlow(x, out sin, out cos);
            }

            // The double polynomials on r (|r| <= pi/4 + 2^-20) and the quadrant q.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void TsFast(double r, int q, out double sin, out double cos)
            {
                double r2 = r * r;
            {{FastHorner("ps", "r2", true, "double", "")}}
                ps *= r;
            {{FastHorner("pc", "r2", false, "double", "")}}
                double s = (q & 1) == 0 ? ps : pc;
                double c = (q & 1) == 0 ? pc : ps;
                sin = (q & 2) == 0 ? s : -s;
                cos = ((q + 1) & 2) == 0 ? c : -c;
            }

            // The exact path: the reduction and the polynomials in double-double, rounded against the float32 midpoints.
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void TsSlow(float x, out float sin, out float cos)
            {
                double a = Math.Abs((double)x);
                if (a < TsTiny)
                {
                    sin = x;
                    cos = 1f;
                    return;
                }
                double rh, rl;
                int q;
                if (a < TsLimit)
                {
                    double z = a * TsTwoOverPi + TsRound;
                    q = (int)BitConverter.DoubleToInt64Bits(z);
                    double k = z - TsRound;
                    double t1 = a - k * TsPio2_1;
                    double e1;
                    double s1 = TsTwoSum(t1, -(k * TsPio2_2), out e1);
                    double e2;
                    double s2 = TsTwoSum(s1, -(k * TsPio2_3), out e2);
                    double lo = (e1 + e2) - k * TsPio2_3t;
                    rh = s2 + lo;
                    rl = lo - (rh - s2);
                }
                else
                {
                    q = TsPayneHanek(a, out rh, out rl);
                }
                double r2h, r2l;
                TsMul(rh, rl, rh, rl, out r2h, out r2l);
                double sh, sl, ch, cl;
            {{SlowHorner("s", true)}}
                TsMul(sh, sl, rh, rl, out sh, out sl);
            {{SlowHorner("c", false)}}
                double vh = (q & 1) == 0 ? sh : ch, vl = (q & 1) == 0 ? sl : cl;
                double wh = (q & 1) == 0 ? ch : sh, wl = (q & 1) == 0 ? cl : sl;
                if ((q & 2) != 0)
                {
                    vh = -vh;
                    vl = -vl;
                }
                if (((q + 1) & 2) != 0)
                {
                    wh = -wh;
                    wl = -wl;
                }
                if (x < 0)
                {
                    vh = -vh;
                    vl = -vl;
                }
                sin = TsRoundPair(vh, vl);
                cos = TsRoundPair(wh, wl);
            }

            // Payne-Hanek for 2^20 <= a < 2^128: a = m 2^E (m < 2^24), a * 2/pi mod 8 from the 192 bits of 2/pi after
            // bit 32 j0 (32 j0 <= E - 3, so the bits before contribute multiples of 8); returns the quadrant and
            // r = (a 2/pi - k) pi/2 in double-double. Bits past the window add below 2^-134 to the fraction.
            private static int TsPayneHanek(double a, out double rh, out double rl)
            {
                long bits = BitConverter.DoubleToInt64Bits(a);
                int e = (int)(bits >> 52) - 1023;
                ulong m = (ulong)((bits & 0xFFFFFFFFFFFFFL) | 0x10000000000000L) >> 29;
                int exponent = e - 23;
                int j0 = (exponent - 3) >> 5;
                uint[] w = TsTables.TwoOverPi;
                int at = j0 + 1;
                ulong t = m * w[at + 5];
                uint p0 = (uint)t;
                t = m * w[at + 4] + (t >> 32);
                uint p1 = (uint)t;
                t = m * w[at + 3] + (t >> 32);
                uint p2 = (uint)t;
                t = m * w[at + 2] + (t >> 32);
                uint p3 = (uint)t;
                t = m * w[at + 1] + (t >> 32);
                uint p4 = (uint)t;
                t = m * w[at] + (t >> 32);
                uint p5 = (uint)t;
                uint p6 = (uint)(t >> 32);
                // The binary point sits at bit 192 - (exponent - 32 j0), in [158, 189].
                int point = 192 - (exponent - 32 * j0);
                uint c1 = TsBits(p0, p1, p2, p3, p4, p5, p6, point - 32);
                uint c2 = TsBits(p0, p1, p2, p3, p4, p5, p6, point - 64);
                uint c3 = TsBits(p0, p1, p2, p3, p4, p5, p6, point - 96);
                uint c4 = TsBits(p0, p1, p2, p3, p4, p5, p6, point - 128);
                int q = (int)TsBits(p0, p1, p2, p3, p4, p5, p6, point);
                double sign = 1.0;
                if ((c1 & 0x80000000u) != 0)
                {
                    // Fraction >= 1/2: round k up and take the fraction - 1, negated as a 128-bit two's complement.
                    q++;
                    sign = -1.0;
                    ulong n4 = (ulong)(~c4) + 1;
                    ulong n3 = (ulong)(~c3) + (n4 >> 32);
                    ulong n2 = (ulong)(~c2) + (n3 >> 32);
                    ulong n1 = (ulong)(~c1) + (n2 >> 32);
                    c4 = (uint)n4;
                    c3 = (uint)n3;
                    c2 = (uint)n2;
                    c1 = (uint)n1;
                }
                double d1 = c1 * {{DoubleLiteral(FloatBits.PowerOfTwo(-32))}};
                double d2 = c2 * {{DoubleLiteral(FloatBits.PowerOfTwo(-64))}};
                double d3 = c3 * {{DoubleLiteral(FloatBits.PowerOfTwo(-96))}};
                double d4 = c4 * {{DoubleLiteral(FloatBits.PowerOfTwo(-128))}};
                double fe;
                double fh = TsTwoSum(d1, d2, out fe);
                double fl = fe + (d3 + d4);
                double h = fh + fl;
                fl = fl - (h - fh);
                TsMul(h, fl, TsPio2Hi, TsPio2Lo, out rh, out rl);
                rh *= sign;
                rl *= sign;
                return q;
            }

            // The 32 bits from bit 'at' of the 224-bit number p6..p0 (little-endian 32-bit limbs); at in [0, 192].
            private static uint TsBits(uint p0, uint p1, uint p2, uint p3, uint p4, uint p5, uint p6, int at)
            {
                int limb = at >> 5, shift = at & 31;
                ulong low = TsLimb(p0, p1, p2, p3, p4, p5, p6, limb), high = TsLimb(p0, p1, p2, p3, p4, p5, p6, limb + 1);
                return (uint)(((high << 32) | low) >> shift);
            }

            private static ulong TsLimb(uint p0, uint p1, uint p2, uint p3, uint p4, uint p5, uint p6, int i)
            {
                switch (i)
                {
                    case 0: return p0;
                    case 1: return p1;
                    case 2: return p2;
                    case 3: return p3;
                    case 4: return p4;
                    case 5: return p5;
                    case 6: return p6;
                    default: return 0;
                }
            }

            // The float32 nearest to h + l (|l| <= half an ulp of h): decided against the midpoint next to h, exactly.
            private static float TsRoundPair(double h, double l)
            {
                float f = (float)h;
                double fd = f;
                if (fd == h || l == 0)
                    return f;
                double ah = Math.Abs(h), af = Math.Abs(fd);
                long bits = BitConverter.DoubleToInt64Bits(af);
                int e = (int)(bits >> 52) - 1023;
                double ulp = e < -126 ? {{DoubleLiteral(FloatBits.PowerOfTwo(-149))}} : BitConverter.Int64BitsToDouble((long)(e - 23 + 1023) << 52);
                double mid = ah > af ? af + 0.5 * ulp
                    : af - ((bits & 0xFFFFFFFFFFFFFL) == 0 && e > -126 ? 0.25 * ulp : 0.5 * ulp);
                double d = (ah - mid) + (h < 0 ? -l : l);
                double result = d == 0 || (d > 0) == (af > mid) ? af : 2.0 * mid - af;
                return (float)(h < 0 ? -result : result);
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static double TsTwoSum(double a, double b, out double e)
            {
                double s = a + b;
                double bb = s - a;
                e = (a - (s - bb)) + (b - bb);
                return s;
            }

            // Double-double product (Dekker; no fused multiply-add).
            private static void TsMul(double ah, double al, double bh, double bl, out double h, out double l)
            {
                double p = ah * bh;
                double t = 134217729.0 * ah;
                double ahh = t - (t - ah), ahl = ah - ahh;
                t = 134217729.0 * bh;
                double bhh = t - (t - bh), bhl = bh - bhh;
                double e = ((ahh * bhh - p) + ahh * bhl + ahl * bhh) + ahl * bhl;
                e += ah * bl + al * bh;
                h = p + e;
                l = e - (h - p);
            }

            // Double-double a * b + c.
            private static void TsMulAdd(double ah, double al, double bh, double bl, double ch, double cl, out double h, out double l)
            {
                double ph, pl;
                TsMul(ah, al, bh, bl, out ph, out pl);
                double e;
                double s = TsTwoSum(ph, ch, out e);
                e += pl + cl;
                h = s + e;
                l = e - (h - s);
            }

            /// <summary>
            /// Writes the diffusers timestep embedding of every timestep: row i of <paramref name="destination"/> (dim values)
            /// is [sin | cos] (or [cos | sin] when <paramref name="flip"/>) of f32(f32(t * frequencies[k]) * scale),
            /// then a zero when dim is odd. The caller has checked the arguments.
            /// </summary>
            {{(features.HasVector128 ? "[MethodImpl(MethodImplOptions.AggressiveOptimization)]" : "// (AggressiveOptimization does not exist on netstandard2.0.)")}}
            internal static void {{RowsMethod}}(ReadOnlySpan<float> timesteps, ReadOnlySpan<float> frequencies, float scale, bool flip, int dim, Span<float> destination)
            {
                int half = frequencies.Length;
                int first = flip ? half : 0, second = flip ? 0 : half;
                for (int i = 0; i < timesteps.Length; i++)
                {
                    float t = timesteps[i];
                    if (t == 0f)
                        t = 0f;
                    Span<float> row = destination.Slice(i * dim, dim);
                    int k = 0;
            {{VectorLoops(features)}}
                    for (; k < half; k++)
                    {
                        float angle = (float)((float)(t * frequencies[k]) * scale);
                        float s, c;
                        {{SinCosMethod}}(angle, out s, out c);
                        row[first + k] = s;
                        row[second + k] = c;
                    }
                    if ((dim & 1) != 0)
                        row[dim - 1] = 0f;
                }
            }

            """);
        writer.Lines(Tables());
        if (features.HasVector128)
        {
            foreach (var (name, lanes) in features.VectorWidths())
            {
                if (name != "Vector128")
                    writer.Lines(VectorKernel(name, lanes));
            }
        }
    }

    // The vector loops of the row method: the widest first.
    private static string VectorLoops(TargetFeatures features)
    {
        if (!features.HasVector128) return "";
        var text = new StringBuilder();
        foreach (var (name, lanes) in features.VectorWidths())
        {
            if (name == "Vector128") continue;
            text.Append($$"""
                        if ({{name}}.IsHardwareAccelerated)
                        {
                            for (; k + {{lanes}} <= half; k += {{lanes}})
                                TsVector{{lanes}}(t, frequencies, scale, row, k, first, second);
                        }

                """);
        }
        return text.ToString();
    }

    // One vector width: 'lanes' float32 angles per step as two halves of doubles; lanes whose rounding the fast
    // bound does not decide, or out of the Cody-Waite range, are redone by the scalar method.
    private static string VectorKernel(string v, int lanes)
    {
        return $$"""
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void TsVector{{lanes}}(float t, ReadOnlySpan<float> frequencies, float scale, Span<float> row, int k, int first, int second)
            {
                ref float f = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(frequencies);
                var angle = ({{v}}.Create(t) * {{v}}.LoadUnsafe(ref f, (nuint)k)) * {{v}}.Create(scale);
                var (lowAngle, highAngle) = {{v}}.Widen(angle);
                TsVectorHalf{{lanes}}(lowAngle, out var sa, out var ca, out var okA);
                TsVectorHalf{{lanes}}(highAngle, out var sb, out var cb, out var okB);
                var s = {{v}}.Narrow(sa, sb);
                var c = {{v}}.Narrow(ca, cb);
                ref float r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(row);
                {{v}}.StoreUnsafe(s, ref r, (nuint)(first + k));
                {{v}}.StoreUnsafe(c, ref r, (nuint)(second + k));
                var ok = {{v}}.Narrow(okA, okB);
                if (!{{v}}.EqualsAll(ok, {{v}}<int>.AllBitsSet))
                {
                    for (int j = 0; j < {{lanes}}; j++)
                    {
                        if (ok.GetElement(j) == 0)
                        {
                            float sj, cj;
                            {{SinCosMethod}}(angle.GetElement(j), out sj, out cj);
                            row[first + k + j] = sj;
                            row[second + k + j] = cj;
                        }
                    }
                }
            }

            // The fast path of TimestepSinCos on {{lanes / 2}} doubles; ok is all ones where the result is decided.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void TsVectorHalf{{lanes}}({{v}}<double> a, out {{v}}<double> sin, out {{v}}<double> cos, out {{v}}<long> ok)
            {
                var round = {{v}}.Create(TsRound);
                var z = a * {{v}}.Create(TsTwoOverPi) + round;
                var q = z.AsInt64();
                var k = z - round;
                var r = ((a - k * {{v}}.Create(TsPio2_1)) - k * {{v}}.Create(TsPio2_2)) - k * {{v}}.Create(TsPio2_3);
                var r2 = r * r;
            {{FastHorner("ps", "r2", true, v + "<double>", v)}}
                ps *= r;
            {{FastHorner("pc", "r2", false, v + "<double>", v)}}
                var one = {{v}}<long>.One;
                var swap = {{v}}.Equals(q & one, one).AsDouble();
                var s = {{v}}.ConditionalSelect(swap, pc, ps);
                var c = {{v}}.ConditionalSelect(swap, ps, pc);
                var two = {{v}}.Create(2L);
                var signBit = {{v}}.Create(long.MinValue);
                var negS = {{v}}.Equals(q & two, two) & signBit;
                var negC = {{v}}.Equals((q + one) & two, two) & signBit;
                s = (s.AsInt64() ^ negS).AsDouble();
                c = (c.AsInt64() ^ negC).AsDouble();
                var es = {{v}}.Abs(s) * {{v}}.Create(TsRel) + {{v}}.Create(TsAbs);
                var ec = {{v}}.Abs(c) * {{v}}.Create(TsRel) + {{v}}.Create(TsAbs);
                var sLow = s - es;
                var cLow = c - ec;
                var sure = {{v}}.Equals({{v}}.Narrow(sLow, sLow), {{v}}.Narrow(s + es, s + es)).AsInt32()
                    & {{v}}.Equals({{v}}.Narrow(cLow, cLow), {{v}}.Narrow(c + ec, c + ec)).AsInt32();
                // Narrow(x, x) holds the lanes twice; widen the int mask back to one long per lane.
                var (sureLanes, _) = {{v}}.Widen(sure);
                var inRange = {{v}}.LessThan({{v}}.Abs(a), {{v}}.Create(TsLimit)).AsInt64()
                    & {{v}}.GreaterThanOrEqual({{v}}.Abs(a), {{v}}.Create(TsTiny)).AsInt64();
                ok = sureLanes & inRange;
                sin = sLow;
                cos = cLow;
            }

            """;
    }

    // A Horner evaluation in plain arithmetic of type 'type' (double or a vector of doubles).
    private static string FastHorner(string name, string x, bool sine, string type, string vector)
    {
        int terms = sine ? FastSinTerms : FastCosTerms;
        string C(int i) => vector.Length == 0 ? Coefficient(i, sine).Hi : vector + ".Create(" + Coefficient(i, sine).Hi + ")";
        var text = new StringBuilder();
        text.Append("    " + (vector.Length == 0 ? "double" : "var") + " " + name + " = " + C(terms - 1) + ";\n");
        for (int i = terms - 2; i >= 0; i--)
            text.Append("    " + name + " = " + name + " * " + x + " + " + C(i) + ";\n");
        return text.ToString().TrimEnd('\n');
    }

    // A Horner evaluation in double-double: (nameh, namel) = sum c_i r2^i.
    private static string SlowHorner(string name, bool sine)
    {
        int terms = sine ? SlowSinTerms : SlowCosTerms;
        var top = Coefficient(terms - 1, sine);
        var text = new StringBuilder();
        text.Append("    " + name + "h = " + top.Hi + ";\n");
        text.Append("    " + name + "l = " + top.Lo + ";\n");
        for (int i = terms - 2; i >= 0; i--)
        {
            var c = Coefficient(i, sine);
            text.Append("    TsMulAdd(" + name + "h, " + name + "l, r2h, r2l, " + c.Hi + ", " + c.Lo + ", out " + name + "h, out " + name + "l);\n");
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>(-1)^i / (2i+1)! (sine) or (-1)^i / (2i)! (cosine) as a double-double, both parts correctly rounded.</summary>
    internal static (string Hi, string Lo) Coefficient(int i, bool sine)
    {
        int n = sine ? 2 * i + 1 : 2 * i;
        BigInteger factorial = BigInteger.One;
        for (int j = 2; j <= n; j++) factorial *= j;
        const int P = 600;
        BigInteger scaled = (BigInteger.One << P) / factorial;
        if (i % 2 == 1) scaled = -scaled;
        double hi = BigFixed.RoundExact(scaled, -P, BigFixed.Double);
        double lo = BigFixed.RoundExact(scaled - BigFixed.FromDouble(hi, P), -P, BigFixed.Double);
        return (DoubleLiteral(hi), DoubleLiteral(lo));
    }

    /// <summary>Words of 2/pi: word j + 1 holds bits 32j + 1 .. 32j + 32 after the binary point; word 0 is zero.</summary>
    internal static uint[] TwoOverPiWords(int count)
    {
        int bits = 32 * (count - 1);
        BigInteger pi = BigFixed.Pi(bits + 64);
        BigInteger value = (BigInteger.One << (2 * bits + 65)) / pi;  // floor(2^bits * 2/pi), barring the last few bits
        var words = new uint[count];
        for (int j = count - 1; j >= 1; j--)
        {
            words[j] = (uint)(value & uint.MaxValue);
            value >>= 32;
        }
        return words;
    }

    private static string Tables()
    {
        var words = TwoOverPiWords(12);
        var text = new StringBuilder();
        text.Append("// The bits of 2/pi for TsPayneHanek, in a class of its own so the helpers need no static constructor.\n");
        text.Append("private static class TsTables\n{\n    internal static readonly uint[] TwoOverPi =\n    {\n");
        for (int i = 0; i < words.Length; i++)
        {
            if (i % 6 == 0) text.Append("        ");
            text.Append("0x").Append(words[i].ToString("X8", CultureInfo.InvariantCulture)).Append('u');
            text.Append(i % 6 == 5 || i == words.Length - 1 ? ",\n" : ", ");
        }
        text.Append("    };\n}\n");
        return text.ToString();
    }
}
