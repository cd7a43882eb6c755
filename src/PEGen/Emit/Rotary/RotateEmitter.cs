using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit.Rotary;

/// <summary>
/// <c>Rotate</c> from a start position, in place and out of place, and LongRoPE's overloads that take
/// <c>LongRopeFactors</c>: validate every argument, choose LongRoPE's tables, then call the rows method (or, out of
/// place on large calls, the AVX-512 stream kernel).
/// </summary>
internal static class RotateEmitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string pairing = RotaryEmitter.Pairing(spec);
        MemberDocs.Summary(writer, spec,
            new[]
            {
                "Rotates query or key vectors in place: every head of row r is rotated by the angles of position",
                "<paramref name=\"startPosition\"/> + r, pairing elements " + pairing + ".",
            },
            RotaryEmitter.Notes(spec, outOfPlace: false, perCallRule: true));
        MemberDocs.Signature(writer, GeneratedMembers.Rotate, spec, features);
        using (writer.Block(""))
            WriteBody(writer, spec, features, outOfPlace: false, factors: false);
        writer.Line();

        MemberDocs.Summary(writer, spec,
            new[]
            {
                "Writes the rotated vectors to <paramref name=\"destination\"/>: every head of row r rotated by the",
                "angles of position <paramref name=\"startPosition\"/> + r, pairing elements " + pairing + ".",
            },
            RotaryEmitter.Notes(spec, outOfPlace: true, perCallRule: true));
        MemberDocs.Signature(writer, GeneratedMembers.RotateTo, spec, features);
        using (writer.Block(""))
            WriteBody(writer, spec, features, outOfPlace: true, factors: false);
        writer.Line();

        if (!LongRopeSwitch.Applies(spec)) return;
        string choice = "<paramref name=\"factors\"/> chooses the tables: Auto is transformers' per-call rule, Short the short tables " +
                        "(every row below OriginalMaxLen), Long the long tables (a KV cache rotated consistently across the switch).";
        MemberDocs.Summary(writer, spec,
            new[]
            {
                "Rotates query or key vectors in place, every head of row r by position <paramref name=\"startPosition\"/> + r,",
                "with the LongRoPE tables <paramref name=\"factors\"/> names.",
            },
            Prepend(choice, RotaryEmitter.Notes(spec, outOfPlace: false, perCallRule: false)));
        MemberDocs.Signature(writer, GeneratedMembers.RotateFactors, spec, features);
        using (writer.Block(""))
            WriteBody(writer, spec, features, outOfPlace: false, factors: true);
        writer.Line();

        MemberDocs.Summary(writer, spec,
            new[]
            {
                "Writes the rotated vectors to <paramref name=\"destination\"/>, every head of row r by position",
                "<paramref name=\"startPosition\"/> + r, with the LongRoPE tables <paramref name=\"factors\"/> names.",
            },
            Prepend(choice, RotaryEmitter.Notes(spec, outOfPlace: true, perCallRule: false)));
        MemberDocs.Signature(writer, GeneratedMembers.RotateFactorsTo, spec, features);
        using (writer.Block(""))
            WriteBody(writer, spec, features, outOfPlace: true, factors: true);
        writer.Line();
    }

    private static void WriteBody(SourceWriter writer, EncodingSpec spec, TargetFeatures features, bool outOfPlace, bool factors)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        writer.Line("int rows = " + GuardHelpersEmitter.Call(GuardHelpersEmitter.RotaryRows) + "(vectors.Length, Dim, startPosition, heads, MaxLen);");
        if (outOfPlace)
            writer.Line(GuardHelpersEmitter.Call(GuardHelpersEmitter.CheckDestination) + "(vectors, destination);");
        if (factors)
        {
            writer.Line("bool " + LongRopeSwitch.Flag + " = " + RotaryGuardsEmitter.Call(RotaryGuardsEmitter.UseShortFactors) +
                        "((int)factors, startPosition, rows, " + LongRopeSwitch.OriginalMaxLen + ");");
        }
        else if (LongRopeSwitch.Applies(spec))
        {
            writer.Lines(LongRopeSwitch.PerCall(spec, "startPosition", "rows"));
        }
        string flag = LongRopeSwitch.Argument(spec);
        if (!outOfPlace)
        {
            writer.Line("ref " + t + " data = ref " + M + ".GetReference(vectors);");
            writer.Line(RotaryEmitter.Rows + "(ref data, ref data, rows, startPosition, heads" + flag + ");");
            return;
        }
        writer.Lines($$"""
            ref {{t}} source = ref {{M}}.GetReference(vectors);
            ref {{t}} target = ref {{M}}.GetReference(destination);
            """);
        if (RotaryStreamEmitter.Applies(spec, features))
        {
            writer.Lines($$"""
                // Past half a MiB the destination leaves the core's L2 cache and split stores cost twice the
                // memory traffic; below, the row kernel (angles loaded once for all heads) is faster.
                if ({{RotaryStreamEmitter.RuntimeCondition}}
                    && vectors.Length >= {{RotaryStreamEmitter.MinimumFloats}} && !{{U}}.AreSame(ref source, ref target))
                {
                    {{RotaryStreamEmitter.Method}}(ref source, ref target, rows, startPosition, heads{{flag}});
                    return;
                }
                """);
        }
        if (spec.Rotary.RotaryDim < spec.Dim)
        {
            bool heads = RotaryHeadsEmitter.Applies(spec, features);
            writer.Lines($$"""
                // Partial rotary, large calls{{(heads ? " the head-by-head kernel does not take (AVX2 only)" : "")}}: the pass-through part is
                // most of the bytes. Span.CopyTo moves them at the copy roofline (whole-line stores, no read for
                // ownership), then only the rotated part is read and written again, in place, while the copied block
                // is still in the core's cache (blocks of about 64 KiB); row by row, per-head copies split lines and
                // cost up to 1.7x.
                if ({{(heads ? "(" + RotaryRuntime.Avx512 + "\n    || !global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)\n    && " : "")}}vectors.Length >= {{RotaryStreamEmitter.MinimumFloats}} && !{{U}}.AreSame(ref source, ref target))
                {
                    int rowLength = heads * Dim;
                    int block = global::System.Math.Max(1, 16384 / rowLength);
                    for (int r = 0; r < rows; r += block)
                    {
                        int count = global::System.Math.Min(block, rows - r);
                        vectors.Slice(r * rowLength, count * rowLength).CopyTo(destination.Slice(r * rowLength));
                        ref {{t}} copied = ref {{U}}.Add(ref target, r * rowLength);
                        {{RotaryEmitter.Rows}}(ref copied, ref copied, count, startPosition + r, heads{{flag}});
                    }
                    return;
                }
                """);
        }
        writer.Line(RotaryEmitter.Rows + "(ref source, ref target, rows, startPosition, heads" + flag + ");");
    }

    private static string[] Prepend(string first, string[] rest)
    {
        var all = new string[rest.Length + 1];
        all[0] = first;
        rest.CopyTo(all, 1);
        return all;
    }
}
