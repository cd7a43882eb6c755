using System.Linq;
using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit;

/// <summary>
/// <c>Shift</c>: the rotation M_k that takes PE(p) to PE(p + k) for every p. Each (sin, cos) pair of a row
/// is rotated by offset * w_j, so <c>Shift(Row(p), k)</c> lands on <c>Row(p + k)</c>. The rotation's sin and
/// cos are read from the scheme's own table row |k| when it exists (deterministic, consistent with the
/// table), else computed in double from the pair's frequency by <see cref="SinCosMethod"/>, PEGen's own sin/cos
/// (no host libm). The pairs are the table's own columns (<see cref="SinusoidPair.Of"/>), so the two cannot disagree.
/// </summary>
internal static class ShiftEmitter
{
    /// <summary>The shared helper for offsets past the table.</summary>
    public const string SinCosMethod = "ShiftSinCos";

    public const string SinColumns = "__PEGen_ShiftSinColumns";
    public const string CosColumns = "__PEGen_ShiftCosColumns";
    public const string Frequencies = "__PEGen_ShiftFrequencyBits";

    public static bool Applies(EncodingSpec spec) => GeneratedMembers.For(spec).Contains(GeneratedMembers.Shift);

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        string padding = spec.PaddingIndex >= 0 ? " && distance != " + spec.PaddingIndex : "";
        MemberDocs.Summary(writer, spec,
            "Rotates every (sin, cos) pair of the given rows by <paramref name=\"offset\"/> times the pair's",
            "frequency: the rotation M_offset that does not depend on the position, so",
            "<c>Shift(Row(p), k)</c> equals <c>Row(p + k)</c> up to float rounding. Columns without a",
            "partner (an odd Dim's last column) are copied unchanged.");
        MemberDocs.Signature(writer, GeneratedMembers.Shift, spec, features);
        using (writer.Block(""))
        {
            // Compact: the distance's row, computed once, stands in for Table's.
            string compactRow = !spec.IsCompact ? "" :
                "\nglobal::System.Span<" + t + "> shiftRow = stackalloc " + t + "[Dim];\nif (fromTable) " +
                Compact.CompactEmitter.EncodingRows + "((int)distance, 1, shiftRow);";
            string table = spec.IsCompact ? "shiftRow" : "Table";
            string at = spec.IsCompact ? "" : "(int)distance * Dim + ";
            writer.Lines($$"""
                if (encoding.Length % Dim != 0)
                    {{Call(GuardHelpersEmitter.ThrowNotWholeRows)}}(encoding.Length, Dim, "encoding");
                if (destination.Length < encoding.Length)
                    {{Call(GuardHelpersEmitter.ThrowDestinationTooShort)}}(encoding.Length, destination.Length);
                if (global::System.MemoryExtensions.Overlaps(encoding, destination, out int overlap))
                {
                    if (overlap != 0)
                        {{Call(GuardHelpersEmitter.ThrowOverlap)}}();
                }
                else
                {
                    encoding.CopyTo(destination);   // unpaired columns keep their values
                }

                int rows = encoding.Length / Dim;
                long distance = offset < 0 ? -(long)offset : offset;
                bool fromTable = distance < MaxLen{{padding}};{{compactRow}}
                global::System.ReadOnlySpan<int> sinColumns = {{SinColumns}};
                global::System.ReadOnlySpan<int> cosColumns = {{CosColumns}};
                var frequencies = global::System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, double>({{Frequencies}});
                for (int j = 0; j < sinColumns.Length; j++)
                {
                    int sinColumn = sinColumns[j], cosColumn = cosColumns[j];
                    {{t}} sin, cos;
                    if (fromTable)
                    {
                        sin = {{table}}[{{at}}sinColumn];
                        cos = {{table}}[{{at}}cosColumn];
                        if (offset < 0) sin = -sin;
                    }
                    else
                    {
                        // Past the table: the rotation's own sin/cos in double, the same bits on every host.
                        {{SharedHelpersEmitter.ClassName}}.{{SinCosMethod}}(offset * frequencies[j], out double s, out double c);
                        sin = ({{t}})s;
                        cos = ({{t}})c;
                    }
                    for (int r = 0; r < rows; r++)
                    {
                        int row = r * Dim;
                        {{t}} x = encoding[row + sinColumn], y = encoding[row + cosColumn];
                        destination[row + sinColumn] = x * cos + y * sin;   // sin(a + d)
                        destination[row + cosColumn] = y * cos - x * sin;   // cos(a + d)
                    }
                }
                """);
        }
        writer.Line();
    }

    /// <summary>The pair columns and frequencies, for the table file.</summary>
    public static void WriteData(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        var pairs = SinusoidPair.Of(spec);
        bool rva = features.DataForm == DataForm.RvaSpan;
        writer.Line("// Shift: the sin and cos column of each pair, and its frequency (radians per position) as double bits.");
        TableDataEmitter.WriteInts(writer, SinColumns, pairs.Select(p => p.SinColumn).ToArray(), rva);
        TableDataEmitter.WriteInts(writer, CosColumns, pairs.Select(p => p.CosColumn).ToArray(), rva);
        TableDataEmitter.WriteDoubles(writer, Frequencies, pairs.Select(p => p.Frequency).ToArray(), rva);
    }

    private static string Call(string helper) => GuardHelpersEmitter.Call(helper);

    // pi/2 in four pieces of at most 21 significant bits, each taking the bits after the one before: k * piece is
    // exact for |k| < 2^32, and what the four leave out is below 2^-83.
    private static readonly double[] HalfPiPieces = Pieces(4, 21);

    /// <summary>
    /// Writes <see cref="SinCosMethod"/> into the shared helpers: sin and cos of a double angle from IEEE operations only
    /// (no fused multiply-add, no Math.Sin), so Shift past the table gives the same bits on every host and runtime.
    /// </summary>
    public static void WriteHelper(SourceWriter writer)
    {
        writer.Lines($$"""
            /// <summary>
            /// sin and cos of <paramref name="angle"/> for |angle| below 2^31 (Shift's int offset times a frequency of at
            /// most 1), from IEEE double operations only, the same bits on every host: k = the integer nearest
            /// angle 2/pi, r = angle - k pi/2 with pi/2 in four pieces of 21 bits (every k * piece exact), Taylor
            /// polynomials in r (Horner in r^2), then the quadrant k mod 4. Absolute error below 2^-50.
            /// </summary>
            internal static void {{SinCosMethod}}(double angle, out double sin, out double cos)
            {
                const double Round = 6755399441055744.0;   // 1.5 * 2^52: adding it leaves the nearest integer in the low bits
                double z = angle * {{D(2 / System.Math.PI)}} + Round;
                double k = z - Round;
                int q = (int)BitConverter.DoubleToInt64Bits(z) & 3;
                double r = angle - k * {{D(HalfPiPieces[0])}};
                r -= k * {{D(HalfPiPieces[1])}};
                r -= k * {{D(HalfPiPieces[2])}};
                r -= k * {{D(HalfPiPieces[3])}};
                double r2 = r * r;
                // sin r = r + r r2 S(r2), S's terms (-1)^t / (2t+1)! for t = 1..8; cos r = 1 + r2 C(r2), (-1)^t / (2t)!
                // for t = 1..9; the first terms left out are below 2^-62 for |r| <= pi/4.
            {{Horner("sp", 8, 1)}}
                double ps = r + r * (r2 * sp);
            {{Horner("cp", 9, 0)}}
                double pc = 1.0 + r2 * cp;
                double s = (q & 1) == 0 ? ps : pc;
                double c = (q & 1) == 0 ? pc : ps;
                sin = (q & 2) == 0 ? s : -s;
                cos = ((q + 1) & 2) == 0 ? c : -c;
            }

            """);
    }

    private static string D(double value) => Rotary.RotaryTablesEmitter.DoubleLiteral(value);

    // name = c_last; name = name * r2 + c_t for t = last - 1 down to 1, c_t = (-1)^t / (2t + offset)!.
    private static string Horner(string name, int last, int offset)
    {
        var text = new System.Text.StringBuilder("    double " + name + " = " + D(Numerics.TaylorTerm.Of(2 * last + offset)) + ";");
        for (int t = last - 1; t >= 1; t--)
            text.Append("\n    " + name + " = " + name + " * r2 + " + D(Numerics.TaylorTerm.Of(2 * t + offset)) + ";");
        return text.ToString();
    }

    // pi/2 as the double-double (hi, lo) = (Math.PI / 2, 6.123233995736766e-17) (106 bits; both literals, no libm), cut
    // into pieces of 'bits' significant bits: each piece is the leading bits of what the pieces before leave.
    private static double[] Pieces(int count, int bits)
    {
        var pieces = new double[count];
        double hi = System.Math.PI / 2, lo = 6.123233995736766e-17;
        for (int i = 0; i < count; i++)
        {
            double piece = LeadingBits(hi, bits);
            pieces[i] = piece;
            double rest = hi - piece;            // exact: piece is hi's leading bits
            double sum = rest + lo;
            lo -= sum - rest;                    // Fast2Sum: |rest| >= |lo| at every step here
            hi = sum;
        }
        return pieces;
    }

    // The leading 'bits' significant bits of a normal double (the rest of its mantissa cleared).
    private static double LeadingBits(double value, int bits)
    {
        long raw = System.BitConverter.DoubleToInt64Bits(value);
        long mask = ~((1L << (53 - bits)) - 1);
        return System.BitConverter.Int64BitsToDouble(raw & mask);
    }
}
