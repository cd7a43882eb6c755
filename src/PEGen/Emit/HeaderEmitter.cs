using System.Globalization;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary>The comment at the top of each generated file: what the table is, so a reader need not guess.</summary>
internal static class HeaderEmitter
{
    public static void Write(SourceWriter writer, EncodingSpec spec, string part)
    {
        var scheme = spec.Definition;
        writer.Line(ClassShell.FileHeader);
        writer.Line("// " + GeneratorInfo.Name + " " + GeneratorInfo.Version + ": " + part + " of " + spec.MetadataName + ".");
        writer.Line("//   Scheme:     " + spec.Scheme + " (" + scheme.Reference + ")");
        writer.Line("//   Formula:    " + scheme.Formula);
        writer.Line("//   Arithmetic: " + Schemes.ArithmeticText.Of(scheme.Arithmetic));
        string shape = "//   Shape:      MaxLen = " + Invariant(spec.MaxLen) + " rows x Dim = " + Invariant(spec.Dim) + " values";
        if (scheme.HasFrequencies)
            shape += ", Base = " + spec.Base.ToString("R", CultureInfo.InvariantCulture);
        if (spec.PaddingIndex >= 0)
            shape += ", PaddingIndex = " + Invariant(spec.PaddingIndex);
        writer.Line(shape);
        if (Rotary.RotaryTablesEmitter.Describe(spec) is { } rotary)
            writer.Line("//   Rotary:     " + rotary);
        if (!spec.Shape.IsEmpty)
            writer.Line("//   Data:       " + TableDataEmitter.FormatCount((long)spec.Shape.Bytes) + " bytes of constant data");
        writer.Line();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
