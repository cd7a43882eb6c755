using System;
using System.Collections.Generic;

namespace PEGen.Parsing.Config;

/// <summary>
/// Which additional files a <c>ConfigFile</c> names: those whose path ends with it on a path-separator
/// boundary (<c>"config.json"</c> matches <c>/repo/models/llama/config.json</c>, not <c>myconfig.json</c>).
/// <c>\</c> and <c>/</c> are the same separator and case is ignored, so a project gives the same answer on
/// every operating system.
/// </summary>
internal static class ConfigFileMatch
{
    /// <summary>The name as compared: separators as '/', no leading "./", no doubled or trailing separators.</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            parts.Add(part);
        }
        string joined = string.Join("/", parts);
        return path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) ? "/" + joined : joined;
    }

    /// <summary>Whether the additional file at <paramref name="path"/> is named by <paramref name="configFile"/>.</summary>
    public static bool Matches(string configFile, string path)
    {
        string name = Normalize(configFile);
        if (name.Length == 0 || name == "/") return false;
        string file = Normalize(path);
        if (name[0] == '/') return string.Equals(name, file, StringComparison.OrdinalIgnoreCase);
        if (file.Length < name.Length || !file.EndsWith(name, StringComparison.OrdinalIgnoreCase)) return false;
        return file.Length == name.Length || file[file.Length - name.Length - 1] == '/';
    }

    /// <summary>Whether any of <paramref name="configFiles"/> names the file at <paramref name="path"/>.</summary>
    public static bool MatchesAny(IEnumerable<string> configFiles, string path)
    {
        foreach (var name in configFiles)
        {
            if (Matches(name, path)) return true;
        }
        return false;
    }
}
