using PEGen.Model;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// The slowest wavelength of a sinusoidal scheme, 2π/ω_min, in positions: past it the slowest
/// component wraps around and far positions repeat the phases of earlier ones (PEG008).
/// </summary>
internal static class Wavelength
{
    private const double TwoPi = 6.283185307179586;

    /// <summary>The wavelength, or null for schemes without frequencies.</summary>
    public static double? Slowest(SchemeKind scheme, int dim, double @base)
    {
        int pairs = dim / 2;
        if (pairs == 0) return null;
        // ω_min = Base^(-num/den) for the last frequency of each scheme's denominator.
        long num, den;
        switch (scheme)
        {
            case SchemeKind.Vaswani:
            case SchemeKind.AnnotatedTransformer:
            case SchemeKind.HuggingFaceXlm:
            case SchemeKind.HuggingFaceMarian:
                // Interleaved/halves with exponent 2k/Dim; an odd Dim adds one more sine column.
                num = 2L * (((long)dim + 1) / 2 - 1);
                den = dim;
                break;
            case SchemeKind.Rope:
            case SchemeKind.RopeInterleaved:
                num = 2L * (pairs - 1);
                den = dim;
                break;
            case SchemeKind.TensorToTensor:
            case SchemeKind.Fairseq:
            case SchemeKind.Whisper:
                num = pairs > 1 ? 1 : 0;   // k/(N-1) reaches 1 at k = N-1
                den = 1;
                break;
            default:
                return null;
        }
        double effectiveBase = scheme == SchemeKind.Fairseq ? EncodingArguments.DefaultBase : @base;
        // A wavelength past any int MaxLen needs no exact value (and keeps InverseFrequency in range).
        double logWavelength = DDMath.Log(effectiveBase).Hi * num / den;
        if (logWavelength > 40) return double.PositiveInfinity;
        double omega = ExactSinusoid.InverseFrequency(effectiveBase, num, den).Hi;
        return TwoPi / omega;
    }
}
