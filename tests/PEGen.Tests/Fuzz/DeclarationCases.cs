using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PEGen.Tests.Fuzz;

/// <summary>What a fuzzed declaration must produce.</summary>
internal enum Expectation
{
    /// <summary>Generates; compiles with no error and only the predicted design warnings.</summary>
    Valid,
    /// <summary>Well-formed C#, broken PEGen rule: a predicted PEG error, no compiler error, nothing generated.</summary>
    PegError,
    /// <summary>The C# itself is wrong (syntax, attribute target, duplicate, non-constant): at least one error.</summary>
    CompileError,
}

/// <summary>One fuzzed declaration: its files, and what the oracle (written from the documented rules in README and docs/diagnostics.md, not from src/) predicts.</summary>
internal sealed class DeclarationCase
{
    public required int Index { get; init; }
    public required int Seed { get; init; }
    public required (string Path, string Text)[] Files { get; init; }
    /// <summary>AdditionalFiles the case adds to its batch (ConfigFile cases), with paths unique to the case.</summary>
    public (string Path, string Text)[] AdditionalFiles { get; init; } = Array.Empty<(string, string)>();
    public required Expectation Kind { get; init; }
    /// <summary>PEG errors the rules predict (PegError: at least one, and none other, must be reported).</summary>
    public required HashSet<string> PredictedErrors { get; init; }
    /// <summary>Warnings that must be reported for a valid case.</summary>
    public required HashSet<string> RequiredWarnings { get; init; }
    /// <summary>Warnings that may be reported for a valid case (PEG008 depends on wavelength arithmetic).</summary>
    public required HashSet<string> AllowedWarnings { get; init; }
    /// <summary>Distinctive part of the class's metadata name, as found in hint names.</summary>
    public required string ClassToken { get; init; }
    /// <summary>The declaration asks for <c>Storage = TableStorage.Compact</c> (the oracle then predicts the compact rules).</summary>
    public bool Compact { get; init; }
    public required string Summary { get; init; }

    public override string ToString()
    {
        var b = new StringBuilder();
        b.Append("case ").Append(Index).Append(" (case seed ").Append(Seed).Append(", ").Append(Kind).Append(", ").Append(Summary).AppendLine(")");
        foreach (var (path, text) in Files) b.Append("// ").AppendLine(path).AppendLine(text);
        foreach (var (path, text) in AdditionalFiles) b.Append("// AdditionalFiles: ").AppendLine(path).AppendLine(text);
        return b.ToString();
    }
}

/// <summary>
/// Builds a declaration from an integer seed (drawn by CsCheck): extreme and non-constant
/// arguments, NaN/infinite bases, wrong targets, aliases, duplicate attributes, broken syntax.
/// Class names carry the case index (<c>Pe{i}x</c>) so diagnostics and generated files of a
/// batch can be attributed to their case.
/// </summary>
internal static class DeclarationCases
{
    /// <summary>PEG006 budget handed to the analyzers in the fuzz (bytes), so small tables reach it.</summary>
    public const long Budget = 2048;
    private const decimal HardCap = 64m * 1024 * 1024;

    private static readonly string[] Schemes =
    {
        "Vaswani", "AnnotatedTransformer", "HuggingFaceXlm", "HuggingFaceMarian", "TensorToTensor",
        "Fairseq", "Whisper", "Rope", "RopeInterleaved", "Linear", "NormalizedRange",
    };

    private enum Target
    {
        Class, Nested, NestedInNotPartial, NestedInGeneric, NestedInStruct, NestedInRecord, Generic, Record,
        Struct, RecordStruct, Interface, Enum, Delegate, FileLocal, NestedInFileLocal, Spread, SpreadMissingPartial,
        Conflict, NotPartial,
    }

    private readonly struct Arg
    {
        public Arg(string? text, double? value, bool constant = true) { Text = text; Value = value; Constant = constant; }
        public string? Text { get; }      // null: omitted
        public double? Value { get; }     // the constant's value (ints as doubles)
        public bool Constant { get; }
        public bool Omitted => Text is null;
    }

