using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary><c>Table</c> and <c>Row</c>: views over the constant data, never a copy.</summary>
internal static class TableAccessEmitter
{
    public const string DataName = "__PEGen_TableBits";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        string dataKind = features.DataForm == DataForm.RvaSpan
            ? "constant data in the assembly: reading it computes nothing and allocates nothing"
            : "constant data copied once into a static array when the class is first used";

        MemberDocs.Summary(writer, spec,
            "The encoding table, row-major [MaxLen x Dim]: row p is the encoding of position p.",
            "It is " + dataKind + ".");
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        using (writer.Block("public static global::System.ReadOnlySpan<" + t + "> " + GeneratedMembers.Table.Name))
        {
            writer.Line(TargetSyntax.AggressiveInlining);
            writer.Lines("get => " + DataView.Of(DataName, "Dim * MaxLen", spec, features, odd: spec.Shape.Elements % 2 == 1) + ";");
        }
        writer.Line();

        writer.Line("/// <summary>The encoding of one position: <c>Dim</c> values, a view into <see cref=\"Table\"/>.</summary>");
        MemberDocs.Remarks(writer, spec);
        MemberDocs.Signature(writer, GeneratedMembers.Row, spec, features);
        using (writer.Block(""))
        {
            writer.Line("if ((uint)position >= (uint)MaxLen)");
            writer.Line("    " + GuardHelpersEmitter.Call(GuardHelpersEmitter.ThrowPosition) + "(\"position\", position, MaxLen);");
            writer.Line("return Table.Slice(position * Dim, Dim);");
        }
        writer.Line();
    }
}
