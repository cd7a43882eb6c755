using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Parsing.Config;

/// <summary>
/// Fills the properties a <c>ConfigFile</c> declaration leaves unset from the config.json it names (an explicit
/// property wins), as transformers reads the same keys. The rules then see one set of arguments; an issue about a
/// value that came from the file is moved onto the <c>ConfigFile</c> argument and names the file.
/// </summary>
internal static class ConfigResolver
{
    /// <summary>The outcome of resolving one declaration.</summary>
    /// <param name="Declaration">The declaration with the filled arguments (unchanged without a usable ConfigFile).</param>
    /// <param name="Issues">The ConfigFile's own errors (file missing, ambiguous, invalid, a key missing or not offered).</param>
    /// <param name="Filled">Properties whose values came from the file.</param>
    /// <param name="Reported">Properties whose absence is already reported as a missing key (the rules' own report is dropped).</param>
    internal sealed record Resolution(ParsedDeclaration Declaration, List<ValidationIssue> Issues, HashSet<string> Filled, HashSet<string> Reported)
    {
        /// <summary>The rules' issues merged with the file's: duplicates dropped, file values reported on <c>ConfigFile</c>.</summary>
        public List<ValidationIssue> Merge(List<ValidationIssue> ruleIssues)
        {
            var merged = new List<ValidationIssue>(Issues);
            string file = Declaration.Arguments.Rotary.ConfigFile ?? "";
            foreach (var issue in ruleIssues)
            {
                if (issue.Argument is { } name && Reported.Contains(name)) continue;
                if (issue.Argument is { } filled && Filled.Contains(filled))
                {
                    var args = issue.MessageArguments.ToArray();
                    if (args.Length > 0 && args[0] == filled) args[0] = filled + " (from " + file + ")";
                    merged.Add(new ValidationIssue(issue.Id, Config, new EquatableArray<string>(args)));
                }
                else
                {
                    merged.Add(issue);
                }
            }
            return merged;
        }
    }

    private const string Config = nameof(RotaryArguments.ConfigFile);

