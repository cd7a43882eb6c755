using System;
using System.Linq;
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
/// Writes the kernels. Each generated class gets a small dispatcher per kernel (it knows Dim);
/// the vector loops themselves live once per assembly in <see cref="SharedKernelsEmitter"/>'s
/// class, so fifty tables do not compile fifty copies of them. Vector512 (where the CPU has AVX-512), else Vector256, else Vector128, else scalar, over refs (no bounds checks; the
/// callers have validated every length). Callers pass either a whole block (rows are contiguous
/// in the input and the table, so one flat loop covers them) or one row of the constant Dim, in
/// which case the JIT folds the trip count. Each vector path works like TensorPrimitives: the
/// first and last vectors are computed before any store, the stores in between start at the
/// destination's first vector-size boundary (a misaligned store splits a cache line), eight
/// vectors per step with the loads first, and the two end vectors are stored last. That covers
/// any count of at least one vector with no scalar tail, and stays right in place (source is
/// destination) because no value is read after its own slot has been written. Multiply and add
/// stay separate roundings, as in a scalar loop (no FMA), so every path gives the same bits.
/// </summary>
internal static class KernelEmitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const int Unroll = 8;

    public static string NameOf(Kernel kernel) => "__PEGen_" + kernel + "Kernel";

    /// <summary>Writes one kernel's dispatcher for a generated class: the shared loop of the widest accelerated width, else a scalar loop.</summary>
    /// <param name="writer">Receives the code.</param>
    /// <param name="kernel">Which loop.</param>
    /// <param name="dim">The class's Dim: every count a caller passes is a multiple of it.</param>
    /// <param name="features">What the consumer's target offers.</param>
    public static void Write(SourceWriter writer, Kernel kernel, int dim, TargetFeatures features)
    {
        bool scaled = IsScaled(kernel);
        bool table = UsesTable(kernel);
        string parameters = Parameters(kernel, features);
        string arguments = "ref source, " + (scaled ? "scale, " : "") + (table ? "ref table, " : "value, ") + "ref destination, count";

        writer.Line("/// <summary>" + Summary(kernel) + ".</summary>");
        writer.Line(AggressiveInlining);
        using (writer.Block("private static void " + NameOf(kernel) + "(" + parameters + ")"))
        {
            // A non-zero multiple of Dim fills every vector no wider than Dim, so those widths need
            // no count test: the JIT then imports only the one width this CPU uses (each Vector
            // type the JIT touches first costs milliseconds to load).
            if (features.VectorWidths.Any(w => w.Lanes <= dim))
            {
                writer.Line("if (count == 0)");
                writer.Line("    return;");
            }
            foreach (var (vector, lanes) in features.VectorWidths)
            {
                using (writer.Block("if (global::System.Runtime.Intrinsics." + vector + ".IsHardwareAccelerated" + (lanes <= dim ? "" : " && count >= " + lanes) + ")"))
                {
                    writer.Line(SharedKernelsEmitter.ClassName + "." + WidthMethodName(kernel, vector) + "(" + arguments + ");");
                    writer.Line("return;");
                }
            }
            using (writer.Block("for (" + features.NUInt + " i = 0; i < count; i++)"))
            {
                writer.Line(U + ".Add(ref destination, i) =");
                writer.Line("    " + U + ".Add(ref source, i)" + (scaled ? " * scale" : "") + " + " +
                            (table ? U + ".Add(ref table, i);" : "value;"));
            }
        }
        writer.Line();
    }

    /// <summary>Writes the shared loop of one kernel at one vector width (a member of the shared class).</summary>
    public static void WriteWidthMethod(SourceWriter writer, Kernel kernel, string vector, int lanes, TargetFeatures features)
    {
        writer.Line("/// <summary>" + Summary(kernel) + "; count is at least " + lanes + ".</summary>");
        writer.Line(AggressiveInlining);
        using (writer.Block("internal static void " + WidthMethodName(kernel, vector) + "(" + Parameters(kernel, features) + ")"))
            WriteVectorBody(writer, vector, lanes, IsScaled(kernel), UsesTable(kernel));
        writer.Line();
    }

    private static string WidthMethodName(Kernel kernel, string vector) => kernel + "_" + vector;

    private static bool IsScaled(Kernel kernel) => kernel is Kernel.ScaleAddTable or Kernel.ScaleAddValue;

    private static bool UsesTable(Kernel kernel) => kernel is Kernel.AddTable or Kernel.ScaleAddTable;

    private static string Parameters(Kernel kernel, TargetFeatures features) =>
        "ref float source, " + (IsScaled(kernel) ? "float scale, " : "") + (UsesTable(kernel) ? "ref float table, " : "float value, ") +
        "ref float destination, " + features.NUInt + " count";

    private static string Summary(Kernel kernel) =>
        "destination[i] = source[i]" + (IsScaled(kernel) ? " * scale" : "") + " + " + (UsesTable(kernel) ? "table[i]" : "value") +
        " for i in [0, count); source may be destination";

    private const string AggressiveInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    private static void WriteVectorBody(SourceWriter writer, string vector, int lanes, bool scaled, bool table)
    {
        string v = "global::System.Runtime.Intrinsics." + vector;
        int bytes = lanes * sizeof(float);
        if (scaled) writer.Line("var scales = " + v + ".Create(scale);");
        if (!table) writer.Line("var values = " + v + ".Create(value);");
        writer.Line("var first = " + Sum(v, "0", scaled, table) + ";");
        writer.Line("var last = " + Sum(v, "count - " + lanes, scaled, table) + ";");
        // The address only chooses where the aligned run starts: if the GC moves the buffer
        // meanwhile the stores are merely unaligned, never wrong.
        writer.Line("nuint i = (nuint)(-" + U + ".ByteOffset(ref " + U + ".NullRef<float>(), ref destination) & " + (bytes - 1) + ") / sizeof(float);");
        using (writer.Block("for (; i + " + (lanes * Unroll) + " <= count; i += " + (lanes * Unroll) + ")"))
        {
            for (int u = 0; u < Unroll; u++)
                writer.Line("var v" + u + " = " + Sum(v, Offset(u * lanes), scaled, table) + ";");
            for (int u = 0; u < Unroll; u++)
                writer.Line(v + ".StoreUnsafe(v" + u + ", ref destination, " + Offset(u * lanes) + ");");
        }
        using (writer.Block("for (; i + " + lanes + " <= count; i += " + lanes + ")"))
            writer.Line(v + ".StoreUnsafe(" + Sum(v, "i", scaled, table) + ", ref destination, i);");
        writer.Line(v + ".StoreUnsafe(last, ref destination, count - " + lanes + ");");
        writer.Line(v + ".StoreUnsafe(first, ref destination);");
    }

    private static string Offset(int elements) => elements == 0 ? "i" : "i + " + elements;

    private static string Sum(string v, string index, bool scaled, bool table)
    {
        string at = index == "0" ? "" : ", " + index;
        string load = v + ".LoadUnsafe(ref source" + at + ")" + (scaled ? " * scales" : "");
        string encoding = table ? v + ".LoadUnsafe(ref table" + at + ")" : "values";
        return load + " + " + encoding;
    }

    /// <summary>The kernels of the families in <paramref name="use"/>.</summary>
    public static Kernel[] For(KernelUse use) =>
        (use.Table ? new[] { Kernel.AddTable, Kernel.ScaleAddTable } : new Kernel[0])
        .Concat(use.Value ? new[] { Kernel.AddValue, Kernel.ScaleAddValue } : new Kernel[0]).ToArray();

    /// <summary>The kernels a scheme's methods call.</summary>
    public static Kernel[] For(EncodingSpec spec) => spec.HasTable
        ? new[] { Kernel.AddTable, Kernel.ScaleAddTable }
        : new[] { Kernel.AddValue, Kernel.ScaleAddValue };
}
