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
        writer.Lines($$"""
            /// <summary>
            /// Fused embedding: row r of <paramref name="destination"/> is row <c>tokenIds[r]</c> of
            /// <paramref name="tokenEmbeddings"/> times <paramref name="scale"/>, plus the encoding of
            /// position <paramref name="startPosition"/> + r.
            /// </summary>
            /// <param name="tokenIds">One token id per row, each in [0, vocabulary).</param>
            /// <param name="tokenEmbeddings">The embedding matrix, row-major [vocabulary x Dim].</param>
            /// <param name="destination">Receives [tokenIds.Length x Dim] values; must not overlap the inputs.</param>
            /// <param name="startPosition">Position of the first token.</param>
            /// <param name="scale">Multiplies the token embeddings (for example sqrt(Dim) in the original Transformer).</param>
            /// <exception cref="global::System.ArgumentException">The matrix is not whole rows, the tokens run past MaxLen, or the destination is too short or overlaps an input.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException">A token id is outside the vocabulary, or <paramref name="startPosition"/> is negative or not below MaxLen.</exception>
            {{GeneratorInfo.GeneratedCodeAttribute}}{{EntryPoint(features)}}
            public static void Embed(global::System.ReadOnlySpan<int> tokenIds, global::System.ReadOnlySpan<float> tokenEmbeddings, global::System.Span<float> destination, int startPosition = 0, float scale = 1f)
            {
                if (tokenEmbeddings.Length % Dim != 0)
                    {{GuardEmitter.ThrowNotWholeRows}}(tokenEmbeddings.Length, Dim, "tokenEmbeddings");
                int vocabulary = tokenEmbeddings.Length / Dim;
                int rows = tokenIds.Length;
                {{GuardEmitter.CheckPositions}}(rows, startPosition, "tokenIds");
                if (destination.Length < rows * Dim)
                    {{GuardEmitter.ThrowDestinationTooShort}}((long)rows * Dim, destination.Length);
                for (int r = 0; r < rows; r++)
                {
                    if ((uint)tokenIds[r] >= (uint)vocabulary)
                        __PEGen_ThrowTokenId(r, tokenIds[r], vocabulary);
                }
                if (global::System.MemoryExtensions.Overlaps(tokenEmbeddings, destination) ||
                    global::System.MemoryExtensions.Overlaps({{M}}.AsBytes(tokenIds), {{M}}.AsBytes((global::System.ReadOnlySpan<float>)destination)))
                    {{GuardEmitter.ThrowOverlap}}();

                ref float embeddings = ref {{M}}.GetReference(tokenEmbeddings);
                ref float target = ref {{M}}.GetReference(destination);
            """);
        writer.PushIndent();
        EncodingAccess.WritePrologue(writer, spec, features);
        using (writer.Block("for (int r = 0; r < rows; r++)"))
        {
            writer.Line("// Read each id once: another thread changing tokenIds must not lead outside the matrix.");
            writer.Line("uint id = (uint)tokenIds[r];");
            writer.Line("if (id >= (uint)vocabulary)");
            writer.Line("    __PEGen_ThrowTokenId(r, (int)id, vocabulary);");
            writer.Line(EncodingAccess.RowCall(spec, features, scaled: true, U + ".Add(ref embeddings, (" + features.NInt + ")id * Dim)", U + ".Add(ref target, (" + features.NInt + ")r * Dim)"));
        }
        writer.PopIndent();
        writer.Lines($$"""
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void __PEGen_ThrowTokenId(int index, int id, int vocabulary)
            {
                throw new global::System.ArgumentOutOfRangeException(
                    "tokenIds", id,
                    "tokenIds[" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "] is outside the vocabulary [0, " +
                    vocabulary.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ") of tokenEmbeddings.");
            }
            """);
        writer.Line();
    }

    private static string EntryPoint(TargetFeatures features) =>
        features.EntryPointAttribute.Length == 0 ? "" : "\n" + features.EntryPointAttribute;
}
