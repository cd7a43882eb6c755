using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit;

/// <summary>
/// Rotary schemes: <c>Cos</c>/<c>Sin</c> tables [MaxLen x Dim/2] and <c>Rotate</c> in place and out of
/// place. <see cref="PairLayout.RotateHalf"/> pairs element k with k + Dim/2 (transformers' rotate_half),
/// so both halves are contiguous; <see cref="PairLayout.ComplexPairs"/> pairs 2k with 2k+1 (a complex
/// multiply, as Meta's reference), vectorised with the shared pair shuffles (<see cref="PairShuffleEmitter"/>).
/// A row's angles are loaded once for all its heads. Products and sums are separate roundings in every
/// path (no fused multiply-add), as in the references' float32 arithmetic.
/// </summary>
internal static class RotaryEmitter
{
    public const string CosData = "__PEGen_CosBits";
    public const string SinData = "__PEGen_SinBits";

    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        WriteTableProperty(writer, spec, GeneratedMembers.Cos.Name, CosData, features, "cos");
        WriteTableProperty(writer, spec, GeneratedMembers.Sin.Name, SinData, features, "sin");

        string t = ElementSyntax.Keyword(spec.Element);
        string pairing = spec.Definition.Layout == PairLayout.RotateHalf ? "(k, k + Dim/2)" : "(2k, 2k + 1)";
        string n = features.NInt();
        bool stream = RotaryStreamEmitter.Applies(spec, features);

        MemberDocs.Summary(writer, spec,
            "Rotates query or key vectors in place: every head of row r is rotated by the angles of position",
            "<paramref name=\"startPosition\"/> + r, pairing elements " + pairing + ".");
        MemberDocs.Signature(writer, GeneratedMembers.Rotate, spec, features);
        using (writer.Block(""))
        {
            writer.Line("int rows = " + Call(GuardHelpersEmitter.RotaryRows) + "(vectors.Length, Dim, startPosition, heads, MaxLen);");
            writer.Line("ref " + t + " data = ref " + M + ".GetReference(vectors);");
            writer.Line("__PEGen_RotateRows(ref data, ref data, rows, startPosition, heads);");
        }
        writer.Line();

        MemberDocs.Summary(writer, spec,
            "Writes the rotated vectors to <paramref name=\"destination\"/>: every head of row r rotated by the",
            "angles of position <paramref name=\"startPosition\"/> + r, pairing elements " + pairing + ".");
        MemberDocs.Signature(writer, GeneratedMembers.RotateTo, spec, features);
        using (writer.Block(""))
        {
            writer.Lines($$"""
                int rows = {{Call(GuardHelpersEmitter.RotaryRows)}}(vectors.Length, Dim, startPosition, heads, MaxLen);
                {{Call(GuardHelpersEmitter.CheckDestination)}}(vectors, destination);
                ref {{t}} source = ref {{M}}.GetReference(vectors);
                ref {{t}} target = ref {{M}}.GetReference(destination);
                """);
            if (stream)
            {
                writer.Lines($$"""
                    // Past half a MiB the destination leaves the core's L2 cache and split stores cost twice the
                    // memory traffic; below, the row kernel (angles loaded once for all heads) is faster.
                    if ({{RotaryStreamEmitter.RuntimeCondition}}
                        && vectors.Length >= {{RotaryStreamEmitter.MinimumFloats}} && !{{U}}.AreSame(ref source, ref target))
                    {
                        {{RotaryStreamEmitter.Method}}(ref source, ref target, rows, startPosition, heads);
                        return;
                    }
                    """);
            }
            writer.Line("__PEGen_RotateRows(ref source, ref target, rows, startPosition, heads);");
        }
        writer.Line();