    public static DeclarationCase Build(int index, int seed)
    {
        var r = new Random(seed);
        string cls = $"Pe{index}x";
        string konst = $"K{index}x";
        bool usingPEGen = r.Next(4) != 0;
        int style = r.Next(6);
        if (!usingPEGen && style <= 1) style = 2 + r.Next(4);
        string attr = style switch
        {
            0 => "PositionalEncoding",
            1 => "PositionalEncodingAttribute",
            2 => "PEGen.PositionalEncoding",
            3 => "global::PEGen.PositionalEncodingAttribute",
            4 => "PE",
            _ => "PEA",
        };
        string enumPrefix = usingPEGen && r.Next(3) != 0 ? "EncodingScheme." : "global::PEGen.EncodingScheme.";

        // Scheme
        int? scheme; string? schemeText; bool schemeConstant = true;
        int sc = r.Next(100);
        if (sc < 25) { scheme = null; schemeText = null; }
        else if (sc < 88) { scheme = r.Next(Schemes.Length); schemeText = enumPrefix + Schemes[scheme.Value]; }
        else if (sc < 91) { scheme = 0; schemeText = "0"; }
        else if (sc < 94) { scheme = 99; schemeText = "(" + enumPrefix.TrimEnd('.') + ")99"; }
        else if (sc < 96) { scheme = -1; schemeText = "(" + enumPrefix.TrimEnd('.') + ")(-1)"; }
        else if (sc < 98) { scheme = 7; schemeText = $"global::{konst}.Scheme"; }
        else { scheme = null; schemeText = $"global::{konst}.SchemeField"; schemeConstant = false; }
        int effectiveScheme = scheme ?? 0;
        bool fairseq = effectiveScheme == 5;

        Arg dim = IntArg(r, konst, small: fairseq ? new[] { 4, 5, 6, 8, 2, 3, 1 } : new[] { 1, 2, 3, 4, 5, 6, 8, 16 });
        Arg maxLen = IntArg(r, konst, small: new[] { 1, 2, 3, 4, 5, 7, 8, 10, 40 });
        Arg @base = BaseArg(r, konst);
        // Keep generated tables tiny (the largest tables have their own test): a valid product over
        // 16 KiB becomes one row, or an overflow past the hard cap.
        if (dim.Value is double dv0 && maxLen.Value is double lv0 && dv0 > 0 && lv0 > 0
            && (decimal)dv0 * (decimal)lv0 * 4 is > 16384 and <= HardCap)
        {
            var replacement = Math.Max(dv0, lv0) <= 4097 ? new Arg("1", 1) : new Arg("int.MaxValue", int.MaxValue);
            if (dv0 <= lv0) dim = replacement; else maxLen = replacement;
        }
        int? ml = maxLen.Value is double m && m is > 0 and < 1e6 ? (int)m : null;
        Arg padding = PaddingArg(r, fairseq, ml);

        // Rotary scaling, partial rotary and ConfigFile (RotaryCases has their oracle), from a random of their own so
        // that every other draw of a seed stays what it was before they existed.
        var rr = new Random(unchecked(seed * 31 + 17));
        bool rotaryScheme = schemeConstant && effectiveScheme is 7 or 8;
        string scalingPrefix = usingPEGen && rr.Next(3) != 0 ? "RopeScaling." : "global::PEGen.RopeScaling.";
        int? drawnDim = dim.Value is double dd0 && dd0 is > -1e9 and < 1e9 ? (int)dd0 : null;
        var rotary = RotaryCases.Draw(rr, index, rotaryScheme, drawnDim, scalingPrefix);
        // A config's head_dim times a large MaxLen would be a large table: keep it tiny.
        if (rotary.HasConfig && dim.Omitted && maxLen.Value is > 512) maxLen = new Arg("8", 8);

        // Storage (SPEC section 6), from a random of its own too: mostly absent or Compact, now and then Full, an
        // undefined TableStorage value, an enum constant or a non-constant field.
        var sr = new Random(unchecked(seed * 37 + 5));
        var storage = StorageArg(sr, usingPEGen && sr.Next(3) != 0 ? "TableStorage." : "global::PEGen.TableStorage.", konst);

        var args = new List<string>();
        if (!dim.Omitted) args.Add("Dim = " + dim.Text);
        if (!maxLen.Omitted) args.Add("MaxLen = " + maxLen.Text);
        if (schemeText is not null) args.Add("Scheme = " + schemeText);
        if (!@base.Omitted) args.Add("Base = " + @base.Text);
        if (!padding.Omitted) args.Add("PaddingIndex = " + padding.Text);
        Shuffle(r, args);
        foreach (var argument in rotary.Arguments) args.Insert(rr.Next(args.Count + 1), argument);
        if (!storage.Omitted) args.Insert(sr.Next(args.Count + 1), "Storage = " + storage.Text);

        bool compileError = !dim.Constant || !maxLen.Constant || !@base.Constant || !padding.Constant || !schemeConstant || !storage.Constant;
        string attribute = "[" + attr + (args.Count == 0 && r.Next(2) == 0 ? "" : "(" + string.Join(", ", args) + ")") + "]";

        // Broken syntax, around and inside the attribute.
        string? broken = null;
        if (r.Next(100) < 7)
        {
            compileError = true;
            string inner = string.Join(", ", args);
            string a = "[" + attr + "(";
            broken = r.Next(12) switch
            {
                0 => a + inner + "]",
                1 => a + inner,
                2 => a + "Dim = , MaxLen = 4)]",
                3 => a + "Dim == 8, MaxLen = 4)]",
                4 => a + "Dim = 8,, MaxLen = 4)]",
                5 => a + "8, 4)]",
                6 => a + "Dim = 8, MaxLen = 4, Depth = 3)]",
                7 => a + "Dim = 8, Dim = 9, MaxLen = 4)]",
                8 => a + "Dim = \"8\", MaxLen = 4)]",
                9 => a + "Dim = 8 MaxLen = 4)]",
                10 => "[" + attr + "(Dim = 8, MaxLen = 4)] /* unterminated",
                _ => "[[" + attr + "(" + inner + ")]]",
            };
        }

        bool duplicate = broken is null && r.Next(100) < 3;
        if (duplicate)
        {
            compileError = true;
            attribute = r.Next(2) == 0 ? attribute + attribute : "[" + attr + "(Dim = 4, MaxLen = 4), " + attribute.Substring(1);
        }
        string attrText = broken ?? attribute;

        // Target
        Target target = PickTarget(r);
        string access = new[] { "public ", "internal ", "" }[r.Next(3)];
        string stat = r.Next(10) < 6 ? "static " : new[] { "", "sealed ", "abstract " }[r.Next(3)];
        var errors = new HashSet<string>();
        switch (target)
        {
            case Target.Struct: case Target.RecordStruct: case Target.Interface: case Target.Enum: case Target.Delegate:
                compileError = true; errors.Add("PEG009"); break;
            case Target.SpreadMissingPartial:
                compileError = true; errors.Add("PEG001"); break;
            case Target.NotPartial: case Target.NestedInNotPartial:
                errors.Add("PEG001"); break;
            case Target.NestedInGeneric: case Target.NestedInStruct: case Target.NestedInRecord: case Target.Generic:
            case Target.Record: case Target.FileLocal: case Target.NestedInFileLocal: case Target.Conflict:
                errors.Add("PEG009"); break;
        }

        string partial = target is Target.NotPartial ? "" : "partial ";
        string body = target == Target.Conflict
            // Members every scheme generates (Dim, MaxLen): scheme-dependent and overload cases are in MemberConflictTests.
            ? new[] { "{ public static int MaxLen => 1; }", "{ public const int Dim = 3; }", "{ public class MaxLen { } }", "{ private static int Dim = 1; }" }[r.Next(4)]
            : "{ }";
        string decl = target switch
        {
            Target.Struct => $"{access}partial struct {cls} {{ }}",
            Target.RecordStruct => $"{access}partial record struct {cls}(int X);",
            Target.Interface => $"{access}partial interface {cls} {{ }}",
            Target.Enum => $"{access}enum {cls} {{ A }}",
            Target.Delegate => $"{access}delegate void {cls}();",
            Target.Generic => $"{access}{stat}partial class {cls}<T> {{ }}",
            Target.Record => $"{access}partial record {cls} {{ }}",
            Target.FileLocal => $"file {stat}partial class {cls} {{ }}",
            _ => $"{access}{stat}{partial}class {cls} {body}",
        };
        string member = attrText + "\n" + decl;
        string outerName = $"Ou{index}x";
        string? outerPath = null;
        bool innerPrivate = false;
        switch (target)
        {
            case Target.Nested:
                string innerAccess = new[] { "public ", "internal ", "private ", "" }[r.Next(4)];
                innerPrivate = innerAccess is "private " or "";
                member = $"public partial class {outerName} {{\n{Indent(attrText + "\n" + $"{innerAccess}{stat}partial class {cls} {{ }}")}\n}}";
                outerPath = outerName;
                break;
            case Target.NestedInNotPartial: member = $"public class {outerName} {{\n{Indent(member)}\n}}"; break;
            case Target.NestedInGeneric: member = $"public partial class {outerName}<T> {{\n{Indent(member)}\n}}"; break;
            case Target.NestedInStruct: member = $"public partial struct {outerName} {{\n{Indent(member)}\n}}"; break;
            case Target.NestedInRecord: member = $"public partial record {outerName} {{\n{Indent(member)}\n}}"; break;
            case Target.NestedInFileLocal: member = $"file partial class {outerName} {{\n{Indent(member)}\n}}"; break;
        }

        // Namespace and usings
        int nsKind = r.Next(3); // 0 global, 1 block, 2 file-scoped
        string ns = $"N{index}x";
        var header = new StringBuilder();
        if (usingPEGen) header.AppendLine("using PEGen;");
        if (style == 4) header.AppendLine("using PE = PEGen.PositionalEncodingAttribute;");
        if (style == 5) header.AppendLine("using PEA = global::PEGen.PositionalEncodingAttribute;");
        string Wrap(string text) => nsKind switch
        {
            0 => header + text,
            1 => header + $"namespace {ns}\n{{\n{Indent(text)}\n}}",
            _ => header + $"namespace {ns};\n{text}",
        };

        string konstClass = $"static class {konst} {{ public const int D = 6; public const int L = 5; public const double B = 100.0; " +
                            $"public const global::PEGen.EncodingScheme Scheme = global::PEGen.EncodingScheme.Rope; " +
                            $"public static int N = 8; public static double BaseField = 10.0; public static global::PEGen.EncodingScheme SchemeField = global::PEGen.EncodingScheme.Rope; " +
                            $"public const global::PEGen.TableStorage Storage = global::PEGen.TableStorage.Compact; " +
                            $"public static global::PEGen.TableStorage StorageField = global::PEGen.TableStorage.Compact; }}";
        var files = new List<(string, string)> { ($"Case{index}_a.cs", Wrap(member) + "\n"), ($"Case{index}_k.cs", konstClass + "\n") };
        if (target is Target.Spread or Target.SpreadMissingPartial)
        {
            files.Add(($"Case{index}_b.cs", Wrap($"{stat}partial class {cls} {{ internal static int Extra{index} => 1; }}")));
            string third = target == Target.SpreadMissingPartial ? $"{stat}class {cls} {{ }}" : $"partial class {cls} {{ }}";
            files.Add(($"Case{index}_c.cs", Wrap(third)));
        }

        // Value rules (docs/diagnostics.md).
        var warnings = new HashSet<string>();
        var allowed = new HashSet<string> { "PEG008" };
        var (d, l, effectiveBase) = rotary.Effective(rotaryScheme,
            dim.Value is double dv ? (int)dv : null, dim.Omitted, maxLen.Value is double lv ? (int)lv : null, maxLen.Omitted, @base.Value, @base.Omitted);
        bool dimOk = d is > 0, maxOk = l is > 0;
        if (!dimOk || !maxOk) errors.Add("PEG002");
        if (!schemeConstant || scheme is < 0 or > 10)
        {
            errors.Add("PEG010");
        }
        else
        {
            double b = effectiveBase ?? 10000d;
            if (!@base.Constant || double.IsNaN(b) || double.IsInfinity(b) || b <= 1 || b > 1e15) errors.Add("PEG010");
            else if (!@base.Omitted && effectiveScheme is 5 or 9 or 10 && b != 10000d) errors.Add("PEG010");
            int p = padding.Value is double pv ? (int)pv : -1;
            if (!padding.Constant) errors.Add("PEG010");
            else if (p != -1 && (effectiveScheme != 5 || p < 0 || (maxOk && p >= l!.Value))) errors.Add("PEG010");
            if (dimOk)
            {
                int dd = d!.Value;
                if (dd % 2 == 0) { if (fairseq && dd < 4) errors.Add("PEG010"); }
                else if (effectiveScheme is 6 or 7 or 8) errors.Add("PEG010");
                else if (effectiveScheme is 9 or 10) { }
                else if (fairseq && dd < 5) errors.Add("PEG010");
                else warnings.Add("PEG003");
            }
            if (effectiveScheme == 10) warnings.Add("PEG004");
            if (effectiveScheme == 9) warnings.Add("PEG005");
            // The float32 schemes compute positions in float32: MaxLen at most 2^24.
            if (maxOk && l > 1 << 24 && effectiveScheme is 1 or 4 or 5 or 6 or 7 or 8) errors.Add("PEG010");
            long? rotaryFloats = rotary.Judge(rotaryScheme, d, dim.Omitted, l, errors, warnings);

            // Storage (docs/diagnostics.md, PEG010 "Storage"): a member of TableStorage; Compact needs a table to compact
            // (NormalizedRange has none), changes nothing for Linear, and computes a row of at most 8,192 values on the
            // stack (Dim; RotaryDim for rotary schemes).
            bool compact = false;
            int storageValue = storage.Value is double sv ? (int)sv : 0;
            if (storageValue is not (0 or 1)) errors.Add("PEG010");
            else if (storageValue == 1 && effectiveScheme == 10) errors.Add("PEG010");
            else if (storageValue == 1 && effectiveScheme != 9 && dimOk)
            {
                int rowValues = rotaryScheme ? rotary.RowValues(d!.Value) : d!.Value;
                if (rowValues > 8192) errors.Add("PEG010");
                else compact = true;
            }

            if (dimOk && maxOk && effectiveScheme != 10)
            {
                decimal bytes = (rotaryFloats ?? (decimal)d!.Value * l!.Value) * 4;
                // Compact: a few rows of factors per digit of the position ("do not grow in proportion to MaxLen", SPEC
                // section 6), never near the hard cap for a row of at most 8,192 values; their exact size is not documented,
                // so the fuzz's tiny budget may or may not be passed.
                if (compact)
                {
                    allowed.Add("PEG006");
                    // Invalid rotary properties: the size rule falls back to a row of Dim values, as for Full storage,
                    // which past 8,192 (RotaryDim below it) may reach the hard cap on top of the PEG010 already predicted.
                    if (errors.Count > 0 && d > 8192) errors.Add("PEG007");
                }
                else if (bytes > HardCap) errors.Add("PEG007");
                else if (bytes > Budget) warnings.Add("PEG006");
            }
        }

        Expectation kind = compileError ? Expectation.CompileError : errors.Count > 0 ? Expectation.PegError : Expectation.Valid;

        // PEG011: a call with constant arguments, checked against the generated methods' documented argument rules.
        if (kind == Expectation.Valid && !innerPrivate && d < 5000 && l < 5000 && r.Next(100) < 35)
        {
            string fqn = "global::" + (nsKind == 0 ? "" : ns + ".") + (outerPath is null ? "" : outerPath + ".") + cls;
            int dd = d!.Value, ll = l!.Value;
            int length = r.Next(3) switch { 0 => dd * r.Next(ll + 2), 1 => r.Next(3 * dd + 2), _ => dd * (ll + 1) };
            int start = r.Next(5) switch { 0 => -1, 1 => ll, 2 => ll + 1, _ => r.Next(ll) };
            bool rotating = effectiveScheme is 7 or 8;
            string call = $"{fqn}.{(rotating ? "Rotate" : "AddTo")}(new float[{length}], {start.ToString(CultureInfo.InvariantCulture)});";
            int rows = length / dd;
            bool mustFail = start < 0 || length % dd != 0 || start > ll || (start == ll && rows > 0) || rows > ll - start;
            if (mustFail) warnings.Add("PEG011");
            files.Add(($"Case{index}_use.cs", $"static class Use{index}x {{ static void M() {{ {call} }} }}\n"));
        }

        string summary = $"{target}, Dim={dim.Text ?? "-"}, MaxLen={maxLen.Text ?? "-"}, Scheme={schemeText ?? "-"}, Base={@base.Text ?? "-"}, " +
                         $"Padding={padding.Text ?? "-"}, Storage={storage.Text ?? "-"}, {rotary.Summary}, errors=[{string.Join(",", errors.OrderBy(e => e))}], warnings=[{string.Join(",", warnings.OrderBy(e => e))}]";
        return new DeclarationCase
        {
            Index = index,
            Seed = seed,
            Files = files.ToArray(),
            AdditionalFiles = rotary.AdditionalFiles.ToArray(),
            Kind = kind,
            PredictedErrors = errors,
            RequiredWarnings = kind == Expectation.Valid ? warnings : new HashSet<string>(),
            AllowedWarnings = allowed,
            ClassToken = cls,
            Compact = storage.Value == 1,
            Summary = summary,
        };
    }

