using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PEGen.Tests.Fuzz;

/// <summary>
/// The rotary part of a fuzzed declaration (SPEC section 5): random scaling properties, arrays and
/// ConfigFile with a random, invalid or missing config.json, and the oracle of their documented rules
/// (docs/diagnostics.md, PEG010 "Rotary scaling and partial rotary" and "ConfigFile", PEG012, PEG013),
/// written from the documentation, not from src/.
/// </summary>
internal sealed class RotaryCases
{
    private const double FloatMax = float.MaxValue;

    private readonly List<(string Name, string Text)> _args = new();
    private readonly List<(string Path, string Text)> _files = new();

    // Drawn values (null: not written). Doubles hold the constant's value.
    private int? _scaling;
    private double? _factor, _low, _high, _betaFast, _betaSlow, _mscale, _mscaleAll, _attention;
    private int? _original, _rotaryDim;
    private bool? _truncate;
    private Factors? _short, _long;

    private enum FactorsKind { Valid, WrongLength, BadEntry, Null }

    private sealed record Factors(FactorsKind Kind, int Count);

    private enum ConfigKind { Plain, Linear, Yarn, Partial, Prefix, Junk, Dynamic, Su, NoFile, TwoFiles, WrongType, NoHeadDim }

    private ConfigKind? _config;
    private int _configHeadDim, _configMaxLen;
    private double _configTheta;

    /// <summary>The attribute arguments to add, "Name = value".</summary>
    public IEnumerable<string> Arguments => _args.Select(a => a.Name + " = " + a.Text);

    /// <summary>The additional files the case adds to the batch.</summary>
    public IReadOnlyList<(string Path, string Text)> AdditionalFiles => _files;

    /// <summary>True when a ConfigFile is written.</summary>
    public bool HasConfig => _config is not null;

    /// <summary>A short description for failure messages.</summary>
    public string Summary => string.Join(", ", _args.Select(a => a.Name + "=" + (a.Text.Length > 30 ? a.Text.Substring(0, 30) + "..." : a.Text)))
                             + (_config is { } c ? " config=" + c : "");

    /// <summary>Draws the rotary properties of case <paramref name="index"/>; <paramref name="rotary"/>: the scheme drawn is Rope or RopeInterleaved.</summary>
    public static RotaryCases Draw(Random r, int index, bool rotary, int? dim, string scalingPrefix)
    {
        var c = new RotaryCases();
        int x = r.Next(100);
        if (!rotary)
        {
            // Rarely, a rotary property on another scheme.
            if (x < 4) c.DrawOne(r, scalingPrefix, dim);
            else if (x < 5) c.DrawConfig(r, index);
            return c;
        }
        if (x < 40) return c;
        if (x < 52) { c.DrawConfig(r, index); return c; }
        c.DrawScaling(r, scalingPrefix, dim);
        return c;
    }

    private void Add(string name, string text) => _args.Add((name, text));

    private static string Real(double v) =>
        double.IsNaN(v) ? "double.NaN" : double.IsPositiveInfinity(v) ? "double.PositiveInfinity" : double.IsNegativeInfinity(v) ? "double.NegativeInfinity"
        : v.ToString("R", CultureInfo.InvariantCulture);

    private static T Pick<T>(Random r, params T[] values) => values[r.Next(values.Length)];

    private void DrawOne(Random r, string prefix, int? dim)
    {
        switch (r.Next(4))
        {
            case 0: _scaling = 1; Add("Scaling", prefix + "Linear"); break;
            case 1: _rotaryDim = 2; Add("RotaryDim", "2"); break;
            case 2: _truncate = false; Add("Truncate", "false"); break;
            default: _short = new Factors(FactorsKind.Valid, 1); Add("ShortFactors", "new double[] { 1.5 }"); break;
        }
        _ = dim;
    }

