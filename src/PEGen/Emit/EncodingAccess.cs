using PEGen.Model;

namespace PEGen.Emit;

/// <summary>
/// How generated methods reach the encoding of row r: a slice of the constant table, or for
/// <c>NormalizedRange</c> the value (startPosition + r) / (n - 1) with n = startPosition + rows,
/// the length of the sequence the call describes (float32 division of exact integers: host
/// independent).
/// </summary>
internal static class EncodingAccess
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>Declares what the per-row calls need: <c>table</c> at startPosition, or the denominator.</summary>
    public static void WritePrologue(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        if (spec.HasTable)
        {
            writer.Line("ref float table = ref " + U + ".Add(ref " + M + ".GetReference(Table), (" + features.NInt + ")startPosition * Dim);");
        }
        else
        {
            writer.Line("float last = startPosition + rows - 1;");
            writer.Line("float denominator = last > 0 ? last : 1f;");
        }
    }

    /// <summary>A kernel call for row r: destination row = source row [* scale] + encoding of row r.</summary>
    public static string RowCall(EncodingSpec spec, TargetFeatures features, bool scaled, string sourceRow, string destinationRow)
    {
        string scale = scaled ? "scale, " : "";
        return spec.HasTable
            ? KernelEmitter.NameOf(scaled ? Kernel.ScaleAddTable : Kernel.AddTable) + "(ref " + sourceRow + ", " + scale +
              "ref " + U + ".Add(ref table, (" + features.NInt + ")r * Dim), ref " + destinationRow + ", Dim);"
            : KernelEmitter.NameOf(scaled ? Kernel.ScaleAddValue : Kernel.AddValue) + "(ref " + sourceRow + ", " + scale +
              "(startPosition + r) / denominator, ref " + destinationRow + ", Dim);";
    }

    /// <summary>
    /// destination = source + encoding for all rows, where source and destination are contiguous
    /// [rows x Dim] blocks: with a table that is one flat kernel call over rows * Dim floats.
    /// </summary>
    public static void WriteContiguousAdd(SourceWriter writer, EncodingSpec spec, TargetFeatures features, string source, string destination)
    {
        WritePrologue(writer, spec, features);
        if (spec.HasTable)
        {
            // One row is the decode step: a constant count lets the JIT fold the loop bounds.
            writer.Line("if (rows == 1)");
            writer.Line("    " + KernelEmitter.NameOf(Kernel.AddTable) + "(ref " + source + ", ref table, ref " + destination + ", Dim);");
            writer.Line("else");
            writer.Line("    " + KernelEmitter.NameOf(Kernel.AddTable) + "(ref " + source + ", ref table, ref " + destination + ", (" + features.NUInt + ")rows * Dim);");
            return;
        }
        using (writer.Block("for (int r = 0; r < rows; r++)"))
            writer.Line(RowCall(spec, features, false, U + ".Add(ref " + source + ", (" + features.NInt + ")r * Dim)", U + ".Add(ref " + destination + ", (" + features.NInt + ")r * Dim)"));
    }
}