    private static Target PickTarget(Random r)
    {
        int x = r.Next(100);
        if (x < 62) return Target.Class;
        if (x < 70) return Target.Nested;
        if (x < 75) return Target.Spread;
        return (Target)new[]
        {
            Target.NestedInNotPartial, Target.NestedInGeneric, Target.NestedInStruct, Target.NestedInRecord, Target.Generic,
            Target.Record, Target.Struct, Target.RecordStruct, Target.Interface, Target.Enum, Target.Delegate, Target.FileLocal,
            Target.NestedInFileLocal, Target.SpreadMissingPartial, Target.Conflict, Target.NotPartial,
        }[r.Next(16)];
    }

    private static Arg IntArg(Random r, string konst, int[] small)
    {
        int x = r.Next(100);
        if (x < 72) { int v = small[r.Next(small.Length)]; return new Arg(v.ToString(CultureInfo.InvariantCulture), v); }
        if (x < 74) return new Arg(null, null);
        if (x < 76) { int v = small[r.Next(small.Length)]; return new Arg("0x" + v.ToString("X", CultureInfo.InvariantCulture), v); }
        if (x < 78) return new Arg("2 * 3", 6);
        if (x < 80) return new Arg("unchecked((int)4294967300L)", 4);
        if (x < 82) return new Arg($"global::{konst}.D", 6);
        if (x < 84) return new Arg($"global::{konst}.N", null, constant: false);
        var extremes = new (string, double)[]
        {
            ("0", 0), ("-1", -1), ("int.MinValue", int.MinValue), ("int.MaxValue", int.MaxValue), ("-2147483648", int.MinValue),
            ("4096", 4096), ("4097", 4097), ("65536", 65536), ("1 << 30", 1 << 30), ("46341", 46341),
        };
        var (t, value) = extremes[r.Next(extremes.Length)];
        return new Arg(t, value);
    }

