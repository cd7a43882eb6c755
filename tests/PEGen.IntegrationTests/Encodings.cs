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
