using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.IntegrationTests;

/// <summary>
/// Issue 6 at run time and at build time. PEGen.GuardPages runs in child processes, one per vector
/// path, because DOTNET_EnableAVX2 / DOTNET_EnableHWIntrinsic act only at runtime start; a read or
/// write past a guarded span kills the child (SIGSEGV), which shows here as its exit code.
/// </summary>
public sealed class ReliabilityTests
{
    private readonly ITestOutputHelper _output;

    public ReliabilityTests(ITestOutputHelper output) => _output = output;

    private static (int ExitCode, string Output) RunGuardPages(string? disabled, params string[] args)
    {
        string exe = Path.Combine(AppContext.BaseDirectory, "PEGen.GuardPages.dll");
        Assert.True(File.Exists(exe), exe);
        var start = new ProcessStartInfo("dotnet", new[] { exe }.Concat(args))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (disabled is not null) start.Environment[disabled] = "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "PEGen.GuardPages timed out");
        return (process.ExitCode, output + stderr.Result);
    }

    [Fact]
    public void TheGuardPagesCatchAReadPastTheEnd()
    {
        if (!OperatingSystem.IsLinux())
        {
            _output.WriteLine("SKIPPED: guard pages use mmap/mprotect and run on Linux only");
            return;
        }
        var (exitCode, output) = RunGuardPages(null, "selftest");
        Assert.True(exitCode != 0, "reading past a guarded span did not crash the child:\n" + output);
        Assert.DoesNotContain("SELFTEST FAILED", output);
    }

    [Theory]
    [InlineData(null, "Vector256.IsHardwareAccelerated=True")]
    [InlineData("DOTNET_EnableAVX512", "Vector256.IsHardwareAccelerated=True")]
    [InlineData("DOTNET_EnableAVX2", "Vector256.IsHardwareAccelerated=False Vector128.IsHardwareAccelerated=True")]
    [InlineData("DOTNET_EnableHWIntrinsic", "Vector256.IsHardwareAccelerated=False Vector128.IsHardwareAccelerated=False")]
    public void EveryMethodStaysInBoundsRejectsWithoutWritingAndIsThreadSafe(string? disabled, string expectedPath)
    {
        // guard (Linux only; the child says SKIP elsewhere), nowrite and threads, in one child per path.
        var (exitCode, output) = RunGuardPages(disabled, "all");
        _output.WriteLine(output);
        Assert.True(exitCode == 0, $"PEGen.GuardPages exited with {exitCode} (a crash is an out-of-bounds access):\n{output}");
        if (!System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && disabled is null or "DOTNET_EnableAVX512")
            expectedPath = "Vector256.IsHardwareAccelerated=False";
        Assert.Contains(expectedPath, output);
        Assert.Contains(" 0 failed", output);
        if (OperatingSystem.IsLinux()) Assert.DoesNotContain("SKIP guard", output);
    }

    private const string ConsumerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <Deterministic>true</Deterministic>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            <UseSharedCompilation>false</UseSharedCompilation>
          </PropertyGroup>
          <ItemGroup>
            <Analyzer Include="$(PEGenAnalyzer)" />
          </ItemGroup>
        </Project>
        """;

    private const string ConsumerSource = """
        using PEGen;
        namespace Parallel.Consumer;
        [PositionalEncoding(Dim = 64, MaxLen = 256)] public static partial class Exact { }
        [PositionalEncoding(Dim = 30, MaxLen = 100, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)] public static partial class Fair { }
        [PositionalEncoding(Dim = 32, MaxLen = 128, Scheme = EncodingScheme.Rope, Base = 500000)] public static partial class Rotary { }
        [PositionalEncoding(Dim = 20, MaxLen = 64, Scheme = EncodingScheme.AnnotatedTransformer)] public static partial class Annotated { }
        [PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.TensorToTensor)] public static partial class T2T { }
        """;

    /// <summary>
    /// Two copies of one consumer built at the same time by two <c>dotnet build</c> processes (own
    /// compiler processes, own output folders): the generated files they write are byte-identical.
    /// </summary>
    [Fact]
    public async Task TwoParallelBuildsWriteIdenticalGeneratedFiles()
    {
        string analyzer = FindGeneratorAssembly();
        string root = Path.Combine(Path.GetTempPath(), "pegen-parallel-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] copies = { Path.Combine(root, "a"), Path.Combine(root, "b") };
            foreach (string copy in copies)
            {
                Directory.CreateDirectory(copy);
                File.WriteAllText(Path.Combine(copy, "Consumer.csproj"), ConsumerProject);
                File.WriteAllText(Path.Combine(copy, "Positions.cs"), ConsumerSource);
            }
            // Keep the repository's Directory.Build.* and global.json out of the copies.
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");

            var builds = copies.Select(copy => Task.Run(() => Build(copy, analyzer))).ToArray();
            var results = await Task.WhenAll(builds);
            for (int i = 0; i < results.Length; i++)
                Assert.True(results[i].ExitCode == 0, $"build of copy {i} failed:\n{results[i].Output}");

            string[] generated = copies.Select(c => Path.Combine(c, "obj", "generated", "PEGen", "PEGen.PositionalEncodingGenerator")).ToArray();
            var filesA = Directory.GetFiles(generated[0]).Select(f => Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            var filesB = Directory.GetFiles(generated[1]).Select(f => Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.Equal(filesA, filesB);
            Assert.Contains("Parallel.Consumer.Exact.Table.g.cs", filesA);
            foreach (string file in filesA)
            {
                byte[] a = File.ReadAllBytes(Path.Combine(generated[0], file));
                byte[] b = File.ReadAllBytes(Path.Combine(generated[1], file));
                Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between the two parallel builds");
            }
            _output.WriteLine($"{filesA.Length} generated files identical");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static (int ExitCode, string Output) Build(string folder, string analyzer)
    {
        var start = new ProcessStartInfo("dotnet", new[]
        {
            "build", folder, "-c", "Release", "-nologo", "-v", "q", "-nodeReuse:false",
            "-p:PEGenAnalyzer=" + analyzer, "-p:CompilerGeneratedFilesOutputPath=obj/generated",
        })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out\n" + output);
        }
        return (process.ExitCode, output + stderr.Result);
    }

    // The generator assembly this test run was built with: src/PEGen/bin/<configuration>/netstandard2.0.
    private static string FindGeneratorAssembly()
    {
        string root = RepoPaths.Root;
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string path = Path.Combine(root, "src", "PEGen", "bin", configuration, "netstandard2.0", "PEGen.dll");
        if (!File.Exists(path))
        {
            path = Directory.GetFiles(Path.Combine(root, "src", "PEGen", "bin"), "PEGen.dll", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault() ?? path;
        }
        Assert.True(File.Exists(path), "generator assembly not found: " + path);
        return path;
    }
}
