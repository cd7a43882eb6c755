using System.Collections.Generic;
using System.Globalization;
using PEGen.Emit;
using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Families.Grid2D;

/// <summary>
/// The sources of a <c>[PositionalEncoding2D]</c> class: the members file (constants, views, the span methods) and the
/// data file (the whole grid, or with <c>Storage = Compact</c> its two 1-D factor tables). Every method adds through
/// the shared <c>AddTable</c> kernel, as the 1-D classes do: Full over contiguous table rows, Compact over the two
/// halves of each row (the column factor, then the row factor), so both give the same bits.
/// </summary>
internal static class Grid2DEmitter
{
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string T = "float";

    public const string TableData = "__PEGen_TableBits";
    public const string ColumnData = "__PEGen_ColumnFactorBits";
    public const string RowData = "__PEGen_RowFactorBits";
    public const string Columns = "__PEGen_ColumnFactors";
    public const string PatchRows = "__PEGen_RowFactors";
    public const string Half = "__PEGen_Half";
    public const string AddRows = "__PEGen_AddRows";
    public const string AddPatch = "__PEGen_AddPatch";
    public const string ThrowWindowLength = "__PEGen_ThrowWindowLength";

    private static readonly string AddTable = KernelEmitter.NameOf(Kernel.AddTable);
    private static readonly string AddValue = KernelEmitter.NameOf(Kernel.AddValue);

    public static IReadOnlyList<GeneratedFile> Emit(Grid2DSpec spec, TargetFeatures features) => new[]
    {
        new GeneratedFile(HintNames.For(spec.MetadataName, "PositionalEncoding2D"), EmitMembers(spec, features)),
        new GeneratedFile(HintNames.For(spec.MetadataName, "Table"), EmitData(spec, features)),
    };

    // ---------------------------------------------------------------- docs

    private const string Reference = "MAE's get_2d_sincos_pos_embed (He et al., Masked Autoencoders, 2021)";
    private const string Layout = "row ExtraTokens + r * GridWidth + c is patch (r, c); the rows before are zeros";
    private const string Formula = "[sin(x_c w) | cos(x_c w) | sin(y_r w) | cos(y_r w)], w_k = Base^(-k/(Dim/4))";
    private const string Arithmetic = "numpy float64 (pow, product, sin, cos correctly rounded), one rounding to float32";

    private static string Positions(Grid2DSpec spec) => spec.BaseSize == 0
        ? "x_c = c, y_r = r (the patch indices)"
        : "diffusers' float32 x_c = c / (GridWidth / BaseSize) / InterpolationScale, y_r likewise";

    private static string Scaling(Grid2DSpec spec) =>
        "BaseSize = " + Real(spec.BaseSize) + ", InterpolationScale = " + Real(spec.InterpolationScale);

    private static void Header(SourceWriter writer, Grid2DSpec spec, string part)
    {
        writer.Line(ClassShell.FileHeader);
        writer.Line("// " + GeneratorInfo.Name + " " + GeneratorInfo.Version + ": " + part + " of " + spec.MetadataName + ".");
        writer.Line("//   Encoding:   2-D sin-cos grid, " + Reference);
        writer.Line("//   Rows:       " + Layout);
        writer.Line("//   Formula:    " + Formula);
        writer.Line("//   Positions:  " + Positions(spec));
        if (spec.BaseSize != 0)
            writer.Line("//               with " + Scaling(spec));
        writer.Line("//   Arithmetic: " + Arithmetic + ",");
        writer.Line("//               identical on every host");
        writer.Line("//   Shape:      " + Int(spec.ExtraTokens) + " extra + " + Int(spec.GridHeight) + " x " + Int(spec.GridWidth) + " patches = MaxLen " +
                    Int(spec.Rows) + " rows x Dim = " + Int(spec.Dim) + ", Base = " + Real(spec.Base));
        writer.Line("//   Data:       " + TableDataEmitter.FormatCount(spec.DataElements * 4) + " bytes of constant data" +
                    (spec.IsCompact ? " (Storage = Compact): the column factors" : ""));
        if (spec.IsCompact)
            writer.Line("//               [GridWidth x Dim/2] and row factors [GridHeight x Dim/2]; a row is the two side by side");
        writer.Line();
    }

