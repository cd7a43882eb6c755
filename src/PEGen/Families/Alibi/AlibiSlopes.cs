using System;
using PEGen.Numerics;

namespace PEGen.Families.Alibi;

/// <summary>
/// ALiBi's per-head slopes, computed when the generator runs (they become constant data) and never with the
/// host's libm. Let c be the largest power of two not above the head count n.
/// <list type="bullet">
/// <item><b>Paper</b> (ofirpress/attention_with_linear_biases <c>get_slopes</c>): 2^(-8(i+1)/c) for i &lt; c, then
/// every other slope of 2c heads, 2^(-4(2j+1)/c) for j &lt; n - c; each exact value correctly rounded once to
/// float32. The reference computes them in Python doubles and rounds to float32; the two agree for every
/// n in 1..1024 (checked with mpmath) and tests/golden/alibi_paper_all.json pins 1..256.</item>
/// <item><b>Bloom</b> (transformers <c>build_alibi_tensor</c>): float32 base b = f32(2^(-8/c)) (a Python double,
/// then float32), torch.pow(b, [1..c]) in float32, then f32(2^(-4/c)) to the odd powers 1, 3, .., 2(n-c)-1.</item>
/// <item><b>Mpt</b> (llm-foundry <c>gen_slopes</c>): N = 2^ceil(log2 n), m_k = f32(k · f32(MaxBias / N)) for
/// k = 1..N, slope 1 / torch.pow(2, m_k) in float32; for N ≠ n the odd-indexed then even-indexed ones, first n.</item>
/// </list>
/// torch.pow on CPU (<see cref="TorchPow"/>) is not correctly rounded; it is reproduced bit for bit.
/// </summary>
internal static class AlibiSlopes
{
    public static float[] Paper(int heads)
    {
        var slopes = new float[heads];
        long c = ClosestPowerOfTwo(heads);
        for (long i = 0; i < c; i++)
            slopes[i] = CorrectlyRounded.PowSingle(2.0, -8.0 * (i + 1) / c);
        for (long j = 0; j < heads - c; j++)
            slopes[c + j] = CorrectlyRounded.PowSingle(2.0, -4.0 * (2 * j + 1) / c);
        return slopes;
    }

    public static float[] Bloom(int heads)
    {
        var slopes = new float[heads];
        int c = (int)ClosestPowerOfTwo(heads);
        // 2 ** (-(2 ** -(log2(c) - 3))) in Python doubles, then torch.tensor(..., dtype=float32).
        float @base = (float)CorrectlyRounded.PowDouble(2.0, -8.0 / c);
        var powers = new float[c];
        for (int k = 0; k < c; k++) powers[k] = k + 1;
        TorchPow.Pow(@base, powers).CopyTo(slopes, 0);
        int remaining = heads - c;
        if (remaining > 0)
        {
            float extraBase = (float)CorrectlyRounded.PowDouble(2.0, -4.0 / c);
            var odd = new float[remaining];
            for (int k = 0; k < remaining; k++) odd[k] = 2 * k + 1;
            TorchPow.Pow(extraBase, odd).CopyTo(slopes, c);
        }
        return slopes;
    }

    public static float[] Mpt(int heads, double maxBias)
    {
        long n = 1;
        while (n < heads) n *= 2;
        float step = (float)(maxBias / n);
        var m = new float[n];
        for (long k = 0; k < n; k++) m[k] = (float)((float)(k + 1) * step);
        float[] powers = TorchPow.PowOfScalar(2f, m);
        var all = new float[n];
        for (long k = 0; k < n; k++) all[k] = (float)(1f / powers[k]); // 1.0 / tensor: reciprocal, then * 1.0
        if (n == heads) return all;
        var slopes = new float[heads];
        long half = n / 2;
        for (long h = 0; h < heads; h++)
            slopes[h] = h < half ? all[2 * h + 1] : all[2 * (h - half)];
        return slopes;
    }

    private static long ClosestPowerOfTwo(int n)
    {
        long c = 1;
        while (c * 2 <= n) c *= 2;
        return c;
    }
}

/// <summary>
/// torch 1.13's CPU float32 <c>pow</c> of a scalar base and a contiguous exponent tensor (one thread): the
/// element loop runs 2 vectors of 8 floats per step through <see cref="SleefPowf"/> (AVX2 kernels) and the
/// remaining count % 16 elements through <see cref="GlibcPowf"/> (<c>std::pow</c>). Reproduced as such, so the
/// result for element k depends on how many elements the call had.
/// </summary>
internal static class TorchPow
{
    private const int Block = 16;

    public static float[] Pow(float @base, float[] exponents) => PowOfScalar(@base, exponents);

    public static float[] PowOfScalar(float @base, float[] exponents)
    {
        var result = new float[exponents.Length];
        long vectorized = exponents.Length / Block * (long)Block;
        for (long i = 0; i < exponents.Length; i++)
            result[i] = i < vectorized ? SleefPowf.Pow(@base, exponents[i]) : GlibcPowf.Pow(@base, exponents[i]);
        return result;
    }
}
