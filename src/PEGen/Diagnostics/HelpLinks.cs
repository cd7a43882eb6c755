namespace PEGen.Diagnostics;

/// <summary>
/// Every diagnostic links to its section in docs/diagnostics.md (a wrong and a right example
/// for each rule). Tests check that the anchor exists.
/// </summary>
internal static class HelpLinks
{
    public const string Repository = "https://github.com/pegen-dotnet/PEGen";
    public const string Page = Repository + "/blob/main/docs/diagnostics.md";

    public static string For(string id) => Page + "#" + id.ToLowerInvariant();
}
