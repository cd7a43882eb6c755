using PEGen;

namespace PEGen.IntegrationTests;

// The goldens' declarations, Full and Compact.
[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1)] internal static partial class MaeGrid { }
[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1, Storage = TableStorage.Compact)] internal static partial class MaeGridCompact { }
[PositionalEncoding2D(Dim = 64, GridHeight = 64, GridWidth = 64, BaseSize = 64, InterpolationScale = 2)] internal static partial class PixArtGrid { }
[PositionalEncoding2D(Dim = 64, GridHeight = 64, GridWidth = 64, BaseSize = 64, InterpolationScale = 2, Storage = TableStorage.Compact)]
internal static partial class PixArtGridCompact { }

// Odd and non-square shapes with extra tokens and diffusers' positions: Compact against Full.
[PositionalEncoding2D(Dim = 12, GridHeight = 5, GridWidth = 3, ExtraTokens = 2)] internal static partial class OddGrid { }
[PositionalEncoding2D(Dim = 12, GridHeight = 5, GridWidth = 3, ExtraTokens = 2, Storage = TableStorage.Compact)] internal static partial class OddGridCompact { }
[PositionalEncoding2D(Dim = 40, GridHeight = 7, GridWidth = 11, ExtraTokens = 1, BaseSize = 5, InterpolationScale = 3, Base = 100)] internal static partial class ScaledGrid { }
[PositionalEncoding2D(Dim = 40, GridHeight = 7, GridWidth = 11, ExtraTokens = 1, BaseSize = 5, InterpolationScale = 3, Base = 100, Storage = TableStorage.Compact)]
internal static partial class ScaledGridCompact { }
[PositionalEncoding2D(Dim = 4, GridHeight = 1, GridWidth = 9)] internal static partial class ThinGrid { }
[PositionalEncoding2D(Dim = 4, GridHeight = 1, GridWidth = 9, Storage = TableStorage.Compact)] internal static partial class ThinGridCompact { }

// SD3-medium's 192 x 192 grid (pos_embed_max_size 192, base size 64, Dim 1536), compact; its factors are those of a
// 1 x 192 grid's columns and a 192 x 1 grid's rows (the same per-axis positions j / (192 / 64)).
[PositionalEncoding2D(Dim = 1536, GridHeight = 192, GridWidth = 192, BaseSize = 64, Storage = TableStorage.Compact)] internal static partial class Sd3Grid { }
[PositionalEncoding2D(Dim = 1536, GridHeight = 1, GridWidth = 192, BaseSize = 64)] internal static partial class Sd3Columns { }
[PositionalEncoding2D(Dim = 1536, GridHeight = 192, GridWidth = 1, BaseSize = 64)] internal static partial class Sd3Rows { }
