using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary><c>CopyRows</c>: whole rows of the table into a caller's buffer, for both storages (SPEC section 6).</summary>
internal static class CopyRowsEmitter
{
    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        MemberDocs.Summary(writer, spec,
            "Writes the encodings of positions <paramref name=\"startPosition\"/> onwards to <paramref name=\"destination\"/>:",
            "destination.Length / Dim whole rows, row r the encoding of position startPosition + r" +
            (spec.IsCompact ? ", computed from the compact factors." : ", copied from Table."));
        MemberDocs.Signature(writer, GeneratedMembers.CopyRows, spec, features);
        using (writer.Block(""))
        {
            writer.Line("int rows = " + GuardHelpersEmitter.Call(GuardHelpersEmitter.Rows) + "(destination.Length, Dim, startPosition, MaxLen, \"destination\");");
            if (spec.IsCompact)
            {
                writer.Line(Compact.CompactEmitter.EncodingRows + "(startPosition, rows, destination);");
            }
            else
            {
                writer.Line("Table.Slice(startPosition * Dim, rows * Dim).CopyTo(destination);");
            }
        }
        writer.Line();
    }
}
