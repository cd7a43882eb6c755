using PEGen.Model;

namespace PEGen.Tests.Support;

/// <summary>
/// The one place tests build an <see cref="EncodingSpec"/>: when the record's constructor changes,
/// only <see cref="Create"/> needs editing.
/// </summary>
internal static class TestSpecs
{
    /// <summary>
    /// A spec as the validator would produce it for these arguments. The defaults are the attribute's
    /// (<see cref="EncodingArguments.DefaultBase"/>, <see cref="EncodingArguments.NoPadding"/>); name,
    /// namespace and containing types matter only to tests that compare whole specs or emit code.
    /// </summary>
    public static EncodingSpec Create(
        SchemeKind scheme,
        int dim,
        int maxLen,
        double @base = EncodingArguments.DefaultBase,
        int paddingIndex = EncodingArguments.NoPadding,
        string name = "X",
        string @namespace = "",
        EquatableArray<TypeDeclarationSpec> types = default) =>
        new(@namespace, types, name, scheme, dim, maxLen, @base, paddingIndex);
}
