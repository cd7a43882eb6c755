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
            writer.Line("//   Data:       " + TableDataEmitter.FormatCount((long)spec.Shape.Bytes) + " bytes of constant data" +
                        (spec.IsCompact ? " (Storage = Compact)" : ""));
            if (spec.IsCompact)
            {
                // The error analysis users read before trusting computed rows.
                writer.Line("//   Compact:    each row is computed from float64 angle-addition factors (one row per digit of the");
                writer.Line("//               position), combined without fused multiply-add in one fixed order, so every host and");
                writer.Line("//               vector width gives the same bits; float32 references' angle f32(f32(p) * inv) is");
                writer.Line("//               reproduced through its exact rounding error. Error before the final rounding < 2^-50:");
                writer.Line("//               entries equal Full's, or (within 2^-50 of a rounding boundary) differ by 1 ulp.");
            }
        writer.Line();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
