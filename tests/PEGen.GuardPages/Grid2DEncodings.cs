using PEGen;

namespace PEGen.GuardPages;

[PositionalEncoding2D(Dim = 4, GridHeight = 3, GridWidth = 5, ExtraTokens = 2)] internal static partial class Grid4 { }
[PositionalEncoding2D(Dim = 4, GridHeight = 3, GridWidth = 5, ExtraTokens = 2, Storage = TableStorage.Compact)] internal static partial class CompactGrid4 { }
[PositionalEncoding2D(Dim = 36, GridHeight = 5, GridWidth = 4, ExtraTokens = 1, BaseSize = 2, InterpolationScale = 2)] internal static partial class Grid36 { }
[PositionalEncoding2D(Dim = 36, GridHeight = 5, GridWidth = 4, ExtraTokens = 1, BaseSize = 2, InterpolationScale = 2, Storage = TableStorage.Compact)]
internal static partial class CompactGrid36 { }
[PositionalEncoding2D(Dim = 128, GridHeight = 4, GridWidth = 4)] internal static partial class Grid128 { }
[PositionalEncoding2D(Dim = 128, GridHeight = 4, GridWidth = 4, Storage = TableStorage.Compact)] internal static partial class CompactGrid128 { }
