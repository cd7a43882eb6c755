using System.Linq;
using PEGen.Model;

namespace PEGen.Emit.Shared;

/// <summary>
/// The shuffles of the interleaved rotary kernel, one set per vector width, as members of the shared
/// helper class. A pair (x[2k], x[2k+1]) is rotated as x * (c, c) + swap(x) * (-s, s): one vector of
/// cos values is duplicated into two vectors of pairs, the sines are duplicated and negated in even
/// lanes (exact: a sign flip), so each lane is still one product, one product and one sum, the same
/// roundings as <c>a * c - b * s</c>. The index vectors are literals inside small inlined methods, so
/// the JIT sees them as constants and emits single permute instructions.
/// </summary>
internal static class PairShuffleEmitter
{
    public const string Low = "DuplicateLow";
    public const string High = "DuplicateHigh";
    public const string Swap = "SwapPairs";
    public const string NegateEven = "NegateEven";

    /// <summary>Writes the four shuffles at one vector width.</summary>
    public static void Write(SourceWriter writer, string vector, int lanes)
    {
        string v = vector + "<float>";
        string Ints(System.Func<int, int> lane) =>
            string.Join(", ", Enumerable.Range(0, lanes).Select(i => lane(i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string Floats(System.Func<int, string> lane) => string.Join(", ", Enumerable.Range(0, lanes).Select(lane));

        Method(writer, "(v0, v0, v1, v1, ...): the first half of the lanes, each twice.", v, Low,
            vector + ".Shuffle(v, " + vector + ".Create(" + Ints(i => i / 2) + "))");
        Method(writer, "(v[n/2], v[n/2], ...): the second half of the lanes, each twice.", v, High,
            vector + ".Shuffle(v, " + vector + ".Create(" + Ints(i => lanes / 2 + i / 2) + "))");
        Method(writer, "(v1, v0, v3, v2, ...): the two values of every pair swapped.", v, Swap,
            vector + ".Shuffle(v, " + vector + ".Create(" + Ints(i => i ^ 1) + "))");
        Method(writer, "(-v0, v1, -v2, v3, ...): the sign of even lanes flipped, which is exact.", v, NegateEven,
            "v ^ " + vector + ".Create(" + Floats(i => i % 2 == 0 ? "-0f" : "0f") + ")");
    }

    private static void Method(SourceWriter writer, string summary, string type, string name, string body)
    {
        writer.Line("/// <summary>" + summary + "</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        writer.Line("internal static " + type + " " + name + "(" + type + " v) =>");
        writer.Line("    " + body + ";");
        writer.Line();
    }

    /// <summary>A call of shuffle <paramref name="name"/> as a generated class writes it.</summary>
    public static string Call(string name) => SharedHelpersEmitter.ClassName + "." + name;

    /// <summary>The four shuffles as a generated class calls them; emitters import it as <c>Pairs</c>.</summary>
    public static class Calls
    {
        public static readonly string Low = Call(PairShuffleEmitter.Low);
        public static readonly string High = Call(PairShuffleEmitter.High);
        public static readonly string Swap = Call(PairShuffleEmitter.Swap);
        public static readonly string NegateEven = Call(PairShuffleEmitter.NegateEven);

        /// <summary>
        /// The four pair factors of one vector of angles, as declarations on four lines: cos duplicated per pair
        /// (the low and the high half of the lanes), sin duplicated and negated in the even lanes.
        /// </summary>
        public static string Factors(string cos, string sin, string cosLow, string cosHigh, string sinLow, string sinHigh) =>
            "var " + cosLow + " = " + Low + "(" + cos + ");\n" +
            "var " + cosHigh + " = " + High + "(" + cos + ");\n" +
            "var " + sinLow + " = " + NegateEven + "(" + Low + "(" + sin + "));\n" +
            "var " + sinHigh + " = " + NegateEven + "(" + High + "(" + sin + "));";
    }

    /// <summary>Whether the shared class needs the shuffles at all.</summary>
    public static bool Applies(SharedHelperUse use, TargetFeatures features) => use.Pairs && features.VectorWidths().Length > 0;
}
