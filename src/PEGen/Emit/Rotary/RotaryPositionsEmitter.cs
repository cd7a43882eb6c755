using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit.Rotary;

/// <summary>
/// <c>Rotate</c> with one position per row (packed sequences, continuous batching, left padding), in place and out
/// of place. One pass over the positions checks them all before anything is written and finds the largest, which
/// decides LongRoPE's tables (the short ones only when every position is below OriginalMaxLen).
/// </summary>
internal static class RotaryPositionsEmitter
{
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string pairing = RotaryEmitter.Pairing(spec);
        MemberDocs.Summary(writer, spec,
            new[]
            {
                "Rotates query or key vectors in place, one position per row: every head of row r is rotated by the",
                "angles of position <paramref name=\"positions\"/>[r], pairing elements " + pairing + ".",
            },
            Notes(spec, outOfPlace: false));
        MemberDocs.Signature(writer, GeneratedMembers.RotatePositions, spec, features);
        using (writer.Block(""))
            WriteBody(writer, spec, outOfPlace: false);
        writer.Line();

        MemberDocs.Summary(writer, spec,
            new[]
            {
                "Writes the rotated vectors to <paramref name=\"destination\"/>, one position per row: every head of row r",
                "rotated by the angles of position <paramref name=\"positions\"/>[r], pairing elements " + pairing + ".",
            },
            Notes(spec, outOfPlace: true));
        MemberDocs.Signature(writer, GeneratedMembers.RotatePositionsTo, spec, features);
        using (writer.Block(""))
            WriteBody(writer, spec, outOfPlace: true);
        writer.Line();
    }

    private static string[] Notes(EncodingSpec spec, bool outOfPlace)
    {
        var notes = new System.Collections.Generic.List<string>
        {
            "Every position is checked before anything is written; they may come in any order and repeat.",
        };
        if (spec.Rotary.IsLongRope)
        {
            notes.Add("LongRoPE: ShortCos/ShortSin when every position is below OriginalMaxLen = " +
                      MemberDocs.Invariant(spec.Rotary.OriginalMaxLen) + ", else Cos/Sin for every row.");
        }
        notes.AddRange(RotaryEmitter.Notes(spec, outOfPlace, perCallRule: false));
        return notes.ToArray();
    }

    private static void WriteBody(SourceWriter writer, EncodingSpec spec, bool outOfPlace)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        string check = RotaryGuardsEmitter.Call(RotaryGuardsEmitter.RotaryPositions) + "(vectors.Length, Dim, positions, heads, MaxLen);";
        writer.Line(LongRopeSwitch.Applies(spec) ? "int largest = " + check : check);
        if (outOfPlace)
            writer.Line(GuardHelpersEmitter.Call(GuardHelpersEmitter.CheckDestination) + "(vectors, destination);");
        if (LongRopeSwitch.Applies(spec))
            writer.Line("bool " + LongRopeSwitch.Flag + " = largest < " + LongRopeSwitch.OriginalMaxLen + ";");
        string source = outOfPlace ? "source" : "data", target = outOfPlace ? "target" : "data";
        writer.Line("ref " + t + " " + source + " = ref " + M + ".GetReference(vectors);");
        if (outOfPlace)
            writer.Line("ref " + t + " " + target + " = ref " + M + ".GetReference(destination);");
        writer.Line("ref int first = ref " + M + ".GetReference(positions);");
        writer.Line(RotaryEmitter.PositionRows + "(ref " + source + ", ref " + target + ", positions.Length, ref first, heads" +
                    LongRopeSwitch.Argument(spec) + ");");
    }
}
