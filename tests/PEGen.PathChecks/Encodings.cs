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

// Partial rotary: RotaryDim/2 below, at and between vector widths, with pass-through parts below a Vector128, between
// widths and of whole Vector512s (Phi-2's 80/32, Pythia's 128/32, GPT-J's 256/64).
[PositionalEncoding(Dim = 16, MaxLen = 40, Scheme = EncodingScheme.Rope, RotaryDim = 2)] internal static partial class P16r2 { }
[PositionalEncoding(Dim = 40, MaxLen = 40, Scheme = EncodingScheme.Rope, RotaryDim = 24)] internal static partial class P40r24 { }
[PositionalEncoding(Dim = 80, MaxLen = 40, Scheme = EncodingScheme.Rope, RotaryDim = 32)] internal static partial class P80r32 { }
[PositionalEncoding(Dim = 128, MaxLen = 40, Scheme = EncodingScheme.Rope, RotaryDim = 32)] internal static partial class P128r32 { }
[PositionalEncoding(Dim = 16, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 2)] internal static partial class PI16r2 { }
[PositionalEncoding(Dim = 40, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 26)] internal static partial class PI40r26 { }
[PositionalEncoding(Dim = 256, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 64)] internal static partial class PI256r64 { }

// Scaled: full width (so the stream kernel too) and partial.
[PositionalEncoding(Dim = 64, MaxLen = 40, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 16)]
internal static partial class Yarn64 { }
[PositionalEncoding(Dim = 128, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8,
    OriginalMaxLen = 16)]
internal static partial class Llama128 { }
[PositionalEncoding(Dim = 48, MaxLen = 40, Scheme = EncodingScheme.Rope, RotaryDim = 16, Scaling = RopeScaling.Linear, Factor = 2)]
internal static partial class Linear48r16 { }

// LongRoPE: partial with small tables, and full width (the stream kernel with both table pairs).
[PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.Rope, RotaryDim = 8, Scaling = RopeScaling.LongRope, Factor = 2,
    OriginalMaxLen = 32, ShortFactors = new[] { 1.0, 1.25, 1.5, 2 }, LongFactors = new[] { 1.0, 2, 4, 8 })]
internal static partial class LongRope16 { }
[PositionalEncoding(Dim = 32, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, Scaling = RopeScaling.LongRope, Factor = 4,
    OriginalMaxLen = 20, ShortFactors = new[] { 1.0, 1, 1, 1, 1.5, 1.5, 1.5, 1.5, 2, 2, 2, 2, 3, 3, 3, 3 },
    LongFactors = new[] { 1.0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8 })]
internal static partial class LongRopeI32 { }

// Compact storage (SPEC section 6) and the Full twins it must equal bit for bit: every additive layout (interleaved at,
// below and between vector widths, odd; halves with an extra sine, a zero column, a padding row) and arithmetic (exact,
// float32 steps, float64 rounded once), and the rotary classes above in compact form. A compact class has no Table or
// Cos/Sin: its rows come from CopyRows / CopyCosSin, which go through the same row method as every other member.
[PositionalEncoding(Dim = 2, MaxLen = 40, Storage = TableStorage.Compact)] internal static partial class CD2 { }
[PositionalEncoding(Dim = 3, MaxLen = 40, Storage = TableStorage.Compact)] internal static partial class CD3 { }
[PositionalEncoding(Dim = 16, MaxLen = 40, Storage = TableStorage.Compact)] internal static partial class CD16 { }
[PositionalEncoding(Dim = 33, MaxLen = 40, Storage = TableStorage.Compact)] internal static partial class CD33 { }
[PositionalEncoding(Dim = 100, MaxLen = 40, Storage = TableStorage.Compact)] internal static partial class CD100 { }
[PositionalEncoding(Dim = 512, MaxLen = 40, Storage = TableStorage.Compact)] internal static partial class CD512 { }
// Rows of 8,192 values split MaxLen 20 into three levels (two would exceed the factor budget): the vector loops' product
// of the upper levels, kept across a run of rows, in the exact and the float32-angle modes.
[PositionalEncoding(Dim = 8192, MaxLen = 20)] internal static partial class D8192 { }
[PositionalEncoding(Dim = 8192, MaxLen = 20, Storage = TableStorage.Compact)] internal static partial class CD8192 { }
[PositionalEncoding(Dim = 8192, MaxLen = 20, Scheme = EncodingScheme.Rope)] internal static partial class R8192 { }
[PositionalEncoding(Dim = 8192, MaxLen = 20, Scheme = EncodingScheme.Rope, Storage = TableStorage.Compact)] internal static partial class CR8192 { }
[PositionalEncoding(Dim = 20, MaxLen = 40, Scheme = EncodingScheme.AnnotatedTransformer)] internal static partial class A20 { }
[PositionalEncoding(Dim = 20, MaxLen = 40, Scheme = EncodingScheme.AnnotatedTransformer, Storage = TableStorage.Compact)] internal static partial class CA20 { }
[PositionalEncoding(Dim = 12, MaxLen = 40, Scheme = EncodingScheme.HuggingFaceXlm)] internal static partial class X12 { }
[PositionalEncoding(Dim = 12, MaxLen = 40, Scheme = EncodingScheme.HuggingFaceXlm, Storage = TableStorage.Compact)] internal static partial class CX12 { }
[PositionalEncoding(Dim = 33, MaxLen = 40, Scheme = EncodingScheme.HuggingFaceMarian)] internal static partial class M33 { }
[PositionalEncoding(Dim = 33, MaxLen = 40, Scheme = EncodingScheme.HuggingFaceMarian, Storage = TableStorage.Compact)] internal static partial class CM33 { }
[PositionalEncoding(Dim = 9, MaxLen = 40, Scheme = EncodingScheme.TensorToTensor)] internal static partial class T9 { }
[PositionalEncoding(Dim = 9, MaxLen = 40, Scheme = EncodingScheme.TensorToTensor, Storage = TableStorage.Compact)] internal static partial class CT9 { }
[PositionalEncoding(Dim = 21, MaxLen = 40, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)] internal static partial class F21 { }
[PositionalEncoding(Dim = 21, MaxLen = 40, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1, Storage = TableStorage.Compact)] internal static partial class CF21 { }
[PositionalEncoding(Dim = 64, MaxLen = 40, Scheme = EncodingScheme.Whisper)] internal static partial class W64 { }
[PositionalEncoding(Dim = 64, MaxLen = 40, Scheme = EncodingScheme.Whisper, Storage = TableStorage.Compact)] internal static partial class CW64 { }

