using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.PackageTests;

public sealed class PackageTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public PackageTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    private static string Show(Dotnet.Result? step) =>
        step is null ? "(not run: an earlier step failed)" : $"exit {step.ExitCode} after {step.Elapsed.TotalSeconds:F1} s\n{step.Output}";

    [Fact]
    public void PackProducesOnePackage()
    {
        Assert.True(_package.Pack.ExitCode == 0, Show(_package.Pack));
        Assert.Matches(@"^\d+\.\d+\.\d+", _package.Version);
    }

    [Fact]
    public void PackageHoldsAnalyzersAndPropsAndNothingForRunTime()
    {
        Assert.True(File.Exists(_package.PackagePath), Show(_package.Pack));
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();

        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/PEGen.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/PEGen.CodeFixes.dll", entries);
        Assert.Contains("build/PEGen.props", entries);
        Assert.Contains("buildTransitive/PEGen.props", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("THIRD-PARTY-NOTICES.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/") || e.StartsWith("ref/") || e.StartsWith("runtimes/"));
        // Only the generator and the code fixes: Roslyn itself comes from the compiler.
        Assert.Equal(2, entries.Count(e => e.EndsWith(".dll")));

        using (var props = new StreamReader(zip.GetEntry("build/PEGen.props")!.Open()))
            Assert.Contains("<CompilerVisibleProperty Include=\"PEGenMaxTableBytes\" />", props.ReadToEnd());

        XDocument nuspec;
        using (Stream stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open())
            nuspec = XDocument.Load(stream);
        XElement metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Get(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
        Assert.Equal("PEGen", Get("id"));
        Assert.Equal(_package.Version, Get("version"));
        Assert.Equal("MIT", Get("license"));
        Assert.Equal("README.md", Get("readme"));
        Assert.Equal("true", Get("developmentDependency"));
        Assert.StartsWith("https://github.com/pegen-dotnet/PEGen", Get("projectUrl"));
        Assert.False(string.IsNullOrWhiteSpace(Get("description")));
        Assert.False(string.IsNullOrWhiteSpace(Get("tags")));
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies" && e.Descendants().Any());
    }

    [Fact]
    public void AddPackageMarksItPrivate()
    {
        Assert.True(_package.AddPackage?.ExitCode == 0, Show(_package.AddPackage));
        string project = File.ReadAllText(Path.Combine(_package.Consumer, "Consumer.csproj"));
        // developmentDependency: a library that uses PEGen does not pass it on to its own users.
        Assert.Contains("<PrivateAssets>all</PrivateAssets>", project);
    }

    [Fact]
    public void ConsumerBuildsWithWarningsAsErrorsAndRuns()
    {
        Assert.True(_package.Build?.ExitCode == 0, Show(_package.Build));
        Assert.True(_package.Execute?.ExitCode == 0, Show(_package.Execute));
        foreach (var (step, result) in new[] { ("pack", _package.Pack), ("add package", _package.AddPackage), ("build", _package.Build), ("run", _package.Execute), ("build with budget", _package.BuildWithBudget) })
            _output.WriteLine($"{step}: {result?.Elapsed.TotalSeconds:F1} s");
        string output = _package.Execute!.Output;
        Assert.Contains("Dim=512 MaxLen=8 Table.Length=4096", output);
        // sin(1) correctly rounded to float32.
        Assert.Contains("row1col0=0x3F576AA4", output);
        Assert.Contains("Config=16 32 8", output);          // head 64 / 4, max_position_embeddings, 16 / 2 pairs
        Assert.Contains("LongRope=16 32 True", output);     // 8 x 2 short, 16 x 2 long; positions 7, 8 pass 8: long tables
        Assert.Contains("AddTo=True", output);
        Assert.Contains("Rotate=True", output);
        Assert.Contains("Padding=True", output);
    }

    [Fact]
    public void NothingOfPEGenIsShippedWithTheConsumer()
    {
        Assert.True(_package.Build?.ExitCode == 0, Show(_package.Build));
        string bin = Path.Combine(_package.Consumer, "bin", "Release", "net10.0");
        Assert.Empty(Directory.GetFiles(bin, "PEGen*"));
        Assert.DoesNotContain("PEGen", File.ReadAllText(Path.Combine(bin, "Consumer.deps.json")));
    }

    [Fact]
    public void TableBudgetPropertyReachesTheAnalyzer()
    {
        Dotnet.Result? build = _package.BuildWithBudget;
        Assert.NotNull(build);
        Assert.True(build!.ExitCode != 0, Show(build));
        Assert.Contains("error PEG006", build.Output);
    }
}
