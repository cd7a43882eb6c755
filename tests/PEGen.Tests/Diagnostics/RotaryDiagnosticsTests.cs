using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Diagnostics;
using PEGen.Tests.Support;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Diagnostics;

/// <summary>
/// The rotary rules and ConfigFile as the IDE shows them: on the argument at fault, config problems on the
/// ConfigFile argument, with the analyzer reading AdditionalFiles; and the same errors from the generator
/// when analyzers are off.
/// </summary>
public sealed class RotaryDiagnosticsTests
{
    private const string Llama = """
        { "hidden_size": 4096, "num_attention_heads": 32, "rope_theta": 500000.0, "max_position_embeddings": 131072,
          "rope_scaling": { "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0, "original_max_position_embeddings": 8192, "rope_type": "llama3" } }
        """;

    private static Task Verify(string source, params (string, string)[] files) =>
        AnalyzeWithFilesAsync<DeclarationAnalyzer>("using PEGen;\n" + source, files);

    [Fact]
    public Task ValidConfigFileDeclarationHasNoDiagnostics() =>
        Verify("[PositionalEncoding(MaxLen = 16384, Scheme = EncodingScheme.Rope, ConfigFile = \"llama/config.json\")] public static partial class P { }",
            ("/0/models/llama/config.json", Llama));

    [Theory]
    [InlineData("[PositionalEncoding(Dim = 64, MaxLen = 64, Scheme = EncodingScheme.Rope, {|PEG010:Scaling = (RopeScaling)9|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 64, MaxLen = 64, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Linear, {|PEG010:Factor = 0.5|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 64, MaxLen = 64, Scheme = EncodingScheme.Rope, {|PEG010:RotaryDim = 65|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 64, MaxLen = 64, {|PEG010:RotaryDim = 32|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 64, MaxLen = 64, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 32, {|PEG010:BetaFast = 0.5|})] public static partial class P { }")]
    [InlineData("[PositionalEncoding(Dim = 2, {|PEG010:MaxLen = 16777217|}, Scheme = EncodingScheme.Rope)] public static partial class {|PEG007:P|} { }")]
    public Task RotaryErrorsArePEG010OnTheArgument(string source) => Verify(source);

    [Fact]
    public Task MissingRequiredPropertyIsOnTheAttribute() =>
        Verify("[{|PEG010:PositionalEncoding(Dim = 64, MaxLen = 64, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Linear)|}] public static partial class P { }");

    [Fact]
    public Task IgnoredPropertyIsPEG012() =>
        Verify("[PositionalEncoding(Dim = 64, MaxLen = 64, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Llama3, Factor = 8, OriginalMaxLen = 32, {|PEG012:BetaFast = 32|})] public static partial class P { }");

    [Fact]
    public Task LongTablesNeverUsedIsPEG013() =>
        Verify("[PositionalEncoding(Dim = 4, {|PEG013:MaxLen = 8|}, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.LongRope, Factor = 2, OriginalMaxLen = 8, ShortFactors = new double[] { 1, 1 }, LongFactors = new[] { 2.0, 2.0 })] public static partial class P { }");

    [Fact]
    public Task ConfigFileNotInAdditionalFilesIsPEG010OnConfigFile() =>
        Verify("[PositionalEncoding(MaxLen = 64, Scheme = EncodingScheme.Rope, {|PEG010:ConfigFile = \"config.json\"|})] public static partial class P { }",
            ("/0/myconfig.json", Llama));

    [Fact]
    public Task AmbiguousConfigFileIsPEG010() =>
        Verify("[PositionalEncoding(MaxLen = 64, Scheme = EncodingScheme.Rope, {|PEG010:ConfigFile = \"config.json\"|})] public static partial class P { }",
            ("/0/a/config.json", Llama), ("/0/b/config.json", Llama));

    [Fact]
    public Task DynamicRopeTypeIsPEG010() =>
        Verify("[PositionalEncoding(MaxLen = 64, Scheme = EncodingScheme.Rope, {|PEG010:ConfigFile = \"config.json\"|})] public static partial class P { }",
            ("/0/config.json", """{ "head_dim": 64, "rope_scaling": { "type": "dynamic", "factor": 2.0 } }"""));

    [Fact]
    public Task InvalidValueFromTheFileIsOnConfigFile() =>
        Verify("[PositionalEncoding(MaxLen = 64, Scheme = EncodingScheme.Rope, {|PEG010:ConfigFile = \"config.json\"|})] public static partial class P { }",
            ("/0/config.json", """{ "head_dim": 63 }"""));

    [Fact]
    public Task WarningOnAValueFromTheFileIsOnConfigFile() =>
        Verify("[PositionalEncoding(Dim = 2, Scheme = EncodingScheme.Rope, {|PEG008:ConfigFile = \"config.json\"|})] public static partial class P { }",
            ("/0/config.json", """{ "max_position_embeddings": 100 }"""));

    public static TheoryData<string, string?, string> ConfigErrors => new()
    {
        { "[PositionalEncoding(MaxLen = 64, Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\")] public static partial class P { }", null, "ConfigFile = \"config.json\"" },
        { "[PositionalEncoding(MaxLen = 64, Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\")] public static partial class P { }", "{ \"head_dim\": 64, ", "ConfigFile = \"config.json\"" },
        { "[PositionalEncoding(MaxLen = 64, Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\", RotaryDim = 3)] public static partial class P { }", "{ \"head_dim\": 64 }", "RotaryDim = 3" },
        { "[PositionalEncoding(Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\")] public static class NotPartial { }", "{ \"head_dim\": 64, \"max_position_embeddings\": 8 }", "NotPartial" },
        { "[PositionalEncoding(Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\", Scaling = RopeScaling.Linear)] public static partial class P { }", "{ \"head_dim\": 64, \"max_position_embeddings\": 8 }", "ConfigFile = \"config.json\"" },
    };

    /// <summary>With analyzers off, a ConfigFile declaration's errors come from the generator, where and as the analyzer reports them.</summary>
    [Theory]
    [MemberData(nameof(ConfigErrors))]
    public async Task WithAnalyzersOffTheGeneratorReportsConfigFileErrorsAsTheAnalyzerDoes(string declaration, string? config, string spanned)
    {
        var files = config is null ? new AdditionalText[0] : new AdditionalText[] { new InMemoryAdditionalText("/p/config.json", config) };
        var compilation = GeneratorHarness.CreateCompilation("using PEGen;\n" + declaration);
        var driver = GeneratorHarness.CreateDriver(GlobalOptionsProvider.AnalyzersOff, files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.FilePath.Contains(".Table.g.cs", System.StringComparison.Ordinal));

        var error = Assert.Single(diagnostics);
        Assert.Equal(spanned, compilation.SyntaxTrees[0].GetText().ToString(error.Location.SourceSpan));
        var analyzer = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer()),
            new AnalyzerOptions(ImmutableArray.CreateRange(files))).GetAnalyzerDiagnosticsAsync();
        var same = Assert.Single(analyzer, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((same.Id, same.Location.SourceSpan, same.GetMessage()), (error.Id, error.Location.SourceSpan, error.GetMessage()));

        // Analyzers on: the generator reports nothing.
        GeneratorHarness.CreateDriver(null, files).RunGeneratorsAndUpdateCompilation(compilation, out _, out var quiet);
        Assert.Empty(quiet);
    }
}
