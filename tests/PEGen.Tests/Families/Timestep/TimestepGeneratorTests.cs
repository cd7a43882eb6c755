using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Tests.Support;

namespace PEGen.Tests.Families;

/// <summary>[TimestepEmbedding] through the generator: snapshots (each generated twice), caching, and compiling consumers.</summary>
public sealed class TimestepGeneratorTests
{
    private const string Sd = "namespace App.Diffusion; [PEGen.TimestepEmbedding(Dim = 6, Steps = 3, FlipSinToCos = true, FreqShift = 0)] public static partial class TimeProj { }";
    private const string Odd = "public partial class Outer { [PEGen.TimestepEmbedding(Dim = 5, Steps = 2, Scale = 1000, MaxPeriod = 100)] internal sealed partial class Odd { } }";

    [Theory]
    [InlineData("TimestepFlipped", Sd)]
    [InlineData("TimestepOddNested", Odd)]
    public void GeneratedSourcesMatchSnapshotAndAreTheSameTwice(string name, string source)
    {
        var first = Sources(source);
        var second = Sources(source);
        Assert.Equal(first, second);
        Assert.Equal(2, first.Length);
        Snapshot.Match(name + ".Members", first[0].Text);
        Snapshot.Match(name + ".Table", first[1].Text);
    }

    private static (string Hint, string Text)[] Sources(string source) =>
        GeneratorHarness.Run(source).Result.Results[0].GeneratedSources
            .Where(s => s.HintName.EndsWith(".TimestepEmbedding.g.cs", StringComparison.Ordinal)
                        || s.HintName.EndsWith(".TimestepEmbeddingTable.g.cs", StringComparison.Ordinal))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToArray();

    [Fact]
    public void SharedHelpersWithTheTimestepKernelMatchSnapshot()
    {
        string Helpers() => GeneratorHarness.Run(Sd).Result.Results[0].GeneratedSources
            .Single(s => s.HintName == SharedHelpersEmitter.HintName).SourceText.ToString();
        string text = Helpers();
        Assert.Equal(text, Helpers());
        Snapshot.Match("TimestepSharedHelpers", text);
    }

    [Fact]
    public void TheAttributeIsAlwaysThere()
    {
        var sources = GeneratorHarness.Run("class C { }").Result.Results[0].GeneratedSources;
        Assert.Contains(sources, s => s.HintName == PEGen.Families.Timestep.TimestepAttributeSource.HintName);
        Assert.DoesNotContain(sources, s => s.HintName == SharedHelpersEmitter.HintName);
    }

    [Fact]
    public void ValidDeclarationsCompileWithoutProblems()
    {
        var (output, result) = GeneratorHarness.Run(Sd, Odd,
            "[PEGen.TimestepEmbedding(Dim = 1, Steps = 2, FreqShift = -1)] static partial class One { }",
            "[PEGen.TimestepEmbedding(Dim = 1152, Steps = 8, FlipSinToCos = true, FreqShift = 0)] static partial class Pixart { }");
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void InvalidDeclarationsGenerateNothing()
    {
        var (_, result) = GeneratorHarness.Run("[PEGen.TimestepEmbedding(Dim = 8, Steps = 8, FreqShift = 4)] static partial class Bad { }");
        Assert.DoesNotContain(result.Results[0].GeneratedSources, s => s.HintName.Contains("Bad", StringComparison.Ordinal));
        Assert.Null(result.Results[0].Exception);
    }

    [Fact]
    public void UnrelatedEditLeavesEveryTimestepStepCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Sd, "[PEGen.TimestepEmbedding(Dim = 8, Steps = 0)] static partial class Broken { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace App; public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult();
        foreach (var step in new[] { "Outcomes", "Specs", "Errors", "ErrorOutputs", "Outputs", "HelperUse" })
        {
            string name = TrackingNames.Family("TimestepEmbedding", step);
            var outputs = second.Results[0].TrackedSteps[name].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }
    }

    [Fact]
    public void ChangingStepsRegeneratesTheClass()
    {
        var compilation = GeneratorHarness.CreateCompilation(Sd);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Sd.Replace("Steps = 3", "Steps = 4"))));
        var second = driver.RunGenerators(edited).GetRunResult();
        var specs = second.Results[0].TrackedSteps[TrackingNames.Family("TimestepEmbedding", "Specs")].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(specs, o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void RunsWithTheCompiledClassGiveTheTablesValues()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Sd, "namespace App.Diffusion { public static class Probe { " +
            "public static float[] Table() => TimeProj.Table.ToArray(); " +
            "public static float[] Encode(float t) { var d = new float[TimeProj.Dim]; TimeProj.Encode(t, d); return d; } } }");
        var table = (float[])loaded.Call("App.Diffusion.Probe", "Table")!;
        var row = (float[])loaded.Call("App.Diffusion.Probe", "Encode", 2f)!;
        Assert.Equal(18, table.Length);
        Assert.Equal(table.Skip(12).Select(PEGen.TestSupport.IeeeBits.Of), row.Select(PEGen.TestSupport.IeeeBits.Of));
    }
}
