namespace PEGen.Schemes;

/// <summary>Where a scheme puts the two values of each frequency.</summary>
internal enum PairLayout
{
    /// <summary>No sin/cos pairs (the naive schemes).</summary>
    None,

    /// <summary>Additive: sin at column 2k, cos at 2k+1.</summary>
    Interleaved,

    /// <summary>Additive: all sines first, then all cosines.</summary>
    Halves,

    /// <summary>Rotary: element k pairs with k + RotaryDim/2 (transformers' rotate_half).</summary>
    RotateHalf,

    /// <summary>Rotary: elements 2k and 2k+1 form a complex number (Meta's reference, GPT-J).</summary>
    ComplexPairs,
}
