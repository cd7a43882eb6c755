using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PEGen.Model;
using PEGen.Tests.Support;

namespace PEGen.Tests.Generator;

/// <summary>The incremental pipeline caches: unrelated edits do no work, relevant edits regenerate.</summary>
public sealed class CachingTests
{
    private const string Source = """
        using PEGen;
        namespace App;
        [PositionalEncoding(Dim = 16, MaxLen = 8)]
        public static partial class Positions { }

        [PositionalEncoding(MaxLen = 8, Scheme = EncodingScheme.Rope, ConfigFile = "models/tiny/config.json")]
        public static partial class TinyRotary { }
        """;

    private const string Config = """{ "head_dim": 16, "rope_theta": 10000.0, "vocab_size": 100, "rope_scaling": { "rope_type": "linear", "factor": 2.0 } }""";

    private static readonly AdditionalText ConfigText = new InMemoryAdditionalText("/repo/models/tiny/config.json", Config);
    private static readonly AdditionalText Notes = new InMemoryAdditionalText("/repo/notes.txt", "unrelated");
    private static readonly AdditionalText Tokenizer = new InMemoryAdditionalText("/repo/models/tiny/tokenizer.json", "{}");

    private static GeneratorDriver Driver() => GeneratorHarness.CreateDriver(null, ConfigText, Notes, Tokenizer);

    /// <summary>Every <c>public const string</c> of <see cref="TrackingNames"/>: a new tracked step is covered without editing this list.</summary>
    private static readonly string[] TrackedSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void TrackingNamesAreFoundByReflection()
    {
        Assert.NotEmpty(TrackedSteps);
        Assert.Contains(TrackingNames.ValidSpecs, TrackedSteps);
        Assert.Equal(TrackedSteps.Length, TrackedSteps.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void UnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);
        var first = driver.GetRunResult();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace App; public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        AssertEveryStepCachedOrUnchanged(first, driver.GetRunResult());
    }