    private void DrawScaling(Random r, string prefix, int? dim)
    {
        int s = r.Next(100);
        _scaling = s < 30 ? null : s < 38 ? 0 : s < 50 ? 1 : s < 62 ? 2 : s < 78 ? 3 : s < 97 ? 4 : 9;
        if (_scaling is { } scaling)
            Add("Scaling", scaling == 9 ? "(" + prefix.TrimEnd('.') + ")9" : prefix + new[] { "None", "Linear", "Llama3", "Yarn", "LongRope" }[scaling]);
        int k = _scaling ?? 0;
        bool usesFactor = k is >= 1 and <= 4, usesOriginal = k is >= 2 and <= 4;

        // Properties the scaling uses: mostly valid; the others: now and then (PEG012, or PEG010 for AttentionFactor).
        bool Needed(bool uses) => uses ? r.Next(100) < 92 : r.Next(100) < 7;

        if (r.Next(100) < 30)
        {
            _rotaryDim = dim is int d and > 0 and < 1000
                ? (r.Next(100) < 80 ? Pick(r, 0, 2, d, d - 2 > 0 ? d - 2 : 2) : Pick(r, d + 2, 3, -2, 1))
                : Pick(r, 0, 2, 3, -2);
            Add("RotaryDim", _rotaryDim.Value.ToString(CultureInfo.InvariantCulture));
        }
        int width = _rotaryDim is > 0 and var w ? w : dim ?? 2;

        if (Needed(usesFactor))
        {
            _factor = r.Next(100) < 90 ? Pick(r, 1.0, 1.5, 2.0, 4.0, 8.0, 32.0) : Pick(r, 0.0, 0.5, -2.0, double.NaN, 1e39, double.PositiveInfinity);
            Add("Factor", Real(_factor.Value));
        }
        if (Needed(usesOriginal))
        {
            _original = r.Next(100) < 92 ? Pick(r, 2, 4, 8, 16, 8192, 1) : Pick(r, 0, -1, int.MinValue);
            Add("OriginalMaxLen", _original == int.MinValue ? "int.MinValue" : _original.Value.ToString(CultureInfo.InvariantCulture));
        }
        bool llama3 = k == 2, yarn = k == 3, longRope = k == 4;
        // Mostly values transformers accepts; now and then one it rejects.
        double Value(double[] valid, double[] invalid) => r.Next(100) < 88 ? Pick(r, valid) : Pick(r, invalid);
        if (Needed(llama3) && r.Next(2) == 0) { _low = Value(new[] { 1.0, 2.0, 0.5 }, new[] { 4.0, 0.0, double.NaN }); Add("LowFreqFactor", Real(_low.Value)); }
        if (Needed(llama3) && r.Next(2) == 0) { _high = Value(new[] { 4.0, 3.0, 8.0 }, new[] { 1.0, -1.0, double.PositiveInfinity }); Add("HighFreqFactor", Real(_high.Value)); }
        if (Needed(yarn) && r.Next(2) == 0) { _betaFast = Value(new[] { 32.0, 16.0, 2.0 }, new[] { 0.5, 0.0, double.NaN, -1.0 }); Add("BetaFast", Real(_betaFast.Value)); }
        if (Needed(yarn) && r.Next(2) == 0) { _betaSlow = Value(new[] { 1.0, 2.0, 16.0 }, new[] { 64.0, 0.0, double.PositiveInfinity }); Add("BetaSlow", Real(_betaSlow.Value)); }
        if (Needed(yarn) && r.Next(3) == 0) { _truncate = r.Next(2) == 0; Add("Truncate", _truncate.Value ? "true" : "false"); }
        if (Needed(yarn) && r.Next(2) == 0) { _mscale = Value(new[] { 0.0, 1.0, 0.707 }, new[] { -1.0, double.NaN }); Add("Mscale", Real(_mscale.Value)); }
        if (Needed(yarn) && r.Next(2) == 0) { _mscaleAll = Value(new[] { 0.0, 1.0, 0.5 }, new[] { -0.5, double.PositiveInfinity }); Add("MscaleAllDim", Real(_mscaleAll.Value)); }
        if (Needed(yarn || longRope) && r.Next(3) == 0) { _attention = Value(new[] { 0.0, 1.2, 0.5 }, new[] { -1.0, double.NaN, 1e39 }); Add("AttentionFactor", Real(_attention.Value)); }
        if (Needed(longRope)) _short = DrawFactors(r, "ShortFactors", width);
        if (Needed(longRope)) _long = DrawFactors(r, "LongFactors", width);
    }

