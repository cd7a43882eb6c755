using System.Collections.Generic;
using PEGen.Emit.Rotary;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit;

/// <summary>
/// Turns a valid spec into sources: the members file (constants and methods, readable) and the
/// table file (constant data only), so a reader of the first is not buried under the second.
/// The members come from the scheme's family; which of them a declaration gets is
/// <see cref="Members.GeneratedMembers.For(EncodingSpec)"/>.
/// </summary>
internal static class EncodingEmitter
{
    public static IReadOnlyList<GeneratedFile> Emit(EncodingSpec spec, TargetFeatures features)
    {
        var files = new List<GeneratedFile>(2)
        {
            new(HintNames.For(spec, "PositionalEncoding"), EmitMembers(spec, features)),
        };
        if (!spec.Shape.IsEmpty)
            files.Add(new GeneratedFile(HintNames.For(spec, "Table"), EmitTable(spec, features)));
        return files;
    }

    private static string EmitMembers(EncodingSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter();
        HeaderEmitter.Write(writer, spec, "members");
        using (ClassShell.Open(writer, spec))
        {
            ConstantsEmitter.Write(writer, spec);
            switch (spec.Family)
            {
                case SchemeFamily.Rotary:
                    RotaryEmitter.Write(writer, spec, features);
                    break;
                default:
                    if (spec.Family == SchemeFamily.AdditiveTable && !spec.IsCompact)
                        TableAccessEmitter.Write(writer, spec, features);
                    if (spec.Family == SchemeFamily.AdditiveTable)
                        CopyRowsEmitter.Write(writer, spec, features);
                    AddMethodsEmitter.Write(writer, spec, features);
                    EmbedEmitter.Write(writer, spec, features);
                    ConcatEmitter.Write(writer, spec, features);
                    if (ShiftEmitter.Applies(spec))
                        ShiftEmitter.Write(writer, spec, features);
                    if (spec.IsCompact)
                        Compact.CompactEmitter.WriteAdditiveRows(writer, spec, features);
                    foreach (var kernel in KernelEmitter.For(spec))
                        KernelEmitter.Write(writer, kernel, spec.Dim, features, spec.Element);
                    break;
            }
        }
        return writer.ToString();
    }

    private static string EmitTable(EncodingSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter(capacity: (int)System.Math.Min(int.MaxValue / 4, spec.Shape.Elements * 11 + 4096));
        HeaderEmitter.Write(writer, spec, "table data");
        if (features.HasNullableDirective)
        {
            // Nullable analysis would otherwise visit every literal: ~1.5 s per MiB of table.
            writer.Line("#nullable disable");
            writer.Line();
        }
        bool rva = features.DataForm == DataForm.RvaSpan;
        using (ClassShell.Open(writer, spec))
        {
            writer.Line("// Float32 bit patterns, two per ulong: the low half is the even index.");
            if (spec.IsCompact)
            {
                Compact.CompactEmitter.WriteData(writer, spec, rva);
                if (spec.Family == SchemeFamily.Rotary)
                    RotaryTablesEmitter.WriteInverseData(writer, spec, rva);
                else if (ShiftEmitter.Applies(spec))
                {
                    writer.Line();
                    ShiftEmitter.WriteData(writer, spec, features);
                }
            }
            else if (spec.Family == SchemeFamily.Rotary)
            {
                RotaryTablesEmitter.WriteData(writer, spec, rva);
            }
            else
            {
                TableDataEmitter.Write(writer, TableAccessEmitter.DataName, TableBuilder.Build(spec), rva);
                if (ShiftEmitter.Applies(spec))
                {
                    writer.Line();
                    ShiftEmitter.WriteData(writer, spec, features);
                }
            }
        }
        return writer.ToString();
    }
}
