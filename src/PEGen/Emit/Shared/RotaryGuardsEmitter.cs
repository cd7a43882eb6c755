namespace PEGen.Emit.Shared;

/// <summary>
/// The argument checks only rotary methods need (per-row positions, query and key spans, LongRoPE's factors),
/// written into the shared helper class when a compilation has a rotary declaration. Like
/// <see cref="GuardHelpersEmitter"/>: every check runs before anything is written, throws live in non-inlined
/// methods, and the checks are AggressiveInlining so a class's constant Dim and MaxLen fold into them.
/// </summary>
internal static class RotaryGuardsEmitter
{
    public const string RotaryPositions = "RotaryPositions";
    public const string QueryKeyRows = "QueryKeyRows";
    public const string CheckApart = "CheckApart";
    public const string UseShortFactors = "UseShortFactors";

    public static void Write(SourceWriter writer)
    {
        string throwOutOfRange = GuardHelpersEmitter.ThrowOutOfRange, throwNotWholeRows = GuardHelpersEmitter.ThrowNotWholeRows;
        writer.Lines($$"""
            /// <summary>
            /// Checks heads, that a span of <paramref name="length"/> values is exactly one row of heads x dim per position,
            /// and every position; returns the largest position (-1 for none), which decides LongRoPE's tables.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static int {{RotaryPositions}}(int length, int dim, ReadOnlySpan<int> positions, int heads, int maxLen)
            {
                if (heads <= 0)
                    {{throwOutOfRange}}("heads", heads, "heads must be at least 1.");
                long width = (long)heads * dim;
                // Division, not positions.Length * width, which can overflow a long.
                if (length % width != 0 || length / width != positions.Length)
                    ThrowPositionsLength(length, positions.Length, heads, dim);
                int largest = -1;
                for (int r = 0; r < positions.Length; r++)
                {
                    int position = positions[r];
                    // Unsigned: a negative position compares as a large one.
                    if ((uint)position >= (uint)maxLen)
                        ThrowPositionAt(r, position, maxLen);
                    if (position > largest)
                        largest = position;
                }
                return largest;
            }

            /// <summary>
            /// The rows of RotateQueryKey: both spans whole rows of their heads x dim, as many rows in each, and
            /// positions startPosition onwards below maxLen for them.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static int {{QueryKeyRows}}(int queryLength, int queryHeads, int keyLength, int keyHeads, int dim, int startPosition, int maxLen)
            {
                if (queryHeads <= 0)
                    {{throwOutOfRange}}("queryHeads", queryHeads, "queryHeads must be at least 1.");
                if (keyHeads <= 0)
                    {{throwOutOfRange}}("keyHeads", keyHeads, "keyHeads must be at least 1.");
                long queryWidth = (long)queryHeads * dim, keyWidth = (long)keyHeads * dim;
                if (queryLength % queryWidth != 0)
                    {{throwNotWholeRows}}(queryLength, (int)Math.Min(queryWidth, int.MaxValue), "queries");
                if (keyLength % keyWidth != 0)
                    {{throwNotWholeRows}}(keyLength, (int)Math.Min(keyWidth, int.MaxValue), "keys");
                int rows = (int)(queryLength / queryWidth);
                if (keyLength / keyWidth != rows)
                    ThrowRowCounts(rows, (int)(keyLength / keyWidth));
                {{GuardHelpersEmitter.CheckPositions}}(rows, startPosition, maxLen, "queries");
                return rows;
            }

            /// <summary>Two spans rotated in place by one call must not share memory (it would rotate twice).</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void {{CheckApart}}<T>(ReadOnlySpan<T> queries, ReadOnlySpan<T> keys)
            {
                if (MemoryExtensions.Overlaps(queries, keys))
                    ThrowKeysOverlap();
            }

            /// <summary>
            /// LongRoPE: whether rows startPosition.. use the short tables. factors is LongRopeFactors: Auto (0) is
            /// transformers' per-call rule, Short (1) requires it to hold, Long (2) never uses them.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static bool {{UseShortFactors}}(int factors, int startPosition, int rows, int originalMaxLen)
            {
                // Both are checked against MaxLen already, so the sum does not overflow.
                bool fits = startPosition + rows <= originalMaxLen;
                if (factors == 0)
                    return fits;
                if (factors == 2)
                    return false;
                if (factors != 1)
                    {{throwOutOfRange}}("factors", factors, "factors must be LongRopeFactors.Auto, Short or Long.");
                if (!fits)
                    ThrowShortFactors(startPosition, rows, originalMaxLen);
                return true;
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void ThrowPositionsLength(int length, int positions, int heads, int dim)
            {
                throw new ArgumentException(
                    "The span holds " + length.ToString(CultureInfo.InvariantCulture) + " floats; positions.Length x heads x Dim = " +
                    positions.ToString(CultureInfo.InvariantCulture) + " x " + heads.ToString(CultureInfo.InvariantCulture) + " x " +
                    dim.ToString(CultureInfo.InvariantCulture) + " = " + ((decimal)positions * heads * dim).ToString(CultureInfo.InvariantCulture) +
                    " are needed, one row per position.",
                    "vectors");
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void ThrowPositionAt(int index, int position, int maxLen)
            {
                throw new ArgumentOutOfRangeException("positions", position,
                    "positions[" + index.ToString(CultureInfo.InvariantCulture) + "] = " + position.ToString(CultureInfo.InvariantCulture) +
                    " is outside [0, MaxLen) = [0, " + maxLen.ToString(CultureInfo.InvariantCulture) + ").");
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void ThrowRowCounts(int queryRows, int keyRows)
            {
                throw new ArgumentException(
                    "queries holds " + queryRows.ToString(CultureInfo.InvariantCulture) + " rows of queryHeads x Dim but keys " +
                    keyRows.ToString(CultureInfo.InvariantCulture) + " rows of keyHeads x Dim; both must hold the same rows.",
                    "keys");
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void ThrowKeysOverlap()
            {
                throw new ArgumentException("queries and keys share memory, which would be rotated twice; pass separate spans.", "keys");
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void ThrowShortFactors(int startPosition, int rows, int originalMaxLen)
            {
                throw new ArgumentOutOfRangeException("startPosition", startPosition,
                    "LongRopeFactors.Short covers positions below OriginalMaxLen = " + originalMaxLen.ToString(CultureInfo.InvariantCulture) +
                    ", but startPosition + rows = " + ((long)startPosition + rows).ToString(CultureInfo.InvariantCulture) + ".");
            }
            """);
        writer.Line();
    }

    /// <summary>A call of helper <paramref name="name"/> as a generated class writes it.</summary>
    public static string Call(string name) => SharedHelpersEmitter.ClassName + "." + name;
}
