namespace PEGen.Schemes;

/// <summary>How a scheme's values are computed, and so how close they are to its reference.</summary>
internal enum Arithmetic
{
    /// <summary>Every entry is the correctly rounded float32 of the exact value.</summary>
    CorrectlyRounded,

    /// <summary>float64 as the reference computes it, rounded once to float32: bit for bit with the reference.</summary>
    Float64RoundedOnce,

    /// <summary>float32 in the reference's operation order, with correctly rounded exp/pow/sin/cos.</summary>
    Float32Steps,

    /// <summary>Small integers, exact in float32.</summary>
    ExactIntegers,

    /// <summary>Computed by the generated methods at run time from exact integers.</summary>
    RunTime,
}

/// <summary>The sentence the generated header and docs use for each <see cref="Arithmetic"/>.</summary>
internal static class ArithmeticText
{
    public static string Of(Arithmetic arithmetic) => arithmetic switch
    {
        Arithmetic.CorrectlyRounded => "every entry is the correctly rounded float32 of the exact value, identical on every host",
        Arithmetic.Float64RoundedOnce => "float64, rounded once to float32, as the reference",
        Arithmetic.Float32Steps => "float32 step by step in the reference's order, with correctly rounded exp/sin/cos",
        Arithmetic.ExactIntegers => "exact (p is representable in float32 up to 2^24)",
        _ => "computed from the row count at run time (no table)",
    };
}
