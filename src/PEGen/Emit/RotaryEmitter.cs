using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit;

/// <summary>
/// Rotary schemes: <c>Cos</c>/<c>Sin</c> tables [MaxLen x Dim/2] and <c>Rotate</c> in place and out of
/// place. <see cref="PairLayout.RotateHalf"/> pairs element k with k + Dim/2 (transformers' rotate_half),
/// so both halves are contiguous and the loop is vectorised; <see cref="PairLayout.ComplexPairs"/> pairs 2k
/// with 2k+1 (a complex multiply, as Meta's reference), written as a scalar loop over refs. Products and
/// sums are separate roundings in every path, as in the references' float32 arithmetic.
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
                __PEGen_RotateRows(ref source, ref {{M}}.GetReference(destination), rows, startPosition, heads);
                """);
        }
        writer.Line();

        writer.Lines($$"""
            private static void __PEGen_RotateRows(ref {{t}} source, ref {{t}} destination, int rows, int startPosition, int heads)
            {
                const int Half = Dim / 2;
                ref {{t}} cosTable = ref {{M}}.GetReference(Cos);
                ref {{t}} sinTable = ref {{M}}.GetReference(Sin);
                for (int r = 0; r < rows; r++)
                {
                    ref {{t}} cos = ref {{U}}.Add(ref cosTable, ({{n}})(startPosition + r) * Half);
                    ref {{t}} sin = ref {{U}}.Add(ref sinTable, ({{n}})(startPosition + r) * Half);
                    for (int h = 0; h < heads; h++)
                    {
                        {{n}} vector = (({{n}})r * heads + h) * Dim;
                        __PEGen_RotateVector(
                            ref {{U}}.Add(ref source, vector), ref cos, ref sin,
                            ref {{U}}.Add(ref destination, vector));
                    }
                }
            }

            """);
        if (spec.Definition.Layout == PairLayout.RotateHalf) WriteHalvesKernel(writer, spec, features);
        else WriteInterleavedKernel(writer, spec, features);
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

    // rotate_half: out[k] = x[k] cos - x[k+Half] sin, out[k+Half] = x[k+Half] cos + x[k] sin.
    private static void WriteHalvesKernel(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        writer.Line(TargetSyntax.AggressiveInlining);
        using (writer.Block("private static void __PEGen_RotateVector(ref " + t + " x, ref " + t + " cos, ref " + t + " sin, ref " + t + " destination)"))
        {
            writer.Line("const int Half = Dim / 2;");
            writer.Line(features.NInt() + " k = 0;");
            bool first = true;
            foreach (var (vector, lanes) in features.VectorWidths())
            {
                if (WriteHalvesVectorLoop(writer, vector, lanes, spec.Dim / 2, first))
                    first = false;
            }
            using (writer.Block("for (; k < Half; k++)"))
            {
                writer.Line(t + " a = " + U + ".Add(ref x, k);");
                writer.Line(t + " b = " + U + ".Add(ref x, k + Half);");
                writer.Line(t + " c = " + U + ".Add(ref cos, k), s = " + U + ".Add(ref sin, k);");
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
    private static void WriteInterleavedKernel(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        writer.Lines($$"""
            {{TargetSyntax.AggressiveInlining}}
            private static void __PEGen_RotateVector(ref {{t}} x, ref {{t}} cos, ref {{t}} sin, ref {{t}} destination)
            {
                for ({{features.NInt()}} k = 0; k < Dim / 2; k++)
                {
                    {{t}} a = {{U}}.Add(ref x, 2 * k);
                    {{t}} b = {{U}}.Add(ref x, 2 * k + 1);
                    {{t}} c = {{U}}.Add(ref cos, k), s = {{U}}.Add(ref sin, k);
                    {{U}}.Add(ref destination, 2 * k) = a * c - b * s;
                    {{U}}.Add(ref destination, 2 * k + 1) = a * s + b * c;
                }
            }

            """);
    }

    private static string Call(string helper) => GuardHelpersEmitter.Call(helper);
}
