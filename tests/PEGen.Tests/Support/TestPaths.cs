using System;
using System.IO;

namespace PEGen.Tests.Support;

/// <summary>Locates the repository and the shared reference tables beside it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

    /// <summary>The folder holding PEGen.sln.</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary><c>../shared/golden</c> next to the repository (CI lays it there too).</summary>
    public static string Golden => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "golden"));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PEGen.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PEGen.sln not found above " + AppContext.BaseDirectory);
    }
}
