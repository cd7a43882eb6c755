using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PEGen.Tests.Support;

namespace PEGen.Tests.Reliability;

/// <summary>
/// Issue 6, determinism: the generated sources are byte-identical across repeated runs (fresh
/// drivers and generator instances) and across the host's culture. The parallel-build half is in
/// PEGen.IntegrationTests (ParallelBuildDeterminismTests).
/// </summary>
public sealed class DeterminismTests
{
    // Every scheme, odd and even Dim, negative and fractional arguments, nesting and the global namespace.
    private const string Declarations = """
        using PEGen;
        namespace Det.Space
        {
            [PositionalEncoding(Dim = 6, MaxLen = 33)] public static partial class Vaswani6 { }
            [PositionalEncoding(Dim = 7, MaxLen = 5, Base = 123.456)] internal static partial class VaswaniOdd { }
            [PositionalEncoding(Dim = 10, MaxLen = 9, Scheme = EncodingScheme.AnnotatedTransformer)] public static partial class Annotated { }
            [PositionalEncoding(Dim = 10, MaxLen = 9, Scheme = EncodingScheme.HuggingFaceXlm)] public static partial class Xlm { }
            [PositionalEncoding(Dim = 9, MaxLen = 9, Scheme = EncodingScheme.HuggingFaceMarian)] public static partial class Marian { }
            [PositionalEncoding(Dim = 9, MaxLen = 9, Scheme = EncodingScheme.TensorToTensor, Base = 1.0E4)] public static partial class T2T { }
            [PositionalEncoding(Dim = 12, MaxLen = 10, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)] public static partial class Fairseq { }
            [PositionalEncoding(Dim = 8, MaxLen = 9, Scheme = EncodingScheme.Whisper, Base = 2.5)] public static partial class Whisper { }
            [PositionalEncoding(Dim = 16, MaxLen = 12, Scheme = EncodingScheme.Rope, Base = 500000)] public static partial class Rope { }
            [PositionalEncoding(Dim = 8, MaxLen = 12, Scheme = EncodingScheme.RopeInterleaved, Base = 1.5)] public static partial class RopeI { }
            [PositionalEncoding(Dim = 3, MaxLen = 12, Scheme = EncodingScheme.Linear)] public static partial class Linear { }
            [PositionalEncoding(Dim = 5, MaxLen = 12, Scheme = EncodingScheme.NormalizedRange)] public static partial class Normalized { }
            public partial class Outer { [PositionalEncoding(Dim = 4, MaxLen = 1000)] internal partial class Inner { } }
        }
        [PositionalEncoding(Dim = 2, MaxLen = 3)] partial class Global { }
        """;

    public static TheoryData<string> Cultures => new() { "de-DE", "fi-FI", "tr-TR", "ar-SA" };

    private static string Generate()
    {
        var (_, result) = GeneratorHarness.Run(Declarations);
        var run = result.Results.Single();
        Assert.Null(run.Exception);
        var builder = new StringBuilder();
        foreach (var source in run.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
            builder.Append("//# ").Append(source.HintName).Append('\n').Append(source.SourceText.ToString()).Append('\n');
        return builder.ToString();
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string InvariantBaseline()
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return Generate();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    public void RepeatedRunsAreByteIdentical()
    {
        string first = Generate();
        Assert.Contains("Global.Table.g.cs", first, StringComparison.Ordinal);
        Assert.Contains("Det.Space.Outer+Inner", first, StringComparison.Ordinal);
        for (int i = 0; i < 3; i++)
            Assert.Equal(Hash(first), Hash(Generate()));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void CultureDoesNotChangeTheOutput(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        // Without ICU every culture formats as the invariant one and the test would prove nothing.
        if (name == "fi-FI")
            Assert.True(culture.NumberFormat.NegativeSign == "\u2212", "fi-FI should use U+2212 as minus sign (is ICU loaded? DOTNET_SYSTEM_GLOBALIZATION_INVARIANT must be off)");
        if (name == "de-DE")
            Assert.Equal(",", culture.NumberFormat.NumberDecimalSeparator);

        string expected = InvariantBaseline();
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        string actual;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            actual = Generate();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (saved, savedUi);
        }

        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i]);
            Assert.Fail($"{name}: output differs from the invariant culture's at line {line + 1}:\n- {e.ElementAtOrDefault(line)}\n+ {a.ElementAtOrDefault(line)}");
        }
    }
}
