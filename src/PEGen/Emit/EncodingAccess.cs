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
            writer.Line("// Compact storage: each row's encoding is computed into this buffer, then added as Full's row would be.");
            writer.Line("global::System.Span<" + t + "> encodingRow = stackalloc " + t + "[Dim];");
            writer.Line("ref " + t + " table = ref " + M + ".GetReference(encodingRow);");
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
            ? spec.IsCompact ? "ref table" : "ref " + U + ".Add(ref table, (" + features.NInt() + ")r * Dim)"
            : "(startPosition + r) / denominator";
        return (HasTable(spec) && spec.IsCompact ? Compact.CompactEmitter.EncodingRow + "(startPosition + r, encodingRow);\n" : "") + KernelEmitter.NameOf(kernel) + "(\n    ref " + sourceRow + ",\n    " + (scaled ? "scale,\n    " : "") +
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
        using (writer.Block("for (int r = 0; r < rows; r++)"))
            writer.Lines(RowCall(spec, features, false, U + ".Add(ref " + source + ", (" + n + ")r * Dim)", U + ".Add(ref " + destination + ", (" + n + ")r * Dim)"));
    }
}
