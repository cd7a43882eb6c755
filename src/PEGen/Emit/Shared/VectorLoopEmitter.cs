using PEGen.Model;

namespace PEGen.Emit.Shared;

/// <summary>
/// Writes one kernel's loop at one vector width, as a member of the shared helper class. It works
/// like TensorPrimitives: the first and last vectors are computed before any store, the stores in
/// between start at the destination's first vector-size boundary (a misaligned store splits a
/// cache line), eight vectors per step with the loads first, and the two end vectors are stored
/// last. That covers any count of at least one vector with no scalar tail, and stays right in
/// place (source is destination) because no value is read after its own slot has been written.
/// </summary>
internal static class VectorLoopEmitter
{
    private const int Unroll = 8;

    /// <summary>Writes the shared loop of one kernel at one vector width (a member of the shared class).</summary>
    public static void Write(SourceWriter writer, Kernel kernel, string vector, int lanes, TargetFeatures features)
    {
        writer.Line("/// <summary>" + KernelEmitter.Summary(kernel) + "; count is at least " + lanes + ".</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        string parameters = KernelEmitter.Parameters(kernel, features, ElementTypes.Default);
        using (writer.Block("internal static void " + KernelEmitter.WidthMethodName(kernel, vector) + "(" + parameters + ")"))
            WriteVectorBody(writer, vector, lanes, KernelEmitter.IsScaled(kernel), KernelEmitter.UsesTable(kernel));
        writer.Line();
    }

    private static void WriteVectorBody(SourceWriter writer, string v, int lanes, bool scaled, bool table)
    {
        int bytes = lanes * sizeof(float);
        if (scaled) writer.Line("var scales = " + v + ".Create(scale);");
        if (!table) writer.Line("var values = " + v + ".Create(value);");
        writer.Line("// The first and last vector are computed now and stored at the end, so the run in");
        writer.Line("// between can start at an aligned address and no scalar tail is needed.");
        writer.Line("var first = " + Sum(v, "0", scaled, table) + ";");
        writer.Line("var last = " + Sum(v, "count - " + lanes, scaled, table) + ";");
        writer.Line("// Skip to the destination's first " + bytes + "-byte boundary: aligned stores never split a cache line.");
        writer.Line("// The address only chooses where the aligned run starts: if the GC moves the buffer");
        writer.Line("// meanwhile the stores are merely unaligned, never wrong.");
        writer.Line("nuint i = (nuint)" + GridOffset.FloatsTo(GridOffset.Address("destination", "Unsafe"), bytes) + ";");
        writer.Line("// Eight vectors per step, all loads before the stores, so in place (source is");
        writer.Line("// destination) no load reads a value this step already wrote.");
        using (writer.Block("for (; i + " + (lanes * Unroll) + " <= count; i += " + (lanes * Unroll) + ")"))
        {
            for (int u = 0; u < Unroll; u++)
                writer.Line("var v" + u + " = " + Sum(v, Offset(u * lanes), scaled, table) + ";");
            for (int u = 0; u < Unroll; u++)
                writer.Line(v + ".StoreUnsafe(v" + u + ", ref destination, " + Offset(u * lanes) + ");");
        }
        using (writer.Block("for (; i + " + lanes + " <= count; i += " + lanes + ")"))
            writer.Line(v + ".StoreUnsafe(" + Sum(v, "i", scaled, table) + ", ref destination, i);");
        writer.Line("// The end vectors last: they may overlap the run, and hold the values read before it.");
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
}
