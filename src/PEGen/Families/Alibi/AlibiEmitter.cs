using System.Globalization;
using System.Linq;
using PEGen.Emit.Shared;
using PEGen.Emit;
using PEGen.Model;

namespace PEGen.Families.Alibi;

/// <summary>
/// Writes an <c>[AlibiBias]</c> class's one file: <c>Heads</c>, <c>Slopes</c> (constant data) and <c>AddBias</c>
/// with its checks and row kernels (Vector512, Vector256, Vector128 where the target has them, else scalar).
/// The kernels use one float32 product and one float32 subtraction per score on every path (no FMA), so every
/// path gives the same bits; distances are exact float32 integers because every position is at most 2^24.
/// </summary>
internal static class AlibiEmitter
{
    public const string MaxPosition = "16777216";
    private const string DataName = "__PEGen_SlopeBits";
    // File-level aliases (written after the header) keep the kernels' lines short.
    private const string U = "__PEGenUnsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string Inv = "global::System.Globalization.CultureInfo.InvariantCulture";
    private const string NoInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    public static GeneratedFile Emit(AlibiSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter(4096 + spec.Heads * 24);
        WriteHeader(writer, spec);
        writer.Line("using " + U + " = global::System.Runtime.CompilerServices.Unsafe;");
        foreach (var (vector, _) in features.VectorWidths())
            writer.Line("using __PEGen" + vector + " = global::System.Runtime.Intrinsics." + vector + ";");
        writer.Line();
        using (ClassShell.Open(writer, spec.Namespace, spec.Types))
        {
            WriteHeads(writer, spec);
            WriteSlopes(writer, spec, features);
            WriteAddBias(writer, spec, features);
            WriteRowKernel(writer, features);
            foreach (var (vector, lanes) in features.VectorWidths())
                WriteVectorKernel(writer, vector, lanes);
            WriteThrows(writer);
            TableDataEmitter.Write(writer, DataName, spec.Slopes.ToArray(), features.DataForm == DataForm.RvaSpan);
        }
        return new GeneratedFile(HintNames.For(spec.MetadataName, "AlibiBias"), writer.ToString());
    }

    /// <summary>The reference in one line (header and remarks).</summary>
    public static string Describe(AlibiSpec spec) => spec.Reference switch
    {
        AlibiReferenceKind.Bloom =>
            "transformers' BLOOM build_alibi_tensor: torch.pow(float32 base, k) in float32 (torch 1.13 on x86-64: SLEEF and glibc powf, reproduced bit for bit)",
        AlibiReferenceKind.Mpt =>
            "llm-foundry's gen_slopes with MaxBias = " + spec.MaxBias.ToString("R", CultureInfo.InvariantCulture) +
            ": 1 / torch.pow(2, f32(k * f32(MaxBias / N))) in float32 (torch 1.13 on x86-64, reproduced bit for bit)",
        _ => "the ALiBi paper's get_slopes (ofirpress/attention_with_linear_biases): the exact 2^(-8k/c) correctly rounded to float32",
    };

    private static void WriteHeader(SourceWriter writer, AlibiSpec spec)
    {
        writer.Line(ClassShell.FileHeader);
        writer.Line("// " + GeneratorInfo.Name + " " + GeneratorInfo.Version + ": ALiBi attention biases of " + spec.MetadataName + ".");
        writer.Line("//   Family:     AlibiBias (Press, Smith and Lewis, Train Short, Test Long (ICLR 2022))");
        writer.Line("//   Slopes:     Heads = " + Invariant(spec.Heads) + ", Reference = " + spec.Reference + ":");
        foreach (var line in Wrap(Describe(spec), 96))
            writer.Line("//               " + line);
        writer.Line("//   AddBias:    scores[h, r, j] -= f32(Slopes[h] * |startPosition + r - j|): one float32 product and one");
        writer.Line("//               float32 subtraction, no fused multiply-add, the same bits on every vector width and the scalar path");
        writer.Line("//   Data:       " + TableDataEmitter.FormatCount(spec.Heads * 4L) + " bytes of constant data");
        writer.Line();
    }

    private static void WriteHeads(SourceWriter writer, AlibiSpec spec)
    {
        writer.Line("/// <summary>Attention heads: " + Invariant(spec.Heads) + ", one slope each.</summary>");
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        writer.Line("public const int Heads = " + Invariant(spec.Heads) + ";");
        writer.Line();
    }

