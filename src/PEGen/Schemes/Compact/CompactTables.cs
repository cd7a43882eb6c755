namespace PEGen.Schemes.Compact;

/// <summary>A compact declaration's tables: the only one (LongRoPE: the long factors) and LongRoPE's short one.</summary>
/// <param name="Main">The table every position below MaxLen can use.</param>
/// <param name="Short">LongRoPE: the short factors' table, positions below min(MaxLen, OriginalMaxLen); else null.</param>
internal sealed record CompactTables(CompactTable Main, CompactTable? Short);
