using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary><c>AddTo</c> (in place) and <c>Add</c> (out of place): embeddings + encoding, row by row.</summary>
internal static class AddMethodsEmitter
{
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        string encoding = EncodingAccess.Describe(spec);

        MemberDocs.Summary(writer, spec,
            "Adds the encoding to a block of embeddings in place: row r of <paramref name=\"embeddings\"/>",
            "gets " + encoding + " added to it.");
        MemberDocs.Signature(writer, GeneratedMembers.AddTo, spec, features);
        using (writer.Block(""))
        {
            writer.Line("int rows = " + GuardHelpersEmitter.Call(GuardHelpersEmitter.Rows) + "(embeddings.Length, Dim, startPosition, MaxLen, \"embeddings\");");
            writer.Line("ref " + t + " data = ref " + M + ".GetReference(embeddings);");
            EncodingAccess.WriteContiguousAdd(writer, spec, features, "data", "data");
        }
        writer.Line();

        MemberDocs.Summary(writer, spec,
            "Writes embeddings + encoding to <paramref name=\"destination\"/>: row r is row r of",
            "<paramref name=\"embeddings\"/> plus " + encoding + ".");
        MemberDocs.Signature(writer, GeneratedMembers.Add, spec, features);
        using (writer.Block(""))
        {
            writer.Line("int rows = " + GuardHelpersEmitter.Call(GuardHelpersEmitter.Rows) + "(embeddings.Length, Dim, startPosition, MaxLen, \"embeddings\");");
            writer.Line(GuardHelpersEmitter.Call(GuardHelpersEmitter.CheckDestination) + "(embeddings, destination);");
            writer.Line("ref " + t + " source = ref " + M + ".GetReference(embeddings);");
            writer.Line("ref " + t + " target = ref " + M + ".GetReference(destination);");
            EncodingAccess.WriteContiguousAdd(writer, spec, features, "source", "target");
        }
        writer.Line();
    }
}
