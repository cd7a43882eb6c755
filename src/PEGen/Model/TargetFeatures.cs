namespace PEGen.Model;

/// <summary>How constant table data is stored in the consumer's assembly.</summary>
internal enum DataForm
{
    /// <summary>
    /// <c>ReadOnlySpan&lt;T&gt; P =&gt; new T[] {...}</c>: the compiler stores the array as RVA data and
    /// reads it through <c>RuntimeHelpers.CreateSpan</c>, with no allocation and no copy.
    /// </summary>
    RvaSpan,

    /// <summary>A <c>static readonly</c> array, filled once when the class is first used.</summary>
    StaticArray,
}

/// <summary>
/// What the consumer's target framework and language version offer; the emitter picks the fastest
/// form they allow.
/// </summary>
/// <param name="HasCreateSpan">
/// <c>RuntimeHelpers.CreateSpan</c> exists (net7.0+): array initializers converted to
/// <c>ReadOnlySpan&lt;T&gt;</c> become RVA data with no allocation and no copy.
/// </param>
/// <param name="HasVector128">The cross-platform <c>Vector128</c>/<c>Vector256</c> APIs (net8.0+).</param>
/// <param name="HasNullableDirective">C# 8 or later: the table file can say <c>#nullable disable</c>.</param>
/// <param name="HasNativeIntegers">C# 9 or later: offsets can be native integers; before, 32-bit (C# 7.3 of netstandard2.0 projects).</param>
/// <param name="HasVector512">The <c>Vector512</c> APIs (net8.0+), used where the CPU has AVX-512.</param>
/// <param name="HasCreateReadOnlySpan"><c>MemoryMarshal.CreateReadOnlySpan</c> exists (not in System.Memory for netstandard2.0).</param>
internal sealed record TargetFeatures(
    bool HasCreateSpan,
    bool HasVector128,
    bool HasNullableDirective,
    bool HasNativeIntegers,
    bool HasVector512,
    bool HasCreateReadOnlySpan)
{
    /// <summary>How tables are stored for this target.</summary>
    public DataForm DataForm => HasCreateSpan ? DataForm.RvaSpan : DataForm.StaticArray;
}
