using System.Collections.Generic;
using System.Globalization;
using PEGen.Model;

namespace PEGen.Parsing.Config;

/// <summary>
/// Reads a transformers config.json into a <see cref="ConfigFileModel"/>: the JSON once, then the keys PEGen
/// uses. A key of the wrong type makes the file invalid (naming the key); keys PEGen does not use are not looked at.
/// </summary>
internal static class ConfigFileReader
{
    /// <summary>Reads an additional file (the generator's and the analyzer's one entry point).</summary>
    public static ConfigFileModel Read(Microsoft.CodeAnalysis.AdditionalText file, System.Threading.CancellationToken cancellationToken) =>
        Read(file.Path, file.GetText(cancellationToken)?.ToString());

    /// <summary>The model of the file at <paramref name="path"/> with contents <paramref name="text"/> (null: unreadable).</summary>
    public static ConfigFileModel Read(string path, string? text)
    {
        if (text is null) return new ConfigFileModel(path, null, "the file could not be read");
        if (!JsonReader.TryParse(text, out var root, out string error))
            return new ConfigFileModel(path, null, "not valid JSON (" + error + ")");
        if (root.Kind != JsonKind.Object)
            return new ConfigFileModel(path, null, "not a config.json: the top level is not a JSON object");

        var problems = new List<string>();
        var values = ReadValues(root, problems);
        return problems.Count > 0
            ? new ConfigFileModel(path, null, problems[0])
            : new ConfigFileModel(path, values, null);
    }

    private static ConfigValues ReadValues(JsonValue root, List<string> problems)
    {
        string prefix = "";
        if (root["text_config"] is { Kind: JsonKind.Object } text)
        {
            root = text;
            prefix = "text_config.";
        }
        var keys = new Keys(root, prefix, problems);

        var scaling = root["rope_scaling"];
        string scalingKey = "rope_scaling";
        if (scaling is null || scaling.Kind == JsonKind.Null)
        {
            scaling = root["rope_parameters"];
            scalingKey = "rope_parameters";
        }
        RopeScalingValues? ropeScaling = null;
        if (scaling is not null && scaling.Kind != JsonKind.Null)
        {
            if (scaling.Kind != JsonKind.Object)
                problems.Add(prefix + scalingKey + " is not a JSON object");
            else if (scalingKey == "rope_parameters" && scaling["rope_type"] is null && scaling["rope_theta"] is null && HasObjectMember(scaling))
                problems.Add(prefix + "rope_parameters holds one object per layer type (e.g. full_attention, sliding_attention), which PEGen does not read; declare the properties of the layers you need explicitly");
            else
                ropeScaling = ReadScaling(new Keys(scaling, prefix + scalingKey + ".", problems));
        }

        return new ConfigValues
        {
            HeadDim = keys.Int("head_dim"),
            QkRopeHeadDim = keys.Int("qk_rope_head_dim"),
            HiddenSize = keys.Int("hidden_size"),
            NumAttentionHeads = keys.Int("num_attention_heads"),
            NEmbd = keys.Int("n_embd"),
            NHead = keys.Int("n_head"),
            RopeTheta = keys.Double("rope_theta"),
            RotaryEmbBase = keys.Double("rotary_emb_base"),
            PartialRotaryFactor = keys.Double("partial_rotary_factor"),
            RotaryPct = keys.Double("rotary_pct"),
            RotaryDim = keys.Int("rotary_dim"),
            MaxPositionEmbeddings = keys.Int("max_position_embeddings"),
            NPositions = keys.Int("n_positions"),
            OriginalMaxPositionEmbeddings = keys.Int("original_max_position_embeddings"),
            RopeScaling = ropeScaling,
            RopeScalingKey = prefix + scalingKey,
        };
    }

    private static bool HasObjectMember(JsonValue value)
    {
        foreach (var member in value.Members)
        {
            if (member.Value.Kind == JsonKind.Object) return true;
        }
        return false;
    }

    private static RopeScalingValues ReadScaling(Keys keys) => new()
    {
        Type = keys.String("rope_type") ?? keys.String("type"),
        Factor = keys.Double("factor"),
        LowFreqFactor = keys.Double("low_freq_factor"),
        HighFreqFactor = keys.Double("high_freq_factor"),
        OriginalMaxPositionEmbeddings = keys.Int("original_max_position_embeddings"),
        BetaFast = keys.Double("beta_fast"),
        BetaSlow = keys.Double("beta_slow"),
        Truncate = keys.Bool("truncate"),
        Mscale = keys.Double("mscale"),
        MscaleAllDim = keys.Double("mscale_all_dim"),
        AttentionFactor = keys.Double("attention_factor"),
        ShortFactor = keys.Doubles("short_factor"),
        LongFactor = keys.Doubles("long_factor"),
        RopeTheta = keys.Double("rope_theta"),
        PartialRotaryFactor = keys.Double("partial_rotary_factor"),
    };

    // Typed access to one object's members; JSON null counts as absent, a wrong type is a problem.
    private readonly struct Keys
    {
        private readonly JsonValue _object;
        private readonly string _prefix;
        private readonly List<string> _problems;

        public Keys(JsonValue obj, string prefix, List<string> problems)
        {
            _object = obj;
            _prefix = prefix;
            _problems = problems;
        }

        private JsonValue? Get(string key) => _object[key] is { Kind: not JsonKind.Null } v ? v : null;

        private void Problem(string key, string expected, JsonValue value) =>
            _problems.Add(_prefix + key + " is " + Describe(value) + ", expected " + expected);

        public double? Double(string key)
        {
            if (Get(key) is not { } v) return null;
            if (v.Kind == JsonKind.Number) return v.Number;
            Problem(key, "a number", v);
            return null;
        }

        public int? Int(string key)
        {
            if (Get(key) is not { } v) return null;
            if (v.Kind == JsonKind.Number && v.Number == System.Math.Floor(v.Number) && v.Number >= int.MinValue && v.Number <= int.MaxValue)
                return (int)v.Number;
            Problem(key, "an integer", v);
            return null;
        }

        public bool? Bool(string key)
        {
            if (Get(key) is not { } v) return null;
            if (v.Kind == JsonKind.Boolean) return v.Boolean;
            Problem(key, "true or false", v);
            return null;
        }

        public string? String(string key)
        {
            if (Get(key) is not { } v) return null;
            if (v.Kind == JsonKind.String) return v.String;
            Problem(key, "a string", v);
            return null;
        }

        public EquatableArray<double>? Doubles(string key)
        {
            if (Get(key) is not { } v) return null;
            if (v.Kind != JsonKind.Array) { Problem(key, "an array of numbers", v); return null; }
            var values = new double[v.Items.Count];
            for (int i = 0; i < values.Length; i++)
            {
                if (v.Items[i].Kind != JsonKind.Number)
                {
                    _problems.Add(_prefix + key + "[" + i.ToString(CultureInfo.InvariantCulture) + "] is " + Describe(v.Items[i]) + ", expected a number");
                    return null;
                }
                values[i] = v.Items[i].Number;
            }
            return new EquatableArray<double>(values);
        }

        private static string Describe(JsonValue value) => value.Kind switch
        {
            JsonKind.Number => value.Number.ToString("R", CultureInfo.InvariantCulture),
            JsonKind.String => "the string \"" + (value.String.Length > 40 ? value.String.Substring(0, 40) + "..." : value.String) + "\"",
            JsonKind.Boolean => value.Boolean ? "true" : "false",
            JsonKind.Array => "an array",
            JsonKind.Object => "an object",
            _ => "null",
        };
    }
}
