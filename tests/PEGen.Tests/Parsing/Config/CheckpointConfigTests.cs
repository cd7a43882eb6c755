using System.Linq;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Tests.Schemes;
using PEGen.Tests.Support;
using PEGen.TestSupport;
using static PEGen.Tests.Support.Declarations;

namespace PEGen.Tests.Parsing.Config;

/// <summary>
/// ConfigFile against the explicit declaration, for the config.json of real checkpoints (tests/Fixtures/configs,
/// written as the hub has them): the same spec, and where a golden table exists, the golden's spec.
/// </summary>
public sealed class CheckpointConfigTests
{
    private static readonly string Phi35Short = Factors("ShortFactors");
    private static readonly string Phi35Long = Factors("LongFactors");

    private static string Factors(string key) =>
        "new double[] { " + string.Join(", ", GoldenTable.Load("rope_phi35_d96_L8192.json").Config[key].EnumerateArray()
            .Select(e => e.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + " }";

    /// <summary>checkpoint, the ConfigFile declaration's own properties, the explicit declaration.</summary>
    public static TheoryData<string, string, string> Checkpoints => new()
    {
        // rope_type llama3, head_dim absent: 4096 / 32.
        { "llama-3.1-8b", "MaxLen = 16384, Scheme = EncodingScheme.Rope",
          "Dim = 128, MaxLen = 16384, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxLen = 8192" },
        { "llama-3.2-1b", "MaxLen = 16384, Scheme = EncodingScheme.Rope",
          "Dim = 64, MaxLen = 16384, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 32, OriginalMaxLen = 8192" },
        // The model card's YaRN, legacy "type".
        { "qwen2.5-7b-instruct-yarn", "MaxLen = 8192, Scheme = EncodingScheme.Rope",
          "Dim = 128, MaxLen = 8192, Scheme = EncodingScheme.Rope, Base = 1000000, Scaling = RopeScaling.Yarn, Factor = 4, OriginalMaxLen = 32768" },
        { "qwen3-8b", "MaxLen = 4096, Scheme = EncodingScheme.Rope",
          "Dim = 128, MaxLen = 4096, Scheme = EncodingScheme.Rope, Base = 1000000" },
        // head_dim 128 wins over hidden_size / num_attention_heads = 64.
        { "qwen3-0.6b", "MaxLen = 4096, Scheme = EncodingScheme.Rope",
          "Dim = 128, MaxLen = 4096, Scheme = EncodingScheme.Rope, Base = 1000000" },
        // MLA: the rotated part is qk_rope_head_dim; mscale and mscale_all_dim both 1.
        { "deepseek-v3", "MaxLen = 8192, Scheme = EncodingScheme.RopeInterleaved",
          "Dim = 64, MaxLen = 8192, Scheme = EncodingScheme.RopeInterleaved, Scaling = RopeScaling.Yarn, Factor = 40, OriginalMaxLen = 4096, BetaFast = 32, BetaSlow = 1, Mscale = 1, MscaleAllDim = 1" },
        // longrope without factor: 131072 / 4096 = 32; original_max_position_embeddings at the top level.
        { "phi-3.5-mini", "MaxLen = 8192, Scheme = EncodingScheme.Rope",
          "Dim = 96, MaxLen = 8192, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.LongRope, Factor = 32, OriginalMaxLen = 4096, ShortFactors = " + Phi35Short + ", LongFactors = " + Phi35Long },
        // text_config of a multimodal checkpoint; head_dim 256, not 2560 / 8.
        { "gemma-3-4b", "MaxLen = 4096, Scheme = EncodingScheme.Rope",
          "Dim = 256, MaxLen = 4096, Scheme = EncodingScheme.Rope, Base = 1000000, Scaling = RopeScaling.Linear, Factor = 8" },
        // rotary_pct and rotary_emb_base; MaxLen from max_position_embeddings.
        { "pythia-1.4b", "Scheme = EncodingScheme.Rope",
          "Dim = 128, MaxLen = 2048, Scheme = EncodingScheme.Rope, RotaryDim = 32" },
        // int(80 * 0.4) = 32.
        { "phi-2", "Scheme = EncodingScheme.Rope",
          "Dim = 80, MaxLen = 2048, Scheme = EncodingScheme.Rope, RotaryDim = 32" },
        // n_embd / n_head, rotary_dim, n_positions, no rope_theta (10000).
        { "gpt-j-6b", "Scheme = EncodingScheme.RopeInterleaved",
          "Dim = 256, MaxLen = 2048, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 64" },
    };

    [Theory]
    [MemberData(nameof(Checkpoints))]
    public void ConfigFileGivesTheSpecOfTheExplicitDeclaration(string checkpoint, string configDeclaration, string explicitDeclaration)
    {
        var fromConfig = Spec(configDeclaration + ", ConfigFile = \"config.json\"", Checkpoint(checkpoint));
        var spelledOut = Spec(explicitDeclaration);
        Assert.Equal(spelledOut, fromConfig);
        Assert.Empty(Check(configDeclaration + ", ConfigFile = \"config.json\"", Checkpoint(checkpoint)).Issues);
    }

    public static TheoryData<string, string, string> Goldens => new()
    {
        { "llama-3.2-1b", "MaxLen = 16384, Scheme = EncodingScheme.Rope", "rope_llama32_d64_L16384.json" },
        { "qwen2.5-7b-instruct-yarn", "MaxLen = 8192, Scheme = EncodingScheme.Rope", "rope_qwen3yarn_d128_L8192.json" },
        { "phi-3.5-mini", "MaxLen = 8192, Scheme = EncodingScheme.Rope", "rope_phi35_d96_L8192.json" },
        { "gemma-3-4b", "MaxLen = 4096, Scheme = EncodingScheme.Rope", "rope_gemma3global_d256_L4096.json" },
        { "pythia-1.4b", "Scheme = EncodingScheme.Rope", "rope_pythia_d128_rot32_L2048.json" },
        { "gpt-j-6b", "Scheme = EncodingScheme.RopeInterleaved", "ropei_gptj_d256_rot64_L2048.json" },
    };

    /// <summary>The goldens were computed from the same checkpoints' parameters: the config gives the golden's spec.</summary>
    [Theory]
    [MemberData(nameof(Goldens))]
    public void ConfigFileGivesTheGoldensSpec(string checkpoint, string configDeclaration, string golden)
    {
        var fromConfig = Spec(configDeclaration + ", ConfigFile = \"config.json\"", Checkpoint(checkpoint));
        var expected = RotaryScalingGoldenTests.SpecOf(GoldenTable.Load(golden));
        Assert.Equal(expected.Dim, fromConfig.Dim);
        Assert.Equal(expected.MaxLen, fromConfig.MaxLen);
        Assert.Equal(expected.Base, fromConfig.Base);
        Assert.Equal(expected.Scheme, fromConfig.Scheme);
        Assert.Equal(expected.Rotary, fromConfig.Rotary);
    }

    [Fact]
    public void DeepSeekV3AttentionFactorIsTheMscaleRatioOfOne()
    {
        var spec = Spec("MaxLen = 8192, Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\"", Checkpoint("deepseek-v3"));
        Assert.Equal(1.0, PEGen.Schemes.Rotary.RotaryFrequencies.Compute(spec.Base, spec.Rotary).AttentionFactor);
        Assert.Equal(64, spec.Dim);
    }

    [Fact]
    public void AnExplicitPropertyWinsOverTheFile()
    {
        var spec = Spec("Dim = 128, MaxLen = 2048, Scheme = EncodingScheme.Rope, Base = 250000, Factor = 4, ConfigFile = \"config.json\"", Checkpoint("llama-3.1-8b"));
        Assert.Equal(250000, spec.Base);
        Assert.Equal(4, spec.Rotary.Factor);
        Assert.Equal(8192, spec.Rotary.OriginalMaxLen);   // still from the file
        Assert.Equal(RopeScalingKind.Llama3, spec.Rotary.Scaling);

        // An explicit Scaling = None keeps the file's llama3 keys out altogether.
        var plain = Spec("MaxLen = 2048, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.None, ConfigFile = \"config.json\"", Checkpoint("llama-3.1-8b"));
        Assert.Null(plain.RotaryParameters);
        Assert.Equal(500000, plain.Base);
    }

    /// <summary>Through the generator: the ConfigFile class and the spelled-out class get the same sources.</summary>
    [Theory]
    [InlineData("llama-3.1-8b", "MaxLen = 64, Scheme = EncodingScheme.Rope",
        "Dim = 128, MaxLen = 64, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxLen = 8192")]
    [InlineData("gpt-j-6b", "MaxLen = 32, Scheme = EncodingScheme.RopeInterleaved", "Dim = 256, MaxLen = 32, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 64")]
    [InlineData("deepseek-v3", "MaxLen = 32, Scheme = EncodingScheme.Rope",
        "Dim = 64, MaxLen = 32, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Yarn, Factor = 40, OriginalMaxLen = 4096, Mscale = 1, MscaleAllDim = 1")]
    public void ConfigFileGeneratesTheExplicitDeclarationsSources(string checkpoint, string config, string spelledOut)
    {
        static string[] Generate(string arguments, params Microsoft.CodeAnalysis.AdditionalText[] files)
        {
            var compilation = GeneratorHarness.CreateCompilation("using PEGen;\nnamespace App;\n[PositionalEncoding(" + arguments + ")] public static partial class P { }");
            var result = GeneratorHarness.CreateDriver(null, files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics).GetRunResult();
            Assert.Empty(diagnostics);
            Assert.Empty(GeneratorHarness.Problems(output));
            return result.GeneratedTrees.Select(t => t.FilePath + "\n" + t.GetText()).ToArray();
        }

        var (path, text) = Checkpoint(checkpoint);
        var fromConfig = Generate(config + ", ConfigFile = \"config.json\"", new InMemoryAdditionalText(path, text));
        Assert.Equal(Generate(spelledOut), fromConfig);
        Assert.Contains(fromConfig, f => f.Contains("App.P.Table.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ConfigFileTablesAreTheExplicitDeclarationsTables()
    {
        foreach (var (checkpoint, config, spelledOut) in new[]
                 {
                     ("phi-3.5-mini", "MaxLen = 4100, Scheme = EncodingScheme.Rope",
                      "Dim = 96, MaxLen = 4100, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.LongRope, Factor = 32, OriginalMaxLen = 4096, ShortFactors = " + Phi35Short + ", LongFactors = " + Phi35Long),
                     ("gpt-j-6b", "MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved", "Dim = 256, MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 64"),
                 })
        {
            var a = TableBuilder.BuildRotary(Spec(config + ", ConfigFile = \"config.json\"", Checkpoint(checkpoint)));
            var b = TableBuilder.BuildRotary(Spec(spelledOut));
            Assert.Equal(b.Cos, a.Cos);
            Assert.Equal(b.Sin, a.Sin);
            Assert.Equal(b.ShortCos, a.ShortCos);
        }
    }
}