    private Factors DrawFactors(Random r, string name, int width)
    {
        int half = width is >= 2 and <= 128 ? width / 2 : 1;
        int x = r.Next(100);
        var kind = x < 88 ? FactorsKind.Valid : x < 93 ? FactorsKind.WrongLength : x < 98 ? FactorsKind.BadEntry : FactorsKind.Null;
        if (kind == FactorsKind.Null)
        {
            Add(name, "null");
            return new Factors(kind, 0);
        }
        int count = kind == FactorsKind.WrongLength ? Pick(r, 0, half + 1, half > 1 ? half - 1 : 2) : half;
        var values = Enumerable.Range(0, count).Select(_ => Pick(r, "1.0", "1.5", "2.25", "64", "1.0199999809265137")).ToArray();
        if (kind == FactorsKind.BadEntry && count > 0) values[r.Next(count)] = Pick(r, "0", "-1", "double.NaN", "1e39", "1e-50", "double.PositiveInfinity");
        string text = count == 0 ? "new double[0]" : r.Next(2) == 0 ? "new double[] { " + string.Join(", ", values) + " }" : "new[] { " + string.Join(", ", values.Select(v => v.Contains('.') || v.Contains('e') || v.StartsWith("double", StringComparison.Ordinal) ? v : v + ".0")) + " }";
        Add(name, text);
        return new Factors(count == 0 && kind == FactorsKind.BadEntry ? FactorsKind.WrongLength : kind, count);
    }

    private void DrawConfig(Random r, int index)
    {
        // Half the files usable, half broken in one of the documented ways.
        var kind = r.Next(2) == 0
            ? Pick(r, ConfigKind.Plain, ConfigKind.Linear, ConfigKind.Yarn, ConfigKind.Partial, ConfigKind.NoHeadDim)
            : (ConfigKind)r.Next(Enum.GetValues(typeof(ConfigKind)).Length);
        _config = kind;
        string folder = $"Case{index}x";
        Add("ConfigFile", "\"" + folder + "/config.json\"");
        _configHeadDim = Pick(r, 2, 4, 8);
        _configMaxLen = Pick(r, 2, 4, 8);
        _configTheta = Pick(r, 10000.0, 500000.0, 1.5);
        string theta = _configTheta.ToString("R", CultureInfo.InvariantCulture);
        if (!theta.Contains('.')) theta += ".0";
        string head = "\"head_dim\": " + _configHeadDim + ", \"rope_theta\": " + theta + ", \"max_position_embeddings\": " + _configMaxLen + ", \"vocab_size\": 32000";
        string text = kind switch
        {
            ConfigKind.Linear => "{ " + head + ", \"rope_scaling\": { \"rope_type\": \"linear\", \"factor\": 2.0 } }",
            ConfigKind.Yarn => "{ " + head + ", \"rope_scaling\": { \"type\": \"yarn\", \"factor\": 2.0, \"original_max_position_embeddings\": 4 } }",
            ConfigKind.Partial => "{ " + head + ", \"partial_rotary_factor\": 0.5, \"rope_scaling\": null }",
            ConfigKind.Dynamic => "{ " + head + ", \"rope_scaling\": { \"rope_type\": \"dynamic\", \"factor\": 2.0 } }",
            ConfigKind.Su => "{ " + head + ", \"rope_scaling\": { \"type\": \"su\", \"short_factor\": [1.0], \"long_factor\": [2.0] } }",
            ConfigKind.WrongType => "{ \"head_dim\": \"" + _configHeadDim + "\", \"max_position_embeddings\": " + _configMaxLen + " }",
            ConfigKind.NoHeadDim => "{ \"rope_theta\": " + theta + ", \"max_position_embeddings\": " + _configMaxLen + " }",
            _ => "{ " + head + " }",
        };
        if (kind == ConfigKind.Prefix)
            text = text.Substring(0, r.Next(text.Length - 1));   // every proper prefix of an object is invalid JSON
        if (kind == ConfigKind.Junk)
        {
            const string Alphabet = "{}[]:,\"\\ 0123456789.eE+-truefalsnNaI\n\t/";
            var chars = Enumerable.Range(0, r.Next(40)).Select(_ => Alphabet[r.Next(Alphabet.Length)]);
            text = Pick(r, "x", "]", "1", "\"", "/", "'") + new string(chars.ToArray());   // no JSON object starts like this
        }
        switch (kind)
        {
            case ConfigKind.NoFile:
                _files.Add(("/fuzz/" + folder + "/myconfig.json", text));
                break;
            case ConfigKind.TwoFiles:
                _files.Add(("/fuzz/a/" + folder + "/config.json", text));
                _files.Add(("/fuzz/b/" + folder + "/config.json", text));
                break;
            default:
                _files.Add(("/fuzz/" + folder + "/config.json", text));
                break;
        }
    }