    private static void Remarks(SourceWriter writer, Grid2DSpec spec, params string[] notes)
    {
        writer.Line("/// <remarks>");
        MemberDocs.Wrapped(writer, "para", "2-D sin-cos grid: " + Xml(Reference) + ".");
        MemberDocs.Wrapped(writer, "para", "Patch (r, c) is table row ExtraTokens + r * GridWidth + c: " + Xml(Formula) + "; " +
                                           Xml(Positions(spec)) + (spec.BaseSize != 0 ? ", " + Scaling(spec) : "") +
                                           ". The ExtraTokens rows before the patches are zeros.");
        MemberDocs.Wrapped(writer, "para", "Arithmetic: " + Xml(Arithmetic) + ", identical on every host.");
        foreach (var note in notes)
            MemberDocs.Wrapped(writer, "para", note);
        writer.Line("/// </remarks>");
    }

    private static void Summary(SourceWriter writer, Grid2DSpec spec, string summary, params string[] notes)
    {
        MemberDocs.Wrapped(writer, "summary", summary);
        Remarks(writer, spec, notes);
    }

    // ---------------------------------------------------------------- members

    private static string EmitMembers(Grid2DSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter();
        Header(writer, spec, "members");
        using (ClassShell.Open(writer, spec.Namespace, spec.Types))
        {
            Constants(writer, spec);
            if (!spec.IsCompact)
                TableAccess(writer, spec, features);
            CopyRows(writer, spec, features);
            AddMethods(writer, spec, features);
            Window(writer, spec, features);
            if (spec.IsCompact)
                CompactHelpers(writer, spec, features);
            WindowThrow(writer);
            // Compact passes half rows: a multiple of Dim/2 is what the kernel may assume.
            KernelEmitter.Write(writer, Kernel.AddTable, spec.IsCompact ? spec.Half : spec.Dim, features, ElementType.Float32);
            if (spec.IsCompact && spec.ExtraTokens > 0)
                KernelEmitter.Write(writer, Kernel.AddValue, spec.Dim, features, ElementType.Float32);
        }
        return writer.ToString();
    }

    private static void Constant(SourceWriter writer, string summary, string name, string value)
    {
        MemberDocs.Wrapped(writer, "summary", summary);
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        writer.Line("public const int " + name + " = " + value + ";");
        writer.Line();
    }

    private static void Constants(SourceWriter writer, Grid2DSpec spec)
    {
        Constant(writer, "Values per patch: " + Int(spec.Dim) + ", the sin and cos of the column, then of the row, Dim/4 = " +
                         Int(spec.Dim / 4) + " frequencies each.", "Dim", Int(spec.Dim));
        Constant(writer, "Patch rows of the grid: " + Int(spec.GridHeight) + ".", "GridHeight", Int(spec.GridHeight));
        Constant(writer, "Patch columns of the grid: " + Int(spec.GridWidth) + ".", "GridWidth", Int(spec.GridWidth));
        Constant(writer, "Zero rows before the patches (a cls token's): " + Int(spec.ExtraTokens) + ".", "ExtraTokens", Int(spec.ExtraTokens));
        Constant(writer, "Table rows: ExtraTokens + GridHeight * GridWidth = " + Int(spec.Rows) +
                         ". Row ExtraTokens + r * GridWidth + c is patch (r, c); the rows before are zeros.", "MaxLen", Int(spec.Rows));
        if (spec.IsCompact)
        {
            writer.Line("// Values of one factor row: the sin and cos of one coordinate.");
            writer.Line("private const int " + Half + " = Dim / 2;");
            writer.Line();
        }
    }

