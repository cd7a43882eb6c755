using System;
using System.Linq;
using PEGen.Model;
using PEGen.Tests.Support;

namespace PEGen.Tests.Generator;

/// <summary>
/// Generated code is read by users: no member or helper line over 160 characters (table data aside),
/// and nothing that cites documents a reader of the output does not have.
/// </summary>
public sealed class GeneratedCodeShapeTests
{
    private static string Declarations()
    {
        var source = new System.Text.StringBuilder("using PEGen;\nnamespace A.Rather.Long.Namespace.Name;\n#pragma warning disable PEG003, PEG004, PEG005\n");
        foreach (var kind in Enum.GetValues<SchemeKind>())
        {
            foreach (int dim in new[] { 8, 9, 1024 })
            {
                if (dim % 2 == 1 && kind is SchemeKind.Whisper or SchemeKind.Rope or SchemeKind.RopeInterleaved) continue;
                string padding = kind == SchemeKind.Fairseq ? ", PaddingIndex = 1" : "";
                source.Append($"[PositionalEncoding(Dim = {dim}, MaxLen = 33, Scheme = EncodingScheme.{kind}{padding})] ")
                      .Append($"public static partial class AVeryLongClassNameForThe{kind}EncodingWithDim{dim} {{ }}\n");
            }
        }
        // Partial and scaled rotary classes get more members (LongRoPE the most): their lines too.
        string factors = "new[] { " + string.Join(", ", Enumerable.Repeat("1.5", 16)) + " }";
        foreach (var kind in new[] { SchemeKind.Rope, SchemeKind.RopeInterleaved })
        {
            source.Append($"[PositionalEncoding(Dim = 1024, MaxLen = 33, Scheme = EncodingScheme.{kind}, RotaryDim = 64, Scaling = RopeScaling.Yarn, ")
                  .Append($"Factor = 4, OriginalMaxLen = 16)] public static partial class AVeryLongClassNameForThePartialYarn{kind}EncodingWithDim1024 {{ }}\n");
            source.Append($"[PositionalEncoding(Dim = 64, MaxLen = 33, Scheme = EncodingScheme.{kind}, RotaryDim = 32, Scaling = RopeScaling.LongRope, ")
                  .Append($"Factor = 8, OriginalMaxLen = 16, ShortFactors = {factors}, LongFactors = {factors})] ")
                  .Append($"public static partial class AVeryLongClassNameForThePartialLongRope{kind}EncodingWithDim64 {{ }}\n");
        }
        return source.ToString();
    }

    [Fact]
    public void NoGeneratedLineOutsideTableDataIsOver160Characters()
    {
        var (_, result) = GeneratorHarness.Run(Declarations());
        var sources = result.Results.Single().GeneratedSources;
        Assert.NotEmpty(sources);
        foreach (var source in sources.Where(s => !s.HintName.EndsWith(".Table.g.cs", StringComparison.Ordinal)))
        {
            var lines = source.SourceText.ToString().Split('\n');
            for (int i = 0; i < lines.Length; i++)
                Assert.True(lines[i].Length <= 160, $"{source.HintName} line {i + 1} has {lines[i].Length} characters: {lines[i].Trim()}");
        }
    }

    [Fact]
    public void GeneratedTextCitesNothingOutsideTheOutput()
    {
        var (_, result) = GeneratorHarness.Run(Declarations());
        foreach (var source in result.Results.Single().GeneratedSources)
        {
            string text = source.SourceText.ToString();
            foreach (var citation in new[] { "SPEC", "issue ", "lecture" })
                Assert.False(text.Contains(citation, StringComparison.Ordinal), source.HintName + " cites \"" + citation + "\"");
        }
    }

    [Fact]
    public void HoverOnTheTableNamesTheScheme()
    {
        var (_, result) = GeneratorHarness.Run("using PEGen;\n[PositionalEncoding(Dim = 8, MaxLen = 4, Scheme = EncodingScheme.Fairseq)] public static partial class F { }");
        string members = result.Results.Single().GeneratedSources.Single(s => s.HintName == "F.PositionalEncoding.g.cs").SourceText.ToString();
        int table = members.IndexOf("ReadOnlySpan<float> Table", StringComparison.Ordinal);
        string doc = members.Substring(0, table);
        doc = doc.Substring(doc.LastIndexOf("/// <summary>", StringComparison.Ordinal));
        Assert.Contains("<remarks>", doc);
        Assert.Contains("Scheme Fairseq: fairseq SinusoidalPositionalEmbedding", doc);
        Assert.Contains("Arithmetic: float32 step by step", doc);
        Assert.Contains("real tokens start at PaddingIndex + 1", members);
    }
}
