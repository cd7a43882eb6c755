using PEGen;

namespace PEGen.PathChecks;

// Grids whose row and half-row widths hit every loop shape: Dim/2 = 2 (below a Vector128), 6, 10 (between widths),
// 32, 384 (whole vectors); odd grid sizes, extra tokens, diffusers' positions. Each Compact class has a Full twin.
[PositionalEncoding2D(Dim = 4, GridHeight = 3, GridWidth = 5, ExtraTokens = 2)] internal static partial class G4 { }
[PositionalEncoding2D(Dim = 4, GridHeight = 3, GridWidth = 5, ExtraTokens = 2, Storage = TableStorage.Compact)] internal static partial class CG4 { }
[PositionalEncoding2D(Dim = 12, GridHeight = 4, GridWidth = 3)] internal static partial class G12 { }
[PositionalEncoding2D(Dim = 12, GridHeight = 4, GridWidth = 3, Storage = TableStorage.Compact)] internal static partial class CG12 { }
[PositionalEncoding2D(Dim = 20, GridHeight = 7, GridWidth = 9, ExtraTokens = 1, BaseSize = 4, InterpolationScale = 2)] internal static partial class G20 { }
[PositionalEncoding2D(Dim = 20, GridHeight = 7, GridWidth = 9, ExtraTokens = 1, BaseSize = 4, InterpolationScale = 2, Storage = TableStorage.Compact)] internal static partial class CG20 { }
[PositionalEncoding2D(Dim = 64, GridHeight = 6, GridWidth = 7, ExtraTokens = 3)] internal static partial class G64 { }
[PositionalEncoding2D(Dim = 64, GridHeight = 6, GridWidth = 7, ExtraTokens = 3, Storage = TableStorage.Compact)] internal static partial class CG64 { }
[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1)] internal static partial class G768 { }
[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1, Storage = TableStorage.Compact)] internal static partial class CG768 { }