    private static void TableAccess(SourceWriter writer, Grid2DSpec spec, TargetFeatures features)
    {
        string dataKind = features.DataForm == DataForm.RvaSpan
            ? "constant data in the assembly: reading it computes nothing and allocates nothing"
            : "constant data copied once into a static array when the class is first used";
        Summary(writer, spec, "The encoding table, row-major [MaxLen x Dim]: the ExtraTokens zero rows, then patch (r, c) in row " +
                              "ExtraTokens + r * GridWidth + c. It is " + dataKind + ".");
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        using (writer.Block("public static global::System.ReadOnlySpan<" + T + "> Table"))
        {
            writer.Line(TargetSyntax.AggressiveInlining);
            writer.Lines("get => " + DataView.Of(TableData, "Dim * MaxLen", ElementType.Float32, features, odd: false) + ";");
        }
        writer.Line();

        MemberDocs.Wrapped(writer, "summary", "One row of the table: <c>Dim</c> values, a view into <see cref=\"Table\"/>.");
        Remarks(writer, spec);
        MemberDocs.Signature(writer, Grid2DMembers.Row, ElementType.Float32, features);
        using (writer.Block(""))
        {
            writer.Line("if ((uint)index >= (uint)MaxLen)");
            writer.Line("    " + GuardHelpersEmitter.Call(GuardHelpersEmitter.ThrowPosition) + "(\"index\", index, MaxLen);");
            writer.Line("return Table.Slice(index * Dim, Dim);");
        }
        writer.Line();

        MemberDocs.Wrapped(writer, "summary",
            "The encoding of patch (<paramref name=\"patchRow\"/>, <paramref name=\"patchColumn\"/>): table row " +
            "ExtraTokens + patchRow * GridWidth + patchColumn, a view into <see cref=\"Table\"/>.");
        Remarks(writer, spec);
        MemberDocs.Signature(writer, Grid2DMembers.PatchRow, ElementType.Float32, features);
        using (writer.Block(""))
        {
            writer.Line("if ((uint)patchRow >= (uint)GridHeight)");
            writer.Lines("    " + OutOfRange("patchRow", "patchRow must be in [0, GridHeight) = [0, " + Int(spec.GridHeight) + ")."));
            writer.Line("if ((uint)patchColumn >= (uint)GridWidth)");
            writer.Lines("    " + OutOfRange("patchColumn", "patchColumn must be in [0, GridWidth) = [0, " + Int(spec.GridWidth) + ")."));
            writer.Line("return Table.Slice((ExtraTokens + patchRow * GridWidth + patchColumn) * Dim, Dim);");
        }
        writer.Line();
    }

    // One line per argument past the call, so no line runs long (write it with SourceWriter.Lines).
    private static string OutOfRange(string argument, string message) =>
        GuardHelpersEmitter.Call(GuardHelpersEmitter.ThrowOutOfRange) + "(\n        \"" + argument + "\", " + argument + ",\n        \"" + message + "\");";

    private static void CopyRows(SourceWriter writer, Grid2DSpec spec, TargetFeatures features)
    {
        Summary(writer, spec,
            "Writes table rows <paramref name=\"startPosition\"/> onwards to <paramref name=\"destination\"/>: destination.Length / Dim " +
            "whole rows, row r the encoding of table row startPosition + r" +
            (spec.IsCompact ? ", assembled from the column and row factors." : ", copied from Table."));
        MemberDocs.Signature(writer, GeneratedMembers.CopyRows, ElementType.Float32, features);
        using (writer.Block(""))
        {
            writer.Line("int rows = " + GuardHelpersEmitter.Call(GuardHelpersEmitter.Rows) + "(destination.Length, Dim, startPosition, MaxLen, \"destination\");");
            if (!spec.IsCompact)
            {
                writer.Line("Table.Slice(startPosition * Dim, rows * Dim).CopyTo(destination);");
            }
            else
            {
                writer.Line("var columns = " + Columns + ";");
                writer.Line("var patchRows = " + PatchRows + ";");
                using (writer.Block("for (int r = 0; r < rows; r++)"))
                {
                    writer.Line("var row = destination.Slice(r * Dim, Dim);");
                    writer.Line("int patch = startPosition + r - ExtraTokens;");
                    if (spec.ExtraTokens > 0)
                    {
                        using (writer.Block("if (patch < 0)"))
                        {
                            writer.Line("row.Clear();");
                            writer.Line("continue;");
                        }
                    }
                    writer.Line("columns.Slice(patch % GridWidth * " + Half + ", " + Half + ").CopyTo(row);");
                    writer.Line("patchRows.Slice(patch / GridWidth * " + Half + ", " + Half + ").CopyTo(row.Slice(" + Half + "));");
                }
            }
        }
        writer.Line();
    }

