using PEGen;

namespace Discussion;

// Every encoding of the experiment, built by PEGen at compile time. 256 positions: one sequence
// of the experiment is the whole table. The token embeddings are 64 wide, so the added schemes
// have Dim = 64 and concatenating Vaswani's 64 columns makes the model 128 wide.

/// <summary>(a) added and (b) concatenated: the exact sinusoids, also the probe's targets.</summary>
[PositionalEncoding(Dim = 64, MaxLen = 256)]
internal static partial class VaswaniPositions { }

/// <summary>
/// (c) rotary: Dim is the head dimension (model width 64 / 4 heads), rotated into queries and
/// keys inside attention, so position reaches only the attention scores.
/// </summary>
[PositionalEncoding(Dim = 16, MaxLen = 256, Scheme = EncodingScheme.Rope)]
internal static partial class RotaryPositions { }

#pragma warning disable PEG005 // the naive encoding, measured to show what it does
/// <summary>(e) every value of row p is p.</summary>
[PositionalEncoding(Dim = 64, MaxLen = 256, Scheme = EncodingScheme.Linear)]
internal static partial class LinearPositions { }
#pragma warning restore PEG005

#pragma warning disable PEG004 // the naive encoding, measured to show what it does
/// <summary>(e) every value of row r of n rows is r / (n - 1); here n = 256 always.</summary>
[PositionalEncoding(Dim = 64, MaxLen = 256, Scheme = EncodingScheme.NormalizedRange)]
internal static partial class NormalizedRangePositions { }
#pragma warning restore PEG004
