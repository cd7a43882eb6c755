using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Discussion;

/// <summary>Prints the experiment's tables, culture-invariant, two decimals.</summary>
public static class Report
{
    private const int LabelWidth = 32;

    /// <summary>A figure as printed: invariant culture, two decimals.</summary>
    public static string Format(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>The setup, the four per-layer tables, and the layer-0 comparison of content scales.</summary>
    public static void Print(TextWriter output, ExperimentConfig config, IReadOnlyList<VariantResult> results, IReadOnlyList<(float Scale, VariantResult Added, VariantResult Concatenated)> sweep)
    {
        output.WriteLine($"{config.Sequences} sequences x {ExperimentConfig.Positions} random tokens (vocabulary {config.Vocabulary}), embeddings {Variants.EmbeddingDim} wide, N(0, 1/{Variants.EmbeddingDim}) x Embed scale {Format(config.ContentScale)} (content std {Format(config.ContentScale / Math.Sqrt(Variants.EmbeddingDim))});");
        output.WriteLine($"L = {config.Layers} pre-LayerNorm blocks, {config.Heads} heads, bidirectional unless marked causal, weights N(0, 1/fan_in), the same model for every 64-wide variant.");
        output.WriteLine("Linear probes (ridge least squares) fitted on the even positions, R² on the odd positions.");
        output.WriteLine("Targets: sin/cos = Vaswani columns of frequencies k = 0, 8, 16, 24 (wavelengths 6 to 6283 positions), R² averaged; position = p/255.");
        output.WriteLine();

        Table(output, "Probe R², sin/cos targets, residual stream after layer l (0 = input)", results, r => r.SinCos);
        Table(output, "Probe R², position p/255, residual stream", results, r => r.Position);
        Table(output, "Probe R², sin/cos targets, LN(stream): what the next block reads", results, r => r.BlockSinCos);
        Table(output, "Share of the stream's variance explained by position (linear in the 64 sinusoids and p/255, held out)", results, r => r.VarianceShare);

        output.WriteLine("Layer 0 only, probe R² (sin/cos | position) by content scale: the price of adding before any block");
        output.WriteLine($"{"Embed scale (content std)",-LabelWidth}{"added",14}{"ConcatTo",16}");
        foreach (var (scale, added, concatenated) in sweep)
        {
            string label = $"{Format(scale)} ({Format(scale / Math.Sqrt(Variants.EmbeddingDim))})";
            output.WriteLine($"{label,-LabelWidth}{Format(added.SinCos[0]),8} | {Format(added.Position[0])}{Format(concatenated.SinCos[0]),10} | {Format(concatenated.Position[0])}");
        }
        output.WriteLine();
    }

    private static void Table(TextWriter output, string title, IReadOnlyList<VariantResult> results, Func<VariantResult, double[]> values)
    {
        output.WriteLine(title);
        var header = new StringBuilder().Append(' ', LabelWidth);
        for (int l = 0; l < values(results[0]).Length; l++) header.Append(l.ToString(CultureInfo.InvariantCulture).PadLeft(6));
        output.WriteLine(header.ToString());
        foreach (VariantResult result in results)
        {
            var line = new StringBuilder(result.Variant.Label.PadRight(LabelWidth));
            foreach (double value in values(result)) line.Append(Format(value).PadLeft(6));
            output.WriteLine(line.ToString());
        }
        output.WriteLine();
    }
}
