using System;
using System.Diagnostics;
using System.Globalization;
using PEGen;

namespace PEGen.Benchmarks.FirstUse;

[PositionalEncoding(Dim = 512, MaxLen = 2048)]
internal static partial class FirstUsePositions { }

/// <summary>
/// One process, one sample. Prints "mode mainToDone encodingOnly checksum", times in microseconds:
/// mainToDone runs from entering Main to the end of the first add of the encoding to 2048 x 512
/// embeddings (allocating and filling those embeddings included, the same work in both modes);
/// encodingOnly starts once the embeddings are filled. "pegen" calls the generated AddTo on the
/// constant table; "compute" first builds the same table with Math.Sin/Math.Cos (what a port does
/// at startup) and then adds it.
/// </summary>
internal static class Program
{
    private const int Rows = 2048, Dim = 512;

    private static int Main(string[] args)
    {
        long start = Stopwatch.GetTimestamp();
        string mode = args.Length > 0 ? args[0] : "pegen";
        var embeddings = new float[Rows * Dim];
        Array.Fill(embeddings, 0.5f);   // stands for the token-embedding lookup: the pages are touched
        long ready = Stopwatch.GetTimestamp();
        switch (mode)
        {
            case "pegen":
                FirstUsePositions.AddTo(embeddings);
                break;
            case "compute":
                AddInPlace(embeddings, ComputeTable());
                break;
            default:
                Console.Error.WriteLine("usage: PEGen.Benchmarks.FirstUse pegen|compute");
                return 2;
        }
        long end = Stopwatch.GetTimestamp();

        double checksum = 0;
        for (int i = 0; i < embeddings.Length; i += 97)
            checksum += embeddings[i];
        double mainToDone = (end - start) * 1e6 / Stopwatch.Frequency;
        double encodingOnly = (end - ready) * 1e6 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode} {mainToDone:F1} {encodingOnly:F1} {checksum:R}"));
        return 0;
    }

    private static void AddInPlace(float[] embeddings, float[] table)
    {
        for (int i = 0; i < embeddings.Length; i++)
            embeddings[i] += table[i];
    }

    /// <summary>The usual C# port: PE(p, 2k) = sin(p / 10000^(2k/d)), PE(p, 2k+1) = cos(...).</summary>
    private static float[] ComputeTable()
    {
        var table = new float[Rows * Dim];
        for (int p = 0; p < Rows; p++)
        {
            for (int k = 0; k < Dim / 2; k++)
            {
                double angle = p / Math.Pow(10000.0, 2.0 * k / Dim);
                table[p * Dim + 2 * k] = (float)Math.Sin(angle);
                table[p * Dim + 2 * k + 1] = (float)Math.Cos(angle);
            }
        }
        return table;
    }
}