[PositionalEncoding(Dim = 4, MaxLen = 40, Scheme = EncodingScheme.Rope, Storage = TableStorage.Compact)] internal static partial class CR4 { }
[PositionalEncoding(Dim = 40, MaxLen = 40, Scheme = EncodingScheme.Rope, Storage = TableStorage.Compact)] internal static partial class CR40 { }
[PositionalEncoding(Dim = 128, MaxLen = 40, Scheme = EncodingScheme.Rope, Storage = TableStorage.Compact)] internal static partial class CR128 { }
[PositionalEncoding(Dim = 12, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, Storage = TableStorage.Compact)] internal static partial class CRI12 { }
[PositionalEncoding(Dim = 36, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, Storage = TableStorage.Compact)] internal static partial class CRI36 { }
[PositionalEncoding(Dim = 128, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, Storage = TableStorage.Compact)] internal static partial class CRI128 { }
[PositionalEncoding(Dim = 40, MaxLen = 40, Scheme = EncodingScheme.Rope, RotaryDim = 24, Storage = TableStorage.Compact)] internal static partial class CP40r24 { }
[PositionalEncoding(Dim = 40, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 26, Storage = TableStorage.Compact)]
internal static partial class CPI40r26 { }
[PositionalEncoding(Dim = 64, MaxLen = 40, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 16,
    Storage = TableStorage.Compact)]
internal static partial class CYarn64 { }
[PositionalEncoding(Dim = 128, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8,
    OriginalMaxLen = 16, Storage = TableStorage.Compact)]
internal static partial class CLlama128 { }
// Far enough (4,096 positions) that the float32 angle's correction takes 2 Taylor terms in the first block of 16
// frequencies and 1 in the others: every path must still give the Full twin's bits.
[PositionalEncoding(Dim = 128, MaxLen = 4096, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8,
    OriginalMaxLen = 1024)]
internal static partial class Llama128Far { }
[PositionalEncoding(Dim = 128, MaxLen = 4096, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8,
    OriginalMaxLen = 1024, Storage = TableStorage.Compact)]
internal static partial class CLlama128Far { }
[PositionalEncoding(Dim = 48, MaxLen = 40, Scheme = EncodingScheme.Rope, RotaryDim = 16, Scaling = RopeScaling.Linear, Factor = 2,
    Storage = TableStorage.Compact)]
internal static partial class CLinear48r16 { }
[PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.Rope, RotaryDim = 8, Scaling = RopeScaling.LongRope, Factor = 2,
    OriginalMaxLen = 32, ShortFactors = new[] { 1.0, 1.25, 1.5, 2 }, LongFactors = new[] { 1.0, 2, 4, 8 }, Storage = TableStorage.Compact)]
internal static partial class CLongRope16 { }
[PositionalEncoding(Dim = 32, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, Scaling = RopeScaling.LongRope, Factor = 4,
    OriginalMaxLen = 20, ShortFactors = new[] { 1.0, 1, 1, 1, 1.5, 1.5, 1.5, 1.5, 2, 2, 2, 2, 3, 3, 3, 3 },
    LongFactors = new[] { 1.0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8 }, Storage = TableStorage.Compact)]
internal static partial class CLongRopeI32 { }
