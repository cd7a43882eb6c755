using System.Linq;
using PEGen.Model;
using static PEGen.Tests.Support.Declarations;

namespace PEGen.Tests.Parsing.Config;

/// <summary>ConfigFile: which file it names, what it fills, and every way it can fail (PEG010 on the ConfigFile argument).</summary>
public sealed class ConfigResolverTests
{
    private const string Rotary = "MaxLen = 64, Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\"";
    private const string Tiny = """{ "head_dim": 16, "rope_theta": 10000.0 }""";

    private static (string, string) File(string text, string path = "/p/config.json") => (path, text);

    private static ValidationIssue ConfigError(string declaration, params (string, string)[] files)
    {
        var issues = Check(declaration, files).Issues;
        var errors = issues.Where(i => i.IsError).ToList();
        Assert.True(errors.Count == 1, string.Join("\n", issues.Select(i => i.Id + " " + i.Argument + " " + string.Join(" | ", i.MessageArguments))));
        Assert.Equal(("PEG010", "ConfigFile"), (errors[0].Id, errors[0].Argument));
        return errors[0];
    }

    private static string Reason(ValidationIssue issue) => issue.MessageArguments[2];

    [Fact]
    public void NoMatchingFileSaysHowToAddIt()
    {
        var issue = ConfigError(Rotary, File(Tiny, "/p/myconfig.json"));
        Assert.Equal(new[] { "ConfigFile", "\"config.json\"" }, issue.MessageArguments.Take(2));
        Assert.Contains("<AdditionalFiles Include=\"config.json\" />", Reason(issue));
        ConfigError(Rotary);
    }

    [Fact]
    public void SeveralMatchingFilesAreListedWithALongerSuffixToUse()
    {
        var issue = ConfigError(Rotary, File(Tiny, "/p/models/a/config.json"), File(Tiny, "/p/models/b/config.json"));
        Assert.Contains("2 AdditionalFiles items", Reason(issue));
        Assert.Contains("/p/models/a/config.json, /p/models/b/config.json", Reason(issue));
        Assert.Contains("\"a/config.json\"", Reason(issue));
        Assert.Empty(Check(Rotary.Replace("\"config.json\"", "\"models/b/config.json\""), File(Tiny, "/p/models/a/config.json"), File(Tiny, "/p/models/b/config.json")).Issues);
    }

    [Theory]
    [InlineData("config.json", @"C:\repo\models\llama-3.1\config.json")]
    [InlineData("models/llama-3.1/config.json", @"C:\repo\models\llama-3.1\config.json")]
    [InlineData(@"models\llama-3.1\config.json", "/repo/models/llama-3.1/config.json")]
    [InlineData("./llama-3.1//config.json", "/repo/models/llama-3.1/config.json")]
    [InlineData("Config.JSON", "/repo/config.json")]
    [InlineData("/repo/config.json", "/repo/config.json")]
    [InlineData("config.json", "config.json")]
    public void PathSuffixMatchesOnSeparatorBoundaries(string configFile, string path) =>
        Assert.True(PEGen.Parsing.Config.ConfigFileMatch.Matches(configFile, path));

    [Theory]
    [InlineData("config.json", "/repo/myconfig.json")]
    [InlineData("llama/config.json", "/repo/models/minillama/config.json")]
    [InlineData("/config.json", "/repo/config.json")]
    [InlineData("", "/repo/config.json")]
    [InlineData("config.json", "/repo/config.json.bak")]
    public void PathSuffixDoesNotMatchInsideANameOrFolder(string configFile, string path) =>
        Assert.False(PEGen.Parsing.Config.ConfigFileMatch.Matches(configFile, path));

    [Fact]
    public void EmptyConfigFileIsPEG010() =>
        Assert.Contains("give the path", Reason(ConfigError(Rotary.Replace("\"config.json\"", "\"\""), File(Tiny))));

    [Theory]
    [InlineData("{ \"head_dim\": 16, }", "line 1, column 19: trailing comma")]
    [InlineData("{ \"head_dim\": 016 }", "leading zeros")]
    [InlineData("{ \"head_dim\": 16 ", "expected ',' or '}'")]
    [InlineData("{ \"rope_theta\": NaN }", "NaN and Infinity")]
    [InlineData("// comment\n{}", "line 1, column 1")]
    [InlineData("{ \"a\": 1, \"a\": 2 }", "duplicate key \"a\"")]
    [InlineData("[1, 2]", "top level is not a JSON object")]
    [InlineData("", "unexpected end")]
    [InlineData("{ \"rope_theta\": 1e400 }", "outside the double range")]
    public void InvalidJsonIsPEG010WithLineAndColumn(string text, string detail)
    {
        var issue = ConfigError(Rotary, File(text));
        Assert.Contains("/p/config.json", Reason(issue));
        Assert.Contains(detail, Reason(issue));
    }