    private static Arg BaseArg(Random r, string konst)
    {
        if (r.Next(100) < 55) return new Arg(null, null);
        var values = new (string, double, bool)[]
        {
            ("10000", 10000, true), ("10000.0", 10000, true), ("10000f", 10000, true), ("2", 2, true), ("1.5", 1.5, true),
            ("1", 1, true), ("0", 0, true), ("-5", -5, true), ("double.NaN", double.NaN, true), ("double.PositiveInfinity", double.PositiveInfinity, true),
            ("double.NegativeInfinity", double.NegativeInfinity, true), ("double.Epsilon", double.Epsilon, true), ("double.MaxValue", double.MaxValue, true),
            ("1e308", 1e308, true), ("1e15", 1e15, true), ("1.5e15", 1.5e15, true), ("500000", 500000, true), ("1.0000001", 1.0000001, true), ("0.0 / 0.0", double.NaN, true),
            ("1.0 / 0.0", double.PositiveInfinity, true), ("float.NaN", double.NaN, true), ("-0.0", 0, true), ("1e-300", 1e-300, true),
            ($"global::{konst}.B", 100, true), ($"global::{konst}.BaseField", 10, false), ("int.MaxValue", int.MaxValue, true),
        };
        var (t, v, c) = values[r.Next(values.Length)];
        return new Arg(t, v, c);
    }

