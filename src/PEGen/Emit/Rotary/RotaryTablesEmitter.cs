using System.Globalization;
using PEGen.Members;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Schemes.Rotary;

namespace PEGen.Emit.Rotary;

/// <summary>
/// The data members of a rotary class: <c>RotaryDim</c> and <c>AttentionFactor</c>, the views <c>Cos</c>, <c>Sin</c> and
/// <c>InverseFrequencies</c> (LongRoPE: also <c>ShortCos</c>, <c>ShortSin</c>, <c>ShortInverseFrequencies</c>) in the
/// members file, and their constant data in the table file.
/// </summary>
internal static class RotaryTablesEmitter
{
    public const string CosData = "__PEGen_CosBits";
    public const string SinData = "__PEGen_SinBits";
    public const string InverseData = "__PEGen_InverseBits";
    public const string ShortCosData = "__PEGen_ShortCosBits";
    public const string ShortSinData = "__PEGen_ShortSinBits";
    public const string ShortInverseData = "__PEGen_ShortInverseBits";

    /// <summary>Rows of the short tables: min(MaxLen, OriginalMaxLen).</summary>
    public const string ShortRows = "__PEGen_ShortRows";

    public static void WriteMembers(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        var rotary = spec.Rotary;
        double factor = RotaryFrequencies.Compute(spec.Base, rotary).AttentionFactor;
        string rotaryDim = MemberDocs.Invariant(rotary.RotaryDim);
        MemberDocs.Wrapped(writer, "summary", rotary.RotaryDim == spec.Dim
            ? "Values of each head that rotate: all " + rotaryDim + " (the rotary is not partial)."
            : "Values of each head that rotate: the first " + rotaryDim + " of Dim = " + MemberDocs.Invariant(spec.Dim) +
              "; the other " + MemberDocs.Invariant(spec.Dim - rotary.RotaryDim) + " pass through Rotate unchanged.");
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        writer.Line("public const int " + GeneratedMembers.RotaryDim.Name + " = " + rotaryDim + ";");
        writer.Line();

        MemberDocs.Wrapped(writer, "summary",
            "The attention factor, unrounded: every Cos and Sin entry" + (rotary.IsLongRope ? " (and ShortCos, ShortSin)" : "") +
            " is cos/sin of the angle times (float)AttentionFactor, as transformers scales them" +
            (factor == 1 ? " (1: this scaling has none)." : ". A rotation scales vector norms by it, so q.k by its square."));
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        writer.Line("public const double " + GeneratedMembers.AttentionFactor.Name + " = " + DoubleLiteral(factor) + ";");
        writer.Line();

        if (rotary.IsLongRope)
        {
            writer.Line("// LongRoPE: the switch between its table pairs (OriginalMaxLen), and the rows of the short pair.");
            writer.Line("private const int " + LongRopeSwitch.OriginalMaxLen + " = " + MemberDocs.Invariant(rotary.OriginalMaxLen) + ";");
            writer.Line("private const int " + ShortRows + " = " + MemberDocs.Invariant(System.Math.Min(spec.MaxLen, rotary.OriginalMaxLen)) + ";");
            writer.Line();
        }

        string theta = IsPlain(spec) ? "theta_k = Base^(-2k/Dim)" : "theta_k = InverseFrequencies[k]";
        string scaled = factor == 1 ? "" : " times (float)AttentionFactor";
        string factors = rotary.IsLongRope ? " Built with LongFactors (ShortCos/ShortSin: ShortFactors)." : "";
        foreach (var (member, data, function) in new[] { (GeneratedMembers.Cos, CosData, "cos"), (GeneratedMembers.Sin, SinData, "sin") })
        {
            if (spec.IsCompact) break;
            MemberDocs.Summary(writer, spec,
                function + "(p * theta_k)" + scaled + " for position p and pair k, row-major [MaxLen x RotaryDim/2], " + theta + "." + factors,
                "Constant data in the assembly: reading it computes nothing and allocates nothing.");
            Property(writer, spec, features, member.Name, data, "MaxLen * (RotaryDim / 2)");
        }

        MemberDocs.Summary(writer, spec,
            new[]
            {
                "theta_k, the float32 inverse frequencies [RotaryDim/2] that Cos and Sin were built with" +
                (rotary.IsLongRope ? " (the long ones; ShortInverseFrequencies the short ones)." : "."),
            },
            "Cos(p, k) is (float)((float)cos(angle) * (float)AttentionFactor) with angle = (float)p * theta_k as one float32 " +
            "product and cos correctly rounded (the same for Sin), so positions past MaxLen can be computed the same way.");
        Property(writer, spec, features, GeneratedMembers.InverseFrequencies.Name, InverseData, "RotaryDim / 2");

        if (!rotary.IsLongRope) return;
        string shortNote = "LongRoPE: Rotate uses these when every row of a call is below OriginalMaxLen = " +
                           MemberDocs.Invariant(rotary.OriginalMaxLen) + " (transformers' per-call rule), else Cos and Sin for the whole call.";
        foreach (var (member, data, function) in new[] { (GeneratedMembers.ShortCos, ShortCosData, "cos"), (GeneratedMembers.ShortSin, ShortSinData, "sin") })
        {
            if (spec.IsCompact) break;
            MemberDocs.Summary(writer, spec,
                new[]
                {
                    function + "(p * theta_k)" + scaled + " with the short factors, row-major [min(MaxLen, OriginalMaxLen) x RotaryDim/2],",
                    "theta_k = ShortInverseFrequencies[k]. Constant data in the assembly.",
                },
                shortNote);
            Property(writer, spec, features, member.Name, data, ShortRows + " * (RotaryDim / 2)");
        }
        MemberDocs.Summary(writer, spec,
            new[] { "theta_k of the short factors, float32 [RotaryDim/2]: the frequencies of ShortCos and ShortSin." },
            shortNote);
        Property(writer, spec, features, GeneratedMembers.ShortInverseFrequencies.Name, ShortInverseData, "RotaryDim / 2");
    }

