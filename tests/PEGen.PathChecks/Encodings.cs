using PEGen;

namespace PEGen.PathChecks;

// Dims chosen to hit every loop shape of the kernels: below one Vector128, between vector
// widths, exact multiples of 4/8/16/32 floats, and odd sizes with scalar tails.
[PositionalEncoding(Dim = 1, MaxLen = 40, Scheme = EncodingScheme.Linear)] internal static partial class D1 { }
[PositionalEncoding(Dim = 2, MaxLen = 40)] internal static partial class D2 { }
[PositionalEncoding(Dim = 3, MaxLen = 40)] internal static partial class D3 { }
[PositionalEncoding(Dim = 4, MaxLen = 40)] internal static partial class D4 { }
[PositionalEncoding(Dim = 6, MaxLen = 40)] internal static partial class D6 { }
[PositionalEncoding(Dim = 8, MaxLen = 40)] internal static partial class D8 { }
[PositionalEncoding(Dim = 12, MaxLen = 40)] internal static partial class D12 { }
[PositionalEncoding(Dim = 16, MaxLen = 40)] internal static partial class D16 { }
[PositionalEncoding(Dim = 20, MaxLen = 40)] internal static partial class D20 { }
[PositionalEncoding(Dim = 32, MaxLen = 40)] internal static partial class D32 { }
[PositionalEncoding(Dim = 33, MaxLen = 40)] internal static partial class D33 { }
[PositionalEncoding(Dim = 40, MaxLen = 40)] internal static partial class D40 { }
[PositionalEncoding(Dim = 64, MaxLen = 40)] internal static partial class D64 { }
[PositionalEncoding(Dim = 100, MaxLen = 40)] internal static partial class D100 { }
[PositionalEncoding(Dim = 512, MaxLen = 40)] internal static partial class D512 { }
[PositionalEncoding(Dim = 1000, MaxLen = 9, Scheme = EncodingScheme.Linear)] internal static partial class D1000 { }

// Rotary: Dim/2 below, at and between vector widths; Dim a multiple of 32 (64, 96, 128) also takes
// the out-of-place AVX-512 stream kernel, at every destination offset the guard buffers produce.
[PositionalEncoding(Dim = 4, MaxLen = 40, Scheme = EncodingScheme.Rope)] internal static partial class R4 { }
[PositionalEncoding(Dim = 12, MaxLen = 40, Scheme = EncodingScheme.Rope)] internal static partial class R12 { }
[PositionalEncoding(Dim = 16, MaxLen = 40, Scheme = EncodingScheme.Rope)] internal static partial class R16 { }
[PositionalEncoding(Dim = 40, MaxLen = 40, Scheme = EncodingScheme.Rope)] internal static partial class R40 { }
[PositionalEncoding(Dim = 56, MaxLen = 40, Scheme = EncodingScheme.Rope)] internal static partial class R56 { }
[PositionalEncoding(Dim = 64, MaxLen = 40, Scheme = EncodingScheme.Rope)] internal static partial class R64 { }
[PositionalEncoding(Dim = 96, MaxLen = 40, Scheme = EncodingScheme.Rope)] internal static partial class R96 { }
[PositionalEncoding(Dim = 128, MaxLen = 40, Scheme = EncodingScheme.Rope)] internal static partial class R128 { }
[PositionalEncoding(Dim = 4, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI4 { }
[PositionalEncoding(Dim = 12, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI12 { }
[PositionalEncoding(Dim = 16, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI16 { }
[PositionalEncoding(Dim = 36, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI36 { }
[PositionalEncoding(Dim = 40, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI40 { }
[PositionalEncoding(Dim = 56, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI56 { }
[PositionalEncoding(Dim = 64, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI64 { }
[PositionalEncoding(Dim = 96, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI96 { }
[PositionalEncoding(Dim = 128, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved)] internal static partial class RI128 { }
