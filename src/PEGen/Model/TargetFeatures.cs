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
internal sealed record TargetFeatures(bool HasCreateSpan, bool HasVector128, bool HasNullableDirective);
