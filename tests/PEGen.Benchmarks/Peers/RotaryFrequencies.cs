using System;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// Rotary frequencies in double precision: the base ones, θ^(−2k/d), and Llama 3.1's scaled ones in the
/// two ways the peers take them: the scaled inverse frequencies themselves (transformers' <c>_compute_llama3_parameters</c>, for the
/// exact rotation) and ggml's per-pair divisors (<c>freq_factors</c>, the <c>rope_freqs</c> tensor that
/// llama.cpp's convert_hf_to_gguf.py writes: 1 above the high band edge, Factor below the low one,
/// 1 / ((1 − smooth) / Factor + smooth) between). Divisor k = base frequency k / scaled frequency k.
/// </summary>
internal static class RotaryFrequencies
{
    /// <summary>θ^(−2k/dim), k &lt; dim/2, in double.</summary>
    public static double[] Base(double theta, int dim)
    {
        var frequencies = new double[dim / 2];
        for (int k = 0; k < frequencies.Length; k++)
            frequencies[k] = Math.Pow(theta, -2.0 * k / dim);
        return frequencies;
    }

    public static double[] Llama3(double theta, int dim, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxLen)
    {
        double[] frequencies = Base(theta, dim);
        for (int k = 0; k < frequencies.Length; k++)
            frequencies[k] /= Divisor(frequencies[k], factor, lowFreqFactor, highFreqFactor, originalMaxLen);
        return frequencies;
    }

    public static float[] Llama3GgmlFreqFactors(double theta, int dim, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxLen)
    {
        double[] frequencies = Base(theta, dim);
        var factors = new float[frequencies.Length];
        for (int k = 0; k < factors.Length; k++)
            factors[k] = (float)Divisor(frequencies[k], factor, lowFreqFactor, highFreqFactor, originalMaxLen);
        return factors;
    }

    private static double Divisor(double frequency, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxLen)
    {
        double wavelength = 2 * Math.PI / frequency;
        double lowFreqWavelength = originalMaxLen / lowFreqFactor, highFreqWavelength = originalMaxLen / highFreqFactor;
        if (wavelength < highFreqWavelength)
            return 1;
        if (wavelength > lowFreqWavelength)
            return factor;
        double smooth = (originalMaxLen / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return 1 / ((1 - smooth) / factor + smooth);
    }
}
