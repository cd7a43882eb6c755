using PEGen;

namespace PEGen.GuardPages;

// Below one Vector128, between vector widths, odd (scalar tails), halves and interleaved layouts.
[PositionalEncoding(Dim = 2, MaxLen = 24)] internal static partial class S2 { }
[PositionalEncoding(Dim = 7, MaxLen = 24)] internal static partial class S7 { }
[PositionalEncoding(Dim = 12, MaxLen = 24)] internal static partial class S12 { }
[PositionalEncoding(Dim = 33, MaxLen = 24, Scheme = EncodingScheme.HuggingFaceMarian)] internal static partial class S33 { }
[PositionalEncoding(Dim = 20, MaxLen = 24, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)] internal static partial class S20 { }
[PositionalEncoding(Dim = 64, MaxLen = 24, Scheme = EncodingScheme.Whisper)] internal static partial class S64 { }

[PositionalEncoding(Dim = 4, MaxLen = 24, Scheme = EncodingScheme.Rope)] internal static partial class R4 { }
[PositionalEncoding(Dim = 18, MaxLen = 24, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class R18 { }
[PositionalEncoding(Dim = 40, MaxLen = 24, Scheme = EncodingScheme.Rope)] internal static partial class R40 { }
[PositionalEncoding(Dim = 128, MaxLen = 24, Scheme = EncodingScheme.Rope)] internal static partial class R128 { }
[PositionalEncoding(Dim = 64, MaxLen = 24, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI64 { }

// Partial rotary (pass-through parts copied out of place), a scaled class with the stream kernel, and LongRoPE: small
// partial tables, and a full-width class whose large out-of-place calls take the stream kernel with both table pairs.
[PositionalEncoding(Dim = 40, MaxLen = 24, Scheme = EncodingScheme.Rope, RotaryDim = 8)] internal static partial class P40r8 { }
[PositionalEncoding(Dim = 64, MaxLen = 24, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 24)] internal static partial class PI64r24 { }
[PositionalEncoding(Dim = 128, MaxLen = 24, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 8)]
internal static partial class Yarn128 { }
[PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.Rope, RotaryDim = 8, Scaling = RopeScaling.LongRope, Factor = 2,
    OriginalMaxLen = 32, ShortFactors = new[] { 1.0, 1.25, 1.5, 2 }, LongFactors = new[] { 1.0, 2, 4, 8 })]
internal static partial class LongRope16 { }
[PositionalEncoding(Dim = 64, MaxLen = 24, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 64, Scaling = RopeScaling.LongRope, Factor = 3,
    OriginalMaxLen = 12, ShortFactors = new[] { 1.0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4 },
    LongFactors = new[] { 1.0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8 })]
internal static partial class LongRopeI64 { }

// Compact twins (SPEC section 6: no Table, Row, Cos, Sin, ShortCos, ShortSin; every method computes its rows through
// the class's private row method): the interleaved layout below a vector, odd (an extra sine: the column loop) and
// at a vector multiple; halves with an extra sine, with a padding row and a zero column, float32 and float64-quotient
// arithmetic; a 1000-position table (more digit levels); rotary halves and interleaved (an odd RotaryDim/2), scaled,
// partial and LongRoPE with both row sets.
[PositionalEncoding(Dim = 2, MaxLen = 24, Storage = TableStorage.Compact)] internal static partial class C2 { }
[PositionalEncoding(Dim = 7, MaxLen = 24, Storage = TableStorage.Compact)] internal static partial class C7 { }
[PositionalEncoding(Dim = 12, MaxLen = 24, Storage = TableStorage.Compact)] internal static partial class C12 { }
[PositionalEncoding(Dim = 33, MaxLen = 24, Scheme = EncodingScheme.HuggingFaceMarian, Storage = TableStorage.Compact)] internal static partial class C33 { }
[PositionalEncoding(Dim = 21, MaxLen = 24, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1, Storage = TableStorage.Compact)]
internal static partial class CF21 { }
[PositionalEncoding(Dim = 9, MaxLen = 24, Scheme = EncodingScheme.TensorToTensor, Storage = TableStorage.Compact)] internal static partial class CT2T9 { }
[PositionalEncoding(Dim = 64, MaxLen = 24, Scheme = EncodingScheme.Whisper, Storage = TableStorage.Compact)] internal static partial class C64 { }
[PositionalEncoding(Dim = 6, MaxLen = 1000, Scheme = EncodingScheme.HuggingFaceXlm, Storage = TableStorage.Compact)] internal static partial class C6L { }

[PositionalEncoding(Dim = 4, MaxLen = 24, Scheme = EncodingScheme.Rope, Storage = TableStorage.Compact)] internal static partial class CR4 { }
[PositionalEncoding(Dim = 18, MaxLen = 24, Scheme = EncodingScheme.RopeInterleaved, Storage = TableStorage.Compact)] internal static partial class CRI18 { }
[PositionalEncoding(Dim = 128, MaxLen = 24, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 8,
    Storage = TableStorage.Compact)]
internal static partial class CYarn128 { }
[PositionalEncoding(Dim = 40, MaxLen = 24, Scheme = EncodingScheme.RopeInterleaved, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8,
    OriginalMaxLen = 8, Storage = TableStorage.Compact)]
internal static partial class CLlama40 { }
[PositionalEncoding(Dim = 40, MaxLen = 24, Scheme = EncodingScheme.Rope, RotaryDim = 8, Storage = TableStorage.Compact)] internal static partial class CP40r8 { }
[PositionalEncoding(Dim = 64, MaxLen = 24, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 24, Storage = TableStorage.Compact)]
internal static partial class CPI64r24 { }
[PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.Rope, RotaryDim = 8, Scaling = RopeScaling.LongRope, Factor = 2,
    OriginalMaxLen = 32, ShortFactors = new[] { 1.0, 1.25, 1.5, 2 }, LongFactors = new[] { 1.0, 2, 4, 8 }, Storage = TableStorage.Compact)]
internal static partial class CLongRope16 { }
[PositionalEncoding(Dim = 64, MaxLen = 24, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 64, Scaling = RopeScaling.LongRope, Factor = 3,
    OriginalMaxLen = 12, ShortFactors = new[] { 1.0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4 },
    LongFactors = new[] { 1.0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8 }, Storage = TableStorage.Compact)]
internal static partial class CLongRopeI64 { }
