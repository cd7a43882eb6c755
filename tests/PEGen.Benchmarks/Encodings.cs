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

/// <summary>Partial rotary as Pythia: head 128, the first 32 values rotate, 96 pass through.</summary>
[PositionalEncoding(Dim = 128, MaxLen = 2048, Scheme = EncodingScheme.Rope, RotaryDim = 32)]
internal static partial class RopePartial128 { }

/// <summary>Partial rotary, interleaved pairs, as GPT-J (head 256, 64 rotate) scaled to head 128.</summary>
[PositionalEncoding(Dim = 128, MaxLen = 2048, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 32)]
internal static partial class RopeIPartial128 { }

/// <summary>Llama 3.1's scaling on head 128: the same kernel as <see cref="Rope128"/>, other tables.</summary>
[PositionalEncoding(Dim = 128, MaxLen = 2048, Scheme = EncodingScheme.Rope, Base = 500000,
    Scaling = RopeScaling.Llama3, Factor = 8, OriginalMaxLen = 8192)]
internal static partial class RopeLlama3128 { }

/// <summary>YaRN (Qwen's card) on head 128: tables times the attention factor.</summary>
[PositionalEncoding(Dim = 128, MaxLen = 2048, Scheme = EncodingScheme.Rope, Base = 1000000,
    Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 32768)]
internal static partial class RopeYarn128 { }
