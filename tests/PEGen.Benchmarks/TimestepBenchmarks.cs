using System;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks;

/// <summary>Stable Diffusion's UNet timestep projection (diffusers time_proj).</summary>
[TimestepEmbedding(Dim = 320, Steps = 1000, FlipSinToCos = true, FreqShift = 0)]
public static partial class SdTimesteps { }

/// <summary>
/// Encode of 1,000 fractional timesteps at Dim 320 (flow-matching models sample t in [0, 1000) as floats; issue 15: at
/// least 3x a MathF.Sin/MathF.Cos loop). Encode is correctly rounded and the same on every host; the baseline is what a
/// port without PEGen writes: the host's MathF.Sin and MathF.Cos per entry (not reproducible across hosts).
/// </summary>
[MemoryDiagnoser]
public class TimestepEncodeBenchmarks
{
    private const int Count = 1000, Dim = 320, Half = Dim / 2;
    private readonly float[] _timesteps = new float[Count];
    private readonly float[] _destination = new float[Count * Dim];
    private readonly float[] _frequencies = new float[Half];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        for (int i = 0; i < Count; i++) _timesteps[i] = (float)(random.NextDouble() * 1000);
        float c = (float)-Math.Log(10000);
        for (int k = 0; k < Half; k++) _frequencies[k] = MathF.Exp(k * c / Half);
    }

    [Benchmark]
    public void Encode() => SdTimesteps.Encode(_timesteps, _destination);

    [Benchmark(Baseline = true)]
    public void MathFLoop()
    {
        var f = _frequencies;
        var d = _destination;
        for (int i = 0; i < Count; i++)
        {
            float t = _timesteps[i];
            int row = i * Dim;
            for (int k = 0; k < Half; k++)
            {
                float angle = t * f[k];
                d[row + k] = MathF.Cos(angle);
                d[row + Half + k] = MathF.Sin(angle);
            }
        }
    }

    /// <summary>The table lookup Encode is not: integer timesteps copied from Row (the upper bound on speed).</summary>
    [Benchmark]
    public void RowCopies()
    {
        for (int i = 0; i < Count; i++)
            SdTimesteps.Row(i).CopyTo(_destination.AsSpan(i * Dim, Dim));
    }
}
