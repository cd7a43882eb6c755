using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary>
/// <c>Embed</c>: token lookup, scale and position add fused in one pass over memory, instead of
/// copy, multiply, add over the whole block three times.
/// </summary>
internal static class EmbedEmitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        MemberDocs.Summary(writer, spec,
            "Fused embedding: row r of <paramref name=\"destination\"/> is row <c>tokenIds[r]</c> of",
            "<paramref name=\"tokenEmbeddings\"/> times <paramref name=\"scale\"/>, plus the encoding of",
            "position <paramref name=\"startPosition\"/> + r.");
        MemberDocs.Signature(writer, GeneratedMembers.Embed, spec, features);
        using (writer.Block(""))
        {
            writer.Lines($$"""
                if (tokenEmbeddings.Length % Dim != 0)
                    {{Call(GuardHelpersEmitter.ThrowNotWholeRows)}}(tokenEmbeddings.Length, Dim, "tokenEmbeddings");
                int vocabulary = tokenEmbeddings.Length / Dim;
                int rows = tokenIds.Length;
                {{Call(GuardHelpersEmitter.CheckPositions)}}(rows, startPosition, MaxLen, "tokenIds");
                if (destination.Length < rows * Dim)
                    {{Call(GuardHelpersEmitter.ThrowDestinationTooShort)}}((long)rows * Dim, destination.Length);
                for (int r = 0; r < rows; r++)
                {
                    if ((uint)tokenIds[r] >= (uint)vocabulary)
                        {{Call(GuardHelpersEmitter.ThrowTokenId)}}(r, tokenIds[r], vocabulary);
                }
                var destinationBytes = {{M}}.AsBytes((global::System.ReadOnlySpan<{{t}}>)destination);
                if (global::System.MemoryExtensions.Overlaps(tokenEmbeddings, destination) ||
                    global::System.MemoryExtensions.Overlaps({{M}}.AsBytes(tokenIds), destinationBytes))
                    {{Call(GuardHelpersEmitter.ThrowOverlap)}}();

                ref {{t}} embeddings = ref {{M}}.GetReference(tokenEmbeddings);
                ref {{t}} target = ref {{M}}.GetReference(destination);
                """);
            EncodingAccess.WritePrologue(writer, spec, features);
            using (writer.Block("for (int r = 0; r < rows; r++)"))
            {
                writer.Line("// Read each id once: another thread changing tokenIds must not lead outside the matrix.");
                writer.Line("uint id = (uint)tokenIds[r];");
                writer.Line("if (id >= (uint)vocabulary)");
                writer.Line("    " + Call(GuardHelpersEmitter.ThrowTokenId) + "(r, (int)id, vocabulary);");
                string n = features.NInt();
                writer.Lines(EncodingAccess.RowCall(spec, features, scaled: true,
                    U + ".Add(ref embeddings, (" + n + ")id * Dim)", U + ".Add(ref target, (" + n + ")r * Dim)"));
            }
        }
        writer.Line();
    }

    private static string Call(string helper) => GuardHelpersEmitter.Call(helper);
}
