using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ScottPlot;

namespace Visualize;

/// <summary>
/// README's "Long contexts" picture: what a Llama 3.1 rotary class adds to a clean Release build, and to the
/// assembly, as MaxLen grows, for both storages. The figures are measured, not computed here: they come from
/// docs/data/build-cost-vs-maxlen.csv, written from tests/PEGen.Benchmarks/BuildCost/measure-build-cost.sh.
/// </summary>
internal static class BuildCostPlot
{
    private sealed record Point(string Storage, int MaxLen, double Seconds, long Bytes);

    public static Plot[] Create(string csv)
    {
        var points = File.ReadAllLines(csv)
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("storage,", StringComparison.Ordinal))
            .Select(Parse)
            .ToList();
        return new[]
        {
            Series(points, p => p.Seconds, "Llama 3.1 rotary (Dim 128): build time added", "clean build, seconds added"),
            Series(points, p => p.Bytes / (1024.0 * 1024.0), "Llama 3.1 rotary (Dim 128): assembly size", "assembly size (MiB)"),
        };
    }

    private static Plot Series(List<Point> points, Func<Point, double> value, string title, string yLabel)
    {
        var plot = new Plot();
        foreach (var storage in new[] { "Full", "Compact" })
        {
            var mine = points.Where(p => p.Storage == storage).OrderBy(p => p.MaxLen).ToArray();
            if (mine.Length == 0) continue;
            // x is log2(MaxLen), so the doublings are evenly spaced; the ticks name the positions.
            var scatter = plot.Add.Scatter(mine.Select(p => Math.Log2(p.MaxLen)).ToArray(), mine.Select(value).ToArray());
            scatter.LegendText = "Storage = " + storage;
            scatter.MarkerSize = 7;
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (int maxLen in points.Select(p => p.MaxLen).Distinct().OrderBy(n => n))
            ticks.AddMajor(Math.Log2(maxLen), Label(maxLen));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Title(title);
        plot.XLabel("MaxLen (positions)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static string Label(int maxLen) =>
        maxLen >= 1 << 20 ? (maxLen >> 20).ToString(CultureInfo.InvariantCulture) + "M"
        : maxLen >= 1 << 10 ? (maxLen >> 10).ToString(CultureInfo.InvariantCulture) + "K"
        : maxLen.ToString(CultureInfo.InvariantCulture);

    private static Point Parse(string line)
    {
        string[] f = line.Split(',');
        return new Point(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture),
            long.Parse(f[3], CultureInfo.InvariantCulture));
    }
}
