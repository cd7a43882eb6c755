using PEGen.Model;

namespace PEGen.Parsing.Config;

/// <summary>
/// One additional file that a <c>ConfigFile</c> names, read once: its path and the transformers
/// config.json keys PEGen uses, or why it could not be read. Value-equatable, so the generator's
/// step that holds it is cached while the file does not change.
/// </summary>
/// <param name="Path">The path the build gives the additional file.</param>
/// <param name="Values">The keys read, or null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the file is unusable (unreadable, invalid JSON, a key of the wrong type), or null.</param>
internal sealed record ConfigFileModel(string Path, ConfigValues? Values, string? Error);

/// <summary>
/// The config.json keys PEGen reads, as written (null = absent or JSON null). When the file has a
/// <c>text_config</c> object (multimodal checkpoints: Gemma 3, Llama 4, Mistral 3), its keys are read instead.
/// </summary>
internal sealed record ConfigValues
{
    public int? HeadDim { get; init; }
    /// <summary>DeepSeek V2/V3 (MLA): the rotated part of each query/key head.</summary>
    public int? QkRopeHeadDim { get; init; }
    public int? HiddenSize { get; init; }
    public int? NumAttentionHeads { get; init; }
    /// <summary>GPT-J, GPT-2 style names of hidden_size and num_attention_heads.</summary>
    public int? NEmbd { get; init; }
    public int? NHead { get; init; }
    public double? RopeTheta { get; init; }
    /// <summary>GPT-NeoX and Pythia's name of rope_theta.</summary>
    public double? RotaryEmbBase { get; init; }
    public double? PartialRotaryFactor { get; init; }
    /// <summary>GPT-NeoX and Pythia's name of partial_rotary_factor.</summary>
    public double? RotaryPct { get; init; }
    /// <summary>GPT-J: the rotated width itself.</summary>
    public int? RotaryDim { get; init; }
    public int? MaxPositionEmbeddings { get; init; }
    /// <summary>GPT-J, GPT-2 style name of max_position_embeddings.</summary>
    public int? NPositions { get; init; }
    /// <summary>Top-level original_max_position_embeddings, as Phi-3 and Phi-3.5 write it.</summary>
    public int? OriginalMaxPositionEmbeddings { get; init; }
    /// <summary><c>rope_scaling</c>, else transformers v5's <c>rope_parameters</c>; null when both are absent or null.</summary>
    public RopeScalingValues? RopeScaling { get; init; }
    /// <summary>Which of the two objects <see cref="RopeScaling"/> came from, for messages.</summary>
    public string RopeScalingKey { get; init; } = "rope_scaling";
}

/// <summary>The keys of a <c>rope_scaling</c> (or <c>rope_parameters</c>) object, as written.</summary>
internal sealed record RopeScalingValues
{
    /// <summary><c>rope_type</c>, else the legacy <c>type</c>.</summary>
    public string? Type { get; init; }
    public double? Factor { get; init; }
    public double? LowFreqFactor { get; init; }
    public double? HighFreqFactor { get; init; }
    public int? OriginalMaxPositionEmbeddings { get; init; }
    public double? BetaFast { get; init; }
    public double? BetaSlow { get; init; }
    public bool? Truncate { get; init; }
    public double? Mscale { get; init; }
    public double? MscaleAllDim { get; init; }
    public double? AttentionFactor { get; init; }
    public EquatableArray<double>? ShortFactor { get; init; }
    public EquatableArray<double>? LongFactor { get; init; }
    /// <summary>transformers v5 moves rope_theta and partial_rotary_factor into rope_parameters.</summary>
    public double? RopeTheta { get; init; }
    public double? PartialRotaryFactor { get; init; }
}

/// <summary>The config files of a compilation that some <c>ConfigFile</c> names, ordered by path.</summary>
/// <param name="Files">The files.</param>
internal sealed record ConfigFileSet(EquatableArray<ConfigFileModel> Files)
{
    public static readonly ConfigFileSet Empty = new(EquatableArray<ConfigFileModel>.Empty);

    /// <summary>The set of <paramref name="files"/>, ordered by path so that equal sets compare equal.</summary>
    public static ConfigFileSet Of(System.Collections.Generic.IEnumerable<ConfigFileModel> files) =>
        new(new EquatableArray<ConfigFileModel>(System.Linq.Enumerable.ToArray(
            System.Linq.Enumerable.OrderBy(files, f => f.Path, System.StringComparer.Ordinal))));
}