    [Theory]
    [InlineData("{ \"head_dim\": \"16\" }", "head_dim is the string \"16\", expected an integer")]
    [InlineData("{ \"head_dim\": 16.5 }", "head_dim is 16.5, expected an integer")]
    [InlineData("{ \"head_dim\": 16, \"rope_scaling\": [1] }", "rope_scaling is not a JSON object")]
    [InlineData("{ \"head_dim\": 16, \"rope_scaling\": { \"rope_type\": \"longrope\", \"short_factor\": [1, \"x\"] } }", "rope_scaling.short_factor[1] is the string \"x\"")]
    [InlineData("{ \"text_config\": { \"head_dim\": 16, \"rope_theta\": true } }", "text_config.rope_theta is true, expected a number")]
    public void AKeyOfTheWrongTypeIsPEG010(string text, string detail) =>
        Assert.Contains(detail, Reason(ConfigError(Rotary, File(text))));

    [Theory]
    [InlineData("dynamic", "dynamic NTK scaling")]
    [InlineData("su", "renamed it \"longrope\"")]
    [InlineData("mrope", "does not offer")]
    public void ARopeTypePEGenDoesNotOfferIsPEG010(string type, string detail)
    {
        string text = "{ \"head_dim\": 16, \"rope_scaling\": { \"type\": \"" + type + "\", \"factor\": 2.0 } }";
        Assert.Contains(detail, Reason(ConfigError(Rotary, File(text))));
        // An explicit Scaling decides instead of the file's type.
        Assert.Equal(RopeScalingKind.Linear, Spec(Rotary + ", Scaling = RopeScaling.Linear", File(text)).Rotary.Scaling);
    }

    [Fact]
    public void RopeScalingWithoutATypeIsPEG010() =>
        Assert.Contains("has no rope_type", Reason(ConfigError(Rotary, File("{ \"head_dim\": 16, \"rope_scaling\": { \"factor\": 2.0 } }"))));

    [Fact]
    public void RopeTypeDefaultOrNullScalingIsNoScaling()
    {
        Assert.Null(Spec(Rotary, File("{ \"head_dim\": 16, \"rope_scaling\": { \"rope_type\": \"default\" } }")).RotaryParameters);
        Assert.Null(Spec(Rotary, File("{ \"head_dim\": 16, \"rope_scaling\": null }")).RotaryParameters);
    }

    [Theory]
    [InlineData("{ \"rope_theta\": 10000.0 }", "Dim", "head dimension")]
    [InlineData("{ \"hidden_size\": 64 }", "Dim", "head dimension")]
    [InlineData("{ \"head_dim\": 16, \"rope_scaling\": { \"rope_type\": \"linear\" } }", "Factor", "rope_scaling.factor, which RopeScaling.Linear needs")]
    [InlineData("{ \"head_dim\": 16, \"rope_scaling\": { \"rope_type\": \"llama3\", \"factor\": 8.0 } }", "OriginalMaxLen", "original_max_position_embeddings")]
    [InlineData("{ \"head_dim\": 16, \"original_max_position_embeddings\": 32, \"rope_scaling\": { \"type\": \"longrope\", \"factor\": 2.0, \"long_factor\": [1,1,1,1,1,1,1,1] } }", "ShortFactors", "rope_scaling.short_factor")]
    [InlineData("{ \"head_dim\": 16, \"original_max_position_embeddings\": 32, \"rope_scaling\": { \"type\": \"longrope\", \"short_factor\": [1,1,1,1,1,1,1,1], \"long_factor\": [1,1,1,1,1,1,1,1] } }", "Factor", "whose quotient is LongRope's factor")]
    public void AKeyTheDeclarationNeedsMissingIsPEG010(string text, string property, string detail)
    {
        var issue = ConfigError(Rotary, File(text));
        Assert.Contains(detail, Reason(issue));
        Assert.Contains("set " + property + " in the declaration", Reason(issue));
    }

    [Fact]
    public void MaxLenMissingFromTheFileIsPEG010() =>
        Assert.Contains("max_position_embeddings (or n_positions)", Reason(ConfigError("Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\"", File(Tiny))));

    [Fact]
    public void AnUnusableFileDoesNotAlsoReportWhatItWouldHaveFilled()
    {
        var issues = Check("Scheme = EncodingScheme.Rope, ConfigFile = \"config.json\"", File("{")).Issues;
        Assert.Equal("ConfigFile", Assert.Single(issues).Argument);
    }

