using PEGen.Model;

namespace PEGen.Emit;

/// <summary>How each <see cref="ElementType"/> is spelled in generated C#.</summary>
internal static class ElementSyntax
{
    /// <summary>The C# keyword (<c>float</c>).</summary>
    public static string Keyword(ElementType type) => type switch
    {
        _ => "float",
    };
}