        writer.Lines($$"""
            private static void __PEGen_RotateRows(ref {{t}} source, ref {{t}} destination, int rows, int startPosition, int heads)
            {
                const int Half = Dim / 2;
                ref {{t}} cosTable = ref {{M}}.GetReference(Cos);
                ref {{t}} sinTable = ref {{M}}.GetReference(Sin);
                {{n}} rowLength = ({{n}})heads * Dim;
                for (int r = 0; r < rows; r++)
                {
                    {{n}} angles = ({{n}})(startPosition + r) * Half;
                    __PEGen_RotateRow(
                        ref {{U}}.Add(ref source, r * rowLength),
                        ref {{U}}.Add(ref cosTable, angles),
                        ref {{U}}.Add(ref sinTable, angles),
                        ref {{U}}.Add(ref destination, r * rowLength),
                        rowLength);
                }
            }

            """);
        WriteRowKernel(writer, spec, features);
        if (stream) RotaryStreamEmitter.Write(writer, spec, features);
    }

    private static void WriteTableProperty(SourceWriter writer, EncodingSpec spec, string name, string data, TargetFeatures features, string function)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        MemberDocs.Summary(writer, spec,
            function + "(p * theta_k) for position p and pair k, row-major [MaxLen x Dim/2], theta_k = Base^(-2k/Dim).",
            "Constant data in the assembly: reading it computes nothing and allocates nothing.");
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        using (writer.Block("public static global::System.ReadOnlySpan<" + t + "> " + name))
        {
            writer.Line(TargetSyntax.AggressiveInlining);
            writer.Lines("get => " + DataView.Of(data, "MaxLen * (Dim / 2)", spec, features) + ";");
        }
        writer.Line();
    }

    // One row: each step loads its cos/sin once and applies them to every head of the row, so a
    // grouped-query row of 32 heads reads (and, interleaved, shuffles) its angles once, not 32 times.
    // The layouts differ only in where pair k sits (first index, partner offset) and in the vector step.
    private static void WriteRowKernel(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        bool halves = spec.Definition.Layout == PairLayout.RotateHalf;
        string t = ElementSyntax.Keyword(spec.Element);
        string n = features.NInt();
        string first = halves ? "k" : "2 * k", partner = halves ? "Half" : "1";
        writer.Line(TargetSyntax.AggressiveInlining);
        writer.Line("private static void __PEGen_RotateRow(ref " + t + " x, ref " + t + " cos, ref " + t + " sin, ref " + t + " destination, " + n + " rowLength)");
        using (writer.Block(""))
        {
            writer.Line("const int Half = Dim / 2;");
            writer.Line(n + " k = 0;");
            foreach (var (vector, lanes) in features.VectorWidths())
            {
                if (spec.Dim / 2 < lanes) continue;   // Dim/2 is a constant: a vector never fits, skip the dead branch
                string v = "global::System.Runtime.Intrinsics." + vector;
                writer.Lines($$"""
                    if ({{v}}.IsHardwareAccelerated)
                    {
                    """);
                writer.PushIndent();
                writer.Lines(halves ? HalvesStep(v, lanes) : InterleavedStep(v, lanes));
                writer.PopIndent();
                writer.Line("}");
            }
            // Scalar tail: a = x[first], b = x[first + partner]; the same roundings as the vector steps.
            writer.Lines($$"""
                for (; k < Half; k++)
                {
                    {{t}} c = {{U}}.Add(ref cos, k);
                    {{t}} s = {{U}}.Add(ref sin, k);
                    for ({{n}} i = {{first}}; i < rowLength; i += Dim)
                    {
                        {{t}} a = {{U}}.Add(ref x, i);
                        {{t}} b = {{U}}.Add(ref x, i + {{partner}});
                        {{U}}.Add(ref destination, i) = a * c - b * s;
                        {{U}}.Add(ref destination, i + {{partner}}) = b * c + a * s;
                    }
                }
                """);
        }
        writer.Line();
    }

    // rotate_half: out[k] = x[k] cos - x[k+Half] sin, out[k+Half] = x[k+Half] cos + x[k] sin.
    private static string HalvesStep(string v, int lanes) => $$"""
        for (; k + {{lanes}} <= Half; k += {{lanes}})
        {
            var c = {{v}}.LoadUnsafe(ref cos, (nuint)k);
            var s = {{v}}.LoadUnsafe(ref sin, (nuint)k);
            for (nint i = k; i < rowLength; i += Dim)
            {
                var a = {{v}}.LoadUnsafe(ref x, (nuint)i);
                var b = {{v}}.LoadUnsafe(ref x, (nuint)(i + Half));
                {{v}}.StoreUnsafe(a * c - b * s, ref destination, (nuint)i);
                {{v}}.StoreUnsafe(b * c + a * s, ref destination, (nuint)(i + Half));
            }
        }
        """;

    // Complex multiply per pair: (x0 + i x1)(c + i s) = (x0 c - x1 s) + i (x0 s + x1 c).
    private static string InterleavedStep(string v, int lanes) => $$"""
        // {{lanes}} pairs per step, 2 x {{lanes}} values per head: x * (c, c) + swap(x) * (-s, s).
        for (; k + {{lanes}} <= Half; k += {{lanes}})
        {
            var c = {{v}}.LoadUnsafe(ref cos, (nuint)k);
            var s = {{v}}.LoadUnsafe(ref sin, (nuint)k);
            var cLow = {{Pair(PairShuffleEmitter.Low)}}(c);
            var cHigh = {{Pair(PairShuffleEmitter.High)}}(c);
            var sLow = {{Pair(PairShuffleEmitter.NegateEven)}}({{Pair(PairShuffleEmitter.Low)}}(s));
            var sHigh = {{Pair(PairShuffleEmitter.NegateEven)}}({{Pair(PairShuffleEmitter.High)}}(s));
            for (nint i = 2 * k; i < rowLength; i += Dim)
            {
                var low = {{v}}.LoadUnsafe(ref x, (nuint)i);
                var high = {{v}}.LoadUnsafe(ref x, (nuint)(i + {{lanes}}));
                var lowSwapped = {{Pair(PairShuffleEmitter.Swap)}}(low);
                var highSwapped = {{Pair(PairShuffleEmitter.Swap)}}(high);
                {{v}}.StoreUnsafe(low * cLow + lowSwapped * sLow, ref destination, (nuint)i);
                {{v}}.StoreUnsafe(high * cHigh + highSwapped * sHigh, ref destination, (nuint)(i + {{lanes}}));
            }
        }
        """;

    private static string Pair(string shuffle) => PairShuffleEmitter.Call(shuffle);

    private static string Call(string helper) => GuardHelpersEmitter.Call(helper);
}
