namespace PEGen.Model;

/// <summary>
/// What the consumer's target framework offers; the emitter picks the fastest form it allows.
/// </summary>
/// <param name="HasCreateSpan">
/// <c>RuntimeHelpers.CreateSpan</c> exists (net7.0+): array initializers converted to
/// <c>ReadOnlySpan&lt;T&gt;</c> become RVA data with no allocation and no copy.
/// </param>
/// <param name="HasVector128">The cross-platform <c>Vector128</c>/<c>Vector256</c> APIs (net8.0+).</param>
/// <param name="HasNullableDirective">C# 8 or later: the table file can say <c>#nullable disable</c>.</param>
/// <param name="HasNativeIntegers">C# 9 or later: offsets are <c>nint</c>/<c>nuint</c>; before, <c>int</c> (C# 7.3 of netstandard2.0 projects).</param>
/// <param name="HasVector512">The <c>Vector512</c> APIs (net8.0+), used where the CPU has AVX-512.</param>
internal sealed record TargetFeatures(bool HasCreateSpan, bool HasVector128, bool HasNullableDirective, bool HasNativeIntegers, bool HasVector512)
{
    /// <summary>
    /// Attributes for the public entry points on net8.0+: AggressiveOptimization skips tier-0 code,
    /// so the first call (the decode step that matters) already runs the optimised loop instead
    /// of an unoptimised one replaced mid-loop by on-stack replacement.
    /// </summary>
    public string EntryPointAttribute => HasVector128
        ? "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]"
        : "";

    /// <summary>Vector widths to emit, widest first: (type name, floats per vector).</summary>
    public (string Name, int Lanes)[] VectorWidths => !HasVector128
        ? new (string, int)[0]
        : HasVector512
            ? new[] { ("Vector512", 16), ("Vector256", 8), ("Vector128", 4) }
            : new[] { ("Vector256", 8), ("Vector128", 4) };

    /// <summary>The signed offset type for <c>Unsafe.Add</c>.</summary>
    public string NInt => HasNativeIntegers ? "nint" : "int";

    /// <summary>The unsigned index type of the kernels.</summary>
    public string NUInt => HasNativeIntegers ? "nuint" : "int";
}
