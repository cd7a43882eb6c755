using System;
using PEGen.Model;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>One sine/cosine column pair of an additive sinusoidal table and its angular frequency (radians per position).</summary>
internal readonly record struct SinusoidPair(int SinColumn, int CosColumn, double Frequency);

/// <summary>
/// Where each sinusoidal scheme puts its sin/cos pairs, for the generated <c>Shift</c> (rotation of each pair by
/// offset * Frequency). Columns without a partner (the odd-Dim extra sine or zero column) are not listed.
/// <para>
/// Frequency is the frequency the table's angles are really computed with, as a double, host independent:
/// for Vaswani and the float64 schemes (HuggingFaceXlm/Marian) the exact real Base^(-2k/Dim) rounded to double
/// (<see cref="ExactSinusoid.InverseFrequency"/>); for the float32 schemes the float32 frequency the reference computes
/// (div_term / inv_timescales, from correctly rounded exp), which is exactly representable, so that rotating row p
/// by offset * Frequency lands on row p + offset up to the float32 rounding of the angles and entries alone
/// (the exact formula frequency differs from it by up to ~5e-7 relative, a phase drift that grows with the offset).
/// </para>
/// </summary>
internal static class SchemeLayout
{
    public static bool IsSinusoidal(SchemeKind scheme) => scheme is SchemeKind.Vaswani or SchemeKind.AnnotatedTransformer
        or SchemeKind.HuggingFaceXlm or SchemeKind.HuggingFaceMarian or SchemeKind.TensorToTensor
        or SchemeKind.Fairseq or SchemeKind.Whisper;

    public static SinusoidPair[] Pairs(SchemeKind scheme, int dim, double @base)
    {
        if (dim <= 0)
            throw new ArgumentOutOfRangeException(nameof(dim));
        int pairs = dim / 2;
        var result = new SinusoidPair[pairs];
        switch (scheme)
        {
            case SchemeKind.Vaswani:
            case SchemeKind.HuggingFaceXlm:
                for (int k = 0; k < pairs; k++)
                    result[k] = new SinusoidPair(2 * k, 2 * k + 1, ExactSinusoid.InverseFrequency(@base, 2L * k, dim).Hi);
                break;
            case SchemeKind.AnnotatedTransformer:
            {
                float[] div = AnnotatedTransformerTable.DivTerm(dim, @base);
                for (int k = 0; k < pairs; k++)
                    result[k] = new SinusoidPair(2 * k, 2 * k + 1, div[k]);
                break;
            }
            case SchemeKind.HuggingFaceMarian:
            {
                int sentinel = (dim + 1) / 2;
                for (int k = 0; k < pairs; k++)
                    result[k] = new SinusoidPair(k, sentinel + k, ExactSinusoid.InverseFrequency(@base, 2L * k, dim).Hi);
                break;
            }
            case SchemeKind.TensorToTensor:
                return Halves(TensorToTensorTable.InverseTimescales(dim, @base));
            case SchemeKind.Fairseq:
                return Halves(FairseqTable.InverseFrequencies(dim));
            case SchemeKind.Whisper:
                return Halves(WhisperTable.InverseTimescales(dim, @base));
            default:
                throw new NotSupportedException("No sinusoid pairs for " + scheme);
        }
        return result;
    }

    private static SinusoidPair[] Halves(float[] inv)
    {
        int n = inv.Length;
        var result = new SinusoidPair[n];
        for (int k = 0; k < n; k++)
            result[k] = new SinusoidPair(k, n + k, inv[k]);
        return result;
    }
}
