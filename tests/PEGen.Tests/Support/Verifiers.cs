using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PEGen.Emit;

namespace PEGen.Tests.Support;

/// <summary>
/// Analyzer and code-fix tests on the Roslyn testing framework, offline: reference assemblies
/// come from Basic.Reference.Assemblies.Net100, never from a download. The generator's
/// attribute source is added as a generated file, as the generator would add it.
/// </summary>
internal static class Verifiers
{
    // An empty reference set: no package is resolved (or downloaded); Net100 refs are added below.
    private static readonly ReferenceAssemblies Offline = new("net10.0");

    public static Task AnalyzeAsync<TAnalyzer>(string source, params string[] extraGeneratedSources)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        AnalyzeAsync<TAnalyzer>(source, null, extraGeneratedSources);

    public static Task AnalyzeAsync<TAnalyzer>(string source, string? globalConfig, params string[] extraGeneratedSources)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState, globalConfig, extraGeneratedSources);
        return test.RunAsync();
    }

    /// <summary>Analyzes with additional files (path, text), as MSBuild's <c>AdditionalFiles</c> passes them; expectations in the markup.</summary>
    public static Task AnalyzeWithFilesAsync<TAnalyzer>(string source, params (string Path, string Text)[] additionalFiles)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState, null);
        foreach (var (path, text) in additionalFiles) test.TestState.AdditionalFiles.Add((path, text));
        return test.RunAsync();
    }

    /// <summary>Analyzes with one config file (<c>/.globalconfig</c> or <c>/.editorconfig</c>, full text) and explicit expectations.</summary>
    public static Task AnalyzeAsync<TAnalyzer>(string source, (string Path, string Text) configFile, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState, null);
        test.TestState.AnalyzerConfigFiles.Add(configFile);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task FixAsync<TAnalyzer, TFix>(string source, string fixedSource, int? iterations = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
        };
        Configure(test.TestState, null);
        Configure(test.FixedState, null);
        if (iterations is int n)
        {
            test.NumberOfFixAllIterations = n;
            test.NumberOfIncrementalIterations = n;
        }
        return test.RunAsync();
    }

    public static Task FixMultiFileAsync<TAnalyzer, TFix>((string Name, string Source)[] sources, (string Name, string Source)[] fixedSources)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>();
        foreach (var (name, source) in sources) test.TestState.Sources.Add((name, source));
        foreach (var (name, source) in fixedSources) test.FixedState.Sources.Add((name, source));
        Configure(test.TestState, null);
        Configure(test.FixedState, null);
        return test.RunAsync();
    }

    private static void Configure(SolutionState state, string? globalConfig, params string[] extraGeneratedSources)
    {
        state.ReferenceAssemblies = Offline;
        state.AdditionalReferences.AddRange(Net100.References.All);
        state.Sources.Add(("/0/Generated/" + AttributeSource.HintName, AttributeSource.Text));
        state.Sources.Add(("/0/Generated/" + EmbeddedAttributeSource.HintName, EmbeddedAttributeSource.Text));
        for (int i = 0; i < extraGeneratedSources.Length; i++)
            state.Sources.Add(($"/0/Generated/Extra{i}.g.cs", extraGeneratedSources[i]));
        if (globalConfig is not null)
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
    }

    /// <summary>The members the generator adds for <paramref name="declaration"/> (and the shared kernels they call), for call-site tests.</summary>
    public static string[] GeneratedMembers(string declaration) =>
        GeneratorHarness.Run(declaration).Result.Results[0].GeneratedSources
            .Where(s => s.HintName.EndsWith(".PositionalEncoding.g.cs", System.StringComparison.Ordinal) || s.HintName.EndsWith(".Table.g.cs", System.StringComparison.Ordinal)
                        || s.HintName == PEGen.Emit.Shared.SharedHelpersEmitter.HintName)
            .Select(s => s.SourceText.ToString())
            .ToArray();
}
