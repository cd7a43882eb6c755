using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PEGen.Model;

namespace PEGen.Families.Alibi;

/// <summary>The named arguments of <c>[AlibiBias]</c> as plain values (null: not set).</summary>
/// <param name="Heads">Attention heads.</param>
/// <param name="Reference">The <c>AlibiReference</c> value (possibly undefined), or null for the default Paper.</param>
/// <param name="MaxBias">MPT's <c>alibi_bias_max</c>, or null for the default 8.</param>
/// <param name="Unreadable">Properties whose value is not a readable constant (PEG010).</param>
internal sealed record AlibiArguments(int? Heads, int? Reference, double? MaxBias, EquatableArray<string> Unreadable)
{
    public const string HeadsName = "Heads";
    public const string ReferenceName = "Reference";
    public const string MaxBiasName = "MaxBias";
    public const double DefaultMaxBias = 8.0;

    /// <summary>Reads the attribute; never throws.</summary>
    public static AlibiArguments Read(AttributeData attribute)
    {
        int? heads = null, reference = null;
        double? maxBias = null;
        var unreadable = new List<string>();
        foreach (var pair in attribute.NamedArguments)
        {
            var constant = pair.Value;
            object? value = constant.Kind == TypedConstantKind.Error || constant.Kind == TypedConstantKind.Array || constant.IsNull
                ? null : constant.Value;
            switch (pair.Key)
            {
                case HeadsName:
                    heads = value is int h ? h : null;
                    if (heads is null) unreadable.Add(HeadsName);
                    break;
                case ReferenceName:
                    reference = value is int r ? r : null;
                    if (reference is null) unreadable.Add(ReferenceName);
                    break;
                case MaxBiasName:
                    maxBias = value switch { double d => d, float f => f, int i => i, long l => l, _ => null };
                    if (maxBias is null) unreadable.Add(MaxBiasName);
                    break;
            }
        }
        return new AlibiArguments(heads, reference, maxBias, new EquatableArray<string>(unreadable.ToArray()));
    }
}

/// <summary>Whose slopes (mirrors the embedded <c>PEGen.AlibiReference</c>).</summary>
internal enum AlibiReferenceKind
{
    Paper = 0,
    Bloom = 1,
    Mpt = 2,
}

/// <summary>What the emitter needs for one valid <c>[AlibiBias]</c> class: plain values only.</summary>
/// <param name="Namespace">The containing namespace, or empty.</param>
/// <param name="Types">Containing classes, outermost first, the annotated class last.</param>
/// <param name="MetadataName">The class's metadata name (hint names).</param>
/// <param name="Heads">Attention heads.</param>
/// <param name="Reference">Whose slopes.</param>
/// <param name="MaxBias">MPT's alibi_bias_max (8 unless set).</param>
/// <param name="Slopes">The float32 slopes, computed when the spec is made.</param>
internal sealed record AlibiSpec(
    string Namespace,
    EquatableArray<TypeDeclarationSpec> Types,
    string MetadataName,
    int Heads,
    AlibiReferenceKind Reference,
    double MaxBias,
    EquatableArray<float> Slopes)
{
    public TypeDeclarationSpec Class => Types[Types.Count - 1];
}
