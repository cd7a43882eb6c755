using PEGen;

namespace PEGen.Benchmarks;

// Storage = Compact and its Full twins (the same declaration at a MaxLen where Full still builds).
[PositionalEncoding(Dim = 128, MaxLen = 16384, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
    Factor = 8, OriginalMaxLen = 8192)]
internal static partial class Llama3Full { }

[PositionalEncoding(Dim = 128, MaxLen = 16384, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
    Factor = 8, OriginalMaxLen = 8192, Storage = TableStorage.Compact)]
internal static partial class Llama3Compact { }

[PositionalEncoding(Dim = 512, MaxLen = 2048, Storage = TableStorage.Compact)]
internal static partial class Pe512Compact { }

[PositionalEncoding(Dim = 512, MaxLen = 2048, Scheme = EncodingScheme.HuggingFaceXlm)]
internal static partial class Xlm512 { }

[PositionalEncoding(Dim = 512, MaxLen = 2048, Scheme = EncodingScheme.HuggingFaceXlm, Storage = TableStorage.Compact)]
internal static partial class Xlm512Compact { }

[PositionalEncoding(Dim = 512, MaxLen = 2050, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)]
internal static partial class Fairseq512 { }

[PositionalEncoding(Dim = 512, MaxLen = 2050, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1, Storage = TableStorage.Compact)]
internal static partial class Fairseq512Compact { }
