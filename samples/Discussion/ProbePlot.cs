using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;

namespace Discussion;

/// <summary>The README's picture: probe R² (sin/cos targets) against layer, one line per variant.</summary>
public static class ProbePlot
{
    public static void Write(IReadOnlyList<VariantResult> results, string path)
    {
        var plot = new Plot();
        foreach (VariantResult result in results)
        {
            double[] layers = Enumerable.Range(0, result.SinCos.Length).Select(l => (double)l).ToArray();
            var line = plot.Add.Scatter(layers, result.SinCos);
            line.LegendText = result.Variant.Label;
            line.LineWidth = 2;
            line.MarkerSize = 5;
            if (result.Variant.Causal) line.LinePattern = LinePattern.Dashed;
        }
        plot.Title("Can a linear probe read position after each layer? (random weights)");
        plot.XLabel("layer (0 = embeddings + encoding)");
        plot.YLabel("held-out R², sin/cos of position");
        plot.Axes.SetLimits(-0.3, results[0].SinCos.Length - 0.7, -0.15, 1.05);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1);
        // Outside the data area: the lines fill every height of it.
        plot.ShowLegend(Edge.Right);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 1000, 500);
        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024} KiB)");
    }
}
