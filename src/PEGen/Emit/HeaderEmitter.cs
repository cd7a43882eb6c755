using System.Globalization;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary>The comment at the top of each generated file: what the table is, so a reader need not guess.</summary>
internal static class HeaderEmitter
{
    public static void Write(SourceWriter writer, EncodingSpec spec, string part)
    {
        writer.Line(ClassShell.FileHeader);
        writer.Line("// " + GeneratorInfo.Name + " " + GeneratorInfo.Version + ": " + part + " of " + spec.MetadataName + ".");
        writer.Line("//   Scheme:     " + spec.Scheme + " (" + SchemeDescriptions.Reference(spec.Scheme) + ")");
        writer.Line("//   Formula:    " + SchemeDescriptions.Formula(spec.Scheme));
        writer.Line("//   Arithmetic: " + SchemeDescriptions.Arithmetic(spec.Scheme));
        string shape = "//   Shape:      MaxLen = " + Invariant(spec.MaxLen) + " rows x Dim = " + Invariant(spec.Dim) + " values";
        if (spec.Scheme is not (SchemeKind.Linear or SchemeKind.NormalizedRange))
            shape += ", Base = " + spec.Base.ToString("R", CultureInfo.InvariantCulture);
        if (spec.PaddingIndex >= 0)
            shape += ", PaddingIndex = " + Invariant(spec.PaddingIndex);
        writer.Line(shape);
        if (spec.HasTable)
            writer.Line("//   Data:       " + TableDataEmitter.FormatCount(spec.TableLength * sizeof(float)) + " bytes of constant data");
        writer.Line();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
