using PEGen.Model;

namespace PEGen.Emit.Rotary;

/// <summary>
/// Rotary schemes (<c>Rope</c>, <c>RopeInterleaved</c>): the tables and constants
/// (<see cref="RotaryTablesEmitter"/>), the public methods (<see cref="RotateEmitter"/>,
/// <see cref="RotaryPositionsEmitter"/>, <see cref="RotateQueryKeyEmitter"/>), which validate and then call the
/// rows methods and row kernels every call form shares (<see cref="RotaryKernelEmitter"/>), and the AVX-512
/// out-of-place kernel (<see cref="RotaryStreamEmitter"/>). LongRoPE's choice of tables is <see cref="LongRopeSwitch"/>.
/// </summary>
internal static class RotaryEmitter
{
    public const string Rows = "__PEGen_RotateRows";
    public const string PositionRows = "__PEGen_RotatePositions";
    public const string QueryKeyRows = "__PEGen_RotateQueryKeyRows";

    private const string U = "global::System.Runtime.CompilerServices.Unsafe";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        RotaryTablesEmitter.WriteMembers(writer, spec, features);
        RotateEmitter.Write(writer, spec, features);
        RotaryPositionsEmitter.Write(writer, spec, features);
        RotateQueryKeyEmitter.Write(writer, spec, features);

        RotaryKernelEmitter.WriteRows(writer, spec, features, Rows, RotaryKernelEmitter.Single,
            "int startPosition", "startPosition + r", consecutive: true);
        RotaryKernelEmitter.WriteRows(writer, spec, features, PositionRows, RotaryKernelEmitter.Single,
            "ref int positions", U + ".Add(ref positions, r)", consecutive: false);
        RotaryKernelEmitter.WriteRows(writer, spec, features, QueryKeyRows, RotaryKernelEmitter.QueryKey,
            "int startPosition", "startPosition + r", consecutive: true);
        CopyCosSinEmitter.Write(writer, spec, features);
        if (spec.IsCompact) Compact.CompactEmitter.WriteRotaryRows(writer, spec);
        RotaryKernelEmitter.WriteKernels(writer, spec, features);
        if (RotaryStreamEmitter.Applies(spec, features)) RotaryStreamEmitter.Write(writer, spec, features);
    }

    /// <summary>The pairs a rotation forms, for docs.</summary>
    public static string Pairing(EncodingSpec spec)
    {
        bool halves = spec.Definition.Layout == Schemes.PairLayout.RotateHalf;
        if (spec.Rotary.RotaryDim == spec.Dim) return halves ? "(k, k + Dim/2)" : "(2k, 2k + 1)";
        return (halves ? "(k, k + RotaryDim/2)" : "(2k, 2k + 1)") + " among the first RotaryDim values of each head";
    }

    /// <summary>The remarks a rotation method adds to the scheme's: what partial rotary and LongRoPE do.</summary>
    public static string[] Notes(EncodingSpec spec, bool outOfPlace, bool perCallRule)
    {
        var notes = new System.Collections.Generic.List<string>();
        if (spec.Rotary.RotaryDim < spec.Dim)
        {
            notes.Add(outOfPlace
                ? "Partial rotary: values RotaryDim..Dim of every head are copied to the destination, in the same pass over the row " +
                  "(left as they are when the destination is the input)."
                : "Partial rotary: values RotaryDim..Dim of every head are left as they are.");
        }
        if (spec.Rotary.IsLongRope && perCallRule)
        {
            notes.Add("LongRoPE: ShortCos/ShortSin when every position of the call is below OriginalMaxLen = " +
                      MemberDocs.Invariant(spec.Rotary.OriginalMaxLen) + " (transformers' rule), else Cos/Sin for all of it.");
        }
        notes.Add("Each row's cos/sin are loaded once for all of its heads; no fused multiply-add, so every vector width and the " +
                  "scalar path give the same bits.");
        return notes.ToArray();
    }
}
