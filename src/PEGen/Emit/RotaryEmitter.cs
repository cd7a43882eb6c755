using PEGen.Model;

namespace PEGen.Emit;

/// <summary>
/// Rotary schemes: <c>Cos</c>/<c>Sin</c> tables [MaxLen x Dim/2] and <c>Rotate</c> in place and out of
/// place. <c>Rope</c> pairs element k with k + Dim/2 (transformers' rotate_half), so both halves are
/// contiguous and the loop is vectorised; <c>RopeInterleaved</c> pairs 2k with 2k+1 (a complex
/// multiply, as Meta's reference), written as a scalar loop over refs. Products and sums are
/// separate roundings in every path, as in the references' float32 arithmetic.
/// </summary>
internal static class RotaryEmitter
{
    public const string CosData = "__PEGen_CosBits";
    public const string SinData = "__PEGen_SinBits";

    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        WriteTableProperty(writer, "Cos", CosData, features, "cos");
        WriteTableProperty(writer, "Sin", SinData, features, "sin");

        string pairing = spec.Scheme == SchemeKind.Rope ? "(k, k + Dim/2)" : "(2k, 2k + 1)";
        writer.Lines($$"""
            /// <summary>
            /// Rotates query or key vectors in place: every head of row r is rotated by the angles of position
            /// <paramref name="startPosition"/> + r, pairing elements {{pairing}}.
            /// </summary>
            /// <param name="vectors">Row-major [rows x heads x Dim] values.</param>
            /// <param name="startPosition">Position of the first row (for example the length of the KV cache).</param>
            /// <param name="heads">Heads per row, at least 1.</param>
            /// <exception cref="global::System.ArgumentException">The length is not a whole number of rows of heads x Dim, or the rows run past MaxLen.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="heads"/> is not positive, or <paramref name="startPosition"/> is negative or not below MaxLen.</exception>
            {{GeneratorInfo.GeneratedCodeAttribute}}{{Attribute(features)}}
            public static void Rotate(global::System.Span<float> vectors, int startPosition = 0, int heads = 1)
            {
                int rows = __PEGen_RotaryRows(vectors.Length, startPosition, heads);
                ref float data = ref {{M}}.GetReference(vectors);
                __PEGen_RotateRows(ref data, ref data, rows, startPosition, heads);
            }

            /// <summary>
            /// Writes the rotated vectors to <paramref name="destination"/>: every head of row r rotated by the
            /// angles of position <paramref name="startPosition"/> + r, pairing elements {{pairing}}.
            /// </summary>
            /// <param name="vectors">Row-major [rows x heads x Dim] values.</param>
            /// <param name="destination">Receives the rotated vectors; at least as long as the input, which it may be but not overlap at an offset.</param>
            /// <param name="startPosition">Position of the first row.</param>
            /// <param name="heads">Heads per row, at least 1.</param>
            /// <exception cref="global::System.ArgumentException">The length is not a whole number of rows of heads x Dim, the rows run past MaxLen, or the destination is too short or overlaps the input at an offset.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="heads"/> is not positive, or <paramref name="startPosition"/> is negative or not below MaxLen.</exception>
            {{GeneratorInfo.GeneratedCodeAttribute}}{{Attribute(features)}}
            public static void Rotate(global::System.ReadOnlySpan<float> vectors, global::System.Span<float> destination, int startPosition = 0, int heads = 1)
            {
                int rows = __PEGen_RotaryRows(vectors.Length, startPosition, heads);
                if (destination.Length < vectors.Length)
                    {{GuardEmitter.ThrowDestinationTooShort}}(vectors.Length, destination.Length);
                if (global::System.MemoryExtensions.Overlaps(vectors, destination, out int offset) && offset != 0)
                    {{GuardEmitter.ThrowOverlap}}();
                __PEGen_RotateRows(ref {{M}}.GetReference(vectors), ref {{M}}.GetReference(destination), rows, startPosition, heads);
            }

            private static int __PEGen_RotaryRows(int length, int startPosition, int heads)
            {
                if (heads <= 0)
                    {{GuardEmitter.ThrowOutOfRange}}("heads", heads, "heads must be at least 1.");
                long width = (long)heads * Dim;
                if (length % width != 0)
                    {{GuardEmitter.ThrowNotWholeRows}}(length, (int)global::System.Math.Min(width, int.MaxValue), "vectors");
                int rows = (int)(length / width);
                {{GuardEmitter.CheckPositions}}(rows, startPosition, "vectors");
                return rows;
            }

            private static void __PEGen_RotateRows(ref float source, ref float destination, int rows, int startPosition, int heads)
            {
                const int Half = Dim / 2;
                ref float cosTable = ref {{M}}.GetReference(Cos);
                ref float sinTable = ref {{M}}.GetReference(Sin);
                for (int r = 0; r < rows; r++)
                {
                    ref float cos = ref {{U}}.Add(ref cosTable, ({{features.NInt}})(startPosition + r) * Half);
                    ref float sin = ref {{U}}.Add(ref sinTable, ({{features.NInt}})(startPosition + r) * Half);
                    for (int h = 0; h < heads; h++)
                    {
                        {{features.NInt}} vector = (({{features.NInt}})r * heads + h) * Dim;
                        __PEGen_RotateVector(ref {{U}}.Add(ref source, vector), ref cos, ref sin, ref {{U}}.Add(ref destination, vector));
                    }
                }
            }

            """);
        if (spec.Scheme == SchemeKind.Rope) WriteHalvesKernel(writer, spec, features);
        else WriteInterleavedKernel(writer, features);
    }

    private static string Attribute(TargetFeatures features) =>
        features.EntryPointAttribute.Length == 0 ? "" : "\n" + features.EntryPointAttribute;

    private static void WriteTableProperty(SourceWriter writer, string name, string data, TargetFeatures features, string function)
    {
        string view = features.HasVector128
            ? M + ".CreateReadOnlySpan(ref " + U + ".As<ulong, float>(ref " + M + ".GetReference(" + data + ")), MaxLen * (Dim / 2))"
            : M + ".Cast<ulong, float>(" + data + ").Slice(0, MaxLen * (Dim / 2))";
        writer.Lines($$"""
            /// <summary>
            /// {{function}}(p * theta_k) for position p and pair k, row-major [MaxLen x Dim/2], theta_k = Base^(-2k/Dim).
            /// Constant data in the assembly: reading it computes nothing and allocates nothing.
            /// </summary>
            {{GeneratorInfo.GeneratedCodeAttribute}}
            public static global::System.ReadOnlySpan<float> {{name}}
            {
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                get => {{view}};
            }

            """);
    }

    // rotate_half: out[k] = x[k] cos - x[k+Half] sin, out[k+Half] = x[k+Half] cos + x[k] sin.
    private static void WriteHalvesKernel(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (writer.Block("private static void __PEGen_RotateVector(ref float x, ref float cos, ref float sin, ref float destination)"))
        {
            writer.Line("const int Half = Dim / 2;");
            writer.Line(features.NInt + " k = 0;");
            bool first = true;
            foreach (var (vector, lanes) in features.VectorWidths)
            {
                if (WriteHalvesVectorLoop(writer, vector, lanes, spec.Dim / 2, first))
                    first = false;
            }
            using (writer.Block("for (; k < Half; k++)"))
            {
                writer.Line("float a = " + U + ".Add(ref x, k), b = " + U + ".Add(ref x, k + Half);");
                writer.Line("float c = " + U + ".Add(ref cos, k), s = " + U + ".Add(ref sin, k);");
                writer.Line(U + ".Add(ref destination, k) = a * c - b * s;");
                writer.Line(U + ".Add(ref destination, k + Half) = b * c + a * s;");
            }
        }
        writer.Line();
    }

    private static bool WriteHalvesVectorLoop(SourceWriter writer, string vector, int lanes, int half, bool first)
    {
        if (half < lanes) return false;   // Dim/2 is a constant: a vector never fits, skip the dead branch
        string v = "global::System.Runtime.Intrinsics." + vector;
        using (writer.Block((first ? "if" : "else if") + " (" + v + ".IsHardwareAccelerated)"))
        {
            using (writer.Block("for (; k + " + lanes + " <= Half; k += " + lanes + ")"))
            {
                writer.Line("var a = " + v + ".LoadUnsafe(ref x, (nuint)k);");
                writer.Line("var b = " + v + ".LoadUnsafe(ref x, (nuint)(k + Half));");
                writer.Line("var c = " + v + ".LoadUnsafe(ref cos, (nuint)k);");
                writer.Line("var s = " + v + ".LoadUnsafe(ref sin, (nuint)k);");
                writer.Line(v + ".StoreUnsafe(a * c - b * s, ref destination, (nuint)k);");
                writer.Line(v + ".StoreUnsafe(b * c + a * s, ref destination, (nuint)(k + Half));");
            }
        }
        return true;
    }

    // Complex multiply per pair: (x0 + i x1)(c + i s) = (x0 c - x1 s) + i (x0 s + x1 c).
    private static void WriteInterleavedKernel(SourceWriter writer, TargetFeatures features)
    {
        writer.Lines($$"""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private static void __PEGen_RotateVector(ref float x, ref float cos, ref float sin, ref float destination)
            {
                for ({{features.NInt}} k = 0; k < Dim / 2; k++)
                {
                    float a = {{U}}.Add(ref x, 2 * k), b = {{U}}.Add(ref x, 2 * k + 1);
                    float c = {{U}}.Add(ref cos, k), s = {{U}}.Add(ref sin, k);
                    {{U}}.Add(ref destination, 2 * k) = a * c - b * s;
                    {{U}}.Add(ref destination, 2 * k + 1) = a * s + b * c;
                }
            }

            """);
    }
}
