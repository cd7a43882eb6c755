using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;

namespace Visualize;

/// <summary>
/// Writes PNG heatmaps of PEGen's tables:
///   &lt;scheme&gt;-encoding.png     positions x dimensions (for rotary schemes: cos(p·θ_k))
///   &lt;scheme&gt;-dot-product.png  PE(p)·PE(q) (for rotary schemes: rotated q(p)·k(q) of one vector)
///   grid-similarity.png        the 2-D grid: PE(r0, c0)·PE(r, c) of one patch with every patch, drawn as the grid
///   long-contexts-build-time.png, long-contexts-assembly-size.png   the measured build cost against MaxLen,
///                              Full and Compact (from docs/data/build-cost-vs-maxlen.csv; "build-cost [csv]")
/// Usage: dotnet run --project samples/Visualize -- [output folder] [scheme | grid | build-cost [csv] | all]
/// With no scheme: the Vaswani pictures shown in the README (docs/images).
/// </summary>
public static class Program
{
    private const int Width = 600;
    private const int Height = 400;

    private sealed record Scheme(string Name, string Title, int Dim, int MaxLen, Func<int, float[]> Row, bool Rotary = false,
        string RowName = "position p");

    private static readonly Scheme[] Schemes =
    {
        new("vaswani", "Vaswani (exact)", VaswaniPositions.Dim, VaswaniPositions.MaxLen, p => VaswaniPositions.Row(p).ToArray()),
        new("annotated", "AnnotatedTransformer", AnnotatedPositions.Dim, AnnotatedPositions.MaxLen, p => AnnotatedPositions.Row(p).ToArray()),
        new("xlm", "HuggingFaceXlm", XlmPositions.Dim, XlmPositions.MaxLen, p => XlmPositions.Row(p).ToArray()),
        new("marian", "HuggingFaceMarian (halves)", MarianPositions.Dim, MarianPositions.MaxLen, p => MarianPositions.Row(p).ToArray()),
        new("t2t", "TensorToTensor (halves)", TensorToTensorPositions.Dim, TensorToTensorPositions.MaxLen, p => TensorToTensorPositions.Row(p).ToArray()),
        new("fairseq", "Fairseq (halves, padding row 1)", FairseqPositions.Dim, FairseqPositions.MaxLen, p => FairseqPositions.Row(p).ToArray()),
        new("whisper", "Whisper (halves)", WhisperPositions.Dim, WhisperPositions.MaxLen, p => WhisperPositions.Row(p).ToArray()),
        new("linear", "Linear (naive: every value is p)", LinearPositions.Dim, LinearPositions.MaxLen, p => LinearPositions.Row(p).ToArray()),
        new("rope", "Rope (rotary)", RotaryPositions.Dim, RotaryPositions.MaxLen, RotaryCosRow, Rotary: true),
        new("timestep", "SD UNet timesteps [cos | sin]", SdTimesteps.Dim, SdTimesteps.Steps,
            t => SdTimesteps.Row(t).ToArray(), RowName: "timestep t"),
    };

    public static int Main(string[] args)
    {
        string output = args.Length > 0 ? args[0] : ".";
        string? name = args.Length > 1 ? args[1].ToLowerInvariant() : null;

        IEnumerable<Scheme> chosen = name switch
        {
            null => Schemes.Where(s => s.Name == "vaswani"),
            "all" => Schemes,
            _ => Schemes.Where(s => s.Name == name),
        };
        bool grid = name is null or "all" or "grid";
        if (name == "build-cost")
        {
            string csv = args.Length > 2 ? args[2] : Path.Combine("docs", "data", "build-cost-vs-maxlen.csv");
            Directory.CreateDirectory(output);
            Plot[] plots = BuildCostPlot.Create(csv);
            Write(plots[0], output, "long-contexts-build-time.png");
            Write(plots[1], output, "long-contexts-assembly-size.png");
            return 0;
        }
        if (!chosen.Any() && !grid)
        {
            Console.Error.WriteLine($"unknown scheme '{name}'; one of: {string.Join(", ", Schemes.Select(s => s.Name))}, grid, build-cost, all");
            return 2;
        }

        Directory.CreateDirectory(output);
        foreach (Scheme scheme in chosen)
        {
            Write(EncodingPlot(scheme), output, scheme.Name + "-encoding.png");
            Write(scheme.Rotary ? RotaryDotProductPlot(scheme) : DotProductPlot(scheme), output, scheme.Name + "-dot-product.png");
        }
        if (grid)
            Write(GridSimilarityPlot(4, 9), output, "grid-similarity.png");
        return 0;
    }

