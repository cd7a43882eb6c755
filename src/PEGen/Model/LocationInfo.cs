using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PEGen.Model;

/// <summary>
/// A source location as plain values, so pipeline models that carry one stay value-equatable and
/// hold no syntax tree (a <see cref="Location"/> keeps its tree, and with it the old compilation, alive).
/// </summary>
/// <param name="FilePath">The file, as the syntax tree names it.</param>
/// <param name="Span">The character span in the file.</param>
/// <param name="LineSpan">The same span as lines and columns.</param>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The values of a source location, or null for a location outside source.</summary>
    public static LocationInfo? From(Location location)
    {
        if (location.SourceTree is not { } tree) return null;
        return new LocationInfo(tree.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
    }

    /// <summary>An external-file location with the same path, span and lines (the compiler prints it as path(line,col)).</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