    /// <summary>The table file's part: every table's float32 bits.</summary>
    public static void WriteData(SourceWriter writer, EncodingSpec spec, bool rva)
    {
        var table = TableBuilder.BuildRotary(spec);
        TableDataEmitter.Write(writer, CosData, table.Cos, rva);
        writer.Line();
        TableDataEmitter.Write(writer, SinData, table.Sin, rva);
        writer.Line();
        TableDataEmitter.Write(writer, InverseData, table.Inverse, rva);
        if (table.ShortCos is null || table.ShortSin is null || table.ShortInverse is null) return;
        writer.Line();
        TableDataEmitter.Write(writer, ShortCosData, table.ShortCos, rva);
        writer.Line();
        TableDataEmitter.Write(writer, ShortSinData, table.ShortSin, rva);
        writer.Line();
        TableDataEmitter.Write(writer, ShortInverseData, table.ShortInverse, rva);
    }

    /// <summary>The table file's part of a compact class: only the inverse frequencies (the factors are the compact emitter's).</summary>
    public static void WriteInverseData(SourceWriter writer, EncodingSpec spec, bool rva)
    {
        var angles = RotaryFrequencies.Compute(spec.Base, spec.Rotary);
        writer.Line();
        TableDataEmitter.Write(writer, InverseData, angles.Inverse, rva);
        if (angles.ShortInverse is not { } shortInverse) return;
        writer.Line();
        TableDataEmitter.Write(writer, ShortInverseData, shortInverse, rva);
    }

    /// <summary>The header's line for a scaled or partial rotary (null for the plain one).</summary>
    public static string? Describe(EncodingSpec spec)
    {
        if (spec.Family != SchemeFamily.Rotary || spec.RotaryParameters is not { } r) return null;
        var text = new System.Text.StringBuilder("RotaryDim = " + MemberDocs.Invariant(r.RotaryDim));
        if (r.Scaling != RopeScalingKind.None)
        {
            text.Append(", Scaling = ").Append(r.Scaling).Append(" (Factor = ").Append(DoubleLiteral(r.Factor));
            if (r.OriginalMaxLen > 0) text.Append(", OriginalMaxLen = ").Append(MemberDocs.Invariant(r.OriginalMaxLen));
            text.Append(')');
        }
        text.Append(", AttentionFactor = ").Append(DoubleLiteral(RotaryFrequencies.Compute(spec.Base, r).AttentionFactor));
        return text.ToString();
    }

    /// <summary>
    /// A double as a C# literal that reads back to the same bits: the shortest round-trip form ("R"), checked, since
    /// .NET Framework's "R" (a generator may run there) is not always round-trip; "G17" always is.
    /// </summary>
    public static string DoubleLiteral(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, CultureInfo.InvariantCulture) != value)
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? text + ".0" : text;
    }

    // Plain rotary (no scaling, full width): the frequencies are the formula's, and the docs say so.
    private static bool IsPlain(EncodingSpec spec) => spec.Rotary.Scaling == RopeScalingKind.None && spec.Rotary.RotaryDim == spec.Dim;

    private static void Property(SourceWriter writer, EncodingSpec spec, TargetFeatures features, string name, string data, string length)
    {
        string t = ElementSyntax.Keyword(spec.Element);
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        using (writer.Block("public static global::System.ReadOnlySpan<" + t + "> " + name))
        {
            writer.Line(TargetSyntax.AggressiveInlining);
            writer.Lines("get => " + DataView.Of(data, length, spec, features) + ";");
        }
        writer.Line();
    }
}