    private static void AddMethods(SourceWriter writer, Grid2DSpec spec, TargetFeatures features)
    {
        string rowsCheck = "int rows = " + GuardHelpersEmitter.Call(GuardHelpersEmitter.Rows) + "(embeddings.Length, Dim, startPosition, MaxLen, \"embeddings\");";
        string note = spec.IsCompact
            ? "Each row is added in two halves, the column factor then the row factor, with the kernel Full uses: the same sums as Full's table rows."
            : "";
        Summary(writer, spec,
            "Adds the encoding to a block of embeddings in place: row r of <paramref name=\"embeddings\"/> gets table row " +
            "<paramref name=\"startPosition\"/> + r added to it (startPosition 0: the extra tokens first, then the patches row by row).",
            spec.IsCompact ? new[] { note } : new string[0]);
        MemberDocs.Signature(writer, Grid2DMembers.AddTo, ElementType.Float32, features);
        using (writer.Block(""))
        {
            writer.Line(rowsCheck);
            writer.Line("ref " + T + " data = ref " + M + ".GetReference(embeddings);");
            ContiguousAdd(writer, spec, features, "data", "data");
        }
        writer.Line();

        Summary(writer, spec,
            "Writes embeddings + encoding to <paramref name=\"destination\"/>: row r is row r of <paramref name=\"embeddings\"/> " +
            "plus table row <paramref name=\"startPosition\"/> + r.",
            spec.IsCompact ? new[] { note } : new string[0]);
        MemberDocs.Signature(writer, GeneratedMembers.Add, ElementType.Float32, features);
        using (writer.Block(""))
        {
            writer.Line(rowsCheck);
            writer.Line(GuardHelpersEmitter.Call(GuardHelpersEmitter.CheckDestination) + "(embeddings, destination);");
            writer.Line("ref " + T + " source = ref " + M + ".GetReference(embeddings);");
            writer.Line("ref " + T + " target = ref " + M + ".GetReference(destination);");
            ContiguousAdd(writer, spec, features, "source", "target");
        }
        writer.Line();
    }

    // The 1-D AddTo's body (EncodingAccess.WriteContiguousAdd): one flat kernel call over rows * Dim.
    private static void ContiguousAdd(SourceWriter writer, Grid2DSpec spec, TargetFeatures features, string source, string destination)
    {
        if (spec.IsCompact)
        {
            writer.Line(AddRows + "(ref " + source + ", ref " + destination + ", startPosition, rows);");
            return;
        }
        writer.Line("ref " + T + " table = ref " + U + ".Add(");
        writer.Line("    ref " + M + ".GetReference(Table), (" + features.NInt() + ")startPosition * Dim);");
        writer.Line("if (rows == 1)");
        writer.Line("    " + AddTable + "(ref " + source + ", ref table, ref " + destination + ", Dim);");
        writer.Line("else");
        writer.Line("    " + AddTable + "(ref " + source + ", ref table, ref " + destination + ", (" + features.NUInt() + ")rows * Dim);");
    }

