using System;
using System.Collections.Generic;
using System.IO;
using PEGen.TestSupport;

namespace PEGen.Tests.Generator;

/// <summary>
/// A real `dotnet build -p:RunAnalyzers=false` of a tiny consumer (PEGen.dll as an analyzer and
/// build/PEGen.props imported, as the package does): the PEG007 declaration must fail the build
/// with PEG007, not only with the CS0117 it would cause. About 5 s.
/// </summary>
public sealed class AnalyzersOffBuildTests
{
    [Fact]
    public void BuildWithoutAnalyzersFailsWithPEG007()
    {
        string root = Path.Combine(Path.GetTempPath(), "pegen-analyzers-off-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            WriteConsumer(root);
            var build = Dotnet.Run(root, new Dictionary<string, string?>(), "build", "-p:RunAnalyzers=false");
            Assert.True(build.ExitCode != 0, "the build succeeded:\n" + build.Output);
            Assert.Contains("P.cs(3,29): error PEG007:", build.Output);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void WriteConsumer(string root)
    {
        Directory.CreateDirectory(root);
        // Nothing of the repository applies, and restore needs no feed (no packages).
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
        string generator = typeof(PositionalEncodingGenerator).Assembly.Location;
        string props = Path.Combine(RepoPaths.Root, "src", "PEGen", "build", "PEGen.props");
        File.WriteAllText(Path.Combine(root, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{generator}" />
              </ItemGroup>
              <Import Project="{props}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "P.cs"), """
            using PEGen;
            [PositionalEncoding(Dim = 65536, MaxLen = 65536)]
            public static partial class Huge { }
            public static class Use { public static int M() => Huge.Dim; }
            """);
    }
}
