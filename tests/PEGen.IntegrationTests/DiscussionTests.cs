using System;
using System.Linq;
using Discussion;
using Discussion.Probing;
using Discussion.Transformer;

namespace PEGen.IntegrationTests;

/// <summary>
/// samples/Discussion: the probe can succeed and can fail, its sanity checks reject real data
/// that should fail them, and the two mechanisms README's FAQ reports hold exactly.
/// </summary>
public sealed class DiscussionTests
{
    private static readonly ExperimentConfig s_config = new();
    private static readonly Corpus s_corpus = new(s_config);

    [Fact]
    public void ProbeReadsAddedSinusoidsNearPerfectlyAtLayerZero()
    {
        // Embed scale 1: the embeddings as initialised (std 1/8), so the sinusoids dominate.
        VariantResult added = Experiment.LayerZero(Variants.Added, s_config, s_corpus, contentScale: 1f);
        Assert.InRange(added.SinCos[0], SanityChecks.Recovered, 1.0);
        Assert.InRange(added.Position[0], SanityChecks.Recovered, 1.0);

        // Concatenated, no content shares the encoding's columns: perfect even at the paper's scale.
        VariantResult concatenated = Experiment.LayerZero(Variants.Concatenated, s_config, s_corpus, contentScale: 8f);
        Assert.InRange(concatenated.SinCos[0], 0.999, 1.0);
    }

    [Fact]
    public void ProbeFindsNothingWithoutAnEncoding()
    {
        VariantResult none = Experiment.Run(Variants.None, s_config with { Layers = 2 }, s_corpus);
        foreach (double r2 in none.SinCos.Concat(none.Position).Concat(none.VarianceShare))
            Assert.InRange(r2, -SanityChecks.Nothing, SanityChecks.Nothing);

        VariantResult added = Experiment.LayerZero(Variants.Added, s_config, s_corpus, contentScale: 1f);
        Assert.All(SanityChecks.Evaluate(added, none), check => Assert.True(check.Passed, check.Name + ": " + check.Figure));
    }

    [Fact]
    public void SanityChecksFailOnRealDataThatShouldFailThem()
    {
        VariantResult addedUnscaled = Experiment.LayerZero(Variants.Added, s_config, s_corpus, contentScale: 1f);
        VariantResult none = Experiment.Run(Variants.None, s_config with { Layers = 1 }, s_corpus);

        // Content of std 1 (the paper's √d scale) masks the added sinusoids: not near-perfect.
        VariantResult addedPaperScale = Experiment.LayerZero(Variants.Added, s_config, s_corpus, contentScale: 8f);
        var positive = SanityChecks.Evaluate(addedPaperScale, none);
        Assert.False(positive[0].Passed, positive[0].Figure);
        Assert.True(positive[1].Passed, positive[1].Figure);

        // A stream that does hold position (Linear adds p to every value) in place of "no encoding".
        VariantResult linear = Experiment.Run(Variants.Linear, s_config with { Layers = 1 }, s_corpus);
        var negative = SanityChecks.Evaluate(addedUnscaled, linear);
        Assert.True(negative[0].Passed, negative[0].Figure);
        Assert.False(negative[1].Passed, negative[1].Figure);
    }

    [Fact]
    public void ScoringOnTheFittedPositionsWouldPassNoiseOffAsPosition()
    {
        // One sequence: 128 fitted positions for 64 features of pure content.
        var config = s_config with { Sequences = 1, Layers = 0 };
        float[][] stream = Experiment.Streams(Variants.None, config, new Corpus(config))[0];
        int width = Variants.None.Width, positions = ExperimentConfig.Positions;
        double[][] fitX = PositionSplit.Columns(stream, width, fitting: true);
        double[][] fitY = PositionSplit.Columns(PositionTargets.Targets, PositionTargets.Count, positions, 1, fitting: true);
        double[][] heldX = PositionSplit.Columns(stream, width, fitting: false);
        double[][] heldY = PositionSplit.Columns(PositionTargets.Targets, PositionTargets.Count, positions, 1, fitting: false);

        LinearProbe probe = LinearProbe.Fit(fitX, fitY, s_config.Ridge);
        double inSample = probe.Score(fitX, fitY).MeanR2(0, PositionTargets.Count);
        double heldOut = probe.Score(heldX, heldY).MeanR2(0, PositionTargets.Count);
        Assert.True(inSample > 0.4, $"in-sample R² {inSample}: the probe should overfit noise this small");
        Assert.True(heldOut < 0, $"held-out R² {heldOut}: noise must not look like position");
    }

    [Fact]
    public void PreLayerNormBlocksCannotSeeLinearOrNormalizedRange()
    {
        // Both add one value per position to every feature; LN subtracts each position's mean.
        var config = s_config with { Sequences = 2, Layers = 2 };
        var corpus = new Corpus(config);
        float[][][] none = Experiment.Streams(Variants.None, config, corpus);
        foreach (Variant naive in new[] { Variants.Linear, Variants.NormalizedRange })
        {
            float[][][] streams = Experiment.Streams(naive, config, corpus);
            for (int l = 0; l <= config.Layers; l++)
            {
                for (int s = 0; s < config.Sequences; s++)
                {
                    float[] seen = Normalize(streams[l][s]), seenWithout = Normalize(none[l][s]);
                    double largest = Enumerable.Range(0, seen.Length).Max(i => Math.Abs(seen[i] - seenWithout[i]));
                    Assert.True(largest < 1e-3, $"{naive.Key}, layer {l}: LN(stream) differs from no encoding's by {largest}");
                }
            }
        }
        // The streams themselves do differ: Linear's holds p in every value.
        Assert.True(Math.Abs(Experiment.Streams(Variants.Linear, config, corpus)[2][0][255] - none[2][0][255]) > 200);
    }

    [Fact]
    public void BidirectionalAttentionWithoutEncodingOnlyPermutesWithTheTokens()
    {
        // Why "no encoding" is the zero: reversing the tokens reverses every layer's stream.
        const int width = Variants.EmbeddingDim, positions = ExperimentConfig.Positions;
        int[] tokens = s_corpus.Tokens[0];
        int[] reversed = tokens.Reverse().ToArray();
        var forward = new float[positions * width];
        var backward = new float[positions * width];
        Variants.None.Build(tokens, s_corpus.Embeddings, s_config.ContentScale, forward);
        Variants.None.Build(reversed, s_corpus.Embeddings, s_config.ContentScale, backward);

        foreach (bool causal in new[] { false, true })
        {
            var model = new RandomTransformer(width, s_config.Heads, layers: 2, seed: 7, rotary: false, causal);
            float[] a = model.Forward(forward)[2], b = model.Forward(backward)[2];
            double largest = 0;
            for (int c = 0; c < width; c++)
                for (int p = 0; p < positions; p++)
                    largest = Math.Max(largest, Math.Abs(a[c * positions + p] - b[c * positions + positions - 1 - p]));
            // A causal mask breaks the symmetry: each token sees a different prefix.
            if (causal) Assert.True(largest > 0.1, $"causal: {largest}");
            else Assert.True(largest < 1e-3, $"bidirectional: {largest}");
        }
    }

    private static float[] Normalize(float[] stream)
    {
        var y = new float[stream.Length];
        LayerNorm.Apply(stream, Variants.EmbeddingDim, y);
        return y;
    }
}
