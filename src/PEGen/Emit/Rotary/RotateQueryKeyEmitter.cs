using PEGen.Emit.Shared;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit.Rotary;

/// <summary>
/// <c>RotateQueryKey</c>: a row's query heads and key heads (grouped-query attention) rotated in place, validated once,
/// by Rotate's row kernel on the query row and then the key row at the same angles, so the angles are found (Compact:
/// computed) once per row, not once per span and call.
/// </summary>
internal static class RotateQueryKeyEmitter
{
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        var notes = new System.Collections.Generic.List<string>
        {
            "The result is bit for bit that of Rotate on each span: one pass over the rows rotates the query row and then " +
            "the key row with the same kernel and the same angles, found once per row" +
            (spec.IsCompact ? " (Compact storage: computed once, where two Rotate calls compute them twice)." : "."),
        };
        if (spec.Rotary.RotaryDim < spec.Dim)
            notes.Add("Partial rotary: values RotaryDim..Dim of every head are left as they are.");
        if (spec.Rotary.IsLongRope)
        {
            notes.Add("LongRoPE: ShortCos/ShortSin when every position of the call is below OriginalMaxLen = " +
                      MemberDocs.Invariant(spec.Rotary.OriginalMaxLen) + " (transformers' rule), else Cos/Sin for all of it.");
        }
        MemberDocs.Summary(writer, spec,
            new[]
            {
                "Rotates a step's queries and keys in place: every query head and every key head of row r by the angles of",
                "position <paramref name=\"startPosition\"/> + r, pairing elements " + RotaryEmitter.Pairing(spec) + ".",
            },
            notes.ToArray());
        MemberDocs.Signature(writer, GeneratedMembers.RotateQueryKey, spec, features);
        using (writer.Block(""))
        {
            writer.Line("int rows = " + RotaryGuardsEmitter.Call(RotaryGuardsEmitter.QueryKeyRows) +
                        "(queries.Length, queryHeads, keys.Length, keyHeads, Dim, startPosition, MaxLen);");
            writer.Line(RotaryGuardsEmitter.Call(RotaryGuardsEmitter.CheckApart) + "<" + t + ">(queries, keys);");
            if (LongRopeSwitch.Applies(spec))
                writer.Lines(LongRopeSwitch.PerCall(spec, "startPosition", "rows"));
            writer.Line("ref " + t + " q = ref " + M + ".GetReference(queries);");
            writer.Line("ref " + t + " k = ref " + M + ".GetReference(keys);");
            writer.Line(RotaryEmitter.QueryKeyRows + "(ref q, ref k, rows, startPosition, queryHeads, keyHeads" + LongRopeSwitch.Argument(spec) + ");");
        }
        writer.Line();
    }
}
