using PEGen.Model;

namespace PEGen.Emit;

/// <summary>
/// The element-wise add loop behind <c>AddTo</c> and <c>Add</c>: Vector256, else Vector128, else
/// scalar, over refs (no bounds checks; callers have validated every length). Rows are
/// contiguous in both the input and the table, so one flat loop covers all rows; the tail loops
/// that a whole number of rows can never need (given the constant Dim) are not emitted.
/// </summary>
internal static class AddKernelEmitter
{
    public const string Name = "__PEGen_AddKernel";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        writer.Line("/// <summary>destination[i] = source[i] + table[i] for i in [0, count). source may be destination.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (writer.Block("private static void " + Name + "(ref float source, ref float table, ref float destination, nuint count)"))
        {
            writer.Line("nuint i = 0;");
            if (features.HasVector128)
            {
                using (writer.Block("if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)"))
                    WriteVectorLoops(writer, spec.Dim, "Vector256", 8);
                using (writer.Block("else if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)"))
                    WriteVectorLoops(writer, spec.Dim, "Vector128", 4);
            }
            using (writer.Block("for (; i < count; i++)"))
            {
                writer.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref destination, i) =");
                writer.Line("    global::System.Runtime.CompilerServices.Unsafe.Add(ref source, i) + global::System.Runtime.CompilerServices.Unsafe.Add(ref table, i);");
            }
        }
        writer.Line();
    }

    private static void WriteVectorLoops(SourceWriter writer, int dim, string vector, int lanes)
    {
        int unrolled = lanes * 4;
        using (writer.Block("for (; i + " + unrolled + " <= count; i += " + unrolled + ")"))
        {
            for (int u = 0; u < 4; u++)
                WriteStep(writer, vector, u == 0 ? "i" : "i + " + (u * lanes));
        }
        // count is rows * Dim: when Dim is a multiple of the unrolled width nothing remains.
        if (dim % unrolled != 0)
        {
            using (writer.Block("for (; i + " + lanes + " <= count; i += " + lanes + ")"))
                WriteStep(writer, vector, "i");
        }
    }

    private static void WriteStep(SourceWriter writer, string vector, string index)
    {
        string v = "global::System.Runtime.Intrinsics." + vector;
        writer.Line(v + ".StoreUnsafe(" + v + ".LoadUnsafe(ref source, " + index + ") + " + v + ".LoadUnsafe(ref table, " + index + "), ref destination, " + index + ");");
    }
}