    private static void Write(Plot plot, string folder, string file)
    {
        string path = Path.Combine(folder, file);
        plot.SavePng(path, Width, Height);
        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024} KiB)");
    }

    /// <summary>Rows are positions (0 at the top), columns are dimensions.</summary>
    private static Plot EncodingPlot(Scheme scheme)
    {
        int columns = scheme.Rotary ? scheme.Dim / 2 : scheme.Dim;
        var data = new double[scheme.MaxLen, columns];
        for (int p = 0; p < scheme.MaxLen; p++)
        {
            float[] row = scheme.Row(p);
            for (int d = 0; d < columns; d++) data[p, d] = row[d];
        }
        string title = scheme.Rotary
            ? $"{scheme.Title}: cos(p·θ_k), Dim = {scheme.Dim}"
            : scheme.RowName != "position p" ? $"{scheme.Title}: E(t), Dim = {scheme.Dim}"
            : $"{scheme.Title}: PE(p), Dim = {scheme.Dim}";
        return Heatmap(data, title, scheme.Rotary ? "frequency index k" : "dimension", scheme.RowName,
            scheme.Name == "linear" ? new ScottPlot.Colormaps.Viridis() : new ScottPlot.Colormaps.MellowRainbow());
    }

    /// <summary>PE(p)·PE(q): along every diagonal (fixed p − q) the value is the same.</summary>
    private static Plot DotProductPlot(Scheme scheme)
    {
        float[][] rows = Enumerable.Range(0, scheme.MaxLen).Select(scheme.Row).ToArray();
        var data = new double[scheme.MaxLen, scheme.MaxLen];
        for (int p = 0; p < scheme.MaxLen; p++)
            for (int q = 0; q < scheme.MaxLen; q++)
                data[p, q] = Dot(rows[p], rows[q]);
        bool time = scheme.RowName != "position p";
        return Heatmap(data, time ? $"{scheme.Title}: E(t)·E(s)" : $"{scheme.Title}: PE(p)·PE(q)",
            time ? "timestep s" : "position q", scheme.RowName, new ScottPlot.Colormaps.Viridis());
    }

    /// <summary>
    /// The same query and key vector rotated to positions p and q, then q(p)·k(q): rotary
    /// attention scores depend only on p − q and fade with distance.
    /// </summary>
    private static Plot RotaryDotProductPlot(Scheme scheme)
    {
        float[] rotated = new float[scheme.MaxLen * scheme.Dim];
        for (int p = 0; p < scheme.MaxLen; p++) rotated.AsSpan(p * scheme.Dim, scheme.Dim).Fill(1f);
        RotaryPositions.Rotate(rotated);
        var data = new double[scheme.MaxLen, scheme.MaxLen];
        for (int p = 0; p < scheme.MaxLen; p++)
            for (int q = 0; q < scheme.MaxLen; q++)
                data[p, q] = Dot(rotated.AsSpan(p * scheme.Dim, scheme.Dim), rotated.AsSpan(q * scheme.Dim, scheme.Dim));
        return Heatmap(data, $"{scheme.Title}: Rotate(x, p)·Rotate(x, q), x = 1", "position q", "position p", new ScottPlot.Colormaps.Viridis());
    }

    /// <summary>
    /// The 2-D grid's similarity map: PE(r0, c0)·PE(r, c) / (Dim/2) for every patch (r, c), drawn where the patch is.
    /// Every row has norm sqrt(Dim/2) (one sin² + cos² per frequency), so this is the cosine similarity: 1 at the
    /// patch itself, falling off with distance along the rows and the columns separately (the two halves add).
    /// </summary>
    private static Plot GridSimilarityPlot(int row, int column)
    {
        var data = new double[MaePatchGrid.GridHeight, MaePatchGrid.GridWidth];
        var patch = MaePatchGrid.Row(row, column);
        for (int r = 0; r < MaePatchGrid.GridHeight; r++)
            for (int c = 0; c < MaePatchGrid.GridWidth; c++)
                data[r, c] = Dot(patch, MaePatchGrid.Row(r, c)) / (MaePatchGrid.Dim / 2);
        return Heatmap(data, $"MAE grid (Dim {MaePatchGrid.Dim}, 14 x 14): cos(PE({row}, {column}), PE(r, c))", "patch column c", "patch row r",
            new ScottPlot.Colormaps.Viridis());
    }

    private static float[] RotaryCosRow(int p) =>
        RotaryPositions.Cos.Slice(p * (RotaryPositions.Dim / 2), RotaryPositions.Dim / 2).ToArray();

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (double)a[i] * b[i];
        return sum;
    }

    private static Plot Heatmap(double[,] data, string title, string xLabel, string yLabel, IColormap colormap)
    {
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = colormap;
        // Cell (r, c) covers [c, c+1] x [r, r+1]; the y axis is inverted so row 0 is at the top.
        heatmap.Extent = new CoordinateRect(0, data.GetLength(1), 0, data.GetLength(0));
        plot.Add.ColorBar(heatmap);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Margins(0, 0);
        plot.Axes.SetLimits(0, data.GetLength(1), data.GetLength(0), 0);
        return plot;
    }
}
