namespace Discussion;

/// <summary>The experiment's sizes and seeds; the defaults are the run the README quotes.</summary>
public sealed record ExperimentConfig
{
    /// <summary>Positions per sequence: the whole table, so the probe sees every position.</summary>
    public const int Positions = VaswaniPositions.MaxLen;

    /// <summary>
    /// Sequences of random tokens. The probe fits on 128 positions of each, so 16 give 2,048
    /// samples for at most 128 features: with no position in the stream, held-out R² then stays
    /// near 0 (its bias is about −features/samples: −0.03 for 64 features) instead of rewarding
    /// overfitting. With 8 it already reached −0.10.
    /// </summary>
    public int Sequences { get; init; } = 16;

    /// <summary>Residual blocks, L.</summary>
    public int Layers { get; init; } = 12;

    /// <summary>Attention heads: 64 / 4 = 16 values per head, RotaryPositions' Dim.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Distinct token ids; more than the width, so content fills every direction.</summary>
    public int Vocabulary { get; init; } = 1024;

    /// <summary>
    /// Embed's <c>scale</c>: the table (std 1/8 per value) times √64 = 8 gives content of std 1,
    /// the paper's "multiply the embeddings by √d_model" and README's Embed example. Content then
    /// has twice the encoding's variance (a sinusoid has 1/2).
    /// </summary>
    public float ContentScale { get; init; } = 8f;

    /// <summary>Ridge λ of the probes (on standardised features).</summary>
    public double Ridge { get; init; } = 1e-3;

    /// <summary>Seed of the embeddings, tokens and weights.</summary>
    public ulong Seed { get; init; } = 16;
}
