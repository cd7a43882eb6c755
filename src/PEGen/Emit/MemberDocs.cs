using System.Globalization;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary>
/// The parts every generated member shares: its XML doc (summary, parameters from the member's contract,
/// the scheme in <c>&lt;remarks&gt;</c> so IDE hover says which table it is), attributes and signature.
/// </summary>
internal static class MemberDocs
{
    /// <summary>Writes an XML doc element, its text wrapped into lines of at most ~100 characters.</summary>
    public static void Wrapped(SourceWriter writer, string tag, string text)
    {
        writer.Line("/// <" + tag + ">");
        WrappedLines(writer, text);
        writer.Line("/// </" + tag.Split(' ')[0] + ">");
    }

    /// <summary>Writes <c>&lt;summary&gt;</c> (one or more lines) and <c>&lt;remarks&gt;</c> with the scheme.</summary>
    public static void Summary(SourceWriter writer, EncodingSpec spec, params string[] lines) =>
        Summary(writer, spec, lines, new string[0]);

    /// <summary>
    /// Writes <c>&lt;summary&gt;</c> and <c>&lt;remarks&gt;</c> with the scheme, then <paramref name="notes"/>: one
    /// paragraph each (XML doc text, wrapped), for what the member's code does that a reader would not guess.
    /// </summary>
    public static void Summary(SourceWriter writer, EncodingSpec spec, string[] lines, params string[] notes)
    {
        // Lines as given, unless a variant's text (partial rotary, LongRoPE) made one too long: then rewrapped.
        if (System.Array.Exists(lines, line => line.Length > 120))
        {
            Wrapped(writer, "summary", string.Join(" ", lines));
        }
        else
        {
            writer.Line("/// <summary>");
            foreach (var line in lines) writer.Line("/// " + line);
            writer.Line("/// </summary>");
        }
        Remarks(writer, spec, notes);
    }

    /// <summary>The scheme, its reference, formula and arithmetic, then <paramref name="notes"/> (one paragraph each).</summary>
    public static void Remarks(SourceWriter writer, EncodingSpec spec, params string[] notes)
    {
        var scheme = spec.Definition;
        writer.Line("/// <remarks>");
        writer.Line("/// <para>Scheme " + scheme.Kind + ": " + Xml(scheme.Reference) + ".</para>");
        writer.Line("/// <para>" + Xml(scheme.Formula) + ".</para>");
        writer.Line("/// <para>Arithmetic: " + Xml(Schemes.ArithmeticText.Of(scheme.Arithmetic)) + ".</para>");
        foreach (var note in notes)
        {
            if (note.Length + 15 <= 110)
                writer.Line("/// <para>" + note + "</para>");
            else
                WrappedLines(writer, "<para>" + note + "</para>");
        }
        writer.Line("/// </remarks>");
    }

    // Words of XML doc text over lines of at most ~100 characters, keeping an XML tag such as
    // <paramref name="x"/> (which holds a space) in one piece.
    internal static void WrappedLines(SourceWriter writer, string text)
    {
        var line = new System.Text.StringBuilder();
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text, "(?:<[^>]*>|[^\\s<])+"))
        {
            if (line.Length > 0 && line.Length + 1 + match.Value.Length > 100)
            {
                writer.Line("/// " + line);
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(match.Value);
        }
        if (line.Length > 0) writer.Line("/// " + line);
    }

    /// <summary>Writes the <c>&lt;param&gt;</c> and <c>&lt;exception&gt;</c> docs, the attributes and the signature of a method, all from its contract.</summary>
    public static void Signature(SourceWriter writer, GeneratedMember member, EncodingSpec spec, TargetFeatures features) =>
        Signature(writer, member, spec.Element, features);

    /// <summary>The same for a family whose spans hold <paramref name="element"/> values.</summary>
    public static void Signature(SourceWriter writer, GeneratedMember member, ElementType element, TargetFeatures features)
    {
        Params(writer, member);
        foreach (var exception in member.Exceptions ?? new GeneratedException[0])
        {
            string type = exception.OutOfRange ? "ArgumentOutOfRangeException" : "ArgumentException";
            Wrapped(writer, "exception cref=\"global::System." + type + "\"", exception.When);
        }
        writer.Line(GeneratorInfo.GeneratedCodeAttribute);
        if (member.HotPath && features.EntryPointAttribute().Length > 0)
            writer.Line(features.EntryPointAttribute());
        string head = "public static " + (member.Returns is { } returns ? ParameterTypeText.Emitted(returns, element) : "void") + " " + member.Name + "(";
        string parameters = Parameters(member, element);
        if (head.Length + parameters.Length + 1 <= 120)
        {
            writer.Line(head + parameters + ")");
            return;
        }
        writer.Line(head);
        var parts = parameters.Split(new[] { ", " }, System.StringSplitOptions.None);
        for (int i = 0; i < parts.Length; i++)
            writer.Line("    " + parts[i] + (i < parts.Length - 1 ? "," : ")"));
    }

    /// <summary>The <c>&lt;param&gt;</c> docs of a member's parameters.</summary>
    public static void Params(SourceWriter writer, GeneratedMember member)
    {
        foreach (var parameter in member.Parameters)
        {
            string tag = "param name=\"" + parameter.Name + "\"";
            if (parameter.Doc.Length > 90)
                Wrapped(writer, tag, parameter.Doc);
            else
                writer.Line("/// <" + tag + ">" + parameter.Doc + "</param>");
        }
    }

    /// <summary>The parameter list as C# (types, names, defaults).</summary>
    public static string Parameters(GeneratedMember member, ElementType element)
    {
        var parts = new string[member.Parameters.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var p = member.Parameters[i];
            parts[i] = ParameterTypeText.Emitted(p.Type, element) + " " + p.Name + (p.Default is null ? "" : " = " + p.Default);
        }
        return string.Join(", ", parts);
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

