#pragma warning disable PEG003, PEG005 // odd Dim and Linear on purpose: their compact rows must equal the full ones
using PEGen;

namespace PEGen.IntegrationTests;

// Twins for the Compact storage tests: each Compact class has a Full one with the same parameters.
[PositionalEncoding(Dim = 64, MaxLen = 4096)] internal static partial class VaswaniFull { }
[PositionalEncoding(Dim = 64, MaxLen = 4096, Storage = TableStorage.Compact)] internal static partial class VaswaniCompact { }
[PositionalEncoding(Dim = 33, MaxLen = 1024)] internal static partial class VaswaniOddFull { }
[PositionalEncoding(Dim = 33, MaxLen = 1024, Storage = TableStorage.Compact)] internal static partial class VaswaniOddCompact { }
[PositionalEncoding(Dim = 64, MaxLen = 4096, Scheme = EncodingScheme.AnnotatedTransformer)] internal static partial class AnnotatedFull { }
[PositionalEncoding(Dim = 64, MaxLen = 4096, Scheme = EncodingScheme.AnnotatedTransformer, Storage = TableStorage.Compact)] internal static partial class AnnotatedCompact { }
[PositionalEncoding(Dim = 64, MaxLen = 4096, Scheme = EncodingScheme.HuggingFaceXlm)] internal static partial class XlmFull { }
[PositionalEncoding(Dim = 64, MaxLen = 4096, Scheme = EncodingScheme.HuggingFaceXlm, Storage = TableStorage.Compact)] internal static partial class XlmCompact { }
[PositionalEncoding(Dim = 33, MaxLen = 1024, Scheme = EncodingScheme.HuggingFaceMarian)] internal static partial class MarianFull { }
[PositionalEncoding(Dim = 33, MaxLen = 1024, Scheme = EncodingScheme.HuggingFaceMarian, Storage = TableStorage.Compact)] internal static partial class MarianCompact { }
[PositionalEncoding(Dim = 63, MaxLen = 2048, Scheme = EncodingScheme.TensorToTensor)] internal static partial class T2tFull { }
[PositionalEncoding(Dim = 63, MaxLen = 2048, Scheme = EncodingScheme.TensorToTensor, Storage = TableStorage.Compact)] internal static partial class T2tCompact { }
[PositionalEncoding(Dim = 64, MaxLen = 2050, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)] internal static partial class FairseqFull { }
[PositionalEncoding(Dim = 64, MaxLen = 2050, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1, Storage = TableStorage.Compact)] internal static partial class FairseqCompact { }
[PositionalEncoding(Dim = 64, MaxLen = 1500, Scheme = EncodingScheme.Whisper)] internal static partial class WhisperFull { }
[PositionalEncoding(Dim = 64, MaxLen = 1500, Scheme = EncodingScheme.Whisper, Storage = TableStorage.Compact)] internal static partial class WhisperCompact { }
[PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.Linear, Storage = TableStorage.Compact)] internal static partial class LinearCompact { }

[PositionalEncoding(Dim = 128, MaxLen = 16384, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
    Factor = 8, OriginalMaxLen = 8192)] internal static partial class Llama3Full { }
[PositionalEncoding(Dim = 128, MaxLen = 16384, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
    Factor = 8, OriginalMaxLen = 8192, Storage = TableStorage.Compact)] internal static partial class Llama3Compact { }
[PositionalEncoding(Dim = 64, MaxLen = 8192, Scheme = EncodingScheme.RopeInterleaved, Base = 10000, Scaling = RopeScaling.Yarn,
    Factor = 4, OriginalMaxLen = 2048)] internal static partial class YarnFull { }
[PositionalEncoding(Dim = 64, MaxLen = 8192, Scheme = EncodingScheme.RopeInterleaved, Base = 10000, Scaling = RopeScaling.Yarn,
    Factor = 4, OriginalMaxLen = 2048, Storage = TableStorage.Compact)] internal static partial class YarnCompact { }
[PositionalEncoding(Dim = 80, MaxLen = 2048, Scheme = EncodingScheme.Rope, RotaryDim = 32)] internal static partial class PartialFull { }
[PositionalEncoding(Dim = 80, MaxLen = 2048, Scheme = EncodingScheme.Rope, RotaryDim = 32, Storage = TableStorage.Compact)] internal static partial class PartialCompact { }
[PositionalEncoding(Dim = 24, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 8, Scaling = RopeScaling.LongRope,
    Factor = 4, OriginalMaxLen = 16, ShortFactors = new[] { 1.0, 1.5, 2, 3 }, LongFactors = new[] { 1.0, 4, 8, 16 },
    Storage = TableStorage.Compact)] internal static partial class LongRopeCompact { }

// The long contexts: they build only compact (a Full table would be 64 MiB and 512 MiB).
[PositionalEncoding(Dim = 128, MaxLen = 131072, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
    Factor = 8, OriginalMaxLen = 8192, Storage = TableStorage.Compact)] public static partial class Llama31Long { }
[PositionalEncoding(Dim = 128, MaxLen = 1048576, Scheme = EncodingScheme.Rope, Base = 1000000, Storage = TableStorage.Compact)]
public static partial class MillionRope { }
