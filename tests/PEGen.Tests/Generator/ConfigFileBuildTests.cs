using System;
using System.Collections.Generic;
using System.IO;
using PEGen.TestSupport;

namespace PEGen.Tests.Generator;

/// <summary>
/// Real `dotnet build`s of a consumer (PEGen.dll as analyzer, build/PEGen.props imported, as the package does):
/// a ConfigFile read through MSBuild's AdditionalFiles, and double[] factors in a CLSCompliant(true) library
/// built with warnings as errors (the CS3016 suppressor in the real compiler). About 10 s.
/// </summary>
public sealed class ConfigFileBuildTests
{
    private const string Config = """
        { "hidden_size": 4096, "num_attention_heads": 32, "rope_theta": 500000.0, "max_position_embeddings": 131072,
          "rope_scaling": { "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                            "original_max_position_embeddings": 8192, "rope_type": "llama3" } }
        """;

    private const string Source = """
        using System;
        using PEGen;

        [assembly: CLSCompliant(true)]

        namespace Lib;

        [PositionalEncoding(MaxLen = 64, Scheme = EncodingScheme.Rope, ConfigFile = "llama-3.1-8b/config.json")]
        public static partial class LlamaRotary { }

        [PositionalEncoding(Dim = 4, MaxLen = 16, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.LongRope, Factor = 2,
            OriginalMaxLen = 8, ShortFactors = new double[] { 1.0, 1.5 }, LongFactors = new[] { 2.0, 3.0 })]
        public static partial class Phi { }

        public static class Checks
        {
            // Compile-time: Dim came from the file (4096 / 32); a wrong value divides by zero (CS0020).
            public const int HeadDim = 1 / (LlamaRotary.Dim == 128 ? 1 : 0);
        }
        """;

    [Fact]
    public void ConfigFileAndDoubleArraysBuildInACLSCompliantLibraryWithWarningsAsErrors()
    {
        WithConsumer(true, root =>
        {
            var build = Dotnet.Run(root, new Dictionary<string, string?>(), "build", "-warnaserror");
            Assert.True(build.ExitCode == 0, build.Output);
        });
    }

    [Fact]
    public void WithAnalyzersOffAMissingConfigFileFailsWithPEG010()
    {
        WithConsumer(false, root =>
        {
            var build = Dotnet.Run(root, new Dictionary<string, string?>(), "build", "-p:RunAnalyzers=false");
            Assert.True(build.ExitCode != 0, "the build succeeded:\n" + build.Output);
            Assert.Contains("error PEG010: ConfigFile = \"llama-3.1-8b/config.json\" is invalid: no AdditionalFiles item ends with llama-3.1-8b/config.json", build.Output);
        });
    }

    private static void WithConsumer(bool withConfig, Action<string> build)
    {
        string root = Path.Combine(Path.GetTempPath(), "pegen-configfile-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "models", "llama-3.1-8b"));
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
            string generator = typeof(PositionalEncodingGenerator).Assembly.Location;
            string props = Path.Combine(RepoPaths.Root, "src", "PEGen", "build", "PEGen.props");
            string additional = withConfig ? @"<AdditionalFiles Include=""models\llama-3.1-8b\config.json"" />" : "";
            File.WriteAllText(Path.Combine(root, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{generator}" />
                    {additional}
                  </ItemGroup>
                  <Import Project="{props}" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(root, "models", "llama-3.1-8b", "config.json"), Config);
            File.WriteAllText(Path.Combine(root, "Lib.cs"), Source);
            build(root);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
