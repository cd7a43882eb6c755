using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PEGen.Families.Alibi;
using PEGen.Model;
using PEGen.Tests.Support;

namespace PEGen.Tests.Alibi;

/// <summary>What the generator emits for [AlibiBias]: snapshots (made twice), a clean compile, caching.</summary>
public sealed class AlibiGeneratorTests
{
    private static string AlibiSource(string source)
    {
        var (_, result) = GeneratorHarness.Run(source);
        return result.Results[0].GeneratedSources.Single(s => s.HintName.EndsWith(".AlibiBias.g.cs", StringComparison.Ordinal)).SourceText.ToString();
    }

    [Theory]
    [InlineData("AlibiBloomInNamespace", "namespace App.Attention; [PEGen.AlibiBias(Heads = 12, Reference = PEGen.AlibiReference.Bloom)] public static partial class Biases { }")]
    [InlineData("AlibiPaperNested", "public partial class Model { [PEGen.AlibiBias(Heads = 3)] internal partial class @class { } }")]
    [InlineData("AlibiMpt", "[PEGen.AlibiBias(Heads = 5, Reference = PEGen.AlibiReference.Mpt, MaxBias = 4)] static partial class Mpt { }")]
    public void GeneratedSourceMatchesSnapshot_AndIsTheSameTwice(string name, string source)
    {
        string first = AlibiSource(source), second = AlibiSource(source);
        Assert.Equal(first, second);
        Snapshot.Match(name, first);
    }

    [Fact]
    public void GeneratedCodeCompilesWithoutWarnings_AndRuns()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(
            "[PEGen.AlibiBias(Heads = 2)] public static partial class A { " +
            "public static float[] Run(int keys, int start) { var s = new float[2 * keys]; AddBias(s, keys, start); return s; } }");
        var scores = (float[])loaded.Call("A", "Run", 3, 1)!;
        // Slopes 2^-4 and 2^-8; row 0 at position 1, keys 0..2.
        Assert.Equal(new[] { -1f / 16, 0f, -1f / 16, -1f / 256, 0f, -1f / 256 }, scores);
    }

    [Fact]
    public void InvalidDeclarationsGenerateNothing()
    {
        var (_, result) = GeneratorHarness.Run("[PEGen.AlibiBias(Heads = 0)] static partial class A { } [PEGen.AlibiBias(Heads = 4, Reference = (PEGen.AlibiReference)7)] static partial class B { }");
        Assert.DoesNotContain(result.Results[0].GeneratedSources, s => s.HintName.EndsWith(".AlibiBias.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxBiasWarningStillGenerates()
    {
        string text = AlibiSource("[PEGen.AlibiBias(Heads = 4, MaxBias = 3)] static partial class A { }");
        Assert.Contains("public const int Heads = 4;", text);
    }

    private static readonly string[] Steps = { "Outcomes", "Specs", "Errors", "ErrorOutputs", "Outputs", "HelperUse" };

    [Fact]
    public void UnrelatedEditLeavesEveryAlibiStepCached()
    {
        const string source = "namespace App; [PEGen.AlibiBias(Heads = 32, Reference = PEGen.AlibiReference.Bloom)] public static partial class Bloom { } " +
                              "[PEGen.AlibiBias(Heads = 0)] public static partial class Broken { }";
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace App; public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Results[0];
        foreach (string step in Steps)
        {
            string name = TrackingNames.Family(AlibiAttributeSource.ShortName, step);
            Assert.True(second.TrackedSteps.ContainsKey(name), "missing step " + name);
            var outputs = second.TrackedSteps[name].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + o.Reason));
        }
    }

    [Fact]
    public void ChangingHeadsRegenerates()
    {
        var compilation = GeneratorHarness.CreateCompilation("[PEGen.AlibiBias(Heads = 8)] public static partial class A { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            "[PEGen.AlibiBias(Heads = 9)] public static partial class A { }")));
        var result = driver.RunGenerators(edited).GetRunResult();
        var spec = Assert.IsType<AlibiSpec>(result.Results[0].TrackedSteps[TrackingNames.Family("AlibiBias", "Specs")].SelectMany(s => s.Outputs).Single().Value);
        Assert.Equal(9, spec.Heads);
        Assert.Equal(9, spec.Slopes.Count);
    }
}
