using PEGen.Model;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// Builds the float table of a valid spec, row-major [MaxLen x Dim]. Called only after the
/// validator has bounded the size, so it never allocates more than the hard cap.
/// </summary>
internal static class TableBuilder
{
    /// <summary>True for the schemes this version emits a table for.</summary>
    public static bool Supports(SchemeKind scheme) => scheme is SchemeKind.Vaswani or SchemeKind.Linear;

    public static float[] Build(EncodingSpec spec) => spec.Scheme switch
    {
        SchemeKind.Vaswani => ExactSinusoid.VaswaniTable(spec.Dim, spec.MaxLen, spec.Base),
        SchemeKind.Linear => LinearTable.Build(spec.Dim, spec.MaxLen),
        _ => throw new System.NotSupportedException("No table builder for " + spec.Scheme),
    };
}
