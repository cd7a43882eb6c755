using PEGen.Model;

namespace PEGen.Emit.Rotary;

/// <summary>
/// LongRoPE has two table pairs. An entry point decides once per call which pair it reads (transformers' per-call
/// rule, or the caller's <c>LongRopeFactors</c>) and passes the choice down as a bool; the kernels then read that
/// pair's rows exactly as they read the only pair of every other rotary class, which gets no flag at all.
/// </summary>
internal static class LongRopeSwitch
{
    /// <summary>The flag's name in the generated methods.</summary>
    public const string Flag = "useShort";

    /// <summary>The private constant that holds OriginalMaxLen.</summary>
    public const string OriginalMaxLen = "__PEGen_OriginalMaxLen";

    public static bool Applies(EncodingSpec spec) => spec.Rotary.IsLongRope;

    /// <summary>The flag as a trailing parameter, or nothing.</summary>
    public static string Parameter(EncodingSpec spec) => Applies(spec) ? ", bool " + Flag : "";

    /// <summary>The flag as a trailing argument, or nothing.</summary>
    public static string Argument(EncodingSpec spec) => Applies(spec) ? ", " + Flag : "";

    /// <summary>The cos table a kernel reads.</summary>
    public static string Cos(EncodingSpec spec) => Applies(spec) ? Flag + " ? ShortCos : Cos" : "Cos";

    /// <summary>The sin table a kernel reads.</summary>
    public static string Sin(EncodingSpec spec) => Applies(spec) ? Flag + " ? ShortSin : Sin" : "Sin";

    /// <summary>
    /// The lines that set the flag for rows <paramref name="start"/> onwards by transformers' rule (nothing for other
    /// classes): the short factors when the call's last position + 1 is at most OriginalMaxLen.
    /// </summary>
    public static string PerCall(EncodingSpec spec, string start, string rows) => !Applies(spec) ? "" :
        "// transformers' per-call rule: the short factors when every row of the call is below OriginalMaxLen.\n" +
        "bool " + Flag + " = " + start + " + " + rows + " <= " + OriginalMaxLen + ";";
}
