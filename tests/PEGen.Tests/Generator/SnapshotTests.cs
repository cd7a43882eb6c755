using PEGen.Emit.Shared;
using System.Linq;
using PEGen.Tests.Support;

namespace PEGen.Tests.Generator;

/// <summary>The generated sources, checked in as golden files (see Support/Snapshot.cs to accept changes).</summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("VaswaniInNamespace", "namespace App.Text; [PEGen.PositionalEncoding(Dim = 8, MaxLen = 4)] public static partial class Positions { }")]
    [InlineData("LinearGlobalNested", "public partial class Outer { [PEGen.PositionalEncoding(Dim = 3, MaxLen = 5, Scheme = PEGen.EncodingScheme.Linear)] internal partial class @class { } }")]
    [InlineData("VaswaniOddDim", "[PEGen.PositionalEncoding(Dim = 5, MaxLen = 3, Base = 100)] partial class Odd { }")]
    [InlineData("FairseqPadding", "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 4, Scheme = PEGen.EncodingScheme.Fairseq, PaddingIndex = 1)] internal static partial class Fs { }")]
    [InlineData("RopeHalves", "namespace M; [PEGen.PositionalEncoding(Dim = 16, MaxLen = 3, Scheme = PEGen.EncodingScheme.Rope)] public static partial class Rot { }")]
    [InlineData("RopeHalves32", "[PEGen.PositionalEncoding(Dim = 32, MaxLen = 2, Scheme = PEGen.EncodingScheme.Rope)] static partial class Rot32 { }")]
    [InlineData("RopeInterleaved", "[PEGen.PositionalEncoding(Dim = 32, MaxLen = 2, Scheme = PEGen.EncodingScheme.RopeInterleaved)] static partial class RotI { }")]
    [InlineData("RopePartial", "[PEGen.PositionalEncoding(Dim = 48, MaxLen = 3, Scheme = PEGen.EncodingScheme.Rope, RotaryDim = 16)] public static partial class Partial { }")]
    [InlineData("LongRope", "[PEGen.PositionalEncoding(Dim = 32, MaxLen = 6, Scheme = PEGen.EncodingScheme.RopeInterleaved, Scaling = PEGen.RopeScaling.LongRope, " +
        "Factor = 2, OriginalMaxLen = 4, ShortFactors = new[] { 1.0, 1, 1, 1, 1.5, 1.5, 1.5, 1.5, 2, 2, 2, 2, 3, 3, 3, 3 }, " +
        "LongFactors = new[] { 1.0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8 })] public static partial class Phi { }")]
    [InlineData("RopeCompact", "[PEGen.PositionalEncoding(Dim = 16, MaxLen = 100, Scheme = PEGen.EncodingScheme.Rope, Base = 500000, " +
        "Storage = PEGen.TableStorage.Compact)] public static partial class LongRot { }")]
    [InlineData("FairseqCompact", "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 40, Scheme = PEGen.EncodingScheme.Fairseq, PaddingIndex = 1, " +
        "Storage = PEGen.TableStorage.Compact)] static partial class LongFairseq { }")]
    [InlineData("NormalizedRange", "[PEGen.PositionalEncoding(Dim = 4, MaxLen = 9, Scheme = PEGen.EncodingScheme.NormalizedRange)] static partial class Norm { }")]
    public void GeneratedSourcesMatchSnapshot(string name, string source)
    {
        var (_, result) = GeneratorHarness.Run(source);
        foreach (var generated in result.Results[0].GeneratedSources.OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            string part = generated.HintName.EndsWith(".Table.g.cs", System.StringComparison.Ordinal) ? "Table"
                : generated.HintName.EndsWith(".PositionalEncoding.g.cs", System.StringComparison.Ordinal) ? "Members"
                : null!;
            if (part is null) continue;
            Snapshot.Match(name + "." + part, generated.SourceText.ToString());
        }
    }

    [Fact]
    public void AttributeSourceMatchesSnapshot()
    {
        var (_, result) = GeneratorHarness.Run("class C { }");
        var sources = result.Results[0].GeneratedSources;
        Snapshot.Match("Attribute", sources.Single(s => s.HintName == "PEGen.PositionalEncodingAttribute.g.cs").SourceText.ToString());
        Snapshot.Match("EmbeddedAttribute", sources.Single(s => s.HintName == "PEGen.EmbeddedAttribute.g.cs").SourceText.ToString());
    }

    [Fact]
    public void SharedHelpersMatchSnapshot()
    {
        var (_, result) = GeneratorHarness.Run(
            "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 4)] static partial class T { } " +
            "[PEGen.PositionalEncoding(Dim = 4, MaxLen = 9, Scheme = PEGen.EncodingScheme.NormalizedRange)] static partial class N { } " +
            "[PEGen.PositionalEncoding(Dim = 4, MaxLen = 2, Scheme = PEGen.EncodingScheme.RopeInterleaved)] static partial class I { }");
        var sources = result.Results[0].GeneratedSources;
        Snapshot.Match("SharedHelpers", sources.Single(s => s.HintName == SharedHelpersEmitter.HintName).SourceText.ToString());
    }

    // The compact kernel (CompactRows and its per-width, per-mode methods) is shared text: its own golden file, so a
    // change to the run loop or the float32-angle correction shows up in review.
    [Fact]
    public void CompactSharedKernelMatchesSnapshot()
    {
        var (_, result) = GeneratorHarness.Run(
            "[PEGen.PositionalEncoding(Dim = 16, MaxLen = 100, Scheme = PEGen.EncodingScheme.Rope, Base = 500000, " +
            "Storage = PEGen.TableStorage.Compact)] static partial class C { }");
        string text = result.Results[0].GeneratedSources.Single(s => s.HintName == SharedHelpersEmitter.HintName).SourceText.ToString();
        Assert.Contains("internal static void CompactRows<TMode, TLayout>(", text);
        Snapshot.Match("SharedHelpersCompact", text);
    }

    [Theory]
    [InlineData("class C { }")]
    [InlineData("[PEGen.PositionalEncoding(Dim = 0, MaxLen = 3)] static partial class Invalid { }")]
    public void NoSharedHelpersWithoutAValidDeclaration(string source)
    {
        var (_, result) = GeneratorHarness.Run(source);
        Assert.DoesNotContain(result.Results[0].GeneratedSources, s => s.HintName == SharedHelpersEmitter.HintName);
    }

    [Fact]
    public void RotaryOnlyCompilationGetsTheChecksButNoKernels()
    {
        var (_, result) = GeneratorHarness.Run("[PEGen.PositionalEncoding(Dim = 16, MaxLen = 3, Scheme = PEGen.EncodingScheme.Rope)] static partial class R { }");
        string text = result.Results[0].GeneratedSources.Single(s => s.HintName == SharedHelpersEmitter.HintName).SourceText.ToString();
        Assert.Contains("RotaryRows", text);
        Assert.DoesNotContain("_Vector", text);
        Assert.DoesNotContain("SwapPairs", text);   // the pair shuffles are for the interleaved layout only
    }

    [Fact]
    public void InterleavedRotaryCompilationGetsThePairShuffles()
    {
        var (_, result) = GeneratorHarness.Run("[PEGen.PositionalEncoding(Dim = 16, MaxLen = 3, Scheme = PEGen.EncodingScheme.RopeInterleaved)] static partial class R { }");
        string text = result.Results[0].GeneratedSources.Single(s => s.HintName == SharedHelpersEmitter.HintName).SourceText.ToString();
        Assert.Contains("Vector512<float> SwapPairs(Vector512<float> v)", text);
        Assert.Contains("Vector128<float> DuplicateHigh(Vector128<float> v)", text);
        Assert.DoesNotContain("AddTable_", text);
    }

    [Fact]
    public void TableOnlyCompilationGetsOnlyTheTableKernels()
    {
        var (_, result) = GeneratorHarness.Run("[PEGen.PositionalEncoding(Dim = 8, MaxLen = 4)] static partial class T { }");
        string text = result.Results[0].GeneratedSources.Single(s => s.HintName == SharedHelpersEmitter.HintName).SourceText.ToString();
        Assert.Contains("AddTable_Vector512", text);
        Assert.Contains("ScaleAddTable_Vector128", text);
        Assert.DoesNotContain("AddValue_", text);
    }
}
