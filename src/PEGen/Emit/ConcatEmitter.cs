using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit;

/// <summary>
/// <c>ConcatTo</c>: the "concatenate instead of add" alternative, row r = [embedding row r,
/// encoding of startPosition + r], so the width grows by Dim.
/// </summary>
internal static class ConcatEmitter
{
    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        bool table = spec.Family == SchemeFamily.AdditiveTable;
        string t = ElementSyntax.Keyword(spec.Element);
        MemberDocs.Summary(writer, spec,
            "Writes each embedding row followed by its encoding: row r of <paramref name=\"destination\"/> is",
            "[row r of <paramref name=\"embeddings\"/>, encoding of position <paramref name=\"startPosition\"/> + r],",
            "embeddingDim + Dim values wide.");
        MemberDocs.Signature(writer, GeneratedMembers.ConcatTo, spec, features);
        using (writer.Block(""))
        {
            writer.Lines($$"""
                if (embeddingDim <= 0)
                    {{Call(GuardHelpersEmitter.ThrowOutOfRange)}}("embeddingDim", embeddingDim, "embeddingDim must be greater than 0.");
                if (embeddings.Length % embeddingDim != 0)
                    {{Call(GuardHelpersEmitter.ThrowNotWholeRows)}}(embeddings.Length, embeddingDim, "embeddings");
                int rows = embeddings.Length / embeddingDim;
                {{Call(GuardHelpersEmitter.CheckPositions)}}(rows, startPosition, MaxLen, "embeddings");
                long width = (long)embeddingDim + Dim;
                if (destination.Length < rows * width)
                    {{Call(GuardHelpersEmitter.ThrowDestinationTooShort)}}(rows * width, destination.Length);
                if (global::System.MemoryExtensions.Overlaps(embeddings, destination))
                    {{Call(GuardHelpersEmitter.ThrowOverlap)}}();
                """);
            if (!table)
            {
                writer.Line(t + " last = startPosition + rows - 1;");
                writer.Line(t + " denominator = last > 0 ? last : 1f;");
            }
            using (writer.Block("for (int r = 0; r < rows; r++)"))
            {
                writer.Line("var row = destination.Slice((int)(r * width), (int)width);");
                writer.Line("embeddings.Slice(r * embeddingDim, embeddingDim).CopyTo(row);");
                writer.Line(table && spec.IsCompact
                    ? Compact.CompactEmitter.EncodingRows + "(startPosition + r, 1, row.Slice(embeddingDim));"
                    : table
                    ? "Table.Slice((startPosition + r) * Dim, Dim).CopyTo(row.Slice(embeddingDim));"
                    : "row.Slice(embeddingDim).Fill((startPosition + r) / denominator);");
            }
        }
        writer.Line();
    }

    private static string Call(string helper) => GuardHelpersEmitter.Call(helper);
}
