using System;
using System.Linq;
using PEGen.Model;
using PEGen.Parsing;
using PEGen.Tests.Support;
using static PEGen.Tests.Support.Declarations;

namespace PEGen.Tests.Parsing;

/// <summary>
/// SPEC section 6's rules (StorageRules): a defined TableStorage; Compact needs a table (not NormalizedRange) and a row of
/// at most 8,192 values (Dim, RotaryDim for rotary schemes); with Linear it changes nothing.
/// </summary>
public sealed class StorageRulesTests
{
    private const string Compact = ", Storage = TableStorage.Compact";

    private static ValidationIssue SingleError(string declaration)
    {
        var issues = Check(declaration).Issues;
        var errors = issues.Where(i => i.IsError).ToList();
        Assert.True(errors.Count == 1, string.Join("\n", issues.Select(i => i.Id + " " + i.Argument + " " + string.Join(" | ", i.MessageArguments))));
        return errors[0];
    }

    [Theory]
    [InlineData("Dim = 64, MaxLen = 512")]
    [InlineData("Dim = 64, MaxLen = 131072")]
    [InlineData("Dim = 33, MaxLen = 1024, Scheme = EncodingScheme.HuggingFaceMarian")]
    [InlineData("Dim = 64, MaxLen = 2050, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1")]
    [InlineData("Dim = 128, MaxLen = 1048576, Scheme = EncodingScheme.Rope, Base = 1000000")]
    [InlineData("Dim = 8192, MaxLen = 8192")]                                        // 256 MiB Full (PEG007), a few MiB compact
    [InlineData("Dim = 16384, MaxLen = 16, Scheme = EncodingScheme.Rope, RotaryDim = 8192")]
    public void CompactDeclarationsAreValidAndCompact(string declaration)
    {
        var validation = Check(declaration + Compact);
        Assert.DoesNotContain(validation.Issues, i => i.IsError);
        Assert.Equal(TableStorageKind.Compact, Spec(declaration + Compact).Storage);
    }

    [Fact]
    public void FullIsTheDefaultAndCanBeWritten()
    {
        Assert.Equal(TableStorageKind.Full, Spec("Dim = 8, MaxLen = 8").Storage);
        Assert.Equal(TableStorageKind.Full, Spec("Dim = 8, MaxLen = 8, Storage = TableStorage.Full").Storage);
        Assert.Equal(TableStorageKind.Full, Spec("Dim = 8, MaxLen = 8, Storage = 0").Storage);
    }

    [Fact]
    public void CompactWithNormalizedRangeIsPEG010()
    {
        var issue = SingleError("Dim = 8, MaxLen = 8, Scheme = EncodingScheme.NormalizedRange" + Compact);
        Assert.Equal(("PEG010", "Storage"), (issue.Id, issue.Argument));
        Assert.Contains("no table", string.Join(" | ", issue.MessageArguments));
        // The naive scheme's own warning stays.
        Assert.Contains("PEG004", Ids("Dim = 8, MaxLen = 8, Scheme = EncodingScheme.NormalizedRange" + Compact));
        Assert.Null(EncodingValidator.ToSpec(Check("Dim = 8, MaxLen = 8, Scheme = EncodingScheme.NormalizedRange" + Compact)));
    }

    [Theory]
    [InlineData("(TableStorage)7", "7")]
    [InlineData("(TableStorage)2", "2")]
    [InlineData("(TableStorage)(-1)", "-1")]
    [InlineData("(TableStorage)int.MaxValue", "2147483647")]
    public void UndefinedStorageIsPEG010(string value, string shown)
    {
        var issue = SingleError("Dim = 8, MaxLen = 8, Storage = " + value);
        Assert.Equal(("PEG010", "Storage"), (issue.Id, issue.Argument));
        Assert.Contains(shown, issue.MessageArguments);
        Assert.Equal("PEG010", SingleError("Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Rope, Storage = " + value).Id);
    }

    [Theory]
    [InlineData("Dim = 8194, MaxLen = 8", "Dim = 8194")]
    [InlineData("Dim = 8193, MaxLen = 8", "Dim = 8193")]                              // odd: PEG003 besides
    [InlineData("Dim = 10000, MaxLen = 4, Scheme = EncodingScheme.Whisper", "Dim = 10000")]
    [InlineData("Dim = 8196, MaxLen = 8, Scheme = EncodingScheme.Rope", "RotaryDim = 8196")]
    [InlineData("Dim = 16384, MaxLen = 8, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 8194", "RotaryDim = 8194")]
    public void RowsOfMoreThan8192ValuesArePEG010WithCompact(string declaration, string shown)
    {
        var issue = SingleError(declaration + Compact);
        Assert.Equal(("PEG010", "Storage"), (issue.Id, issue.Argument));
        Assert.Contains(shown, string.Join(" | ", issue.MessageArguments));
        // Full storage has no such limit (its rows are constant data).
        Assert.DoesNotContain(Check(declaration).Issues, i => i.IsError);
    }