    private static void WriteSlopes(SourceWriter writer, AlibiSpec spec, TargetFeatures features)
    {
        string dataKind = features.DataForm == DataForm.RvaSpan
            ? "constant data in the assembly: reading it computes nothing and allocates nothing"
            : "constant data copied once into a static array when the class is first used";
        writer.Line("/// <summary>");
        writer.Line("/// ALiBi's slopes, one per head ([Heads] values): head h adds -Slopes[h] * distance to its scores.");
        writer.Line("/// It is " + dataKind + ".");
        writer.Line("/// </summary>");
        MemberDocs.Wrapped(writer, "remarks", "Reference " + spec.Reference + ": " + Describe(spec) + ".");
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        using (writer.Block("public static global::System.ReadOnlySpan<float> Slopes"))
        {
            writer.Line(TargetSyntax.AggressiveInlining);
            writer.Lines("get => " + (features.HasCreateReadOnlySpan
                ? M + ".CreateReadOnlySpan(\n    ref " + U + ".As<ulong, float>(\n        ref " + M + ".GetReference(" + DataName + ")),\n    Heads)"
                : M + ".Cast<ulong, float>(" + DataName + ").Slice(0, Heads)") + ";");
        }
        writer.Line();
    }

    private static void WriteAddBias(SourceWriter writer, AlibiSpec spec, TargetFeatures features)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Adds ALiBi's biases to attention scores in place: score (h, r, j) gets -Slopes[h] * |startPosition + r - j|.");
        writer.Line("/// </summary>");
        writer.Line("/// <remarks>");
        writer.Line("/// <para>");
        writer.Line("/// Query row r has position startPosition + r and key j position j. For keys up to the query's position");
        writer.Line("/// this is the causal bias: BLOOM and the paper add +Slopes[h] * j instead, which differs from it by a");
        writer.Line("/// constant per row and so gives the same softmax. Keys past the query get MPT's symmetric bias (a causal");
        writer.Line("/// mask makes them irrelevant).");
        writer.Line("/// </para>");
        writer.Line("/// <para>");
        writer.Line("/// Arithmetic: the distance is an exact float32 integer (positions are at most 2^24 = " + MaxPosition + "),");
        writer.Line("/// the bias is one float32 product Slopes[h] * distance and the score one float32 subtraction of it:");
        writer.Line("/// no fused multiply-add, so every vector width and the scalar path give the same bits. Nothing is");
        writer.Line("/// written when an argument is invalid.");
        writer.Line("/// </para>");
        writer.Line("/// </remarks>");
        writer.Line("/// <param name=\"scores\">");
        writer.Line("/// Attention scores, row-major [Heads x rows x keyCount]: row r of head h starts at (h * rows + r) * keyCount.");
        writer.Line("/// Its length must be a multiple of Heads * keyCount; an empty span has no rows.");
        writer.Line("/// </param>");
        writer.Line("/// <param name=\"keyCount\">Keys per query row (key j has position j), in [1, " + MaxPosition + " + 1].</param>");
        writer.Line("/// <param name=\"startPosition\">");
        writer.Line("/// Position of query row 0 (for example the number of tokens already decoded); not negative, and the last");
        writer.Line("/// row's position startPosition + rows - 1 at most " + MaxPosition + ".");
        writer.Line("/// </param>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">");
        writer.Line("/// The length of <paramref name=\"scores\"/> is not a multiple of Heads * <paramref name=\"keyCount\"/>.");
        writer.Line("/// </exception>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">");
        writer.Line("/// <paramref name=\"keyCount\"/> is not in [1, " + MaxPosition + " + 1], or <paramref name=\"startPosition\"/> is negative");
        writer.Line("/// or puts the last row's position above " + MaxPosition + ".");
        writer.Line("/// </exception>");
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        if (features.EntryPointAttribute() is { Length: > 0 } entry) writer.Line(entry);
        using (writer.Block("public static void AddBias(global::System.Span<float> scores, int keyCount, int startPosition = 0)"))
        {
            writer.Line("if (keyCount < 1 || keyCount > " + MaxPosition + " + 1)");
            writer.Line("    __PEGen_ThrowKeyCount(keyCount);");
            writer.Line("long block = (long)Heads * keyCount;");
            writer.Line("if (scores.Length % block != 0)");
            writer.Line("    __PEGen_ThrowScores(scores.Length, block);");
            writer.Line("int rows = (int)(scores.Length / block);");
            writer.Line("if (startPosition < 0 || startPosition > " + MaxPosition + " || rows - 1 > " + MaxPosition + " - startPosition)");
            writer.Line("    __PEGen_ThrowStartPosition(startPosition, rows);");
            writer.Line("if (rows == 0)");
            writer.Line("    return;");
            writer.Line("ref float first = ref " + M + ".GetReference(scores);");
            writer.Line("global::System.ReadOnlySpan<float> slopes = Slopes;");
            writer.Line("// Offsets stay below scores.Length, an int.");
            writer.Line("int offset = 0;");
            using (writer.Block("for (int h = 0; h < Heads; h++)"))
            {
                writer.Line("float slope = slopes[h];");
                writer.Line("for (int r = 0; r < rows; r++, offset += keyCount)");
                writer.Line("    __PEGen_AddBiasRow(ref " + U + ".Add(ref first, offset), keyCount, startPosition + r, slope);");
            }
        }
        writer.Line();
    }

    private static void WriteRowKernel(SourceWriter writer, TargetFeatures features)
    {
        writer.Line("/// <summary>row[j] -= f32(slope * |position - j|) for j in [0, keyCount): the vector width this CPU has, else scalar.</summary>");
        writer.Line(TargetSyntax.AggressiveInlining);
        using (writer.Block("private static void __PEGen_AddBiasRow(ref float row, int keyCount, int position, float slope)"))
        {
            foreach (var (vector, lanes) in features.VectorWidths())
            {
                using (writer.Block("if (__PEGen" + vector + ".IsHardwareAccelerated && keyCount >= " + lanes + ")"))
                {
                    writer.Line("__PEGen_AddBiasRow_" + vector + "(ref row, keyCount, position, slope);");
                    writer.Line("return;");
                }
            }
            writer.Line("float query = position;");
            using (writer.Block("for (int j = 0; j < keyCount; j++)"))
            {
                writer.Line("// Exact: both are integers of at most 2^24. The casts keep every step float32 on any JIT.");
                writer.Line("float distance = (float)(query - (float)j);");
                writer.Line("if (distance < 0f)");
                writer.Line("    distance = -distance;");
                writer.Line("float bias = (float)(slope * distance);");
                writer.Line(U + ".Add(ref row, j) = (float)(" + U + ".Add(ref row, j) - bias);");
            }
        }
        writer.Line();
    }

    private static void WriteVectorKernel(SourceWriter writer, string vector, int lanes)
    {
        string v = "__PEGen" + vector;
        int bytes = lanes * 4;
        var iota = new string[lanes];
        for (int i = 0; i < lanes; i++) iota[i] = Invariant(i) + "f";
        writer.Line("/// <summary>row[j] -= f32(slope * |position - j|) for j in [0, keyCount), " + vector + "; keyCount is at least " + lanes + ".</summary>");
        writer.Line(TargetSyntax.AggressiveInlining);
        using (writer.Block("private static void __PEGen_AddBiasRow_" + vector + "(ref float row, int keyCount, int position, float slope)"))
        {
            writer.Line("var slopes = " + v + ".Create(slope);");
            writer.Line("var query = " + v + ".Create((float)position);");
            writer.Line("var lanes = " + v + ".Create(" + string.Join(", ", iota) + ");");
            writer.Line("nuint count = (nuint)keyCount;");
            writer.Line("// The first and last vector are computed before any store (the scores are read and written in");
            writer.Line("// place), so the run between them can start at an aligned address and needs no scalar tail.");
            writer.Line("var first = " + v + ".LoadUnsafe(ref row) - slopes * " + v + ".Abs(query - lanes);");
            writer.Line("var lastKeys = lanes + " + v + ".Create((float)(keyCount - " + lanes + "));");
            writer.Line("var last = " + v + ".LoadUnsafe(ref row, count - " + lanes + ") - slopes * " + v + ".Abs(query - lastKeys);");
            writer.Line("// Skip to the first " + bytes + "-byte boundary: aligned stores never split a cache line. If the GC");
            writer.Line("// moves the buffer meanwhile the stores are merely unaligned, never wrong.");
            writer.Line("nuint i = (nuint)" + GridOffset.FloatsTo(GridOffset.Address("row", U), bytes) + ";");
            writer.Line("// Key positions as float32 lanes: exact integers (at most 2^24) while they are below keyCount.");
            writer.Line("var keys = lanes + " + v + ".Create((float)i);");
            writer.Line("var step = " + v + ".Create(" + lanes + "f);");
            writer.Line("var step4 = " + v + ".Create(" + (4 * lanes) + "f);");
            writer.Line("// Four vectors per step from one key vector, so the key additions do not form one long chain.");
            using (writer.Block("for (; i + " + (4 * lanes) + " <= count; i += " + (4 * lanes) + ")"))
            {
                writer.Line("var keys1 = keys + step;");
                writer.Line("var keys2 = keys1 + step;");
                writer.Line("var keys3 = keys2 + step;");
                writer.Line("var v0 = " + v + ".LoadUnsafe(ref row, i) - slopes * " + v + ".Abs(query - keys);");
                writer.Line("var v1 = " + v + ".LoadUnsafe(ref row, i + " + lanes + ") - slopes * " + v + ".Abs(query - keys1);");
                writer.Line("var v2 = " + v + ".LoadUnsafe(ref row, i + " + (2 * lanes) + ") - slopes * " + v + ".Abs(query - keys2);");
                writer.Line("var v3 = " + v + ".LoadUnsafe(ref row, i + " + (3 * lanes) + ") - slopes * " + v + ".Abs(query - keys3);");
                writer.Line(v + ".StoreUnsafe(v0, ref row, i);");
                writer.Line(v + ".StoreUnsafe(v1, ref row, i + " + lanes + ");");
                writer.Line(v + ".StoreUnsafe(v2, ref row, i + " + (2 * lanes) + ");");
                writer.Line(v + ".StoreUnsafe(v3, ref row, i + " + (3 * lanes) + ");");
                writer.Line("keys += step4;");
            }
            using (writer.Block("for (; i + " + lanes + " <= count; i += " + lanes + ")"))
            {
                writer.Line(v + ".StoreUnsafe(" + v + ".LoadUnsafe(ref row, i) - slopes * " + v + ".Abs(query - keys), ref row, i);");
                writer.Line("keys += step;");
            }
            writer.Line("// The end vectors last: they may overlap the run, and hold values computed from the scores before it.");
            writer.Line(v + ".StoreUnsafe(last, ref row, count - " + lanes + ");");
            writer.Line(v + ".StoreUnsafe(first, ref row);");
        }
        writer.Line();
    }

    private static void WriteThrows(SourceWriter writer)
    {
        writer.Line(NoInlining);
        using (writer.Block("private static void __PEGen_ThrowKeyCount(int keyCount)"))
        {
            writer.Line("throw new global::System.ArgumentOutOfRangeException(\"keyCount\", keyCount,");
            writer.Line("    \"keyCount must be at least 1 and at most 16777217: key positions up to 2^24 are exact float32 values.\");");
        }
        writer.Line();
        writer.Line(NoInlining);
        using (writer.Block("private static void __PEGen_ThrowScores(int length, long block)"))
        {
            writer.Line("throw new global::System.ArgumentException(");
            writer.Line("    \"scores.Length = \" + length.ToString(" + Inv + ") + \" is not a whole number of rows: \" +");
            writer.Line("    \"the scores are [Heads x rows x keyCount], so the length must be a multiple of Heads * keyCount = \" +");
            writer.Line("    block.ToString(" + Inv + ") + \".\", \"scores\");");
        }
        writer.Line();
        writer.Line(NoInlining);
        using (writer.Block("private static void __PEGen_ThrowStartPosition(int startPosition, int rows)"))
        {
            writer.Line("throw new global::System.ArgumentOutOfRangeException(\"startPosition\", startPosition,");
            writer.Line("    \"startPosition must not be negative, and the last query position startPosition + rows - 1 (rows = \" +");
            writer.Line("    rows.ToString(" + Inv + ") + \") must be at most 16777216, where positions stop being exact float32 values.\");");
        }
        writer.Line();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Splits text at spaces into lines of at most about width characters.
    private static System.Collections.Generic.IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
