using System;
using PEGen;

namespace PEGen.PathChecks;

[TimestepEmbedding(Dim = 320, Steps = 1000, FlipSinToCos = true, FreqShift = 0)]
internal static partial class TsSd { }

[TimestepEmbedding(Dim = 33, Steps = 100)]
internal static partial class TsOdd { }

[TimestepEmbedding(Dim = 70, Steps = 64, FreqShift = 0.5, Scale = 1000, MaxPeriod = 500)]
internal static partial class TsScaled { }

/// <summary>
/// [TimestepEmbedding] on this vector path: Encode of every integer timestep equals the constant Row (path independent,
/// written by the generator), and the shared kernel's row loop (vector lanes, the widest the runtime allows) equals the
/// scalar TimestepSinCos on angles of every magnitude, each run written between guard floats.
/// </summary>
internal sealed partial class KernelChecks
{
    public delegate void EncodeMany(ReadOnlySpan<float> timesteps, Span<float> destination);

    public delegate ReadOnlySpan<float> RowOf(int timestep);

    public void RunTimestep(string name, int dim, int steps, RowOf row, EncodeMany encode)
    {
        var all = new float[steps];
        for (int t = 0; t < steps; t++) all[t] = t;
        var expected = new float[steps * dim];
        for (int t = 0; t < steps; t++) row(t).CopyTo(expected.AsSpan(t * dim));
        var buffer = Guarded(new float[expected.Length]);
        encode(all, Inside(buffer, expected.Length));
        Record(dim, 0, steps, name + ".Encode(integers)", expected, buffer);

        // Fractional timesteps: one at a time (the scalar row of the same loop) and all together must agree.
        var fractional = new float[37];
        for (int i = 0; i < fractional.Length; i++) fractional[i] = (float)((_random.NextDouble() * 2 - 0.5) * steps);
        var one = new float[fractional.Length * dim];
        for (int i = 0; i < fractional.Length; i++) encode(fractional.AsSpan(i, 1), one.AsSpan(i * dim, dim));
        buffer = Guarded(new float[one.Length]);
        encode(fractional, Inside(buffer, one.Length));
        Record(dim, 0, fractional.Length, name + ".Encode(fractional)", one, buffer);
    }

    /// <summary>The vector row loop against the scalar kernel: angles of every magnitude as frequencies (t = 1, scale = 1).</summary>
    public void RunTimestepKernel()
    {
        const int n = 4099;
        var angles = new float[n];
        for (int i = 0; i < n; i++)
        {
            angles[i] = (i % 4) switch
            {
                0 => (float)((_random.NextDouble() * 2 - 1) * 2000),
                1 => BitConverter.Int32BitsToSingle(_random.Next() & 0x7F7FFFFF) * (_random.Next(2) == 0 ? 1 : -1),
                2 => (float)(Math.PI / 2 * _random.Next(1, 1 << 20)),
                _ => (float)(_random.NextDouble() * 1e-3),
            };
        }
        var expected = new float[2 * n];
        for (int i = 0; i < n; i++)
            __PEGenHelpers.TimestepSinCos(angles[i], out expected[i], out expected[n + i]);
        var buffer = Guarded(new float[expected.Length]);
        __PEGenHelpers.TimestepRows(new[] { 1f }, angles, 1f, false, 2 * n, Inside(buffer, expected.Length));
        Record(2 * n, 0, 1, "TimestepRows(kernel)", expected, buffer);
    }
}
