namespace PEGen.Model;

/// <summary>The element type of generated tables and spans.</summary>
internal enum ElementType
{
    /// <summary>IEEE-754 binary32 (<c>float</c>).</summary>
    Float32,
}

/// <summary>Facts about each <see cref="ElementType"/> that do not depend on how it is spelled in C#.</summary>
internal static class ElementTypes
{
    /// <summary>What every declaration uses today (no attribute property chooses another yet).</summary>
    public const ElementType Default = ElementType.Float32;

    /// <summary>Bytes per element.</summary>
    public static int SizeOf(ElementType type) => type switch
    {
        _ => 4,
    };
}