    [Fact]
    public void The8192ValuesAreTheRotaryWidthNotDim()
    {
        Assert.DoesNotContain(Check("Dim = 8192, MaxLen = 8, Scheme = EncodingScheme.Rope" + Compact).Issues, i => i.IsError);
        Assert.DoesNotContain(Check("Dim = 20000, MaxLen = 8, Scheme = EncodingScheme.Rope, RotaryDim = 64" + Compact).Issues, i => i.IsError);
    }

    [Fact]
    public void CompactWithLinearIsFullStorage()
    {
        Assert.Equal(TableStorageKind.Full, Spec("Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Linear" + Compact).Storage);
        // Its size rules stay Full's: a Linear table past the hard cap is PEG007 with Compact too.
        Assert.Contains("PEG007", Ids("Dim = 8192, MaxLen = 8192, Scheme = EncodingScheme.Linear" + Compact));
        // And no row limit: Linear's rows are constant data.
        Assert.DoesNotContain(Check("Dim = 10000, MaxLen = 2, Scheme = EncodingScheme.Linear" + Compact).Issues, i => i.IsError);
    }

    [Theory]
    [InlineData("Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Linear")]
    [InlineData("Dim = 3, MaxLen = 5, Scheme = EncodingScheme.Linear")]
    public void CompactWithLinearGeneratesTheSameSourceAsFull(string declaration)
    {
        string Source(string arguments) => "#pragma warning disable PEG005\nnamespace App; [PEGen.PositionalEncoding(" + arguments.Replace("EncodingScheme.", "PEGen.EncodingScheme.") +
                                           ")] public static partial class L { }";
        var full = Generated(Source(declaration));
        Assert.Equal(full, Generated(Source(declaration + ", Storage = PEGen.TableStorage.Compact")));
        Assert.Equal(full, Generated(Source(declaration + ", Storage = PEGen.TableStorage.Full")));
        Assert.Contains(full, f => f.HintName.EndsWith(".Table.g.cs", StringComparison.Ordinal));
    }

    private static (string HintName, string Text)[] Generated(string source)
    {
        var (output, result) = GeneratorHarness.Run(source);
        Assert.Empty(GeneratorHarness.Problems(output));
        return result.Results[0].GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// TensorToTensor with Dim = 1 has no sin/cos pair (one zero column): a compact class has no factors to build, and
    /// still compiles and gives Full's rows (the generator used to throw IndexOutOfRangeException, CS8785, which drops
    /// every generated class of the compilation).
    /// </summary>
    [Fact]
    public void ACompactClassWithoutFrequenciesGeneratesFullsZeros()
    {
        const string source = """
            #pragma warning disable PEG003
            using System.Linq;
            using PEGen;
            [PositionalEncoding(Dim = 1, MaxLen = 6, Scheme = EncodingScheme.TensorToTensor, Storage = TableStorage.Compact)] public static partial class C { }
            [PositionalEncoding(Dim = 1, MaxLen = 6, Scheme = EncodingScheme.TensorToTensor)] public static partial class F { }
            [PositionalEncoding(Dim = 4, MaxLen = 6, Storage = TableStorage.Compact)] public static partial class Other { }
            public static class Probe
            {
                public static float[] Compact() { var x = new float[6]; C.CopyRows(0, x); var y = new float[6]; C.AddTo(y, 0); return x.Concat(y).ToArray(); }
                public static float[] Full() { var x = F.Table.ToArray(); return x.Concat(x).ToArray(); }
                public static float[] OtherRows() { var x = new float[4]; Other.CopyRows(1, x); return x; }
            }
            """;
        using var loaded = GeneratorHarness.CompileAndLoad(source);
        var compact = (float[])loaded.Call("Probe", "Compact")!;
        Assert.Equal((float[])loaded.Call("Probe", "Full")!, compact);
        Assert.All(compact, v => Assert.Equal(0, BitConverter.SingleToInt32Bits(v)));
        Assert.NotEqual(new float[4], (float[])loaded.Call("Probe", "OtherRows")!);   // the other classes still generate
        Assert.Null(loaded.Assembly.GetType("C")!.GetProperty("Table"));
    }
}
