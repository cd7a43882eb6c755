using PEGen;

namespace Visualize;

// 128 values per position and 100 positions: the usual size of the textbook picture. Every
// table below is built by PEGen at compile time; this program only reads it.

[PositionalEncoding(Dim = 128, MaxLen = 100)]
internal static partial class VaswaniPositions { }

[PositionalEncoding(Dim = 128, MaxLen = 100, Scheme = EncodingScheme.AnnotatedTransformer)]
internal static partial class AnnotatedPositions { }

[PositionalEncoding(Dim = 128, MaxLen = 100, Scheme = EncodingScheme.HuggingFaceXlm)]
internal static partial class XlmPositions { }

[PositionalEncoding(Dim = 128, MaxLen = 100, Scheme = EncodingScheme.HuggingFaceMarian)]
internal static partial class MarianPositions { }

[PositionalEncoding(Dim = 128, MaxLen = 100, Scheme = EncodingScheme.TensorToTensor)]
internal static partial class TensorToTensorPositions { }

[PositionalEncoding(Dim = 128, MaxLen = 100, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)]
internal static partial class FairseqPositions { }

[PositionalEncoding(Dim = 128, MaxLen = 100, Scheme = EncodingScheme.Whisper)]
internal static partial class WhisperPositions { }

#pragma warning disable PEG005 // the naive encoding, drawn to show why it is a bad idea
[PositionalEncoding(Dim = 128, MaxLen = 100, Scheme = EncodingScheme.Linear)]
internal static partial class LinearPositions { }
#pragma warning restore PEG005

[PositionalEncoding(Dim = 128, MaxLen = 100, Scheme = EncodingScheme.Rope)]
internal static partial class RotaryPositions { }

// MAE ViT-B/16 at 224 px: 14 x 14 patches of Dim 768 after a cls row (the grid's similarity map).
[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1)]
internal static partial class MaePatchGrid { }

// The Stable Diffusion UNet's time_proj (diffusers: Timesteps(320, flip_sin_to_cos=True, downscale_freq_shift=0)),
// every integer timestep of its 1000-step schedule.
[TimestepEmbedding(Dim = 320, Steps = 1000, FlipSinToCos = true, FreqShift = 0)]
internal static partial class SdTimesteps { }