    [Fact]
    public void AnInvalidValueFromTheFileIsReportedOnConfigFileAndNamesIt()
    {
        var issue = ConfigError(Rotary, File("{ \"head_dim\": 16, \"rope_scaling\": { \"rope_type\": \"linear\", \"factor\": 0.5 } }"));
        Assert.Equal(new[] { "Factor (from config.json)", "0.5" }, issue.MessageArguments.Take(2));
        var odd = ConfigError(Rotary, File("{ \"head_dim\": 15 }"));
        Assert.Equal("Dim (from config.json)", odd.MessageArguments[0]);
    }

    [Fact]
    public void ConfigFileOnANonRotarySchemeIsPEG010AndTheFileIsNotRead()
    {
        var issue = Assert.Single(Check("Dim = 64, MaxLen = 64, ConfigFile = \"config.json\"").Issues);
        Assert.Equal(("PEG010", "ConfigFile"), (issue.Id, issue.Argument));
        Assert.Contains("rotary schemes only", issue.MessageArguments[2]);
    }

    [Fact]
    public void LegacyTypeAndRopeTypeAreTheSame()
    {
        string Config(string key) => "{ \"head_dim\": 16, \"rope_scaling\": { \"" + key + "\": \"yarn\", \"factor\": 4.0, \"original_max_position_embeddings\": 32 } }";
        Assert.Equal(Spec(Rotary, File(Config("type"))), Spec(Rotary, File(Config("rope_type"))));
    }

    [Fact]
    public void YarnWithoutOriginalUsesMaxPositionEmbeddingsAsTransformersDoes()
    {
        var spec = Spec(Rotary, File("{ \"head_dim\": 16, \"max_position_embeddings\": 4096, \"rope_scaling\": { \"rope_type\": \"yarn\", \"factor\": 4.0 } }"));
        Assert.Equal(4096, spec.Rotary.OriginalMaxLen);
        Assert.Equal(64, spec.MaxLen);   // the declaration's MaxLen wins
    }

    [Fact]
    public void TopLevelOriginalMaxPositionEmbeddingsServesEveryScaling()
    {
        var spec = Spec(Rotary, File("{ \"head_dim\": 16, \"original_max_position_embeddings\": 32, \"rope_scaling\": { \"rope_type\": \"llama3\", \"factor\": 8.0 } }"));
        Assert.Equal(32, spec.Rotary.OriginalMaxLen);
        Assert.Equal(1, spec.Rotary.LowFreqFactor);   // absent keys keep the attribute's defaults
    }

    [Fact]
    public void TransformersV5RopeParametersAreRead()
    {
        var v4 = Spec(Rotary, File("{ \"head_dim\": 16, \"rope_theta\": 500000.0, \"partial_rotary_factor\": 0.5, \"rope_scaling\": { \"rope_type\": \"linear\", \"factor\": 2.0 } }"));
        var v5 = Spec(Rotary, File("{ \"head_dim\": 16, \"rope_parameters\": { \"rope_type\": \"linear\", \"factor\": 2.0, \"rope_theta\": 500000.0, \"partial_rotary_factor\": 0.5 } }"));
        Assert.Equal(v4, v5);
        Assert.Equal(8, v5.Rotary.RotaryDim);
        Assert.Contains("per layer type", Reason(ConfigError(Rotary, File("{ \"head_dim\": 16, \"rope_parameters\": { \"full_attention\": { \"rope_type\": \"default\" } } }"))));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.25")]
    public void APartialRotaryFactorOutsideZeroToOneIsPEG010(string value) =>
        Assert.Contains("must be in (0, 1]", Reason(ConfigError(Rotary, File("{ \"head_dim\": 16, \"partial_rotary_factor\": " + value + " }"))));

    [Fact]
    public void KeysTheChosenScalingIgnoresAreNotFilled()
    {
        // A linear config with YaRN keys (transformers warns and ignores them): nothing is filled, nothing warned.
        var validation = Check(Rotary, File("{ \"head_dim\": 16, \"rope_scaling\": { \"rope_type\": \"linear\", \"factor\": 2.0, \"beta_fast\": 8 } }"));
        Assert.Empty(validation.Issues);
        Assert.Null(validation.Declaration.Arguments.Rotary.BetaFast);
    }

    [Fact]
    public void TheSameFileGivesTheSameAnswerWhicheverOrderTheFilesCome()
    {
        var a = Check(Rotary, File(Tiny, "/p/x/config.json"), File("{}", "/p/other.json"));
        var b = Check(Rotary, File("{}", "/p/other.json"), File(Tiny, "/p/x/config.json"));
        Assert.Equal(a.Declaration, b.Declaration);
    }
}
