using PEGen;

namespace PEGen.Benchmarks;

/// <summary>2048 positions x 512: AddTo 1x512, 64x512, 2048x512 and Embed 64x512.</summary>
[PositionalEncoding(Dim = 512, MaxLen = 2048)]
internal static partial class Pe512 { }

/// <summary>2048 positions x 1024: AddTo and Embed 2048x1024.</summary>
[PositionalEncoding(Dim = 1024, MaxLen = 2048)]
internal static partial class Pe1024 { }

/// <summary>Rotary, head dimension 128 (Llama style, pairs (k, k + 64)).</summary>
[PositionalEncoding(Dim = 128, MaxLen = 2048, Scheme = EncodingScheme.Rope)]
internal static partial class Rope128 { }

/// <summary>Rotary, head dimension 128, pairs (2k, 2k+1) (Meta's reference, GPT-J): the interleaved peer benchmarks.</summary>
[PositionalEncoding(Dim = 128, MaxLen = 2048, Scheme = EncodingScheme.RopeInterleaved)]
internal static partial class RopeI128 { }
