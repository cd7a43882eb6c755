using System.Collections.Generic;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit;

/// <summary>
/// Turns a valid spec into sources: the members file (constants and methods, readable) and the
/// table file (constant data only), so a reader of the first is not buried under the second.
/// </summary>
internal static class EncodingEmitter
{
    public static IReadOnlyList<GeneratedFile> Emit(EncodingSpec spec, TargetFeatures features)
    {
        var files = new List<GeneratedFile>(2)
        {
            new(HintNames.For(spec, "PositionalEncoding"), spec.IsRotary ? EmitRotaryMembers(spec, features) : EmitMembers(spec, features)),
        };
        if (spec.HasTable)
            files.Add(new GeneratedFile(HintNames.For(spec, "Table"), EmitTable(spec, features)));
        return files;
    }

    private static string EmitRotaryMembers(EncodingSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter();
        HeaderEmitter.Write(writer, spec, "members");
        using (ClassShell.Open(writer, spec))
        {
            ConstantsEmitter.Write(writer, spec);
            RotaryEmitter.Write(writer, spec, features);
            GuardEmitter.Write(writer);
        }
        return writer.ToString();
    }

    private static string EmitMembers(EncodingSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter();
        HeaderEmitter.Write(writer, spec, "members");
        using (ClassShell.Open(writer, spec))
        {
            ConstantsEmitter.Write(writer, spec);
            if (spec.HasTable)
                TableAccessEmitter.Write(writer, spec, features);
            AddMethodsEmitter.Write(writer, spec, features);
            EmbedEmitter.Write(writer, spec, features);
            ConcatEmitter.Write(writer, spec);
            if (ShiftEmitter.Applies(spec))
                ShiftEmitter.Write(writer, spec);
            foreach (var kernel in KernelEmitter.For(spec))
                KernelEmitter.Write(writer, kernel, spec.Dim, features);
            GuardEmitter.Write(writer);
        }
        return writer.ToString();
    }

    private static string EmitTable(EncodingSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter(capacity: (int)System.Math.Min(int.MaxValue / 4, spec.TableLength * 11 + 4096));
        HeaderEmitter.Write(writer, spec, "table data");
        if (features.HasNullableDirective)
        {
            // Nullable analysis would otherwise visit every literal: ~1.5 s per MiB of table.
            writer.Line("#nullable disable");
            writer.Line();
        }
        using (ClassShell.Open(writer, spec))
        {
            writer.Line("// Float32 bit patterns, two per ulong: the low half is the even index.");
            if (spec.IsRotary)
            {
                var rotary = TableBuilder.BuildRotary(spec);
                TableDataEmitter.Write(writer, RotaryEmitter.CosData, rotary.Cos, features.HasCreateSpan);
                writer.Line();
                TableDataEmitter.Write(writer, RotaryEmitter.SinData, rotary.Sin, features.HasCreateSpan);
            }
            else
            {
                TableDataEmitter.Write(writer, TableAccessEmitter.DataName, TableBuilder.Build(spec), features.HasCreateSpan);
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
