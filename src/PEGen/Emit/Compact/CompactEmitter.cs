using System.Globalization;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Schemes.Compact;

namespace PEGen.Emit.Compact;

/// <summary>
/// A compact class's own part of <c>TableStorage.Compact</c>: its factors in the table file, and in the members file
/// the private method that computes rows of consecutive positions through the shared <see cref="CompactKernelEmitter"/>
/// kernel. Every public method reaches the encoding only through that method.
/// </summary>
internal static class CompactEmitter
{
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>
    /// The rotary rows method: <c>(int position, int count, Span cos, Span sin[, bool useShort])</c>, rows of
    /// RotaryDim/2 values each, back to back.
    /// </summary>
    public const string CosSinRows = "__PEGen_CosSinRows";

    /// <summary>
    /// The additive rows method: <c>(int position, int count, Span rows)</c>, <c>count</c> rows of Dim back to back,
    /// the rows Full's Table would hold.
    /// </summary>
    public const string EncodingRows = "__PEGen_EncodingRows";

    /// <summary>
    /// Rows a caller computes at a time into a stack buffer (the rest of its loop then reads them as Full's table rows):
    /// enough to spread the kernel's per-call cost and its upper-level products over several rows, while the buffer
    /// (at most 2,048 values, 8 KiB) stays well inside the first-level cache next to the kernel's own reads (4,096
    /// measured slower for AddTo at Dim 512).
    /// </summary>
    public static int RowsPerBlock(int rowValues) => System.Math.Max(1, System.Math.Min(32, 2048 / System.Math.Max(1, rowValues)));

    /// <summary>
    /// Declares <c>Block</c> (<paramref name="block"/> rows per kernel call) and one stack buffer per name of up to
    /// <c>Block</c> rows (fewer when the call has fewer, <paramref name="rows"/>) of <paramref name="rowValues"/> values.
    /// </summary>
    public static void WriteBlockBuffers(SourceWriter writer, string type, int block, string rows, string rowValues, params string[] names) =>
        writer.Lines(BlockBuffers(type, block, rows, rowValues, names));

    /// <summary><see cref="WriteBlockBuffers"/>'s lines, for emitters that write raw strings.</summary>
    public static string BlockBuffers(string type, int block, string rows, string rowValues, params string[] names)
    {
        var text = new System.Text.StringBuilder("const int Block = " + block.ToString(CultureInfo.InvariantCulture) + ";");
        foreach (string name in names)
            text.Append("\nglobal::System.Span<" + type + "> " + name + " = stackalloc " + type + "[global::System.Math.Min(" + rows + ", Block) * " + rowValues + "];");
        return text.ToString();
    }

    /// <summary>Values of a row a compact class computes on the stack at most (PEG010 beyond).</summary>
    public const int MaximumRowValues = 8192;

    private const string Factors = "__PEGen_CompactFactors";
    private const string Bits = "__PEGen_CompactBits";
    private const string ShortFactors = "__PEGen_ShortCompactFactors";
    private const string ShortBits = "__PEGen_ShortCompactBits";
    private const string Inverse = "__PEGen_CompactInverse";
    private const string Quotient = "__PEGen_CompactQuotient";

    /// <summary>Writes the factors (table file).</summary>
    public static void WriteData(SourceWriter writer, EncodingSpec spec, bool rva)
    {
        var tables = spec.Definition.BuildCompact(spec);
        WriteTable(writer, Factors, Bits, tables.Main, rva);
        if (tables.Short is { } shortTable)
        {
            writer.Line();
            WriteTable(writer, ShortFactors, ShortBits, shortTable, rva);
        }
        if (spec.Family == SchemeFamily.Rotary) return;
        if (tables.Main.Inverse is { } inverse)
        {
            writer.Line();
            TableDataEmitter.Write(writer, Inverse, inverse, rva);
        }
        if (tables.Main.Quotient is { } quotient)
        {
            writer.Line();
            TableDataEmitter.WriteDoubles(writer, Quotient, quotient, rva);
        }
    }

    /// <summary>
    /// An additive declaration whose Dim leaves no sin/cos pair (TensorToTensor with Dim = 1: one zero column): no
    /// factors to build (its shape is empty, so there is no table file), and a rows method that writes zeros, as Full's
    /// table holds.
    /// </summary>
    private static bool NoFrequency(EncodingSpec spec) =>
        spec.Family != SchemeFamily.Rotary && spec.Definition.FrequencyCount(spec.Dim) == 0;

