using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using PEGen.Tests.Support;

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
            var (exitCode, output) = Build(root, "-p:RunAnalyzers=false");
            Assert.True(exitCode != 0, "the build succeeded:\n" + output);
            Assert.Contains("P.cs(3,29): error PEG007:", output);
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
        string props = Path.Combine(PEGen.TestSupport.RepoPaths.Root, "src", "PEGen", "build", "PEGen.props");
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

    private static (int ExitCode, string Output) Build(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("build");
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // `dotnet test` exports its MSBuild to children; no build servers that outlive the command.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
            start.Environment.Remove(name);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in 120 s:\n" + output);
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
