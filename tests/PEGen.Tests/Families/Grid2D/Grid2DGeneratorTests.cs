using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PEGen.Model;
using PEGen.Tests.Support;

namespace PEGen.Tests.Grid2D;

/// <summary>The generated grid classes: snapshots (each generated twice), clean compiles, run-time behaviour, caching.</summary>
public sealed class Grid2DGeneratorTests
{
    private const string Family = "PositionalEncoding2D";

    [Theory]
    [InlineData("Grid2DFull", "namespace Vision; [PEGen.PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 3, ExtraTokens = 1)] public static partial class Patches { }")]
    [InlineData("Grid2DCompact", "[PEGen.PositionalEncoding2D(Dim = 8, GridHeight = 3, GridWidth = 2, ExtraTokens = 1, BaseSize = 2, InterpolationScale = 2, " +
        "Storage = PEGen.TableStorage.Compact)] static partial class Crop { }")]
    [InlineData("Grid2DCompactNoExtra", "public partial class Outer { [PEGen.PositionalEncoding2D(Dim = 4, GridHeight = 2, GridWidth = 2, " +
        "Storage = PEGen.TableStorage.Compact)] internal partial class Inner { } }")]
    public void GeneratedSourcesMatchSnapshot_AndAreTheSameTwice(string name, string source)
    {
        var first = Generated(source);
        var second = Generated(source);
        Assert.Equal(first, second);
        Assert.Equal(2, first.Length);
        foreach (var (hint, text) in first)
        {
            string part = hint.EndsWith(".Table.g.cs", StringComparison.Ordinal) ? "Table" : "Members";
            Snapshot.Match(name + "." + part, text);
        }
    }

    private static (string Hint, string Text)[] Generated(string source)
    {
        var (output, result) = GeneratorHarness.Run(source);
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
        return result.Results[0].GeneratedSources
            .Where(s => s.HintName.EndsWith(".Table.g.cs", StringComparison.Ordinal) || s.HintName.EndsWith("." + Family + ".g.cs", StringComparison.Ordinal))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToArray();
    }

    [Fact]
    public void ManyShapesCompileCleanly_AndCompactEqualsFull()
    {
        string[] shapes = { "Dim = 4, GridHeight = 1, GridWidth = 1", "Dim = 12, GridHeight = 3, GridWidth = 5, ExtraTokens = 2",
            "Dim = 20, GridHeight = 7, GridWidth = 4, ExtraTokens = 1, BaseSize = 3, InterpolationScale = 0.5, Base = 100" };
        string source = "using PEGen;\n" + string.Join("\n", shapes.Select((s, i) =>
            $"[PositionalEncoding2D({s})] public static partial class F{i} {{ }}\n" +
            $"[PositionalEncoding2D({s}, Storage = TableStorage.Compact)] public partial class C{i} {{ }}")) + """

            public static class Probe
            {
                // Every row through CopyRows and AddTo (onto -0, so the extra rows' +0 shows), Full against Compact, as bits.
                public static bool Same() => Same0() && Same1() && Same2();
            """ + string.Concat(Enumerable.Range(0, shapes.Length).Select(i => $$"""

                private static bool Same{{i}}()
                {
                    var full = new float[F{{i}}.MaxLen * F{{i}}.Dim];
                    var compact = new float[full.Length];
                    F{{i}}.CopyRows(0, full);
                    C{{i}}.CopyRows(0, compact);
                    if (!Bits(full, compact) || !Bits(full, F{{i}}.Table.ToArray())) return false;
                    System.Array.Fill(full, -0f);
                    System.Array.Fill(compact, -0f);
                    F{{i}}.AddTo(full);
                    C{{i}}.AddTo(compact);
                    return Bits(full, compact) && System.BitConverter.SingleToInt32Bits(compact[0]) == 0;
                }
            """)) + """

                private static bool Bits(float[] a, float[] b)
                {
                    if (a.Length != b.Length) return false;
                    for (int i = 0; i < a.Length; i++)
                        if (System.BitConverter.SingleToInt32Bits(a[i]) != System.BitConverter.SingleToInt32Bits(b[i])) return false;
                    return true;
                }
            }
            """;
        using var assembly = GeneratorHarness.CompileAndLoad(source);
        Assert.Equal(true, assembly.Call("Probe", "Same"));
    }

    [Fact]
    public void UnrelatedEditLeavesEveryGridStepCachedOrUnchanged()
    {
        const string source = "using PEGen; namespace App; [PositionalEncoding2D(Dim = 16, GridHeight = 4, GridWidth = 4, ExtraTokens = 1)] " +
                              "public static partial class Grid { } [PositionalEncoding2D(Dim = 8, GridHeight = 4, GridWidth = 4, " +
                              "Storage = TableStorage.Compact)] public static partial class Crop { }";
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace App; public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results[0];
        foreach (string step in new[] { "Outcomes", "Specs", "Errors", "ErrorOutputs", "Outputs", "HelperUse" })
        {
            var outputs = result.TrackedSteps[TrackingNames.Family(Family, step)].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
        }
    }

    [Fact]
    public void EditingTheGridRegeneratesIt()
    {
        const string before = "[PEGen.PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2)] static partial class G { }";
        var compilation = GeneratorHarness.CreateCompilation(before);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(before.Replace("GridWidth = 2", "GridWidth = 3"), GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results[0];
        var spec = Assert.Single(result.TrackedSteps[TrackingNames.Family(Family, "Specs")].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, spec.Reason);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("public const int MaxLen = 6;", StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratedCode_HasShortLines_DocumentsEveryPublicMember_AndCitesNothingOutside()
    {
        const string source = "using PEGen; namespace A.Rather.Long.Namespace.Name; " +
            "[PositionalEncoding2D(Dim = 1152, GridHeight = 16, GridWidth = 16)] public static partial class AVeryLongClassNameForTheDiTExtraLargeGrid { } " +
            "[PositionalEncoding2D(Dim = 1536, GridHeight = 192, GridWidth = 192, BaseSize = 64, Storage = TableStorage.Compact)] " +
            "public static partial class AVeryLongClassNameForTheStableDiffusion3Grid { } " +
            "[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1, Storage = TableStorage.Compact)] " +
            "public static partial class AVeryLongClassNameForTheCompactMaeGrid { }";
        var parse = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create("Docs", new[] { CSharpSyntaxTree.ParseText(source, parse) }, Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new[] { new PositionalEncodingGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree != compilation.SyntaxTrees[0]).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var generated = output.SyntaxTrees.Where(t => t.FilePath.EndsWith("." + Family + ".g.cs", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, generated.Count);
        foreach (var tree in generated)
        {
            string text = tree.ToString();
            foreach (var (line, number) in text.Split('\n').Select((l, n) => (l, n + 1)))
                Assert.True(line.Length <= 160, $"{tree.FilePath} line {number} has {line.Length} characters: {line.Trim()}");
            foreach (var citation in new[] { "SPEC", "issue ", "lecture" })
                Assert.DoesNotContain(citation, text);
        }
    }
}