    /// <summary>Resolves <paramref name="declaration"/> against <paramref name="files"/> (those of the compilation that any ConfigFile names).</summary>
    public static Resolution Resolve(ParsedDeclaration declaration, ConfigFileSet files)
    {
        var args = declaration.Arguments;
        var issues = new List<ValidationIssue>();
        var filled = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var none = new Resolution(declaration, issues, filled, reported);

        // Without a rotary scheme or a readable name, the rules report ConfigFile itself.
        if (args.Rotary.ConfigFile is not { } name || args.Unreadable.Contains(Config)) return none;
        if (EncodingValidator.ReadScheme(args) is not { } kind || SchemeCatalog.Get(kind).Family != SchemeFamily.Rotary) return none;

        string shown = "\"" + name + "\"";
        if (ConfigFileMatch.Normalize(name).Trim('/').Length == 0)
        {
            issues.Add(Error(shown, "give the path of the checkpoint's config.json as the project's AdditionalFiles has it, e.g. \"config.json\" or \"models/llama-3.1/config.json\""));
            return Unusable(declaration, issues);
        }

        var matches = files.Files.Where(f => ConfigFileMatch.Matches(name, f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        if (matches.Count == 0)
        {
            issues.Add(Error(shown, "no AdditionalFiles item ends with " + name + "; add <AdditionalFiles Include=\"" + name + "\" /> to the project (paths match on whole folder and file names)"));
            return Unusable(declaration, issues);
        }
        if (matches.Count > 1)
        {
            issues.Add(Error(shown, Count(matches.Count) + " AdditionalFiles items end with " + name + " (" + string.Join(", ", matches.Select(m => m.Path))
                + "); give more of the path, e.g. \"" + Suggestion(matches[0].Path, name) + "\""));
            return Unusable(declaration, issues);
        }

        var file = matches[0];
        if (file.Values is not { } values)
        {
            issues.Add(Error(shown, file.Path + ": " + file.Error));
            return Unusable(declaration, issues);
        }

        var filler = new Filler(args, values, file.Path, shown, issues, filled, reported);
        var resolved = filler.Fill();
        return new Resolution(declaration with { Arguments = resolved }, issues, filled, reported);
    }

    // The file gave nothing: the rules must not also report the properties it was meant to fill.
    private static Resolution Unusable(ParsedDeclaration declaration, List<ValidationIssue> issues)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var args = declaration.Arguments;
        if (args.Dim is null) reported.Add(nameof(args.Dim));
        if (args.MaxLen is null) reported.Add(nameof(args.MaxLen));
        foreach (var property in RotaryRules.Names)
        {
            if (RotaryRules.ValueOf(args.Rotary, property) is null) reported.Add(property);
        }
        return new Resolution(declaration, issues, new HashSet<string>(StringComparer.Ordinal), reported);
    }

    private static string Suggestion(string path, string name)
    {
        var parts = ConfigFileMatch.Normalize(path).Split('/');
        int take = Math.Min(parts.Length, ConfigFileMatch.Normalize(name).Split('/').Length + 1);
        return string.Join("/", parts.Skip(parts.Length - take));
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static ValidationIssue Error(string shown, string reason) =>
        EncodingValidator.Issue(DiagnosticIds.InvalidParameter, Config, Config, shown, reason);

    private sealed class Filler
    {
        private readonly EncodingArguments _args;
        private readonly ConfigValues _values;
        private readonly RopeScalingValues? _scaling;
        private readonly string _path, _shown;
        private readonly List<ValidationIssue> _issues;
        private readonly HashSet<string> _filled, _reported;

        public Filler(EncodingArguments args, ConfigValues values, string path, string shown, List<ValidationIssue> issues, HashSet<string> filled, HashSet<string> reported)
        {
            _args = args;
            _values = values;
            _scaling = values.RopeScaling;
            _path = path;
            _shown = shown;
            _issues = issues;
            _filled = filled;
            _reported = reported;
        }

        private void Missing(string property, string what)
        {
            _reported.Add(property);
            _issues.Add(Error(_shown, _path + " has no " + what + "; set " + property + " in the declaration"));
        }

        private string Key(string key) => _values.RopeScalingKey + "." + key;

        public EncodingArguments Fill()
        {
            int? dim = _args.Dim;
            if (dim is null)
            {
                dim = HeadDim();
                if (dim is null) Missing(nameof(_args.Dim), "head dimension (qk_rope_head_dim, head_dim, hidden_size / num_attention_heads or n_embd / n_head)");
                else _filled.Add(nameof(_args.Dim));
            }

            int? maxLen = _args.MaxLen;
            if (maxLen is null)
            {
                maxLen = _values.MaxPositionEmbeddings ?? _values.NPositions;
                if (maxLen is null) Missing(nameof(_args.MaxLen), "max_position_embeddings (or n_positions)");
                else _filled.Add(nameof(_args.MaxLen));
            }

            double? @base = _args.Base;
            if (@base is null && !_args.Unreadable.Contains(nameof(_args.Base)))
            {
                // Absent everywhere: transformers' configs default to 10000, as the attribute does.
                @base = _values.RopeTheta ?? _scaling?.RopeTheta ?? _values.RotaryEmbBase;
                if (@base is not null) _filled.Add(nameof(_args.Base));
            }

            var rotary = FillRotary(dim);
            return _args with { Dim = dim, MaxLen = maxLen, Base = @base, Rotary = rotary };
        }

        // transformers: head_dim, else hidden_size // num_attention_heads; DeepSeek's MLA rotates qk_rope_head_dim.
        private int? HeadDim()
        {
            if (_values.QkRopeHeadDim is { } rope) return rope;
            if (_values.HeadDim is { } head) return head;
            if (_values.HiddenSize is { } hidden && _values.NumAttentionHeads is > 0 and var heads) return FloorDiv(hidden, heads);
            if (_values.NEmbd is { } embd && _values.NHead is > 0 and var n) return FloorDiv(embd, n);
            return null;
        }

        private static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);

        private RotaryArguments FillRotary(int? dim)
        {
            var r = _args.Rotary;
            if (r.RotaryDim is null && !_args.Unreadable.Contains(nameof(r.RotaryDim)))
            {
                int? rotaryDim = _values.RotaryDim;
                if (rotaryDim is null && dim is > 0 and var d)
                {
                    string key = _values.PartialRotaryFactor is not null ? "partial_rotary_factor"
                        : _scaling?.PartialRotaryFactor is not null ? Key("partial_rotary_factor") : "rotary_pct";
                    if ((_values.PartialRotaryFactor ?? _scaling?.PartialRotaryFactor ?? _values.RotaryPct) is { } fraction)
                    {
                        if (fraction > 0 && fraction <= 1) rotaryDim = (int)(d * fraction);   // int(head_dim * partial_rotary_factor)
                        else
                        {
                            _reported.Add(nameof(r.RotaryDim));
                            _issues.Add(Error(_shown, _path + ": " + key + " = " + RotaryRules.FormatReal(fraction) + " must be in (0, 1], the share of each head that rotates; set RotaryDim in the declaration"));
                        }
                    }
                }
                if (rotaryDim is not null)
                {
                    r = r with { RotaryDim = rotaryDim };
                    _filled.Add(nameof(r.RotaryDim));
                }
            }

            var kind = Scaling(r);
            if (kind is null) return r;
            if (r.Scaling is null && kind != RopeScalingKind.None)
            {
                r = r with { Scaling = (int)kind.Value };
                _filled.Add(nameof(r.Scaling));
            }

            var s = _scaling ?? new RopeScalingValues();
            switch (kind.Value)
            {
                case RopeScalingKind.Linear:
                    r = FillFactor(r, s, kind.Value);
                    break;
                case RopeScalingKind.Llama3:
                    r = FillOriginal(r, s, kind.Value, fallbackToMax: false);
                    r = FillFactor(r, s, kind.Value);
                    r = Set(r, nameof(r.LowFreqFactor), s.LowFreqFactor, x => r with { LowFreqFactor = x });
                    r = Set(r, nameof(r.HighFreqFactor), s.HighFreqFactor, x => r with { HighFreqFactor = x });
                    break;
                case RopeScalingKind.Yarn:
                    // transformers: original_max_position_embeddings, else max_position_embeddings.
                    r = FillOriginal(r, s, kind.Value, fallbackToMax: true);
                    r = FillFactor(r, s, kind.Value);
                    r = Set(r, nameof(r.BetaFast), s.BetaFast, x => r with { BetaFast = x });
                    r = Set(r, nameof(r.BetaSlow), s.BetaSlow, x => r with { BetaSlow = x });
                    r = Set(r, nameof(r.Truncate), s.Truncate, x => r with { Truncate = x });
                    r = Set(r, nameof(r.Mscale), s.Mscale, x => r with { Mscale = x });
                    r = Set(r, nameof(r.MscaleAllDim), s.MscaleAllDim, x => r with { MscaleAllDim = x });
                    r = Set(r, nameof(r.AttentionFactor), s.AttentionFactor, x => r with { AttentionFactor = x });
                    break;
                case RopeScalingKind.LongRope:
                    r = FillOriginal(r, s, kind.Value, fallbackToMax: false);
                    r = FillLongRopeFactor(r, s);
                    r = FillArray(r, nameof(r.ShortFactors), s.ShortFactor, "short_factor", x => r with { ShortFactors = x });
                    r = FillArray(r, nameof(r.LongFactors), s.LongFactor, "long_factor", x => r with { LongFactors = x });
                    r = Set(r, nameof(r.AttentionFactor), s.AttentionFactor, x => r with { AttentionFactor = x });
                    break;
            }
            return r;
        }

        // The explicit Scaling, else rope_type / type of the file; null after reporting a type PEGen does not offer.
        private RopeScalingKind? Scaling(RotaryArguments r)
        {
            if (r.Scaling is { } explicitScaling)
                return Enum.IsDefined(typeof(RopeScalingKind), explicitScaling) ? (RopeScalingKind)explicitScaling : null;
            if (_scaling is not { } s) return RopeScalingKind.None;
            if (s.Type is not { } type)
            {
                bool scales = s.Factor is not null || s.ShortFactor is not null || s.LongFactor is not null || s.LowFreqFactor is not null || s.BetaFast is not null;
                if (!scales) return RopeScalingKind.None;
                Reject(_values.RopeScalingKey + " has no rope_type (or type), so transformers cannot tell which scaling it describes; set Scaling in the declaration");
                return null;
            }
            switch (type)
            {
                case "default": return RopeScalingKind.None;
                case "linear": return RopeScalingKind.Linear;
                case "llama3": return RopeScalingKind.Llama3;
                case "yarn": return RopeScalingKind.Yarn;
                case "longrope": return RopeScalingKind.LongRope;
                case "dynamic":
                    Reject(Key("rope_type") + " is \"dynamic\": dynamic NTK scaling changes its frequencies with every sequence length, so it has no constant table and PEGen does not offer it; declare Scaling explicitly to use another one");
                    return null;
                case "su":
                    Reject(Key("type") + " is \"su\", the name Phi-3 configs used before transformers renamed it \"longrope\" (current transformers rejects \"su\"); change the file to \"longrope\" or declare Scaling = RopeScaling.LongRope");
                    return null;
                default:
                    Reject(Key("rope_type") + " is \"" + type + "\", which PEGen does not offer (it offers default, linear, llama3, yarn and longrope); declare Scaling explicitly to use one of them");
                    return null;
            }
        }

        private void Reject(string reason)
        {
            _reported.Add(nameof(RotaryArguments.Scaling));
            _issues.Add(Error(_shown, _path + ": " + reason));
        }

        private RotaryArguments FillFactor(RotaryArguments r, RopeScalingValues s, RopeScalingKind kind)
        {
            if (r.Factor is not null || _args.Unreadable.Contains(nameof(r.Factor))) return r;
            if (s.Factor is null)
            {
                Missing(nameof(r.Factor), Key("factor") + ", which RopeScaling." + kind + " needs");
                return r;
            }
            _filled.Add(nameof(r.Factor));
            return r with { Factor = s.Factor };
        }

        // LongRoPE configs without factor (Phi-3, Phi-3.5) mean max_position_embeddings / original_max_position_embeddings.
        private RotaryArguments FillLongRopeFactor(RotaryArguments r, RopeScalingValues s)
        {
            if (r.Factor is not null || _args.Unreadable.Contains(nameof(r.Factor))) return r;
            if (s.Factor is { } factor)
            {
                _filled.Add(nameof(r.Factor));
                return r with { Factor = factor };
            }
            if (_values.MaxPositionEmbeddings is { } max && r.OriginalMaxLen is > 0 and var original)
            {
                _filled.Add(nameof(r.Factor));
                return r with { Factor = (double)max / original };
            }
            Missing(nameof(r.Factor), Key("factor") + " nor max_position_embeddings and original_max_position_embeddings, whose quotient is LongRope's factor (Phi-3.5-mini: 131072 / 4096 = 32)");
            return r;
        }

        private RotaryArguments FillOriginal(RotaryArguments r, RopeScalingValues s, RopeScalingKind kind, bool fallbackToMax)
        {
            if (r.OriginalMaxLen is not null || _args.Unreadable.Contains(nameof(r.OriginalMaxLen))) return r;
            int? original = s.OriginalMaxPositionEmbeddings ?? _values.OriginalMaxPositionEmbeddings
                            ?? (fallbackToMax ? _values.MaxPositionEmbeddings : null);
            if (original is null)
            {
                Missing(nameof(r.OriginalMaxLen), Key("original_max_position_embeddings") + " (nor a top-level one), which RopeScaling." + kind + " needs");
                return r;
            }
            _filled.Add(nameof(r.OriginalMaxLen));
            return r with { OriginalMaxLen = original };
        }

        private RotaryArguments FillArray(RotaryArguments r, string property, EquatableArray<double>? value, string key, Func<EquatableArray<double>?, RotaryArguments> set)
        {
            if (RotaryRules.ValueOf(r, property) is not null || _args.Unreadable.Contains(property)) return r;
            if (value is null)
            {
                Missing(property, Key(key) + ", which RopeScaling.LongRope needs");
                return r;
            }
            _filled.Add(property);
            return set(value);
        }

        private RotaryArguments Set<T>(RotaryArguments r, string property, T? value, Func<T, RotaryArguments> set) where T : struct
        {
            if (value is not { } v || RotaryRules.ValueOf(r, property) is not null || _args.Unreadable.Contains(property)) return r;
            _filled.Add(property);
            return set(v);
        }
    }
}
