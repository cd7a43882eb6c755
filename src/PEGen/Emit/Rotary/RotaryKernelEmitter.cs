using System.Collections.Generic;
using System.Linq;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Schemes;

using Pairs = PEGen.Emit.Shared.PairShuffleEmitter.Calls;

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
/// <c>startPosition + r</c> or <c>positions[r]</c>) and calls the row kernel once per span (<c>RotateQueryKey</c>: the
/// query row, then the key row, at the same angles); the row kernel loads each chunk of cos/sin once and applies it to
/// every head of the row. So a grouped-query row of 32 heads reads (and, interleaved, shuffles) its angles once, not
/// 32 times. A fused kernel walking query and key heads per chunk measured 4-9 % slower than this (more live
/// registers, one more loop nest), so there is one kernel. The layouts differ only in where pair k sits and in the vector step. Partial rotary
/// rotates the first RotaryDim values of every head (heads stay Dim apart) and copies the rest in the same pass.
/// Products and sums are separate roundings in every path (no fused multiply-add), as in the references' float32.
/// </summary>
internal static class RotaryKernelEmitter
{
    public const string RowKernel = "__PEGen_RotateRow";
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

    // The row kernel's own names for its span (shorter than the public methods').
    private static readonly RowSegment KernelRow = new("x", "destination", "", "rowLength");

