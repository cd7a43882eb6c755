using PEGen.Model;
using PEGen.Numerics;
using PEGen.Schemes.Rotary;

namespace PEGen.Schemes;

/// <summary>
/// The slowest wavelength of a scheme with frequencies, 2*pi/omega_min, in positions: past it the slowest
/// component wraps around and far positions repeat the phases of earlier ones (PEG008).
/// </summary>
internal static class Wavelength
{
    private const double TwoPi = 6.283185307179586;

    /// <summary>The wavelength, or null for schemes (or a Dim) without frequencies.</summary>
    public static double? Slowest(SchemeDefinition definition, int dim, double @base)
    {
        if (!definition.HasFrequencies || dim / 2 == 0) return null;
        int count = definition.FrequencyCount(dim);
        var (num, den) = definition.Exponent(count - 1, dim);
        // A wavelength past any int MaxLen needs no exact value (and keeps InverseFrequency in range).
        double logWavelength = DDMath.Log(@base).Hi * num / den;
        if (logWavelength > 40) return double.PositiveInfinity;
        double omega = ExactSinusoid.InverseFrequency(@base, num, den).Hi;
        return TwoPi / omega;
    }

    /// <summary>
    /// A scaled or partial rotary: 2*pi over the smallest float32 <c>inv_freq</c> the tables use (LongRoPE: the long
    /// ones), so scaling that stretches the slow wavelengths (Llama 3, YaRN, linear) moves the limit with it.
    /// </summary>
    public static double SlowestRotary(double @base, RotarySpec rotary)
    {
        float smallest = RotaryFrequencies.SlowestInverse(@base, rotary);
        return smallest > 0 && !float.IsInfinity(smallest) ? TwoPi / smallest : double.PositiveInfinity;
    }
}
