namespace PEGen.Schemes.Compact;

/// <summary>How a compact row turns the tabulated angle p * theta into the reference's entry.</summary>
internal enum CompactArithmetic
{
    /// <summary>The exact angle p * omega: the combined float64 value is rounded once to float32.</summary>
    Exact,

    /// <summary>
    /// The reference's float32 angle f32(f32(p) * inv): p * inv is tabulated, and the angle's rounding error
    /// delta = angle - p * inv (exact in float64) is added by one more rotation.
    /// </summary>
    Float32Angle,

    /// <summary>
    /// numpy's float64 quotient x = p / w: p / w is tabulated, and x's rounding error (x * w - p) / w, exact
    /// through a split product, is added to first order.
    /// </summary>
    Float64Quotient,
}
