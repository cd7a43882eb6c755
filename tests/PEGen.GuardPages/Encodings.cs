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