    [Fact]
    public void UnrelatedAdditionalFileEditsLeaveEveryStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);
        var first = driver.GetRunResult();

        // Another file edited, one that only shares the folder, and a new one: none is named by a ConfigFile.
        driver = driver
            .ReplaceAdditionalText(Notes, new InMemoryAdditionalText(Notes.Path, "edited"))
            .ReplaceAdditionalText(Tokenizer, new InMemoryAdditionalText(Tokenizer.Path, "{ \"edited\": true }"))
            .AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/repo/other/myconfig.json", "{}")))
            .RunGenerators(compilation);

        AssertEveryStepCachedOrUnchanged(first, driver.GetRunResult());
    }

    [Fact]
    public void EditingAConfigKeyPEGenDoesNotReadRegeneratesNothing()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(ConfigText, new InMemoryAdditionalText(ConfigText.Path, Config.Replace("\"vocab_size\": 100", "\"vocab_size\": 200")))
            .RunGenerators(compilation);
        var result = driver.GetRunResult().Results[0];

        var files = result.TrackedSteps[TrackingNames.ConfigFiles].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(files).Reason);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditingTheConfigFileRegeneratesItsDeclarationOnly()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(ConfigText, new InMemoryAdditionalText(ConfigText.Path, Config.Replace("\"factor\": 2.0", "\"factor\": 4.0")))
            .RunGenerators(compilation);
        var result = driver.GetRunResult().Results[0];

        var specs = result.TrackedSteps[TrackingNames.ValidSpecs].SelectMany(s => s.Outputs).ToList();
        var modified = Assert.Single(specs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(4, Assert.IsType<EncodingSpec>(modified.Value).Rotary.Factor);
        Assert.Single(specs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void RemovingTheConfigFileTurnsItsDeclarationIntoAnError()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);

        driver = driver.RemoveAdditionalTexts(ImmutableArray.Create(ConfigText)).RunGenerators(compilation);
        var result = driver.GetRunResult().Results[0];

        Assert.Single(result.TrackedSteps[TrackingNames.ValidSpecs].SelectMany(s => s.Outputs), o => o.Reason != IncrementalStepRunReason.Removed);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("TinyRotary", StringComparison.Ordinal));
        var errors = result.TrackedSteps[TrackingNames.DeclarationErrors].SelectMany(s => s.Outputs)
            .Select(o => (EquatableArray<DiagnosticInfo>)o.Value).SelectMany(e => e).ToList();
        var error = Assert.Single(errors);
        Assert.Equal("PEG010", error.Id);
        Assert.Contains("ConfigFile = \"models/tiny/config.json\"", Source.Substring(error.Location!.Span.Start, error.Location.Span.Length), StringComparison.Ordinal);
    }

    private static void AssertEveryStepCachedOrUnchanged(GeneratorDriverRunResult first, GeneratorDriverRunResult second)
    {
        AssertStepsRan(first, second);
        foreach (var step in TrackedSteps)
        {
            var outputs = second.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step}: {o.Reason}"));
        }
        Assert.All(second.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditInsideTheAnnotatedFileWithoutChangingTheAttributeRegeneratesNothing()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var editedTree = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Source + "\n// a comment typed by the user\ninternal static class Helper { }\n"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, editedTree));

        var outputs = driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void TypingAboveAConfigFileClassReRunsItsRulesButRegeneratesNothing()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);

        // Its issue locations (kept for the later rules step) move; its spec does not.
        var tree = compilation.SyntaxTrees.Single();
        var editedTree = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Source.Replace("namespace App;", "namespace App;\n// a new line\n")));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, editedTree));
        var result = driver.GetRunResult().Results[0];

        Assert.Contains(result.TrackedSteps[TrackingNames.Declarations].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedSteps[TrackingNames.ValidSpecs].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void ChangingDimRegenerates()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var editedTree = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Source.Replace("Dim = 16", "Dim = 32")));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, editedTree));
        var result = driver.GetRunResult().Results[0];

        var specs = result.TrackedSteps[TrackingNames.ValidSpecs].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(specs, o => o.Reason == IncrementalStepRunReason.Modified);
        var spec = Assert.IsType<EncodingSpec>(specs.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value);
        Assert.Equal(32, spec.Dim);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("public const int Dim = 32;"));
    }

    [Fact]
    public void NoStepOutputHoldsASymbolSyntaxNodeOrLocation()
    {
        var result = Driver().RunGenerators(GeneratorHarness.CreateCompilation(Source)).GetRunResult();
        var steps = result.Results[0].TrackedSteps;
        foreach (var step in TrackedSteps)
        {
            foreach (var output in steps[step].SelectMany(s => s.Outputs))
                AssertNoRoslynObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public void ModelTypesDeclareNoRoslynMembers()
    {
        var modelTypes = typeof(EncodingSpec).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(EncodingSpec).Namespace)
            .ToList();
        Assert.Contains(typeof(EncodingSpec), modelTypes);
        foreach (var type in modelTypes)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                Assert.False(IsRoslynType(field.FieldType), $"{type.Name}.{field.Name} is {field.FieldType}");
        }
    }

    private static void AssertStepsRan(GeneratorDriverRunResult first, GeneratorDriverRunResult second)
    {
        // Attribute, EmbeddedAttribute, shared kernels, members and table of both classes (besides the attributes of the
        // section 7 families, always there): the second run must produce the same set.
        Assert.Equal(7, first.GeneratedTrees.Count(t => !IsFamilyAttribute(t.FilePath)));
        Assert.Equal(
            first.GeneratedTrees.Select(t => t.FilePath + t.GetText()),
            second.GeneratedTrees.Select(t => t.FilePath + t.GetText()));
        foreach (var step in TrackedSteps)
            Assert.True(second.Results[0].TrackedSteps.ContainsKey(step), "missing tracked step " + step);
    }

    private static bool IsFamilyAttribute(string path) =>
        path.EndsWith(PEGen.Families.Timestep.TimestepAttributeSource.HintName, StringComparison.Ordinal);

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            return;
        Assert.False(IsRoslynType(value.GetType()), $"step {step} holds a {value.GetType()}");
        if (value is IEnumerable items)
        {
            foreach (var item in items) AssertNoRoslynObjects(item, step, seen);
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
    }

    private static bool IsRoslynType(Type type) =>
        typeof(ISymbol).IsAssignableFrom(type) || typeof(SyntaxNode).IsAssignableFrom(type) ||
        typeof(Location).IsAssignableFrom(type) || typeof(Compilation).IsAssignableFrom(type) ||
        typeof(SemanticModel).IsAssignableFrom(type) || type == typeof(SyntaxToken) || type == typeof(SyntaxTree);
}
