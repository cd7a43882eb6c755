namespace PEGen.Emit;

/// <summary>
/// Argument checks shared by the generated methods. Every method validates all of its arguments
/// before it writes anything, and the throws live in separate non-inlined methods so the hot
/// paths stay small. All helpers carry the <c>__PEGen_</c> prefix so they cannot clash with user members.
/// </summary>
internal static class GuardEmitter
{
    public const string Rows = "__PEGen_Rows";
    public const string CheckPositions = "__PEGen_CheckPositions";
    public const string ThrowNotWholeRows = "__PEGen_ThrowNotWholeRows";
    public const string ThrowDestinationTooShort = "__PEGen_ThrowDestinationTooShort";
    public const string ThrowOverlap = "__PEGen_ThrowOverlap";
    public const string ThrowOutOfRange = "__PEGen_ThrowOutOfRange";
    /// <summary>A position argument outside [0, MaxLen); the message is built here, off the hot path.</summary>
    public const string ThrowPosition = "__PEGen_ThrowPosition";

    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
    private const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    public static void Write(SourceWriter writer)
    {
        writer.Lines($$"""
            /// <summary>
            /// Checks that a span of <paramref name="length"/> floats is whole rows of <see cref="Dim"/> and that
            /// positions <paramref name="startPosition"/> onwards exist for them; returns the number of rows.
            /// </summary>
            private static int {{Rows}}(int length, int startPosition, string argument)
            {
                // Span lengths are never negative: unsigned division by the constant is a single shift or multiply.
                if ((uint)length % Dim != 0)
                    {{ThrowNotWholeRows}}(length, Dim, argument);
                int rows = (int)((uint)length / Dim);
                {{CheckPositions}}(rows, startPosition, argument);
                return rows;
            }

            /// <summary>Checks that positions [startPosition, startPosition + rows) are all below MaxLen.</summary>
            private static void {{CheckPositions}}(int rows, int startPosition, string argument)
            {
                if ((uint)startPosition > (uint)MaxLen || (startPosition == MaxLen && rows != 0))
                    {{ThrowPosition}}("startPosition", startPosition);
                if (rows > MaxLen - startPosition)
                    __PEGen_ThrowPastMaxLen(rows, startPosition, argument);
            }

            {{NoInlining}}
            private static void {{ThrowNotWholeRows}}(int length, int width, string argument)
            {
                throw new global::System.ArgumentException(
                    "The span holds " + length.ToString({{Invariant}}) + " floats, which is not a whole number of rows of " +
                    width.ToString({{Invariant}}) + " floats.",
                    argument);
            }

            {{NoInlining}}
            private static void __PEGen_ThrowPastMaxLen(int rows, int startPosition, string argument)
            {
                throw new global::System.ArgumentException(
                    rows.ToString({{Invariant}}) + " rows starting at position " + startPosition.ToString({{Invariant}}) +
                    " run past MaxLen = " + MaxLen.ToString({{Invariant}}) + " positions.",
                    argument);
            }

            {{NoInlining}}
            private static void {{ThrowPosition}}(string argument, int value)
            {
                throw new global::System.ArgumentOutOfRangeException(argument, value,
                    argument + " must be in [0, MaxLen) = [0, " + MaxLen.ToString({{Invariant}}) + ").");
            }

            {{NoInlining}}
            private static void {{ThrowOutOfRange}}(string argument, int value, string message)
            {
                throw new global::System.ArgumentOutOfRangeException(argument, value, message);
            }

            {{NoInlining}}
            private static void {{ThrowDestinationTooShort}}(long needed, int actual)
            {
                throw new global::System.ArgumentException(
                    "The destination holds " + actual.ToString({{Invariant}}) + " floats; it needs at least " + needed.ToString({{Invariant}}) + ".",
                    "destination");
            }

            {{NoInlining}}
            private static void {{ThrowOverlap}}()
            {
                throw new global::System.ArgumentException(
                    "The destination overlaps an input in a way that would overwrite values before they are read; use separate buffers.",
                    "destination");
            }
            """);
        writer.Line();
    }
}
