using PEGen.Model;

namespace PEGen.Emit;

/// <summary>The expression that views packed <c>ulong</c> table data as elements.</summary>
internal static class DataView
{
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";

    /// <param name="data">The packed data member.</param>
    /// <param name="length">The element count (a constant expression).</param>
    /// <param name="spec">The declaration (its element type).</param>
    /// <param name="features">Whether <c>MemoryMarshal.CreateReadOnlySpan</c> exists.</param>
    /// <param name="odd">Whether the count is odd (the last ulong holds one element and a zero).</param>
    public static string Of(string data, string length, EncodingSpec spec, TargetFeatures features, bool odd = true) =>
        Of(data, length, spec.Element, features, odd);

    /// <summary>The view of <paramref name="data"/> as <paramref name="element"/> values (see the other overload).</summary>
    public static string Of(string data, string length, ElementType element, TargetFeatures features, bool odd)
    {
        string t = ElementSyntax.Keyword(element);
        // CreateReadOnlySpan with the constant length is two instructions. Older targets (System.Memory)
        // only have Cast, which also reads the static readonly array form; Slice drops a padding element.
        return features.HasCreateReadOnlySpan
            ? M + ".CreateReadOnlySpan(\n    ref " + U + ".As<ulong, " + t + ">(\n        ref " + M + ".GetReference(" + data + ")),\n    " + length + ")"
            : M + ".Cast<ulong, " + t + ">(" + data + ")" + (odd ? ".Slice(0, " + length + ")" : "");
    }
}