    /// <summary>
    /// Writes a rows method: <c>name(refs, int rows, positionParameter, heads[, bool useShort])</c>, row r at the angles of
    /// position <paramref name="position"/>; <paramref name="consecutive"/> when those are startPosition + r (a compact
    /// class then computes a block of rows per kernel call).
    /// </summary>
    public static void WriteRows(SourceWriter writer, EncodingSpec spec, TargetFeatures features, string name,
        RowSegment[] segments, string positionParameter, string position, bool consecutive)
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
            writer.Lines(RotaryRowSource.Declare(spec, t, consecutive));
            foreach (var s in segments)
                writer.Line(n + " " + s.Length + " = (" + n + ")" + s.Heads + " * Dim;");
            bool grid = RotaryAlignedEmitter.AppliesAny(spec, features);
            foreach (var s in segments.Where(s => RowKernelChoiceEmitter.Decides(spec, features, s)))
                writer.Line(RowKernelChoiceEmitter.Decide(s));
            using (writer.Block("for (int r = 0; r < rows; r++)"))
            {
                writer.Lines(RotaryRowSource.Angles(spec, position, consecutive, n));
                // One row kernel call per span: the row's cos/sin (in L1, or just computed for Compact) serve every span.
                foreach (var s in segments)
                {
                    if (grid)
                    {
                        // The same arguments either way: a grid kernel (AVX-512 or AVX2) or the row kernel.
                        using (writer.Block("if (" + RowKernelChoiceEmitter.Variable(s) + " == " + RowKernelChoiceEmitter.OnGrid + ")"))
                            RotaryAlignedEmitter.WriteCall(writer, spec, features, kernel => WriteCall(writer, kernel, s));
                        using (writer.Block("else"))
                            WriteRowCall(writer, spec, features, s);
                    }
                    else
                    {
                        WriteRowCall(writer, spec, features, s);
                    }
                }
            }
        }
        writer.Line();
    }

    /// <summary>Writes the row kernel of a class (every call form's rows method calls it) and the pass-through copy.</summary>
    public static void WriteKernels(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        WriteRowKernel(writer, spec, features, KernelRow);
        if (RowKernelChoiceEmitter.Applies(spec, features)) RowKernelChoiceEmitter.Write(writer, spec, features);
        if (RotaryAlignedEmitter.AppliesAny(spec, features)) RotaryAlignedEmitter.Write(writer, spec, features);
        if (RotaryHeadsEmitter.Applies(spec, features)) RotaryHeadsEmitter.Write(writer, spec, features);
        if (spec.Rotary.RotaryDim < spec.Dim) WriteCopyRest(writer, spec, features);
    }

    private static void WriteRowKernel(SourceWriter writer, EncodingSpec spec, TargetFeatures features, RowSegment s)
    {
        bool halves = spec.Definition.Layout == PairLayout.RotateHalf;
        string t = ElementSyntax.Keyword(spec.Element);
        string n = features.NInt();
        int half = spec.Rotary.RotaryDim / 2;
        writer.Line(TargetSyntax.AggressiveInlining);
        writer.Line("private static void " + RowKernel + "(ref " + t + " " + s.Source + ", ref " + t + " cos, ref " + t + " sin, ref " +
                    t + " " + s.Destination + ", " + n + " " + s.Length + ")");
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
                writer.Lines(halves ? HalvesStep(v, lanes, s) : InterleavedStep(v, lanes, s));
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
                    for ({{n}} i = {{first}}; i < {{s.Length}}; i += Dim)
                    {
                        {{t}} a = {{U}}.Add(ref {{s.Source}}, i);
                        {{t}} b = {{U}}.Add(ref {{s.Source}}, i + {{partner}});
                        {{U}}.Add(ref {{s.Destination}}, i) = a * c - b * s;
                        {{U}}.Add(ref {{s.Destination}}, i + {{partner}}) = b * c + a * s;
                    }
                }
                """);
            if (spec.Rotary.RotaryDim < spec.Dim)
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
        writer.Line();
    }

    // rotate_half: out[k] = x[k] cos - x[k+Half] sin, out[k+Half] = x[k+Half] cos + x[k] sin.
    private static string HalvesStep(string v, int lanes, RowSegment row) => $$"""
        for (; k + {{lanes}} <= Half; k += {{lanes}})
        {
            var c = {{v}}.LoadUnsafe(ref cos, (nuint)k);
            var s = {{v}}.LoadUnsafe(ref sin, (nuint)k);
        """ + "\n" + Indented(HalvesHeads(v, row)) + "\n}";

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
    private static string InterleavedStep(string v, int lanes, RowSegment row) => $$"""
        // {{lanes}} pairs per step, 2 x {{lanes}} values per head: x * (c, c) + swap(x) * (-s, s).
        for (; k + {{lanes}} <= Half; k += {{lanes}})
        {
            var c = {{v}}.LoadUnsafe(ref cos, (nuint)k);
            var s = {{v}}.LoadUnsafe(ref sin, (nuint)k);
            {{Pairs.Factors("c", "s", "cLow", "cHigh", "sLow", "sHigh").Replace("\n", "\n    ")}}
        """ + "\n" + Indented(InterleavedHeads(v, lanes, row)) + "\n}";

    private static string InterleavedHeads(string v, int lanes, RowSegment s) => $$"""
        for (nint i = 2 * k; i < {{s.Length}}; i += Dim)
        {
            var low = {{v}}.LoadUnsafe(ref {{s.Source}}, (nuint)i);
            var high = {{v}}.LoadUnsafe(ref {{s.Source}}, (nuint)(i + {{lanes}}));
            var lowSwapped = {{Pairs.Swap}}(low);
            var highSwapped = {{Pairs.Swap}}(high);
            {{v}}.StoreUnsafe(low * cLow + lowSwapped * sLow, ref {{s.Destination}}, (nuint)i);
            {{v}}.StoreUnsafe(high * cHigh + highSwapped * sHigh, ref {{s.Destination}}, (nuint)(i + {{lanes}}));
        }
        """;

    // The loop over a row's heads, one indent level inside the step's loop.
    private static string Indented(string heads) =>
        string.Join("\n", heads.Split('\n').Select(line => line.Length == 0 ? line : "    " + line));

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

    // A row kernel's call for row r of a span.
    // The row kernel, or for a large out-of-place span without AVX-512 the head-by-head one (same arguments).
    private static void WriteRowCall(SourceWriter writer, EncodingSpec spec, TargetFeatures features, RowSegment s)
    {
        if (!RowKernelChoiceEmitter.HasHeadByHead(spec, features, s))
        {
            WriteCall(writer, RowKernel, s);
            return;
        }
        using (writer.Block("if (" + RowKernelChoiceEmitter.Variable(s) + " == " + RowKernelChoiceEmitter.HeadByHead + ")"))
            WriteCall(writer, RotaryHeadsEmitter.Method, s);
        using (writer.Block("else"))
            WriteCall(writer, RowKernel, s);
    }

    private static void WriteCall(SourceWriter writer, string kernel, RowSegment s)
    {
        writer.Line(kernel + "(");
        writer.Line("    ref " + U + ".Add(ref " + s.Source + ", r * " + s.Length + "),");
        writer.Line("    ref " + U + ".Add(ref cosTable, angles),");
        writer.Line("    ref " + U + ".Add(ref sinTable, angles),");
        writer.Line("    ref " + U + ".Add(ref " + s.Destination + ", r * " + s.Length + "),");
        writer.Line("    " + s.Length + ");");
    }

    private static IEnumerable<string> Distinct(RowSegment[] segments) =>
        segments.SelectMany(s => s.InPlace ? new[] { s.Source } : new[] { s.Source, s.Destination });
}
