using PEGen.Model;

namespace PEGen.Emit;

/// <summary>The C# a target's features allow, for the emitters.</summary>
internal static class TargetSyntax
{
    private const string MethodImpl = "global::System.Runtime.CompilerServices.MethodImpl";
    private const string Options = "global::System.Runtime.CompilerServices.MethodImplOptions";

    /// <summary>
    /// Attribute lines for the public entry points on net8.0+: AggressiveOptimization skips tier-0 code,
    /// so the first call (the decode step that matters) already runs the optimised loop instead of an
    /// unoptimised one replaced mid-loop by on-stack replacement. Empty elsewhere.
    /// </summary>
    public static string EntryPointAttribute(this TargetFeatures features) =>
        features.HasVector128 ? "[" + MethodImpl + "(" + Options + ".AggressiveOptimization)]" : "";

    /// <summary><c>[MethodImpl(AggressiveInlining)]</c>, fully qualified.</summary>
    public const string AggressiveInlining = "[" + MethodImpl + "(" + Options + ".AggressiveInlining)]";

    /// <summary>Vector widths to emit, widest first: (type name, lanes of 4-byte elements).</summary>
    public static (string Name, int Lanes)[] VectorWidths(this TargetFeatures features) => !features.HasVector128
        ? new (string, int)[0]
        : features.HasVector512
            ? new[] { ("Vector512", 16), ("Vector256", 8), ("Vector128", 4) }
            : new[] { ("Vector256", 8), ("Vector128", 4) };

    /// <summary>The signed offset type for <c>Unsafe.Add</c>.</summary>
    public static string NInt(this TargetFeatures features) => features.HasNativeIntegers ? "nint" : "int";

    /// <summary>The unsigned index type of the kernels.</summary>
    public static string NUInt(this TargetFeatures features) => features.HasNativeIntegers ? "nuint" : "int";
}
