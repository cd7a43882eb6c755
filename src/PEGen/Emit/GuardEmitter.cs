namespace PEGen.Emit;

/// <summary>
/// Argument checks shared by the generated methods. Every method validates all of its arguments
/// before it writes anything, and the throws live in separate non-inlined methods so the hot
/// paths stay small.
/// </summary>
internal static class GuardEmitter
{
    /// <summary>Names of the generated private helpers; all carry the <c>__PEGen_</c> prefix so they cannot clash with user members.</summary>
    public const string Rows = "__PEGen_Rows";
    public const string ThrowDestinationTooShort = "__PEGen_ThrowDestinationTooShort";
    public const string ThrowOverlap = "__PEGen_ThrowOverlap";

    public static void Write(SourceWriter writer)
    {
        writer.Lines($$"""
            /// <summary>
            /// Checks that a span of <paramref name="length"/> floats is whole rows of <see cref="Dim"/> and that
            /// positions <paramref name="startPosition"/> onwards exist; returns the number of rows.
            /// </summary>
            private static int {{Rows}}(int length, int startPosition, string argument)
            {
                if (length % Dim != 0)
                    __PEGen_ThrowNotWholeRows(length, argument);
                int rows = length / Dim;
                if ((uint)startPosition > (uint)MaxLen || (startPosition == MaxLen && rows != 0))
                    __PEGen_ThrowStartPosition(startPosition);
                if (rows > MaxLen - startPosition)
                    __PEGen_ThrowPastMaxLen(rows, startPosition, argument);
                return rows;
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void __PEGen_ThrowNotWholeRows(int length, string argument)
            {
                throw new global::System.ArgumentException(
                    "The span holds " + length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) +
                    " floats, which is not a whole number of rows of Dim = " + Dim.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " floats.",
                    argument);
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void __PEGen_ThrowStartPosition(int startPosition)
            {
                throw new global::System.ArgumentOutOfRangeException(
                    "startPosition", startPosition,
                    "The start position must be in [0, MaxLen) = [0, " + MaxLen.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ").");
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void __PEGen_ThrowPastMaxLen(int rows, int startPosition, string argument)
            {
                throw new global::System.ArgumentException(
                    rows.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " rows starting at position " +
                    startPosition.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " run past MaxLen = " +
                    MaxLen.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " positions.",
                    argument);
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void {{ThrowDestinationTooShort}}(int needed, int actual)
            {
                throw new global::System.ArgumentException(
                    "The destination holds " + actual.ToString(global::System.Globalization.CultureInfo.InvariantCulture) +
                    " floats; it needs at least " + needed.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".",
                    "destination");
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void {{ThrowOverlap}}()
            {
                throw new global::System.ArgumentException(
                    "The destination overlaps the input at a different offset; use the in-place method or separate buffers.",
                    "destination");
            }
            """);
        writer.Line();
    }
}
