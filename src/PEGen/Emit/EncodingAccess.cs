using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit;

/// <summary>
/// How generated methods reach the encoding of row r: a slice of the constant table, or for a computed
/// scheme the value (startPosition + r) / (n - 1) with n = startPosition + rows, the length of the
/// sequence the call describes (float32 division of exact integers: host independent).
/// </summary>
internal static class EncodingAccess
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    private static bool HasTable(EncodingSpec spec) => spec.Family == SchemeFamily.AdditiveTable;

    /// <summary>How the docs describe the encoding added to row r.</summary>
    public static string Describe(EncodingSpec spec) => HasTable(spec)
        ? "the encoding of position <paramref name=\"startPosition\"/> + r"
        : "(startPosition + r) / (n - 1), n = startPosition + rows (the sequence length)";

    /// <summary>Declares what the per-row calls need: <c>table</c> at startPosition, or the denominator.</summary>
    public static void WritePrologue(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        if (HasTable(spec) && spec.IsCompact)
        {
            // Rows are computed a block at a time (the kernel's per-call work and upper-level products spread over them).
            int block = Compact.CompactEmitter.RowsPerBlock(spec.Dim);
            writer.Line("// Compact storage: the encodings of up to " + block.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                        " rows are computed into this buffer, then added as Full's rows would be.");
            Compact.CompactEmitter.WriteBlockBuffers(writer, t, block, "rows", "Dim", "encodingRows");
            writer.Line("ref " + t + " table = ref " + M + ".GetReference(encodingRows);");
        }
        else if (HasTable(spec))
        {
            writer.Line("ref " + t + " table = ref " + U + ".Add(");
            writer.Line("    ref " + M + ".GetReference(Table), (" + features.NInt() + ")startPosition * Dim);");
        }
        else
        {
            writer.Line(t + " last = startPosition + rows - 1;");
            writer.Line(t + " denominator = last > 0 ? last : 1f;");
        }
    }

    /// <summary>
    /// A kernel call for row r, one argument per line (write it with <see cref="SourceWriter.Lines"/>):
    /// destination row = source row [* scale] + encoding of row r.
    /// </summary>
    public static string RowCall(EncodingSpec spec, TargetFeatures features, bool scaled, string sourceRow, string destinationRow)
    {
        var kernel = HasTable(spec)
            ? (scaled ? Kernel.ScaleAddTable : Kernel.AddTable)
            : (scaled ? Kernel.ScaleAddValue : Kernel.AddValue);
        string encoding = HasTable(spec)
            ? spec.IsCompact ? "ref " + U + ".Add(ref table, (" + features.NInt() + ")(r % Block) * Dim)" : "ref " + U + ".Add(ref table, (" + features.NInt() + ")r * Dim)"
            : "(startPosition + r) / denominator";
        string compute = "if (r % Block == 0)\n    " + Compact.CompactEmitter.EncodingRows +
                         "(startPosition + r, global::System.Math.Min(Block, rows - r), encodingRows);\n";
        return (HasTable(spec) && spec.IsCompact ? compute : "") + KernelEmitter.NameOf(kernel) + "(\n    ref " + sourceRow + ",\n    " + (scaled ? "scale,\n    " : "") +
               encoding + ",\n    ref " + destinationRow + ",\n    Dim);";
    }

    /// <summary>
    /// destination = source + encoding for all rows, where source and destination are contiguous
    /// [rows x Dim] blocks: with a table that is one flat kernel call over rows * Dim elements.
    /// </summary>
    public static void WriteContiguousAdd(SourceWriter writer, EncodingSpec spec, TargetFeatures features, string source, string destination)
    {
        WritePrologue(writer, spec, features);
        string add = KernelEmitter.NameOf(Kernel.AddTable);
        if (HasTable(spec) && !spec.IsCompact)
        {
            // One row is the decode step: a constant count lets the JIT fold the loop bounds.
            writer.Line("if (rows == 1)");
            writer.Line("    " + add + "(ref " + source + ", ref table, ref " + destination + ", Dim);");
            writer.Line("else");
            writer.Line("    " + add + "(ref " + source + ", ref table, ref " + destination + ", (" + features.NUInt() + ")rows * Dim);");
            return;
        }
        string n = features.NInt();
        if (HasTable(spec))
        {
            // Compact: a block of rows computed, then added by one flat kernel call, as Full adds its table slice.
            using (writer.Block("for (int r = 0; r < rows; r += Block)"))
            {
                writer.Line("int block = global::System.Math.Min(Block, rows - r);");
                writer.Line(Compact.CompactEmitter.EncodingRows + "(startPosition + r, block, encodingRows);");
                writer.Line(add + "(");
                writer.Line("    ref " + U + ".Add(ref " + source + ", (" + n + ")r * Dim),");
                writer.Line("    ref table,");
                writer.Line("    ref " + U + ".Add(ref " + destination + ", (" + n + ")r * Dim),");
                writer.Line("    (" + features.NUInt() + ")block * Dim);");
            }
            return;
        }
        using (writer.Block("for (int r = 0; r < rows; r++)"))
            writer.Lines(RowCall(spec, features, false, U + ".Add(ref " + source + ", (" + n + ")r * Dim)", U + ".Add(ref " + destination + ", (" + n + ")r * Dim)"));
    }
}
