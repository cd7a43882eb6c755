using System.Collections.Generic;
using System.Linq;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit.Rotary;

/// <summary>
/// One span of vectors a row kernel rotates: its source, its destination (the same name in place), its heads and
/// the length of one of its rows.
/// </summary>
internal sealed record RowSegment(string Source, string Destination, string Heads, string Length)
{
    public bool InPlace => Source == Destination;
}

/// <summary>
/// The rotary loops every call form shares. A rows method walks the rows, finds each row's angles (from
/// <c>startPosition + r</c> or <c>positions[r]</c>) and calls a row kernel; a row kernel loads each chunk of cos/sin once
/// and applies it to every head of its segments: the heads of one span (<c>Rotate</c>), or the query heads and then the
/// key heads of a row (<c>RotateQueryKey</c>). So a grouped-query row of 32 heads reads (and, interleaved, shuffles)
/// its angles once, not 32 times. The layouts differ only in where pair k sits and in the vector step. Partial rotary
/// rotates the first RotaryDim values of every head (heads stay Dim apart) and copies the rest in the same pass.
/// Products and sums are separate roundings in every path (no fused multiply-add), as in the references' float32.
/// </summary>
internal static class RotaryKernelEmitter
{
    public const string RowKernel = "__PEGen_RotateRow";
    public const string PairKernel = "__PEGen_RotateRowPair";
    public const string CopyRest = "__PEGen_CopyRest";

    private const string U = "global::System.Runtime.CompilerServices.Unsafe";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>Rotate's one span, source and destination (the same memory in place).</summary>
    public static readonly RowSegment[] Single = { new("source", "destination", "heads", "rowLength") };

    /// <summary>RotateQueryKey's two spans, both in place.</summary>
    public static readonly RowSegment[] QueryKey =
    {
        new("queries", "queries", "queryHeads", "queryLength"),
        new("keys", "keys", "keyHeads", "keyLength"),
    };

    // The row kernels' own names for their segments (shorter, and those of the kernel before it had two forms).
    private static readonly RowSegment[] SingleRow = { new("x", "destination", "", "rowLength") };

