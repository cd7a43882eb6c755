using PEGen;

namespace QuickStart;

/// <summary>
/// The whole declaration. At build time PEGen fills this class with Dim, MaxLen, the 2048 x 512
/// table as constant data, Row, AddTo and Add (see obj/.../generated with EmitCompilerGeneratedFiles).
/// </summary>
[PositionalEncoding(Dim = 512, MaxLen = 2048)]
public static partial class TextPositions
{
}