    private static void WriteTable(SourceWriter writer, string factors, string bits, CompactTable table, bool rva)
    {
        writer.Line("// Compact factors: " + Describe(table) + ".");
        TableDataEmitter.WriteDoubles(writer, factors, table.BuildFactors(), rva);
        TableDataEmitter.WriteInts(writer, bits, System.Linq.Enumerable.ToArray(table.Levels.Bits), rva);
    }

    /// <summary>The levels of a compact table, as the header and the comments show them.</summary>
    private static string Describe(CompactTable table)
    {
        var digits = table.Levels.Digits();
        return "float64 [cos | sin] rows for the digits of positions in bases " +
               string.Join(" x ", System.Array.ConvertAll(digits, d => d.ToString(CultureInfo.InvariantCulture))) +
               " (lowest first), " + table.Levels.Rows.ToString("N0", CultureInfo.InvariantCulture) + " rows";
    }

    // A rotary row holds RotaryDim / 2 angles (n and stride of the kernel), scaled by the attention factor.
    private const string Half = "RotaryDim / 2";
    private const string Scale = "(float)AttentionFactor";

    /// <summary>The rotary rows method (members file); the inverse frequencies are InverseFrequencies' data.</summary>
    public static void WriteRotaryRows(SourceWriter writer, EncodingSpec spec)
    {
        var tables = spec.Definition.BuildCompact(spec);
        bool longRope = tables.Short is not null;
        writer.Line("// Cos/Sin's rows of count positions from position on (Full storage's entries, or 1 ulp from them),");
        writer.Line("// computed from the compact factors: row r at r * (RotaryDim / 2) of cos and sin.");
        writer.Line(TargetSyntax.AggressiveInlining);
        writer.Line("private static void " + CosSinRows + "(int position, int count, global::System.Span<float> cos, global::System.Span<float> sin" +
                    (longRope ? ", bool " + Rotary.LongRopeSwitch.Flag : "") + ")");
        using (writer.Block(""))
        {
            if (longRope)
            {
                using (writer.Block("if (" + Rotary.LongRopeSwitch.Flag + ")"))
                {
                    writer.Lines(Call(ShortFactors, ShortBits, tables.Short!, Half, Half, "ShortInverseFrequencies", "default", Scale, "cos, sin"));
                    writer.Line("return;");
                }
            }
            writer.Lines(Call(Factors, Bits, tables.Main, Half, Half, "InverseFrequencies", "default", Scale, "cos, sin"));
        }
        writer.Line();
    }

