using System;
using System.IO;

namespace PEGen.TestSupport;

/// <summary>Locates the repository (the folder holding PEGen.sln) and the folders the tests read.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the running assembly that holds PEGen.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary><c>tests/golden</c>: the reference tables kept in the repository.</summary>
    public static string Golden => Path.Combine(Root, "tests", "golden");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PEGen.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PEGen.sln not found above " + AppContext.BaseDirectory);
    }
}