    /// <summary>
    /// Writes a rows method: <c>name(refs, int rows, positionParameter, heads[, bool useShort])</c>, row r at the angles of
    /// position <paramref name="position"/>.
    /// </summary>
    public static void WriteRows(SourceWriter writer, EncodingSpec spec, TargetFeatures features, string name,
        RowSegment[] segments, string positionParameter, string position)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        string n = features.NInt();
        var parameters = Distinct(segments).Select(s => "ref " + t + " " + s).Concat(new[] { "int rows", positionParameter })
            .Concat(segments.Select(s => "int " + s.Heads)).ToList();
        if (LongRopeSwitch.Applies(spec)) parameters.Add("bool " + LongRopeSwitch.Flag);
        string head = "private static void " + name + "(";
        if (head.Length + string.Join(", ", parameters).Length <= 120)
        {
            writer.Line(head + string.Join(", ", parameters) + ")");
        }
        else
        {
            writer.Line(head);
            for (int i = 0; i < parameters.Count; i++)
                writer.Line("    " + parameters[i] + (i < parameters.Count - 1 ? "," : ")"));
        }
        using (writer.Block(""))
        {
            writer.Line("const int Half = RotaryDim / 2;");
            if (spec.IsCompact)
            {
                // Compact storage: each row's cos/sin are computed into these, then read as Full's table rows would be.
                writer.Line("global::System.Span<" + t + "> cosRow = stackalloc " + t + "[Half];");
                writer.Line("global::System.Span<" + t + "> sinRow = stackalloc " + t + "[Half];");
                writer.Line("ref " + t + " cosTable = ref " + M + ".GetReference(cosRow);");
                writer.Line("ref " + t + " sinTable = ref " + M + ".GetReference(sinRow);");
            }
            else
            {
                writer.Line("ref " + t + " cosTable = ref " + M + ".GetReference(" + LongRopeSwitch.Cos(spec) + ");");
                writer.Line("ref " + t + " sinTable = ref " + M + ".GetReference(" + LongRopeSwitch.Sin(spec) + ");");
            }
            foreach (var s in segments)
                writer.Line(n + " " + s.Length + " = (" + n + ")" + s.Heads + " * Dim;");
            using (writer.Block("for (int r = 0; r < rows; r++)"))
            {
                if (spec.IsCompact)
                {
                    writer.Line(Compact.CompactEmitter.CosSinRow + "(" + position + ", cosRow, sinRow" + LongRopeSwitch.Argument(spec) + ");");
                    writer.Line(n + " angles = 0;");
                }
                else
                {
                    writer.Line(n + " angles = (" + n + ")" + (position.Contains(" + ") ? "(" + position + ")" : position) + " * Half;");
                }
                var arguments = new List<string>();
                for (int i = 0; i < segments.Length; i++)
                {
                    var s = segments[i];
                    arguments.Add("ref " + U + ".Add(ref " + s.Source + ", r * " + s.Length + ")");
                    if (i == 0)
                    {
                        arguments.Add("ref " + U + ".Add(ref cosTable, angles)");
                        arguments.Add("ref " + U + ".Add(ref sinTable, angles)");
                    }
                    if (!s.InPlace) arguments.Add("ref " + U + ".Add(ref " + s.Destination + ", r * " + s.Length + ")");
                    arguments.Add(s.Length);
                }
                writer.Line((segments.Length == 1 ? RowKernel : PairKernel) + "(");
                for (int i = 0; i < arguments.Count; i++)
                    writer.Line("    " + arguments[i] + (i < arguments.Count - 1 ? "," : ");"));
            }
        }
        writer.Line();
    }

    /// <summary>Writes the row kernels of a class: one span (Rotate), two spans in place (RotateQueryKey), and the pass-through copy.</summary>
    public static void WriteKernels(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        WriteRowKernel(writer, spec, features, RowKernel, SingleRow);
        WriteRowKernel(writer, spec, features, PairKernel, QueryKey);
        if (spec.Rotary.RotaryDim < spec.Dim) WriteCopyRest(writer, spec, features);
    }

    private static void WriteRowKernel(SourceWriter writer, EncodingSpec spec, TargetFeatures features, string name, RowSegment[] segments)
    {
        bool halves = spec.Definition.Layout == PairLayout.RotateHalf;
        string t = ElementSyntax.Keyword(spec.Element);
        string n = features.NInt();
        int half = spec.Rotary.RotaryDim / 2;
        var parameters = new List<string>();
        for (int i = 0; i < segments.Length; i++)
        {
            parameters.Add("ref " + t + " " + segments[i].Source);
            if (i == 0)
            {
                parameters.Add("ref " + t + " cos");
                parameters.Add("ref " + t + " sin");
            }
            if (!segments[i].InPlace) parameters.Add("ref " + t + " " + segments[i].Destination);
            parameters.Add(n + " " + segments[i].Length);
        }
        if (segments.Length > 1)
            writer.Line("// Query heads, then key heads, for every chunk of angles: one load (and shuffle) of cos/sin serves both.");
        writer.Line(TargetSyntax.AggressiveInlining);
        writer.Line("private static void " + name + "(" + string.Join(", ", parameters) + ")");
        using (writer.Block(""))
        {
            writer.Line("const int Half = RotaryDim / 2;");
            writer.Line(n + " k = 0;");
            foreach (var (vector, lanes) in features.VectorWidths())
            {
                if (half < lanes) continue;   // RotaryDim/2 is a constant: a vector never fits, skip the dead branch
                string v = "global::System.Runtime.Intrinsics." + vector;
                writer.Lines($$"""
                    if ({{v}}.IsHardwareAccelerated)
                    {
                    """);
                writer.PushIndent();
                writer.Lines(halves ? HalvesStep(v, lanes, segments) : InterleavedStep(v, lanes, segments));
                writer.PopIndent();
                writer.Line("}");
            }
            // Scalar tail: a = x[first], b = x[first + partner]; the same roundings as the vector steps.
            string first = halves ? "k" : "2 * k", partner = halves ? "Half" : "1";
            writer.Lines($$"""
                for (; k < Half; k++)
                {
                    {{t}} c = {{U}}.Add(ref cos, k);
                    {{t}} s = {{U}}.Add(ref sin, k);
                """);
            foreach (var s in segments)
            {
                writer.Lines($$"""
                        for ({{n}} i = {{first}}; i < {{s.Length}}; i += Dim)
                        {
                            {{t}} a = {{U}}.Add(ref {{s.Source}}, i);
                            {{t}} b = {{U}}.Add(ref {{s.Source}}, i + {{partner}});
                            {{U}}.Add(ref {{s.Destination}}, i) = a * c - b * s;
                            {{U}}.Add(ref {{s.Destination}}, i + {{partner}}) = b * c + a * s;
                        }
                    """);
            }
            writer.Line("}");
            if (spec.Rotary.RotaryDim < spec.Dim)
            {
                foreach (var s in segments.Where(s => !s.InPlace))
                {
                    writer.Lines($$"""
                        // Values RotaryDim..Dim of every head do not rotate: copied out of place, left as they are in place.
                        if (!{{U}}.AreSame(ref {{s.Source}}, ref {{s.Destination}}))
                        {
                            for ({{n}} i = RotaryDim; i < {{s.Length}}; i += Dim)
                            {
                                {{CopyRest}}(
                                    ref {{U}}.Add(ref {{s.Source}}, i),
                                    ref {{U}}.Add(ref {{s.Destination}}, i));
                            }
                        }
                        """);
                }
            }
        }
        writer.Line();
    }

    // rotate_half: out[k] = x[k] cos - x[k+Half] sin, out[k+Half] = x[k+Half] cos + x[k] sin.
    private static string HalvesStep(string v, int lanes, RowSegment[] segments) => $$"""
        for (; k + {{lanes}} <= Half; k += {{lanes}})
        {
            var c = {{v}}.LoadUnsafe(ref cos, (nuint)k);
            var s = {{v}}.LoadUnsafe(ref sin, (nuint)k);
        """ + "\n" + Heads(segments, s => HalvesHeads(v, s)) + "\n}";

    private static string HalvesHeads(string v, RowSegment s) => $$"""
        for (nint i = k; i < {{s.Length}}; i += Dim)
        {
            var a = {{v}}.LoadUnsafe(ref {{s.Source}}, (nuint)i);
            var b = {{v}}.LoadUnsafe(ref {{s.Source}}, (nuint)(i + Half));
            {{v}}.StoreUnsafe(a * c - b * s, ref {{s.Destination}}, (nuint)i);
            {{v}}.StoreUnsafe(b * c + a * s, ref {{s.Destination}}, (nuint)(i + Half));
        }
        """;

    // Complex multiply per pair: (x0 + i x1)(c + i s) = (x0 c - x1 s) + i (x0 s + x1 c).
    private static string InterleavedStep(string v, int lanes, RowSegment[] segments) => $$"""
        // {{lanes}} pairs per step, 2 x {{lanes}} values per head: x * (c, c) + swap(x) * (-s, s).
        for (; k + {{lanes}} <= Half; k += {{lanes}})
        {
            var c = {{v}}.LoadUnsafe(ref cos, (nuint)k);
            var s = {{v}}.LoadUnsafe(ref sin, (nuint)k);
            var cLow = {{Pair(PairShuffleEmitter.Low)}}(c);
            var cHigh = {{Pair(PairShuffleEmitter.High)}}(c);
            var sLow = {{Pair(PairShuffleEmitter.NegateEven)}}({{Pair(PairShuffleEmitter.Low)}}(s));
            var sHigh = {{Pair(PairShuffleEmitter.NegateEven)}}({{Pair(PairShuffleEmitter.High)}}(s));
        """ + "\n" + Heads(segments, s => InterleavedHeads(v, lanes, s)) + "\n}";

    private static string InterleavedHeads(string v, int lanes, RowSegment s) => $$"""
        for (nint i = 2 * k; i < {{s.Length}}; i += Dim)
        {
            var low = {{v}}.LoadUnsafe(ref {{s.Source}}, (nuint)i);
            var high = {{v}}.LoadUnsafe(ref {{s.Source}}, (nuint)(i + {{lanes}}));
            var lowSwapped = {{Pair(PairShuffleEmitter.Swap)}}(low);
            var highSwapped = {{Pair(PairShuffleEmitter.Swap)}}(high);
            {{v}}.StoreUnsafe(low * cLow + lowSwapped * sLow, ref {{s.Destination}}, (nuint)i);
            {{v}}.StoreUnsafe(high * cHigh + highSwapped * sHigh, ref {{s.Destination}}, (nuint)(i + {{lanes}}));
        }
        """;

    // Each segment's loop over its heads, one indent level inside the step's loop.
    private static string Heads(RowSegment[] segments, System.Func<RowSegment, string> heads) =>
        string.Join("\n", segments.Select(s => string.Join("\n", heads(s).Split('\n').Select(line => line.Length == 0 ? line : "    " + line))));

    // The pass-through values of one head, Dim - RotaryDim of them (a constant): whole vectors of the widest width
    // that fits, then one vector ending at the last value, which may overlap the one before (it stores the same
    // values, since source and destination are apart); narrower than every vector, a scalar loop.
    private static void WriteCopyRest(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        int rest = spec.Dim - spec.Rotary.RotaryDim;
        writer.Line("/// <summary>Copies the Dim - RotaryDim values of one head that do not rotate.</summary>");
        writer.Line(TargetSyntax.AggressiveInlining);
        writer.Line("private static void " + CopyRest + "(ref " + t + " source, ref " + t + " destination)");
        using (writer.Block(""))
        {
            writer.Line("const int Rest = Dim - RotaryDim;");
            foreach (var (vector, lanes) in features.VectorWidths())
            {
                if (rest < lanes) continue;
                string v = "global::System.Runtime.Intrinsics." + vector;
                using (writer.Block("if (" + v + ".IsHardwareAccelerated)"))
                {
                    using (writer.Block("for (nuint j = 0; j + " + lanes + " <= Rest; j += " + lanes + ")"))
                    {
                        writer.Line("var values = " + v + ".LoadUnsafe(ref source, j);");
                        writer.Line(v + ".StoreUnsafe(values, ref destination, j);");
                    }
                    if (rest % lanes != 0)
                    {
                        writer.Line("var last = " + v + ".LoadUnsafe(ref source, Rest - " + lanes + ");");
                        writer.Line(v + ".StoreUnsafe(last, ref destination, Rest - " + lanes + ");");
                    }
                    writer.Line("return;");
                }
            }
            string n = features.NInt();
            writer.Line("for (" + n + " j = 0; j < Rest; j++)");
            writer.Line("    " + U + ".Add(ref destination, j) = " + U + ".Add(ref source, j);");
        }
        writer.Line();
    }

    private static IEnumerable<string> Distinct(RowSegment[] segments) =>
        segments.SelectMany(s => s.InPlace ? new[] { s.Source } : new[] { s.Source, s.Destination });

    private static string Pair(string shuffle) => PairShuffleEmitter.Call(shuffle);
}