    /// <summary>
    /// The effective Dim, MaxLen and Base after a usable config filled what the declaration leaves out
    /// (the declaration's values when it has none, or the file is unusable).
    /// </summary>
    public (int? Dim, int? MaxLen, double? Base) Effective(bool rotary, int? dim, bool dimOmitted, int? maxLen, bool maxLenOmitted, double? @base, bool baseOmitted)
    {
        if (!rotary || !ConfigUsable) return (dim, maxLen, @base);
        int? d = dimOmitted && _config != ConfigKind.NoHeadDim ? _configHeadDim : dim;
        return (d, maxLenOmitted ? _configMaxLen : maxLen, baseOmitted ? _configTheta : @base);
    }

    /// <summary>
    /// The values of one compact row of a rotary class of width <paramref name="dim"/> (docs/diagnostics.md, PEG010
    /// "Storage": RotaryDim for rotary schemes): the declared RotaryDim, or a usable config's partial_rotary_factor
    /// share of the head, else Dim.
    /// </summary>
    public int RowValues(int dim)
    {
        if (_rotaryDim is > 0 and var declared) return declared;
        if (_config == ConfigKind.Partial && (int)(dim * 0.5) is > 0 and var partial) return partial;
        return dim;
    }

    private bool ConfigUsable => _config is ConfigKind.Plain or ConfigKind.Linear or ConfigKind.Yarn or ConfigKind.Partial or ConfigKind.NoHeadDim;

