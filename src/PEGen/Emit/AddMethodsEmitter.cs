using PEGen.Model;

namespace PEGen.Emit;

/// <summary><c>AddTo</c> (in place) and <c>Add</c> (out of place): embeddings + encoding, row by row.</summary>
internal static class AddMethodsEmitter
{
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string encoding = spec.HasTable
            ? "the encoding of position <paramref name=\"startPosition\"/> + r"
            : "(startPosition + r) / (n - 1), n = startPosition + rows (the sequence length)";

        writer.Lines($$"""
            /// <summary>
            /// Adds the encoding to a block of embeddings in place: row r of <paramref name="embeddings"/>
            /// gets {{encoding}} added to it.
            /// </summary>
            /// <param name="embeddings">Row-major [rows x Dim] values; its length must be a multiple of Dim.</param>
            /// <param name="startPosition">Position of the first row (for example the number of tokens already decoded).</param>
            /// <exception cref="global::System.ArgumentException">The length is not a whole number of rows, or the rows run past MaxLen.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="startPosition"/> is negative or not below MaxLen.</exception>
            {{GeneratorInfo.GeneratedCodeAttribute}}{{EntryPoint(features)}}
            public static void AddTo(global::System.Span<float> embeddings, int startPosition = 0)
            {
                int rows = {{GuardEmitter.Rows}}(embeddings.Length, startPosition, "embeddings");
                ref float data = ref {{M}}.GetReference(embeddings);
            """);
        writer.PushIndent();
        EncodingAccess.WriteContiguousAdd(writer, spec, features, "data", "data");
        writer.PopIndent();
        writer.Line("}");
        writer.Line();

        writer.Lines($$"""
            /// <summary>
            /// Writes embeddings + encoding to <paramref name="destination"/>: row r is row r of
            /// <paramref name="embeddings"/> plus {{encoding}}.
            /// </summary>
            /// <param name="embeddings">Row-major [rows x Dim] values; its length must be a multiple of Dim.</param>
            /// <param name="destination">Receives the sums; at least as long as <paramref name="embeddings"/>. It may be the same memory as the input, but not shifted against it.</param>
            /// <param name="startPosition">Position of the first row.</param>
            /// <exception cref="global::System.ArgumentException">The length is not a whole number of rows, the rows run past MaxLen, or the destination is too short or overlaps the input at an offset.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="startPosition"/> is negative or not below MaxLen.</exception>
            {{GeneratorInfo.GeneratedCodeAttribute}}{{EntryPoint(features)}}
            public static void Add(global::System.ReadOnlySpan<float> embeddings, global::System.Span<float> destination, int startPosition = 0)
            {
                int rows = {{GuardEmitter.Rows}}(embeddings.Length, startPosition, "embeddings");
                if (destination.Length < embeddings.Length)
                    {{GuardEmitter.ThrowDestinationTooShort}}(embeddings.Length, destination.Length);
                if (global::System.MemoryExtensions.Overlaps(embeddings, destination, out int offset) && offset != 0)
                    {{GuardEmitter.ThrowOverlap}}();
                ref float source = ref {{M}}.GetReference(embeddings);
                ref float target = ref {{M}}.GetReference(destination);
            """);
        writer.PushIndent();
        EncodingAccess.WriteContiguousAdd(writer, spec, features, "source", "target");
        writer.PopIndent();
        writer.Line("}");
        writer.Line();
    }

    private static string EntryPoint(TargetFeatures features) =>
        features.EntryPointAttribute.Length == 0 ? "" : "\n" + features.EntryPointAttribute;
}
