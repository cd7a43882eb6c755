using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PEGen.IntegrationTests;

/// <summary>One reference table of ../shared/golden (see its README for the format).</summary>
internal sealed class GoldenTable
{
    public required int[] Rows { get; init; }
    public required uint[][] Values { get; init; }

    public static GoldenTable Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, name + ".json")));
        var root = document.RootElement;
        return new GoldenTable
        {
            Rows = root.GetProperty("rows").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            Values = root.GetProperty("values").EnumerateArray()
                .Select(row => row.EnumerateArray().Select(v => Convert.ToUInt32(v.GetString(), 16)).ToArray())
                .ToArray(),
        };
    }

    /// <summary><c>../shared/golden</c> beside the repository that holds PEGen.sln.</summary>
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PEGen.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "golden"));
            }
            throw new InvalidOperationException("PEGen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