    /// <summary>
    /// Adds the errors and warnings the rules predict. <paramref name="dim"/>, <paramref name="maxLen"/> are the effective
    /// values (null: missing or not constant). Returns the table's floats when the rotary properties are valid, else null
    /// (the size rules then use Dim x MaxLen).
    /// </summary>
    public long? Judge(bool rotary, int? dim, bool dimOmitted, int? maxLen, HashSet<string> errors, HashSet<string> warnings)
    {
        bool dimOk = dim is > 0, maxOk = maxLen is > 0;
        if (_args.Count == 0) return null;
        if (!rotary)
        {
            errors.Add("PEG010");   // "any of them: only with Rope or RopeInterleaved"
            return null;
        }

        if (_config is { } config)
        {
            if (!ConfigUsable || (config == ConfigKind.NoHeadDim && dimOmitted))
            {
                errors.Add("PEG010");
                return null;
            }
            int width = dimOk ? dim!.Value : 0;
            if (config == ConfigKind.Partial && dimOk)
            {
                int rotaryDim = (int)(width * 0.5);
                if (rotaryDim != 0 && rotaryDim % 2 != 0) errors.Add("PEG010");
                // The file's RotaryDim goes through the same rules as a written one (docs/diagnostics.md, ConfigFile), so
                // the span rule too: below Dim, Dim x MaxLen at most 2^31 - 1 (Dim = 1 << 30 with MaxLen >= 2 breaks it;
                // see PartialConfigSpanRegressionTests). Invalid: the size rules then use Dim x MaxLen, as for a written one.
                if (rotaryDim != 0 && rotaryDim < width && maxOk && (long)width * maxLen!.Value > int.MaxValue)
                {
                    errors.Add("PEG010");
                    return null;
                }
                if (rotaryDim != 0) width = rotaryDim;
            }
            return dimOk && maxOk ? (long)width * maxLen!.Value : null;
        }

        int before = errors.Count;
        bool bad = false;
        void Error() { errors.Add("PEG010"); bad = true; }

        int k = _scaling ?? 0;
        if (k == 9) { Error(); return null; }

        int r = dimOk ? dim!.Value : 0;
        if (_rotaryDim is { } rd && rd != 0)
        {
            if (rd < 0 || rd % 2 != 0 || (dimOk && rd > dim!.Value)) Error();
            else r = rd;
        }
        bool widthOk = dimOk && !bad;

        bool factorOk = true;
        if (k != 0)
        {
            if (_factor is null or 0) { Error(); factorOk = false; }
            else if (double.IsNaN(_factor.Value) || _factor < 1 || _factor > FloatMax) { Error(); factorOk = false; }
        }
        bool originalOk = true;
        if (k is 2 or 3 or 4 && _original is not > 0) { Error(); originalOk = false; }

        static bool Positive(double? v) => v is not { } x || (x > 0 && !double.IsInfinity(x));
        if (k == 2)
        {
            bool lowOk = Positive(_low), highOk = Positive(_high);
            if (!lowOk || !highOk) Error();
            else if ((_low ?? 1) >= (_high ?? 4)) Error();
        }
        if (k == 3)
        {
            bool fastOk = Positive(_betaFast), slowOk = Positive(_betaSlow);
            if (!fastOk || !slowOk) Error();
            else if ((_betaFast ?? 32) < (_betaSlow ?? 1)) Error();
        }
        if (k == 4)
        {
            foreach (var f in new[] { _short, _long })
            {
                if (f is null || f.Kind == FactorsKind.Null) Error();
                else if (widthOk && f.Count != r / 2) Error();
                else if (f.Kind == FactorsKind.BadEntry) Error();
            }
            if (originalOk && factorOk && _original == 1 && _factor > 1 && !(_attention > 0)) Error();
        }
        if (_attention is { } a)
        {
            if (double.IsNaN(a) || a < 0 || a > FloatMax) Error();
            else if (a > 0 && k is not (3 or 4)) Error();
        }
        foreach (var m in new[] { _mscale, _mscaleAll })
        {
            if (m is { } v && (double.IsNaN(v) || double.IsInfinity(v) || v < 0)) Error();
        }
        // A null array reads as "not a constant": PEG010, documented under "any of them".
        if (_short?.Kind == FactorsKind.Null || _long?.Kind == FactorsKind.Null) Error();

        // PEG012: what the chosen scaling ignores.
        bool yarn = k == 3, llama3 = k == 2, longRope = k == 4;
        if (_factor is not null && k == 0) warnings.Add("PEG012");
        if (_original is not null && k is 0 or 1) warnings.Add("PEG012");
        if ((_low is not null || _high is not null) && !llama3) warnings.Add("PEG012");
        if ((_betaFast is not null || _betaSlow is not null || _truncate is not null || _mscale is not null || _mscaleAll is not null) && !yarn) warnings.Add("PEG012");
        if (_attention is 0 && !yarn && !longRope) warnings.Add("PEG012");
        if ((_short is not null || _long is not null) && !longRope) warnings.Add("PEG012");
        if (yarn && ((_mscale is > 0) != (_mscaleAll is > 0) || (_attention is > 0 && (_mscale is > 0 || _mscaleAll is > 0)))) warnings.Add("PEG012");

        // Partial: MaxLen rows of one head must fit in a span.
        if (!bad && dimOk && maxOk && widthOk && r < dim!.Value && (long)dim.Value * maxLen!.Value > int.MaxValue) Error();

        if (bad || errors.Count > before) return null;
        if (longRope && maxOk && maxLen <= _original) warnings.Add("PEG013");
        if (!dimOk || !maxOk) return null;
        long rows = (long)maxLen!.Value + (longRope ? Math.Min(maxLen.Value, _original!.Value) : 0);   // long: int.MaxValue + OriginalMaxLen
        return (long)r * rows;
    }
}