    /// <summary>The additive rows method (members file): the kernel's sin/cos, placed where the layout says.</summary>
    public static void WriteAdditiveRows(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        if (NoFrequency(spec))
        {
            writer.Line("// Table's rows from position on: Dim = " + spec.Dim.ToString(CultureInfo.InvariantCulture) + " leaves no frequency, every entry is 0.");
            writer.Line("private static void " + EncodingRows + "(int position, int count, global::System.Span<float> rows) =>");
            writer.Line("    rows.Slice(0, count * Dim).Clear();");
            writer.Line();
            return;
        }
        var table = spec.Definition.BuildCompact(spec).Main;
        var columns = ColumnLayout.For(spec.Definition.Layout, spec.Definition.OddDimension, spec.Dim);
        int n = columns.SinColumns.Length;
        string inverse = table.Inverse is null ? "default" : DataView.Of(Inverse, n.ToString(CultureInfo.InvariantCulture), spec, features, n % 2 == 1);
        string quotient = table.Quotient is null ? "default" : M + ".Cast<ulong, double>(" + Quotient + ")";
        bool interleaved = true, halves = true;
        for (int k = 0; k < n; k++)
        {
            interleaved &= columns.SinColumns[k] == 2 * k && columns.CosColumns[k] == 2 * k + 1;
            halves &= columns.SinColumns[k] == k && columns.CosColumns[k] == n + k;
        }
        bool padded = 2 * n != spec.Dim;
        writer.Line("// Table's rows of count positions from position on (Full storage's entries, or 1 ulp from them), computed");
        writer.Line("// from the compact factors: row r at r * Dim of rows.");
        writer.Line("private static void " + EncodingRows + "(int position, int count, global::System.Span<float> rows)");
        using (writer.Block(""))
        {
            writer.Line("const int N = " + n.ToString(CultureInfo.InvariantCulture) + ";");
            writer.Line("if (count == 0)");
            writer.Line("    return;");
            if (halves)
            {
                writer.Line("// Halves: sin(p theta_k) at k, cos at N + k, straight into the rows.");
                writer.Lines(Call(Factors, Bits, table, "N", "Dim", inverse, quotient, "1f", "rows.Slice(N), rows"));
            }
            else if (interleaved)
            {
                writer.Line("// Interleaved: sin(p theta_k) at 2k, cos at 2k + 1, straight into the rows.");
                writer.Lines(Call(Factors, Bits, table, "N", "Dim", inverse, quotient, "1f", "rows, rows", interleaved: true));
            }
            else
            {
                WriteBlockBuffers(writer, "float", RowsPerBlock(n), "count", "N", "sin", "cos");
                writer.Line("global::System.ReadOnlySpan<int> sinColumns = new int[] { " + Join(columns.SinColumns) + " };");
                writer.Line("global::System.ReadOnlySpan<int> cosColumns = new int[] { " + Join(columns.CosColumns) + " };");
                using (writer.Block("for (int r0 = 0; r0 < count; r0 += Block)"))
                {
                    writer.Line("int b = global::System.Math.Min(Block, count - r0);");
                    writer.Lines(Call(Factors, Bits, table, "N", "N", inverse, quotient, "1f", "cos, sin", "position + r0", "b"));
                    using (writer.Block("for (int i = 0; i < b; i++)"))
                    {
                        writer.Line("global::System.Span<float> row = rows.Slice((r0 + i) * Dim, Dim);");
                        using (writer.Block("for (int k = 0; k < N; k++)"))
                        {
                            writer.Line("row[sinColumns[k]] = sin[i * N + k];");
                            writer.Line("if (cosColumns[k] >= 0) row[cosColumns[k]] = cos[i * N + k];");
                        }
                    }
                }
            }
            if (padded)
            {
                var used = new bool[spec.Dim];
                for (int k = 0; k < n; k++)
                {
                    used[columns.SinColumns[k]] = true;
                    if (columns.CosColumns[k] >= 0) used[columns.CosColumns[k]] = true;
                }
                using (writer.Block("for (int r = 0; r < count; r++)"))
                {
                    for (int c = 0; c < spec.Dim; c++)
                    {
                        if (!used[c]) writer.Line("rows[r * Dim + " + c.ToString(CultureInfo.InvariantCulture) + "] = 0f;   // no frequency owns this column");
                    }
                }
            }
            if (spec.Definition.HasPaddingRow && spec.PaddingIndex >= 0)
            {
                writer.Line("const int Padding = " + spec.PaddingIndex.ToString(CultureInfo.InvariantCulture) + ";");
                writer.Line("if ((uint)(Padding - position) < (uint)count)");
                writer.Line("    rows.Slice((Padding - position) * Dim, Dim).Clear();   // the padding row");
            }
        }
        writer.Line();
    }

    private static string Call(string factors, string bits, CompactTable table, string n, string stride, string inverse, string quotient,
        string scale, string outputs, string position = "position", string count = "count", bool interleaved = false) =>
        SharedHelpersEmitterName + "." + CompactKernelEmitter.Method + "<\n    " + CompactKernelEmitter.TypeArguments(table.Arithmetic, interleaved) + ">(\n    " +
        M + ".Cast<ulong, double>(" + factors + "), " + bits + ",\n    " +
        position + ", " + count + ", " + n + ", " + stride + ",\n    " +
        (table.Arithmetic == CompactArithmetic.Float32Angle ? inverse : "default") + ", " + Terms(table) + ",\n    " +
        (table.Arithmetic == CompactArithmetic.Float64Quotient ? quotient : "default") + ", " + scale + ", " + outputs + ");";

    // The Taylor terms per block of 16 frequencies: a constant byte array converted to a span reads the assembly's data
    // (no allocation, on every target framework).
    private static string Terms(CompactTable table)
    {
        if (table.DeltaTerms is not { } terms) return "default";
        var text = new System.Text.StringBuilder("new byte[] { ");
        for (int b = 0; b < terms.Length; b++)
        {
            if (b > 0) text.Append(b % 32 == 0 ? ",\n        " : ", ");
            text.Append(terms[b].ToString(CultureInfo.InvariantCulture));
        }
        return text.Append(" }").ToString();
    }

    private const string SharedHelpersEmitterName = Shared.SharedHelpersEmitter.ClassName;

    private static string Join(int[] values) =>
        string.Join(", ", System.Array.ConvertAll(values, v => v.ToString(CultureInfo.InvariantCulture)));
}
