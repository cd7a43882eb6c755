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
/// table), else computed in double from the pair's frequency. The pairs are the table's own columns
/// (<see cref="SinusoidPair.Of"/>), so the two cannot disagree.
/// </summary>
internal static class ShiftEmitter
{
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
                Compact.CompactEmitter.EncodingRow + "((int)distance, shiftRow);";
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
                        double angle = offset * frequencies[j];
                        sin = ({{t}})global::System.Math.Sin(angle);
                        cos = ({{t}})global::System.Math.Cos(angle);
                    }
                    for (int r = 0; r < rows; r++)
                    {
                        int row = r * Dim;
                        {{t}} s = encoding[row + sinColumn], c = encoding[row + cosColumn];
                        destination[row + sinColumn] = s * cos + c * sin;   // sin(a + d)
                        destination[row + cosColumn] = c * cos - s * sin;   // cos(a + d)
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
}
