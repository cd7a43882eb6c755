using PEGen.Model;

namespace PEGen.Emit;

/// <summary><c>Dim</c> and <c>MaxLen</c>: constants, so every loop below folds them.</summary>
internal static class ConstantsEmitter
{
    public static void Write(SourceWriter writer, EncodingSpec spec)
    {
        var scheme = spec.Definition;
        writer.Line("/// <summary>" + scheme.DimMeaning + ": " + MemberDocs.Invariant(spec.Dim) + ".</summary>");
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        writer.Line("public const int Dim = " + MemberDocs.Invariant(spec.Dim) + ";");
        writer.Line();
        MemberDocs.Wrapped(writer, "summary", "Number of positions (table rows): " + MemberDocs.Invariant(spec.MaxLen) + ". " + scheme.RowMeaning);
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        writer.Line("public const int MaxLen = " + MemberDocs.Invariant(spec.MaxLen) + ";");
        writer.Line();
    }
}
