using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PEGen;

namespace PEGen.Benchmarks.FirstUse;

[PositionalEncoding(Dim = 512, MaxLen = 2048)]
internal static partial class FirstUsePositions { }

// Issue 14's first-call pairs: a Compact class's first call against its Full twin's (JIT included).
[PositionalEncoding(Dim = 512, MaxLen = 60000, Storage = TableStorage.Compact)]
internal static partial class FirstUseCompact { }

[PositionalEncoding(Dim = 128, MaxLen = 8192, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
    Factor = 8, OriginalMaxLen = 8192)]
internal static partial class FirstUseRopeFull { }

[PositionalEncoding(Dim = 128, MaxLen = 131072, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
    Factor = 8, OriginalMaxLen = 8192, Storage = TableStorage.Compact)]
internal static partial class FirstUseRopeCompact { }

/// <summary>
/// One process, one sample. Prints "mode mainToDone encodingOnly checksum", times in microseconds:
/// mainToDone runs from entering Main to the end of the first add of the encoding to 2048 x 512
/// embeddings (allocating and filling those embeddings included, the same work in both modes);
/// encodingOnly starts once the embeddings are filled. "pegen" calls the generated AddTo on the
/// constant table; "compute" first builds the same table with Math.Sin/Math.Cos (what a port does
/// at startup) and then adds it. "phases" splits PEGen's first use into its parts and prints
/// "phases vectorType firstCall pageIn add": loading the widest accelerated Vector type (a cost a
/// JIT process pays once for any code using it, TensorPrimitives included; free under NativeAOT),
/// the first AddTo of one row (compiling AddTo), reading one float from every 4 KiB page of the
/// table (paging it in from the image), then the AddTo of all 2048 rows. "first NAME" times one
/// first call after the Vector type is loaded (so the JIT, the page-in and the work of that call):
/// addto-full / addto-compact (AddTo of 64 x 512 at position 0), rotate-full / rotate-compact
/// (Rotate of one decode row, 32 heads x 128, at position 5000); it prints "first NAME us".
/// </summary>
internal static class Program
{
    private const int Rows = 2048, Dim = 512;

    private static int Main(string[] args)
    {
        long start = Stopwatch.GetTimestamp();
        string mode = args.Length > 0 ? args[0] : "pegen";
        if (mode == "phases")
            return Phases();
        if (mode == "first")
            return FirstCall(args.Length > 1 ? args[1] : "");
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

    private static int Phases()
    {
        var embeddings = new float[Rows * Dim];
        Array.Fill(embeddings, 0.5f);
        var row = new float[Dim];
        long start = Stopwatch.GetTimestamp();
        LoadVectorType();
        long typeLoaded = Stopwatch.GetTimestamp();
        FirstUsePositions.AddTo(row, 1);
        long firstCall = Stopwatch.GetTimestamp();
        float sum = 0;
        ReadOnlySpan<float> table = FirstUsePositions.Table;
        for (int i = 0; i < table.Length; i += 1024)
            sum += table[i];
        long pagedIn = Stopwatch.GetTimestamp();
        FirstUsePositions.AddTo(embeddings);
        long end = Stopwatch.GetTimestamp();
        double us = 1e6 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"phases {(typeLoaded - start) * us:F1} {(firstCall - typeLoaded) * us:F1} {(pagedIn - firstCall) * us:F1} {(end - pagedIn) * us:F1} {sum + row[0] + embeddings[7]:R}"));
        return 0;
    }

    private static int FirstCall(string name)
    {
        bool rotate = name.StartsWith("rotate", StringComparison.Ordinal);
        var data = new float[rotate ? 32 * 128 : 64 * 512];
        Array.Fill(data, 0.5f);
        LoadVectorType();
        long start = Stopwatch.GetTimestamp();
        switch (name)
        {
            case "addto-full": FirstUsePositions.AddTo(data); break;
            case "addto-compact": FirstUseCompact.AddTo(data); break;
            case "rotate-full": FirstUseRopeFull.Rotate(data, 5000, 32); break;
            case "rotate-compact": FirstUseRopeCompact.Rotate(data, 5000, 32); break;
            default:
                Console.Error.WriteLine("usage: PEGen.Benchmarks.FirstUse first addto-full|addto-compact|rotate-full|rotate-compact");
                return 2;
        }
        long end = Stopwatch.GetTimestamp();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first {(end - start) * 1e6 / Stopwatch.Frequency:F1} {data[7]:R}"));
        return 0;
    }

    /// <summary>Kept out of line so the type is loaded here, not while Main is compiled.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LoadVectorType()
    {
        RuntimeTypeHandle handle = Vector512.IsHardwareAccelerated ? typeof(Vector512<float>).TypeHandle
            : Vector256.IsHardwareAccelerated ? typeof(Vector256<float>).TypeHandle
            : typeof(Vector128<float>).TypeHandle;
        GC.KeepAlive(handle);
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
