using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit.Rotary;

/// <summary>
/// <c>CopyCosSin</c> (and LongRoPE's <c>CopyShortCosSin</c>): rows of the cos/sin tables into a caller's buffers, for
/// both storages (SPEC section 6), e.g. to feed another engine the exact tables.
/// </summary>
internal static class CopyCosSinEmitter
{
    private const string Overlaps = "global::System.MemoryExtensions.Overlaps";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        Write(writer, spec, features, GeneratedMembers.CopyCosSin, "Cos", "Sin", "MaxLen", shortTables: false);
        if (spec.Rotary.IsLongRope)
            Write(writer, spec, features, GeneratedMembers.CopyShortCosSin, "ShortCos", "ShortSin", RotaryTablesEmitter.ShortRows, shortTables: true);
    }

    private static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features, GeneratedMember member,
        string cosTable, string sinTable, string rows, bool shortTables)
    {
        MemberDocs.Summary(writer, spec,
            "Writes rows <paramref name=\"startPosition\"/> onwards of " + cosTable + " and " + sinTable + " (" +
            (spec.IsCompact ? "computed from the compact factors" : "copied") + "): cos.Length / (RotaryDim/2) rows",
            "to <paramref name=\"cos\"/> and the same rows to <paramref name=\"sin\"/>, row-major [rows x RotaryDim/2].");
        MemberDocs.Signature(writer, member, spec, features);
        using (writer.Block(""))
        {
            writer.Line("const int Half = RotaryDim / 2;");
            writer.Line("int rows = " + GuardHelpersEmitter.Call(GuardHelpersEmitter.Rows) + "(cos.Length, Half, startPosition, " + rows + ", \"cos\");");
            writer.Line("if (sin.Length != cos.Length)");
            writer.Line("    throw new global::System.ArgumentException(\"sin must be as long as cos (\" + cos.Length + \" values).\", \"sin\");");
            // Named after the method's own parameter (ThrowOverlap names "destination", which CopyCosSin does not have).
            writer.Line("if (" + Overlaps + "((global::System.ReadOnlySpan<float>)cos, sin))");
            writer.Line("    throw new global::System.ArgumentException(\"cos and sin share memory; pass separate spans.\", \"sin\");");
            if (spec.IsCompact)
            {
                writer.Line(Compact.CompactEmitter.CosSinRows + "(startPosition, rows, cos, sin" +
                            (spec.Rotary.IsLongRope ? shortTables ? ", true" : ", false" : "") + ");");
            }
            else
            {
                writer.Line(cosTable + ".Slice(startPosition * Half, rows * Half).CopyTo(cos);");
                writer.Line(sinTable + ".Slice(startPosition * Half, rows * Half).CopyTo(sin);");
            }
        }
        writer.Line();
    }
}