    private static void Window(SourceWriter writer, Grid2DSpec spec, TargetFeatures features)
    {
        string n = features.NInt();
        Summary(writer, spec,
            "Adds the encodings of a window of the grid to patch embeddings in place: row i * patchColumns + j of " +
            "<paramref name=\"patches\"/> gets the encoding of patch (<paramref name=\"top\"/> + i, <paramref name=\"left\"/> + j). " +
            "No extra tokens: the span holds patches only. SD3's centre crop of its pos_embed_max_size grid is " +
            "top = (GridHeight - patchRows) / 2, left = (GridWidth - patchColumns) / 2.",
            spec.IsCompact
                ? "Each patch is added in two halves, the column factor then the row factor, with the kernel Full uses."
                : "Each window row is one contiguous run of the table, added with one kernel call.");
        MemberDocs.Signature(writer, Grid2DMembers.AddWindowTo, ElementType.Float32, features);
        using (writer.Block(""))
        {
            writer.Line("if ((uint)patchRows > (uint)GridHeight)");
            writer.Lines("    " + OutOfRange("patchRows", "patchRows must be in [0, GridHeight] = [0, " + Int(spec.GridHeight) + "]."));
            writer.Line("if ((uint)patchColumns > (uint)GridWidth)");
            writer.Lines("    " + OutOfRange("patchColumns", "patchColumns must be in [0, GridWidth] = [0, " + Int(spec.GridWidth) + "]."));
            writer.Line("if ((uint)top > (uint)(GridHeight - patchRows))");
            writer.Lines("    " + OutOfRange("top", "top must be in [0, GridHeight - patchRows]: the window's rows must lie inside the grid."));
            writer.Line("if ((uint)left > (uint)(GridWidth - patchColumns))");
            writer.Lines("    " + OutOfRange("left", "left must be in [0, GridWidth - patchColumns]: the window's columns must lie inside the grid."));
            writer.Line("long needed = (long)patchRows * patchColumns * Dim;");
            writer.Line("if (patches.Length != needed)");
            writer.Line("    " + ThrowWindowLength + "(patches.Length, needed);");
            writer.Line("if (needed == 0)");
            writer.Line("    return;");
            writer.Line("ref " + T + " data = ref " + M + ".GetReference(patches);");
            if (!spec.IsCompact)
            {
                writer.Line("ref " + T + " table = ref " + M + ".GetReference(Table);");
                writer.Line("int run = patchColumns * Dim;");
                using (writer.Block("for (int i = 0; i < patchRows; i++)"))
                {
                    writer.Line("ref " + T + " row = ref " + U + ".Add(ref data, (" + n + ")i * run);");
                    writer.Line(AddTable + "(");
                    writer.Line("    ref row,");
                    writer.Line("    ref " + U + ".Add(ref table, ((" + n + ")ExtraTokens + (" + n + ")(top + i) * GridWidth + left) * Dim),");
                    writer.Line("    ref row,");
                    writer.Line("    (" + features.NUInt() + ")run);");
                }
            }
            else
            {
                using (writer.Block("for (int i = 0; i < patchRows; i++)"))
                {
                    using (writer.Block("for (int j = 0; j < patchColumns; j++)"))
                    {
                        writer.Line("ref " + T + " row = ref " + U + ".Add(ref data, ((" + n + ")i * patchColumns + j) * Dim);");
                        writer.Line(AddPatch + "(ref row, ref row, top + i, left + j);");
                    }
                }
            }
        }
        writer.Line();
    }

    private static void WindowThrow(SourceWriter writer)
    {
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        using (writer.Block("private static void " + ThrowWindowLength + "(int length, long needed)"))
        {
            writer.Line("throw new global::System.ArgumentException(");
            writer.Line("    \"The span holds \" + length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) +");
            writer.Line("    \" floats; a window of patchRows x patchColumns patches of Dim floats is \" +");
            writer.Line("    needed.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\",");
            writer.Line("    \"patches\");");
        }
        writer.Line();
    }

