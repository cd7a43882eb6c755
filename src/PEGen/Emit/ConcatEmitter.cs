using PEGen.Model;

namespace PEGen.Emit;

/// <summary>
/// <c>ConcatTo</c>: the "concatenate instead of add" alternative, row r = [embedding row r,
/// encoding of startPosition + r], so the width grows by Dim.
/// </summary>
internal static class ConcatEmitter
{
    public static void Write(SourceWriter writer, EncodingSpec spec)
    {
        string encodingCopy = spec.HasTable
            ? "Table.Slice((startPosition + r) * Dim, Dim).CopyTo(row.Slice(embeddingDim));"
            : "row.Slice(embeddingDim).Fill((startPosition + r) / denominator);";
        string prologue = spec.HasTable ? "" : """

                float last = startPosition + rows - 1;
                float denominator = last > 0 ? last : 1f;
            """;

        writer.Lines($$"""
            /// <summary>
            /// Writes each embedding row followed by its encoding: row r of <paramref name="destination"/> is
            /// [row r of <paramref name="embeddings"/>, encoding of position <paramref name="startPosition"/> + r],
            /// embeddingDim + Dim values wide.
            /// </summary>
            /// <param name="embeddings">Row-major [rows x embeddingDim] values.</param>
            /// <param name="embeddingDim">Values per embedding row, greater than 0.</param>
            /// <param name="destination">Receives [rows x (embeddingDim + Dim)] values; must not overlap the input.</param>
            /// <param name="startPosition">Position of the first row.</param>
            /// <exception cref="global::System.ArgumentException">The length is not a whole number of rows, the rows run past MaxLen, or the destination is too short or overlaps the input.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="embeddingDim"/> is not positive, or <paramref name="startPosition"/> is negative or not below MaxLen.</exception>
            {{GeneratorInfo.GeneratedCodeAttribute}}
            public static void ConcatTo(global::System.ReadOnlySpan<float> embeddings, int embeddingDim, global::System.Span<float> destination, int startPosition = 0)
            {
                if (embeddingDim <= 0)
                    {{GuardEmitter.ThrowOutOfRange}}("embeddingDim", embeddingDim, "embeddingDim must be greater than 0.");
                if (embeddings.Length % embeddingDim != 0)
                    {{GuardEmitter.ThrowNotWholeRows}}(embeddings.Length, embeddingDim, "embeddings");
                int rows = embeddings.Length / embeddingDim;
                {{GuardEmitter.CheckPositions}}(rows, startPosition, "embeddings");
                long width = (long)embeddingDim + Dim;
                if (destination.Length < rows * width)
                    {{GuardEmitter.ThrowDestinationTooShort}}(rows * width, destination.Length);
                if (global::System.MemoryExtensions.Overlaps(embeddings, destination))
                    {{GuardEmitter.ThrowOverlap}}();{{prologue}}
                for (int r = 0; r < rows; r++)
                {
                    var row = destination.Slice((int)(r * width), (int)width);
                    embeddings.Slice(r * embeddingDim, embeddingDim).CopyTo(row);
                    {{encodingCopy}}
                }
            }
            """);
        writer.Line();
    }
}