    private static Arg StorageArg(Random r, string prefix, string konst)
    {
        int x = r.Next(100);
        if (x < 60) return new Arg(null, null);
        if (x < 84) return new Arg(prefix + "Compact", 1);
        if (x < 89) return new Arg(prefix + "Full", 0);
        if (x < 91) return new Arg("0", 0);                                   // the literal 0 converts to any enum
        if (x < 94) return new Arg("(" + prefix.TrimEnd('.') + ")7", 7);
        if (x < 96) return new Arg("(" + prefix.TrimEnd('.') + ")(-1)", -1);
        if (x < 98) return new Arg($"global::{konst}.Storage", 1);
        return new Arg($"global::{konst}.StorageField", null, constant: false);
    }

    private static Arg PaddingArg(Random r, bool fairseq, int? maxLen)
    {
        if (r.Next(100) < (fairseq ? 40 : 80)) return new Arg(null, null);
        int x = r.Next(10);
        int v = x switch
        {
            0 => -1,
            1 => 0,
            2 => 1,
            3 => (maxLen ?? 2) - 1,
            4 => maxLen ?? 3,
            5 => int.MinValue,
            6 => int.MaxValue,
            7 => -2,
            _ => maxLen is int m && m > 0 ? r.Next(m) : 0,
        };
        string text = v == int.MinValue ? "int.MinValue" : v.ToString(CultureInfo.InvariantCulture);
        return new Arg(text, v);
    }

    private static void Shuffle<T>(Random r, List<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = r.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ");
}
