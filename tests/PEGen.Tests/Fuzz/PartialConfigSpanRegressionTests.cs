using System.Collections.Generic;

namespace PEGen.Tests.Fuzz;

/// <summary>
/// Found by <see cref="FrontEndFuzzTests"/> (about one run in 20-40): a rotary declaration with Dim = 1 &lt;&lt; 30,
/// MaxLen &gt;= 2 and a ConfigFile whose config.json has partial_rotary_factor = 0.5. The file fills
/// RotaryDim = int(Dim * 0.5) = 2^29, below Dim, so Dim x MaxLen (one head's rows for Rotate) must be at most
/// 2^31 - 1 (docs/diagnostics.md, RotaryDim; "the file's values go through the same rules as written ones").
/// The product reports that PEG010 (with PEG007 from the Full size Dim x MaxLen); the oracle applied the rule
/// only to a written RotaryDim, so it predicted PEG007 alone and the fuzz failed with "unpredicted PEG errors PEG010".
/// Fixed in the oracle (RotaryCases.Judge, ConfigFile branch).
/// </summary>
public sealed class PartialConfigSpanRegressionTests
{
    private const string PartialConfig =
        "{ \"head_dim\": 4, \"rope_theta\": 10000.0, \"max_position_embeddings\": 8, \"vocab_size\": 32000, \"partial_rotary_factor\": 0.5, \"rope_scaling\": null }";

    /// <summary>The shape of the one failure seen: nested in a file-local class, Dim = 2^30, MaxLen = 8.</summary>
    [Fact]
    public void NestedInFileLocalWithPartialConfigReportsTheSpanRule()
    {
        var c = new DeclarationCase
        {
            Index = 0, Seed = 0,
            Files = new[]
            {
                ("Case0_a.cs", "using PEGen;\nfile partial class Ou0x {\n    [PositionalEncoding(Dim = 1 << 30, MaxLen = 8, Scheme = EncodingScheme.Rope, ConfigFile = \"Case0x/config.json\")]\n    public static partial class Pe0x { }\n}\n"),
            },
            AdditionalFiles = new[] { ("/fuzz/Case0x/config.json", PartialConfig) },
            Kind = Expectation.PegError,
            PredictedErrors = new HashSet<string> { "PEG009", "PEG010", "PEG007" },
            RequiredWarnings = new(), AllowedWarnings = new() { "PEG008" }, ClassToken = "Pe0x", Summary = "NestedInFileLocal, partial config, Dim = 2^30",
        };
        FrontEndFuzzTests.CheckBatch(new[] { c });
    }

    /// <summary>Case seeds whose draw is Dim = 1 &lt;&lt; 30 with a partial_rotary_factor config (MaxLen 2, 8, 40; MaxLen 1 fits a span).</summary>
    [Theory]
    [InlineData(-1019491734, true)]    // Class, MaxLen = 2: 2^31 values, one past the span limit
    [InlineData(1755618700, true)]     // Class, MaxLen = 8, Base = 10000
    [InlineData(2096718326, true)]     // Class, MaxLen = 40
    [InlineData(-1078867013, false)]   // Generic (PEG009), MaxLen = 1: 2^30 values fit
    public void OraclePredictsTheSpanRuleForAConfigRotaryDim(int seed, bool spanRule)
    {
        var c = DeclarationCases.Build(0, seed);
        Assert.Contains("config=Partial", c.Summary);
        Assert.Contains("Dim=1 << 30", c.Summary);
        Assert.Equal(Expectation.PegError, c.Kind);
        Assert.Equal(spanRule, c.PredictedErrors.Contains("PEG010"));
        FrontEndFuzzTests.CheckBatch(new[] { c });
    }
}
