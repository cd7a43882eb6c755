using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PEGen.TestSupport;

namespace PEGen.PackageTests;

/// <summary>
/// Packs PEGen once into a temporary folder feed, then plays a user: a new console project in a
/// folder outside the repository (empty Directory.Build.* so nothing of the repository applies),
/// a nuget.config with the feed and nuget.org, `dotnet add package PEGen`, a warnings-as-errors
/// build, a run, and a build with a tiny PEGenMaxTableBytes. Every step's result is kept for the
/// tests to examine. The package cache is a fresh folder, so a cached PEGen never masks a change.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pegen-package-" + Guid.NewGuid().ToString("N")[..12]);
    public string Feed => Path.Combine(Root, "feed");
    public string Consumer => Path.Combine(Root, "consumer");
    public string Packages => Path.Combine(Root, "packages");

    public string PackagePath { get; }
    public string Version { get; }
    public Dotnet.Result Pack { get; }
    public Dotnet.Result? AddPackage { get; }
    public Dotnet.Result? Build { get; }
    public Dotnet.Result? Execute { get; }
    public Dotnet.Result? BuildWithBudget { get; }

    public PackageFixture()
    {
        Directory.CreateDirectory(Feed);
        var none = new Dictionary<string, string?>();

        // Its own artifacts folder: a build from the current sources that touches nothing in the
        // working tree (another build may be running there).
        Pack = Dotnet.Run(RepoPaths.Root, none,
            "pack", Path.Combine(RepoPaths.Root, "src", "PEGen", "PEGen.csproj"),
            "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(Root, "artifacts"));
        PackagePath = Directory.GetFiles(Feed, "PEGen.*.nupkg").SingleOrDefault() ?? "";
        Version = PackagePath.Length == 0 ? "" : Path.GetFileNameWithoutExtension(PackagePath)["PEGen.".Length..];
        if (Pack.ExitCode != 0 || PackagePath.Length == 0) return;

        WriteConsumer();
        var user = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Packages };
        AddPackage = Dotnet.Run(Consumer, user, "add", "package", "PEGen", "--version", Version);
        if (AddPackage.ExitCode != 0) return;
        Build = Dotnet.Run(Consumer, user, "build", "-c", "Release", "-p:TreatWarningsAsErrors=true");
        if (Build.ExitCode != 0) return;
        Execute = Dotnet.Run(Consumer, user, "run", "-c", "Release", "--no-build");
        BuildWithBudget = Dotnet.Run(Consumer, user, "build", "-c", "Release", "-p:TreatWarningsAsErrors=true",
            "-p:PEGenMaxTableBytes=1000", "-p:OutDir=" + Path.Combine(Root, "budget-out") + "/");
    }

    private void WriteConsumer()
    {
        Directory.CreateDirectory(Consumer);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="PEGen" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="model/config.json" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(Consumer, "model"));
        File.WriteAllText(Path.Combine(Consumer, "model", "config.json"), """
            { "hidden_size": 64, "num_attention_heads": 4, "max_position_embeddings": 32, "rope_theta": 500000.0,
              "rope_scaling": { "rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                                "original_max_position_embeddings": 16 } }
            """);
        File.WriteAllText(Path.Combine(Consumer, "Program.cs"), """
            using PEGen;

            // A CLS-compliant library with double[] attribute arguments: PEGen's suppressor keeps CS3016 away.
            [assembly: System.CLSCompliant(true)]

            float sin1 = Positions.Table[1 * Positions.Dim + 0];
            Console.WriteLine($"Dim={Positions.Dim} MaxLen={Positions.MaxLen} Table.Length={Positions.Table.Length}");
            Console.WriteLine($"row1col0=0x{BitConverter.SingleToUInt32Bits(sin1):X8}");

            Span<float> embeddings = new float[3 * Positions.Dim];
            Positions.AddTo(embeddings, startPosition: 2);
            Console.WriteLine($"AddTo={embeddings[Positions.Dim] == Positions.Row(3)[0]}");

            Span<float> q = new float[Rotary.Dim];
            q.Fill(1f);
            Rotary.Rotate(q, startPosition: 1);
            Console.WriteLine($"Rotate={q[0] == Rotary.Cos[Rotary.Dim / 2] - Rotary.Sin[Rotary.Dim / 2]}");
            Console.WriteLine($"Padding={Nllb.Row(1).ToArray().All(v => v == 0f)}");
            Console.WriteLine($"Config={FromConfig.Dim} {FromConfig.MaxLen} {FromConfig.InverseFrequencies.Length}");
            Span<float> k = new float[2 * Phi.Dim];
            k.Fill(1f);
            Phi.Rotate(k, startPosition: 7);
            Console.WriteLine($"LongRope={Phi.ShortCos.Length} {Phi.Cos.Length} {k[0] == Phi.Cos[7 * 2] - Phi.Sin[7 * 2]}");

            [PositionalEncoding(Dim = 512, MaxLen = 8)]
            public static partial class Positions { }

            [PositionalEncoding(Dim = 8, MaxLen = 4, Scheme = EncodingScheme.Rope)]
            internal static partial class Rotary { }

            [PositionalEncoding(Scheme = EncodingScheme.Rope, ConfigFile = "config.json")]
            internal static partial class FromConfig { }

            [PositionalEncoding(Dim = 8, MaxLen = 16, Scheme = EncodingScheme.Rope, RotaryDim = 4, Scaling = RopeScaling.LongRope,
                Factor = 2, OriginalMaxLen = 8, ShortFactors = new[] { 1.0, 1.5 }, LongFactors = new[] { 2.0, 3.0 })]
            public static partial class Phi { }

            namespace Models
            {
                [PositionalEncoding(Dim = 16, MaxLen = 6, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)]
                internal partial class NllbPositions { }
            }
            """.Replace("Nllb.Row", "Models.NllbPositions.Row"));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
