using PEGen.Model;

namespace PEGen.Emit.Rotary;

/// <summary>
/// Where a rotary kernel reads a row's cos/sin, in one place for the rows methods and the stream kernel: Full's tables
/// (<c>cosTable</c>/<c>sinTable</c> at <c>angles</c>), or for Compact storage stack rows that a block of positions is
/// computed into first and that are then read exactly as Full's table rows would be.
/// </summary>
internal static class RotaryRowSource
{
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>
    /// Declares <c>cosTable</c> and <c>sinTable</c> (Compact: and their stack rows, <c>Block</c> rows of a call of
    /// <c>rows</c> positions, or one row for a positions list).
    /// </summary>
    public static string Declare(EncodingSpec spec, string type, bool consecutive)
    {
        if (!spec.IsCompact)
        {
            return "ref " + type + " cosTable = ref " + M + ".GetReference(" + LongRopeSwitch.Cos(spec) + ");\n" +
                   "ref " + type + " sinTable = ref " + M + ".GetReference(" + LongRopeSwitch.Sin(spec) + ");";
        }
        // The cos/sin of a block of rows (consecutive positions) or of one row (a positions list) are computed into
        // these, then read as Full's table rows would be.
        int block = consecutive ? Compact.CompactEmitter.RowsPerBlock(spec.Rotary.RotaryDim / 2) : 1;
        return Compact.CompactEmitter.BlockBuffers(type, block, "rows", "Half", "cosRow", "sinRow") + "\n" +
               "ref " + type + " cosTable = ref " + M + ".GetReference(cosRow);\n" +
               "ref " + type + " sinTable = ref " + M + ".GetReference(sinRow);";
    }

    /// <summary>
    /// Declares <c>angles</c>, where row r's cos/sin start in <c>cosTable</c>/<c>sinTable</c>, for the row at
    /// <paramref name="position"/> (Compact: computing its block first when it starts one).
    /// </summary>
    public static string Angles(EncodingSpec spec, string position, bool consecutive, string nint)
    {
        if (!spec.IsCompact)
            return nint + " angles = (" + nint + ")" + (position.Contains(" + ") ? "(" + position + ")" : position) + " * Half;";
        string rows = Compact.CompactEmitter.CosSinRows;
        if (!consecutive)
            return rows + "(" + position + ", 1, cosRow, sinRow" + LongRopeSwitch.Argument(spec) + ");\n" + nint + " angles = 0;";
        return "if (r % Block == 0)\n" +
               "    " + rows + "(" + position + ", global::System.Math.Min(Block, rows - r), cosRow, sinRow" + LongRopeSwitch.Argument(spec) + ");\n" +
               nint + " angles = (" + nint + ")(r % Block) * Half;";
    }
}
