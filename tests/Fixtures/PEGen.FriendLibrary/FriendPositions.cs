using PEGen;

namespace PEGen.FriendLibrary;

/// <summary>An internal encoding the friend assembly (the integration tests) can see.</summary>
[PositionalEncoding(Dim = 16, MaxLen = 32)]
internal static partial class FriendPositions
{
}
