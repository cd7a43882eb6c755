using System.Linq;
using PEGen.Tests.Support;

namespace PEGen.Tests.Generator;

/// <summary>Invalid declarations: the generator neither throws nor emits members (the analyzers report them).</summary>
public sealed class InvalidInputTests
{
    [Theory]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4)] public static class NotPartial { }")]
    [InlineData("[PositionalEncoding(MaxLen = 4)] public static partial class NoDim { }")]
    [InlineData("[PositionalEncoding(Dim = 0, MaxLen = 4)] public static partial class ZeroDim { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = -4)] public static partial class NegativeMaxLen { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4, Base = 1)] public static partial class BaseOne { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4, Base = double.NaN)] public static partial class BaseNaN { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4, PaddingIndex = 1)] public static partial class PaddingNotFairseq { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4, Scheme = (EncodingScheme)99)] public static partial class UnknownScheme { }")]
    [InlineData("[PositionalEncoding(Dim = 65536, MaxLen = 65536)] public static partial class Huge { }")]
    [InlineData("[PositionalEncoding(Dim = int.MaxValue, MaxLen = int.MaxValue)] public static partial class Overflow { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4)] public partial class Generic<T> { }")]
    [InlineData("public partial class Outer<T> { [PositionalEncoding(Dim = 8, MaxLen = 4)] public static partial class Inner { } }")]
    [InlineData("public class NotPartialOuter { [PositionalEncoding(Dim = 8, MaxLen = 4)] public static partial class Inner { } }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4)] public partial record Rec { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4)] public static partial class Clash { public static int Table => 1; }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4)] file static partial class FileLocal { }")]
    [InlineData("[PositionalEncoding(Dim = N, MaxLen = 4)] public static partial class NotConstant { static int N = 8; }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = 4, Scheme = EncodingScheme.Rope, Dim = 9)] public static partial class Broken { }")]
    [InlineData("[PositionalEncoding(Dim = 8, MaxLen = ")]
    public void InvalidDeclarationsGenerateNothing(string declaration)
    {
        var (_, result) = GeneratorHarness.Run("using PEGen;\n" + declaration);
        var run = result.Results.Single();
        Assert.Null(run.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.EndsWith(".Table.g.cs", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[PositionalEncoding(Dim = 7, MaxLen = 4)] public static partial class OddDim { }")]
    [InlineData("[PositionalEncoding(Dim = 2, MaxLen = 1)] public static partial class Smallest { }")]
    [InlineData("[PositionalEncoding(Dim = 4, MaxLen = 4, Scheme = EncodingScheme.Linear)] public partial class Naive { }")]
    public void WarnedButValidDeclarationsStillGenerate(string declaration)
    {
        var (output, result) = GeneratorHarness.Run("using PEGen;\n" + declaration);
        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName.EndsWith(".Table.g.cs", System.StringComparison.Ordinal));
    }
}
