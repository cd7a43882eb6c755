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
