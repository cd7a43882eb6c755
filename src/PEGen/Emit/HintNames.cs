using System.Text;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary>Unique, file-system-safe hint names derived from the class's metadata name.</summary>
internal static class HintNames
{
    public static string For(EncodingSpec spec, string part) => For(spec.MetadataName, part);

    /// <summary>The hint name of one part of the class named <paramref name="metadataName"/> (any family).</summary>
    public static string For(string metadataName, string part) => Sanitize(metadataName) + "." + part + ".g.cs";

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
            builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '+' ? c : '_');
        return builder.ToString();
    }
}
