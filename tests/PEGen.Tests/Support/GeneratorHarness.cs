using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PEGen.Tests.Support;

/// <summary>
/// Runs <see cref="PositionalEncodingGenerator"/> on in-memory sources against net10.0
/// reference assemblies (offline), compiles the result and loads it in a collectible context.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            Net100.References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                deterministic: true));

    public static GeneratorDriver CreateDriver(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider? options = null, params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            new[] { new PositionalEncodingGenerator().AsSourceGenerator() },
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns the updated compilation and the run result.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) Run(params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        return (output, driver.GetRunResult());
    }

    /// <summary>All diagnostics of the final compilation that are warnings or errors.</summary>
    public static ImmutableArray<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>Generates, asserts a clean compile, and loads the assembly into a collectible context.</summary>
    public static LoadedAssembly CompileAndLoad(params string[] sources)
    {
        var (output, _) = Run(sources);
        var problems = Problems(output);
        Assert.True(problems.IsEmpty, "Compilation problems:\n" + string.Join("\n", problems));

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new LoadedAssembly(stream);
    }
}

/// <summary>An additional file held in memory, as MSBuild's <c>AdditionalFiles</c> would pass it.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly Microsoft.CodeAnalysis.Text.SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    public override string Path { get; }

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
}

/// <summary>A compiled consumer in a collectible load context; unloaded on dispose.</summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context = new("PEGenTest", isCollectible: true);

    public LoadedAssembly(Stream image) => Assembly = _context.LoadFromStream(image);

    public Assembly Assembly { get; }

    /// <summary>Invokes a public static method of a type in the consumer.</summary>
    public object? Call(string type, string method, params object?[] args)
    {
        var t = Assembly.GetType(type, throwOnError: true)!;
        var m = t.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                ?? throw new MissingMethodException(type, method);
        try
        {
            return m.Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => _context.Unload();
}
