using System;
using System.Collections.Generic;
using Discussion.Probing;
using Discussion.Transformer;

namespace Discussion;

/// <summary>What the probes found for one variant, one value per layer (index 0 = the input stream).</summary>
/// <param name="SinCos">Probe R² of the residual stream, averaged over the eight sin/cos targets.</param>
/// <param name="Position">Probe R² of the residual stream for p/(N − 1).</param>
/// <param name="BlockSinCos">Probe R² of LN(stream), what the next block reads, sin/cos targets.</param>
/// <param name="BlockPosition">Probe R² of LN(stream) for p/(N − 1).</param>
/// <param name="VarianceShare">Share of the stream's held-out variance that a linear function of the position features explains.</param>
public sealed record VariantResult(Variant Variant, double[] SinCos, double[] Position, double[] BlockSinCos, double[] BlockPosition, double[] VarianceShare);

/// <summary>Runs the variants through one random model each and probes every layer.</summary>
public static class Experiment
{
    /// <summary>Embed scales of the layer-0 comparison: content std 1/8, 1/4, 1/2, 1.</summary>
    public static readonly float[] SweepScales = { 1f, 2f, 4f, 8f };

    /// <summary>The residual streams of every sequence: <c>result[layer][sequence]</c>, feature-major <c>[Width × Positions]</c> each.</summary>
    public static float[][][] Streams(Variant variant, ExperimentConfig config, Corpus corpus)
    {
        // One weight seed for every variant: all 64-wide variants meet the very same model.
        var model = new RandomTransformer(variant.Width, config.Heads, config.Layers, config.Seed ^ 0x3EA7, variant.Rotary, variant.Causal);
        var streams = new float[config.Layers + 1][][];
        for (int l = 0; l <= config.Layers; l++) streams[l] = new float[config.Sequences][];
        var input = new float[ExperimentConfig.Positions * variant.Width];
        for (int s = 0; s < config.Sequences; s++)
        {
            variant.Build(corpus.Tokens[s], corpus.Embeddings, config.ContentScale, input);
            IReadOnlyList<float[]> layers = model.Forward(input);
            for (int l = 0; l <= config.Layers; l++) streams[l][s] = layers[l];
        }
        return streams;
    }

    /// <summary>Probes every layer of <paramref name="variant"/>.</summary>
    public static VariantResult Run(Variant variant, ExperimentConfig config, Corpus corpus)
    {
        int layers = config.Layers + 1, positions = ExperimentConfig.Positions, sequences = config.Sequences;
        double[][] fitTargets = PositionSplit.Columns(PositionTargets.Targets, PositionTargets.Count, positions, sequences, fitting: true);
        double[][] scoreTargets = PositionSplit.Columns(PositionTargets.Targets, PositionTargets.Count, positions, sequences, fitting: false);
        double[][] fitFeatures = PositionSplit.Columns(PositionTargets.Features, PositionTargets.FeatureCount, positions, sequences, fitting: true);
        double[][] scoreFeatures = PositionSplit.Columns(PositionTargets.Features, PositionTargets.FeatureCount, positions, sequences, fitting: false);

        var result = new VariantResult(variant, new double[layers], new double[layers], new double[layers], new double[layers], new double[layers]);
        float[][][] streams = Streams(variant, config, corpus);
        for (int l = 0; l < layers; l++)
        {
            float[][] stream = streams[l];
            double[][] fitStream = PositionSplit.Columns(stream, variant.Width, fitting: true);
            double[][] scoreStream = PositionSplit.Columns(stream, variant.Width, fitting: false);

            // Forward: can a linear map read the position from the stream?
            ProbeScore probe = LinearProbe.Fit(fitStream, fitTargets, config.Ridge).Score(scoreStream, scoreTargets);
            result.SinCos[l] = probe.MeanR2(0, PositionTargets.SinCosColumns.Length);
            result.Position[l] = probe.R2(PositionTargets.PositionColumn);

            // The same from LN(stream): what attention and the MLP of the next block actually see.
            float[][] normalized = Array.ConvertAll(stream, rows =>
            {
                var y = new float[rows.Length];
                LayerNorm.Apply(rows, variant.Width, y);
                return y;
            });
            ProbeScore block = LinearProbe.Fit(PositionSplit.Columns(normalized, variant.Width, fitting: true), fitTargets, config.Ridge)
                .Score(PositionSplit.Columns(normalized, variant.Width, fitting: false), scoreTargets);
            result.BlockSinCos[l] = block.MeanR2(0, PositionTargets.SinCosColumns.Length);
            result.BlockPosition[l] = block.R2(PositionTargets.PositionColumn);

            // Reverse: how much of the stream's variance is a linear function of position?
            result.VarianceShare[l] = LinearProbe.Fit(fitFeatures, fitStream, config.Ridge).Score(scoreFeatures, scoreStream).PooledR2();
        }
        return result;
    }

    /// <summary>Layer 0 only (no block), at another content scale: the price of adding before any layer mixes.</summary>
    public static VariantResult LayerZero(Variant variant, ExperimentConfig config, Corpus corpus, float contentScale) =>
        Run(variant, config with { Layers = 0, ContentScale = contentScale }, corpus);
}
