using PEGen.Model;

namespace PEGen.Families.Grid2D;

/// <summary>
/// A valid <c>[PositionalEncoding2D]</c> declaration as the emitters need it: where the members go and the grid's
/// parameters. Plain values only, so an unrelated edit leaves the pipeline cached.
/// </summary>
internal sealed record Grid2DSpec(
    string Namespace,
    EquatableArray<TypeDeclarationSpec> Types,
    string MetadataName,
    int Dim,
    int GridHeight,
    int GridWidth,
    int ExtraTokens,
    double BaseSize,
    double InterpolationScale,
    double Base,
    bool IsCompact)
{
    /// <summary>Table rows: the extra tokens, then the patches row by row.</summary>
    public int Rows => ExtraTokens + GridHeight * GridWidth;

    /// <summary>Values of one 1-D factor row: sin and cos of one coordinate.</summary>
    public int Half => Dim / 2;

    /// <summary>The annotated class (the last of <see cref="Types"/>).</summary>
    public TypeDeclarationSpec Class => Types[Types.Count - 1];

    /// <summary>Floats of constant data: the whole grid (Full) or the two factor tables (Compact).</summary>
    public long DataElements => IsCompact ? (long)(GridHeight + GridWidth) * Half : (long)Rows * Dim;
}
