using PEGen;

namespace PEGen.IntegrationTests;

/// <summary>The configurations of tests/golden/exact_*.json.</summary>
[PositionalEncoding(Dim = 64, MaxLen = 256)]
internal static partial class Exact64 { }

/// <summary>The Transformer-base shape of the contract's example.</summary>
[PositionalEncoding(Dim = 512, MaxLen = 2048)]
public static partial class Exact512 { }

/// <summary>Touched by one test only, to observe the first access in this process.</summary>
[PositionalEncoding(Dim = 256, MaxLen = 1024)]
internal static partial class FirstAccess { }

/// <summary>The net10.0 twin of the netstandard2.0 fixture's LongRopeStandard (vector paths against its scalar ones).</summary>
[PositionalEncoding(Dim = 24, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 8, Scaling = RopeScaling.LongRope,
    Factor = 4, OriginalMaxLen = 16, ShortFactors = new[] { 1.0, 1.5, 2, 3 }, LongFactors = new[] { 1.0, 4, 8, 16 })]
internal static partial class LongRopeTwin { }