    private static void CompactHelpers(SourceWriter writer, Grid2DSpec spec, TargetFeatures features)
    {
        string n = features.NInt();
        writer.Line("/// <summary>The column factors, row-major [GridWidth x Dim/2]: row c is [sin(x_c w) | cos(x_c w)].</summary>");
        using (writer.Block("private static global::System.ReadOnlySpan<" + T + "> " + Columns))
        {
            writer.Line(TargetSyntax.AggressiveInlining);
            writer.Lines("get => " + DataView.Of(ColumnData, "GridWidth * " + Half, ElementType.Float32, features, odd: false) + ";");
        }
        writer.Line();
        writer.Line("/// <summary>The row factors, row-major [GridHeight x Dim/2]: row r is [sin(y_r w) | cos(y_r w)].</summary>");
        using (writer.Block("private static global::System.ReadOnlySpan<" + T + "> " + PatchRows))
        {
            writer.Line(TargetSyntax.AggressiveInlining);
            writer.Lines("get => " + DataView.Of(RowData, "GridHeight * " + Half, ElementType.Float32, features, odd: false) + ";");
        }
        writer.Line();

        writer.Line("/// <summary>destination = source + the encoding of patch (row, column): the column factor, then the row factor.</summary>");
        writer.Line(TargetSyntax.AggressiveInlining);
        using (writer.Block("private static void " + AddPatch + "(ref " + T + " source, ref " + T + " destination, int row, int column)"))
        {
            writer.Line("ref " + T + " columnFactor = ref " + U + ".Add(");
            writer.Line("    ref " + M + ".GetReference(" + Columns + "), (" + n + ")column * " + Half + ");");
            writer.Line("ref " + T + " rowFactor = ref " + U + ".Add(");
            writer.Line("    ref " + M + ".GetReference(" + PatchRows + "), (" + n + ")row * " + Half + ");");
            writer.Line(AddTable + "(ref source, ref columnFactor, ref destination, " + Half + ");");
            writer.Line(AddTable + "(");
            writer.Line("    ref " + U + ".Add(ref source, " + Half + "),");
            writer.Line("    ref rowFactor,");
            writer.Line("    ref " + U + ".Add(ref destination, " + Half + "),");
            writer.Line("    " + Half + ");");
        }
        writer.Line();

        writer.Line("/// <summary>destination rows = source rows + table rows startPosition onwards, assembled from the factors.</summary>");
        using (writer.Block("private static void " + AddRows + "(ref " + T + " source, ref " + T + " destination, int startPosition, int rows)"))
        {
            writer.Line("int r = 0;");
            if (spec.ExtraTokens > 0)
            {
                writer.Line("// The extra tokens' rows are zeros: x + 0f, as Full adds them (-0 becomes +0).");
                using (writer.Block("if (startPosition < ExtraTokens)"))
                {
                    writer.Line("r = global::System.Math.Min(ExtraTokens - startPosition, rows);");
                    writer.Line(AddValue + "(ref source, 0f, ref destination, (" + features.NUInt() + ")r * Dim);");
                }
            }
            writer.Line("int patch = startPosition + r - ExtraTokens;");
            writer.Line("int row = patch / GridWidth, column = patch % GridWidth;");
            using (writer.Block("for (; r < rows; r++)"))
            {
                writer.Line(n + " at = (" + n + ")r * Dim;");
                writer.Line(AddPatch + "(");
                writer.Line("    ref " + U + ".Add(ref source, at),");
                writer.Line("    ref " + U + ".Add(ref destination, at),");
                writer.Line("    row,");
                writer.Line("    column);");
                using (writer.Block("if (++column == GridWidth)"))
                {
                    writer.Line("column = 0;");
                    writer.Line("row++;");
                }
            }
        }
        writer.Line();
    }

    // ---------------------------------------------------------------- data

    private static string EmitData(Grid2DSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter(capacity: (int)System.Math.Min(int.MaxValue / 4, spec.DataElements * 11 + 4096));
        Header(writer, spec, "table data");
        if (features.HasNullableDirective)
        {
            // Nullable analysis would otherwise visit every literal: ~1.5 s per MiB of table.
            writer.Line("#nullable disable");
            writer.Line();
        }
        bool rva = features.DataForm == DataForm.RvaSpan;
        using (ClassShell.Open(writer, spec.Namespace, spec.Types))
        {
            writer.Line("// Float32 bit patterns, two per ulong: the low half is the even index.");
            if (spec.IsCompact)
            {
                writer.Line("// Column factors [GridWidth x Dim/2].");
                TableDataEmitter.Write(writer, ColumnData, Grid2DTable.ColumnFactors(spec), rva);
                writer.Line();
                writer.Line("// Row factors [GridHeight x Dim/2].");
                TableDataEmitter.Write(writer, RowData, Grid2DTable.RowFactors(spec), rva);
            }
            else
            {
                TableDataEmitter.Write(writer, TableData, Grid2DTable.Build(spec), rva);
            }
        }
        return writer.ToString();
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
