using PEGen.Schemes;

namespace PEGen.Model;

/// <summary>
/// Everything the emitter needs for one annotated class: plain, value-equatable data with no
/// symbols, syntax nodes or locations, so the incremental pipeline can cache it.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Types">Containing classes from outermost to the annotated class itself (last).</param>
/// <param name="MetadataName">Fully qualified metadata name, unique per class; used for the hint name.</param>
/// <param name="Scheme">The encoding scheme.</param>
/// <param name="Dim">Values per position (rotary: per head).</param>
/// <param name="MaxLen">Number of positions (rows).</param>
/// <param name="Base">Maximum timescale (sinusoidal) or theta (rotary).</param>
/// <param name="PaddingIndex">The zeroed row (schemes with a padding row), or -1.</param>
/// <param name="Element">The element type of the tables and spans.</param>
internal sealed record EncodingSpec(
    string Namespace,
    EquatableArray<TypeDeclarationSpec> Types,
    string MetadataName,
    SchemeKind Scheme,
    int Dim,
    int MaxLen,
    double Base,
    int PaddingIndex,
    ElementType Element = ElementTypes.Default)
{
    public TypeDeclarationSpec Class => Types[Types.Count - 1];

    /// <summary>Rotary schemes: the resolved scaling and partial-rotary parameters (null for the plain rotary and other families).</summary>
    public RotarySpec? RotaryParameters { get; init; }

    /// <summary>The rotary parameters, the plain full-width rotary when none were given.</summary>
    public RotarySpec Rotary => RotaryParameters ?? RotarySpec.Plain(Dim);

    /// <summary>How the table is stored (Full unless Compact was asked for and the scheme has a table to compact).</summary>
    public TableStorageKind Storage { get; init; }

    /// <summary>Whether the methods compute rows from compact angle factors instead of reading a full table.</summary>
    public bool IsCompact => Storage == TableStorageKind.Compact;

    /// <summary>The scheme's definition: family, layout, rules, texts and tables.</summary>
    public SchemeDefinition Definition => SchemeCatalog.Get(Scheme);

    public SchemeFamily Family => Definition.Family;

    /// <summary>The constant data this declaration generates.</summary>
    public TableShape Shape => IsCompact ? Schemes.Compact.CompactShape.Of(this) : Definition.Shape(Dim, MaxLen, RotaryParameters);
}
