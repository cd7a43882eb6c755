namespace PEGen.Emit.Shared;

/// <summary>
/// The argument checks every generated method calls, written once into the shared helper class. Every
/// method validates all of its arguments before it writes anything; the throws live in non-inlined
/// methods so the hot paths stay small, and the checks are AggressiveInlining so a caller's constant
/// Dim and MaxLen fold into them.
/// </summary>
internal static class GuardHelpersEmitter
{
    public const string Rows = "Rows";
    public const string RotaryRows = "RotaryRows";
    public const string CheckPositions = "CheckPositions";
    public const string CheckDestination = "CheckDestination";
    public const string ThrowNotWholeRows = "ThrowNotWholeRows";
    public const string ThrowDestinationTooShort = "ThrowDestinationTooShort";
    public const string ThrowOverlap = "ThrowOverlap";
    public const string ThrowOutOfRange = "ThrowOutOfRange";
    /// <summary>A position argument outside [0, MaxLen); the message is built here, off the hot path.</summary>
    public const string ThrowPosition = "ThrowPosition";
    public const string ThrowTokenId = "ThrowTokenId";

    /// <summary>A call of helper <paramref name="name"/> as a generated class writes it.</summary>
    public static string Call(string name) => SharedHelpersEmitter.ClassName + "." + name;

    public static void Write(SourceWriter writer)
    {
        writer.Lines($$"""
            /// <summary>
            /// Checks that a span of <paramref name="length"/> values is whole rows of <paramref name="width"/> and that
            /// positions <paramref name="startPosition"/> onwards exist for them; returns the number of rows.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static int {{Rows}}(int length, int width, int startPosition, int maxLen, string argument)
            {
                // Span lengths are never negative: unsigned division by a constant width is a shift or a multiply.
                if ((uint)length % (uint)width != 0)
                    {{ThrowNotWholeRows}}(length, width, argument);
                int rows = (int)((uint)length / (uint)width);
                {{CheckPositions}}(rows, startPosition, maxLen, argument);
                return rows;
            }

            /// <summary>The rows of a [rows x heads x dim] span of vectors, after checking heads and positions.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static int {{RotaryRows}}(int length, int dim, int startPosition, int heads, int maxLen)
            {
                if (heads <= 0)
                    {{ThrowOutOfRange}}("heads", heads, "heads must be at least 1.");
                long width = (long)heads * dim;
                if (length % width != 0)
                    {{ThrowNotWholeRows}}(length, (int)Math.Min(width, int.MaxValue), "vectors");
                int rows = (int)(length / width);
                {{CheckPositions}}(rows, startPosition, maxLen, "vectors");
                return rows;
            }

            /// <summary>Checks that positions [startPosition, startPosition + rows) are all below maxLen.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void {{CheckPositions}}(int rows, int startPosition, int maxLen, string argument)
            {
                if ((uint)startPosition > (uint)maxLen || (startPosition == maxLen && rows != 0))
                    {{ThrowPosition}}("startPosition", startPosition, maxLen);
                if (rows > maxLen - startPosition)
                    ThrowPastMaxLen(rows, startPosition, maxLen, argument);
            }

            /// <summary>
            /// Checks the destination of an out-of-place method: at least as long as the input, and either
            /// the same memory (in place) or apart from it, never shifted against it.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void {{CheckDestination}}<T>(ReadOnlySpan<T> input, Span<T> destination)
            {
                if (destination.Length < input.Length)
                    {{ThrowDestinationTooShort}}(input.Length, destination.Length);
                if (MemoryExtensions.Overlaps(input, (ReadOnlySpan<T>)destination, out int offset) && offset != 0)
                    {{ThrowOverlap}}();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            internal static void {{ThrowNotWholeRows}}(int length, int width, string argument)
            {
                throw new ArgumentException(
                    "The span holds " + length.ToString(CultureInfo.InvariantCulture) +
                    " floats, which is not a whole number of rows of " + width.ToString(CultureInfo.InvariantCulture) + " floats.",
                    argument);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void ThrowPastMaxLen(int rows, int startPosition, int maxLen, string argument)
            {
                throw new ArgumentException(
                    rows.ToString(CultureInfo.InvariantCulture) + " rows starting at position " +
                    startPosition.ToString(CultureInfo.InvariantCulture) + " run past MaxLen = " +
                    maxLen.ToString(CultureInfo.InvariantCulture) + " positions.",
                    argument);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            internal static void {{ThrowPosition}}(string argument, int value, int maxLen)
            {
                throw new ArgumentOutOfRangeException(argument, value,
                    argument + " must be in [0, MaxLen) = [0, " + maxLen.ToString(CultureInfo.InvariantCulture) + ").");
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            internal static void {{ThrowOutOfRange}}(string argument, int value, string message)
            {
                throw new ArgumentOutOfRangeException(argument, value, message);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            internal static void {{ThrowDestinationTooShort}}(long needed, int actual)
            {
                throw new ArgumentException(
                    "The destination holds " + actual.ToString(CultureInfo.InvariantCulture) +
                    " floats; it needs at least " + needed.ToString(CultureInfo.InvariantCulture) + ".",
                    "destination");
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            internal static void {{ThrowOverlap}}()
            {
                throw new ArgumentException(
                    "The destination overlaps an input in a way that would overwrite values before they are read; use separate buffers.",
                    "destination");
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            internal static void {{ThrowTokenId}}(int index, int id, int vocabulary)
            {
                throw new ArgumentOutOfRangeException(
                    "tokenIds", id,
                    "tokenIds[" + index.ToString(CultureInfo.InvariantCulture) + "] is outside the vocabulary [0, " +
                    vocabulary.ToString(CultureInfo.InvariantCulture) + ") of tokenEmbeddings.");
            }
            """);
        writer.Line();
    }
}
