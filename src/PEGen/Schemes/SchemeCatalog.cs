using System;
using System.Linq;
using PEGen.Model;

namespace PEGen.Schemes;

/// <summary>
/// Every <see cref="SchemeDefinition"/> of this assembly, found by reflection once, indexed by kind.
/// Adding a scheme is adding its enum member and its definition file; nothing here changes.
/// </summary>
internal static class SchemeCatalog
{
    private static readonly SchemeDefinition?[] s_byKind = Load();

    /// <summary>The definition of a kind (every member of <see cref="SchemeKind"/> has one; a test proves it).</summary>
    public static SchemeDefinition Get(SchemeKind kind) =>
        (int)kind >= 0 && (int)kind < s_byKind.Length && s_byKind[(int)kind] is { } definition
            ? definition
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "no scheme definition");

    /// <summary>Whether a kind has a definition (validation asks before <see cref="Get"/>).</summary>
    public static bool Has(SchemeKind kind) => (int)kind >= 0 && (int)kind < s_byKind.Length && s_byKind[(int)kind] is not null;

    private static SchemeDefinition?[] Load()
    {
        var definitions = typeof(SchemeDefinition).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(SchemeDefinition).IsAssignableFrom(t))
            .Select(t => (SchemeDefinition)Activator.CreateInstance(t)!)
            .ToArray();
        int size = Enum.GetValues(typeof(SchemeKind)).Cast<int>().Max() + 1;
        var byKind = new SchemeDefinition?[size];
        foreach (var definition in definitions)
        {
            int index = (int)definition.Kind;
            if (byKind[index] is not null)
                throw new InvalidOperationException("Two definitions for " + definition.Kind);
            byKind[index] = definition;
        }
        return byKind;
    }
}
