using System;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary>The element-wise loops behind the generated methods.</summary>
internal enum Kernel
{
    /// <summary>destination[i] = source[i] + table[i].</summary>
    AddTable,
    /// <summary>destination[i] = source[i] * scale + table[i] (Embed).</summary>
    ScaleAddTable,
    /// <summary>destination[i] = source[i] + value (NormalizedRange).</summary>
    AddValue,
    /// <summary>destination[i] = source[i] * scale + value (NormalizedRange Embed).</summary>
    ScaleAddValue,
}

/// <summary>
/// Writes the kernels: Vector512 (where the CPU has AVX-512), else Vector256, else Vector128, else scalar, over refs (no bounds checks; the
/// callers have validated every length). Callers pass either a whole block (rows are contiguous
/// in the input and the table, so one flat loop covers them) or one row of the constant Dim, in
/// which case the JIT folds the trip count. Tail loops that a multiple of Dim can never need
/// are not emitted. Multiply and add stay separate roundings, as in a scalar loop (no FMA), so
/// every path gives the same bits.
/// </summary>
internal static class KernelEmitter
{
    public static string NameOf(Kernel kernel) => "__PEGen_" + kernel + "Kernel";

    public static void Write(SourceWriter writer, Kernel kernel, EncodingSpec spec, TargetFeatures features)
    {
        bool scaled = kernel is Kernel.ScaleAddTable or Kernel.ScaleAddValue;
        bool table = kernel is Kernel.AddTable or Kernel.ScaleAddTable;
        string parameters = "ref float source, " + (scaled ? "float scale, " : "") + (table ? "ref float table, " : "float value, ") + "ref float destination, " + features.NUInt + " count";

        writer.Line("/// <summary>destination[i] = source[i]" + (scaled ? " * scale" : "") + " + " + (table ? "table[i]" : "value") + " for i in [0, count); source may be destination.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (writer.Block("private static void " + NameOf(kernel) + "(" + parameters + ")"))
        {
            writer.Line(features.NUInt + " i = 0;");
            bool first = true;
            foreach (var (vector, lanes) in features.VectorWidths)
            {
                using (writer.Block((first ? "if" : "else if") + " (global::System.Runtime.Intrinsics." + vector + ".IsHardwareAccelerated)"))
                    WriteVectorLoops(writer, spec.Dim, vector, lanes, scaled, table);
                first = false;
            }
            using (writer.Block("for (; i < count; i++)"))
            {
                writer.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref destination, i) =");
                writer.Line("    global::System.Runtime.CompilerServices.Unsafe.Add(ref source, i)" + (scaled ? " * scale" : "") + " + " +
                            (table ? "global::System.Runtime.CompilerServices.Unsafe.Add(ref table, i);" : "value;"));
            }
        }
        writer.Line();
    }

    private static void WriteVectorLoops(SourceWriter writer, int dim, string vector, int lanes, bool scaled, bool table)
    {
        string v = "global::System.Runtime.Intrinsics." + vector;
        if (scaled) writer.Line("var scales = " + v + ".Create(scale);");
        if (!table) writer.Line("var values = " + v + ".Create(value);");
        int unrolled = lanes * 4;
        using (writer.Block("for (; i + " + unrolled + " <= count; i += " + unrolled + ")"))
        {
            for (int u = 0; u < 4; u++)
                WriteStep(writer, v, u == 0 ? "i" : "i + " + (u * lanes), scaled, table);
        }
        // count is a multiple of Dim: when Dim is a multiple of the unrolled width nothing remains.
        if (dim % unrolled != 0)
        {
            using (writer.Block("for (; i + " + lanes + " <= count; i += " + lanes + ")"))
                WriteStep(writer, v, "i", scaled, table);
        }
    }

    private static void WriteStep(SourceWriter writer, string v, string index, bool scaled, bool table)
    {
        string load = v + ".LoadUnsafe(ref source, " + index + ")" + (scaled ? " * scales" : "");
        string encoding = table ? v + ".LoadUnsafe(ref table, " + index + ")" : "values";
        writer.Line(v + ".StoreUnsafe(" + load + " + " + encoding + ", ref destination, " + index + ");");
    }

    /// <summary>The kernels a scheme's methods call.</summary>
    public static Kernel[] For(EncodingSpec spec) => spec.HasTable
        ? new[] { Kernel.AddTable, Kernel.ScaleAddTable }
        : new[] { Kernel.AddValue, Kernel.ScaleAddValue };
}
