using System;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Tests.Support;

namespace PEGen.Tests.Generator;

/// <summary>Embed, ConcatTo and the table-less NormalizedRange scheme, compiled and run.</summary>
public sealed class EmbedConcatNormalizedTests
{
    private const string Consumer = """
        using System;
        using PEGen;
        namespace App;
        [PositionalEncoding(Dim = 6, MaxLen = 10)]
        public static partial class P { }
        #pragma warning disable PEG004
        [PositionalEncoding(Dim = 4, MaxLen = 10, Scheme = EncodingScheme.NormalizedRange)]
        public static partial class N { }
        public static class Probe
        {
            public static float[] Embed(int[] ids, float[] matrix, float[] destination, int start, float scale) { P.Embed(ids, matrix, destination, start, scale); return destination; }
            public static float[] EmbedDefault(int[] ids, float[] matrix) { var d = new float[ids.Length * P.Dim]; P.Embed(ids, matrix, d); return d; }
            public static float[] Concat(float[] e, int width, float[] destination, int start) { P.ConcatTo(e, width, destination, start); return destination; }
            public static float[] ConcatInto(float[] buffer, int width, int length) { P.ConcatTo(buffer.AsSpan(0, length), width, buffer); return buffer; }
            public static float[] NormalizedAddTo(float[] e, int start) { N.AddTo(e, start); return e; }
            public static float[] NormalizedEmbed(int[] ids, float[] matrix, int start) { var d = new float[ids.Length * N.Dim]; N.Embed(ids, matrix, d, start, 2f); return d; }
            public static float[] NormalizedConcat(float[] e, int start) { var d = new float[e.Length / 2 * (2 + N.Dim)]; N.ConcatTo(e, 2, d, start); return d; }
            public static bool HasTable() => typeof(N).GetProperty("Table") is not null;
        }
        """;

    private static readonly Lazy<LoadedAssembly> s_consumer = new(() => GeneratorHarness.CompileAndLoad(Consumer));
    private static readonly float[] s_table = TableBuilder.Build(TestSpecs.Create(SchemeKind.Vaswani, 6, 10));

    private static object? Call(string method, params object?[] args) => s_consumer.Value.Call("App.Probe", method, args);

    private static float[] Matrix(int vocabulary, int dim) =>
        Enumerable.Range(0, vocabulary * dim).Select(i => (float)Math.Sin(i * 0.37) * 3).ToArray();

    [Fact]
    public void EmbedIsLookupTimesScalePlusEncoding()
    {
        var matrix = Matrix(5, 6);
        int[] ids = { 4, 0, 4, 2 };
        var expected = ids.SelectMany((id, r) => Enumerable.Range(0, 6).Select(j => matrix[id * 6 + j] * 1.5f + s_table[(3 + r) * 6 + j])).ToArray();
        var actual = (float[])Call("Embed", ids, matrix, new float[24 + 3], 3, 1.5f)!;
        Assert.Equal(expected, actual.Take(24));
        Assert.Equal(new float[3], actual.Skip(24));
        var unscaled = ids.SelectMany((id, r) => Enumerable.Range(0, 6).Select(j => matrix[id * 6 + j] + s_table[r * 6 + j])).ToArray();
        Assert.Equal(unscaled, (float[])Call("EmbedDefault", ids, matrix)!);
    }

    [Theory]
    [InlineData(new[] { 0, 5 }, 0, "tokenIds", typeof(ArgumentOutOfRangeException))]   // id past vocabulary
    [InlineData(new[] { -1 }, 0, "tokenIds", typeof(ArgumentOutOfRangeException))]
    [InlineData(new[] { 0, 1 }, 9, "tokenIds", typeof(ArgumentException))]               // position 10
    [InlineData(new[] { 0 }, -1, "startPosition", typeof(ArgumentOutOfRangeException))]
    public void EmbedRejectsBadArgumentsWithoutWriting(int[] ids, int start, string parameter, Type exception)
    {
        var destination = Enumerable.Repeat(9f, ids.Length * 6).ToArray();
        var e = Assert.Throws(exception, () => Call("Embed", ids, Matrix(5, 6), destination, start, 1f));
        Assert.Equal(parameter, ((ArgumentException)e).ParamName);
        Assert.All(destination, v => Assert.Equal(9f, v));
    }

    [Fact]
    public void EmbedRejectsRaggedMatrixAndShortDestination()
    {
        Assert.Equal("tokenEmbeddings", Assert.Throws<ArgumentException>(() => Call("Embed", new[] { 0 }, new float[7], new float[6], 0, 1f)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Call("Embed", new[] { 0, 0 }, new float[6], new float[11], 0, 1f)).ParamName);
    }

    [Fact]
    public void ConcatPutsTheEncodingAfterEachRow()
    {
        var embeddings = Enumerable.Range(1, 6).Select(i => (float)i).ToArray();    // 3 rows of width 2
        var actual = (float[])Call("Concat", embeddings, 2, new float[3 * 8], 2)!;
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(embeddings.Skip(r * 2).Take(2), actual.Skip(r * 8).Take(2));
            Assert.Equal(s_table.Skip((2 + r) * 6).Take(6), actual.Skip(r * 8 + 2).Take(6));
        }
    }

    [Fact]
    public void ConcatRejectsBadArgumentsWithoutWriting()
    {
        var destination = Enumerable.Repeat(9f, 16).ToArray();
        Assert.Equal("embeddingDim", Assert.Throws<ArgumentOutOfRangeException>(() => Call("Concat", new float[4], 0, destination, 0)).ParamName);
        Assert.Equal("embeddings", Assert.Throws<ArgumentException>(() => Call("Concat", new float[5], 2, destination, 0)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Call("Concat", new float[6], 2, destination, 0)).ParamName);
        Assert.Equal("embeddings", Assert.Throws<ArgumentException>(() => Call("Concat", new float[4], 2, destination, 9)).ParamName);
        Assert.All(destination, v => Assert.Equal(9f, v));
        var buffer = Enumerable.Range(0, 32).Select(i => (float)i).ToArray();
        var copy = (float[])buffer.Clone();
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Call("ConcatInto", buffer, 2, 4)).ParamName);
        Assert.Equal(copy, buffer);
    }

    [Fact]
    public void NormalizedRangeHasNoTableAndUsesTheActualRowCount()
    {
        Assert.False((bool)Call("HasTable")!);
        // 3 rows from position 0: n = 3, values 0, 1/2, 1.
        Assert.Equal(new[] { 0f, 0f, 0f, 0f, .5f, .5f, .5f, .5f, 1f, 1f, 1f, 1f }, (float[])Call("NormalizedAddTo", new float[12], 0)!);
        // 5 rows: the same position 1 now gets 1/4: the flaw PEG004 warns about.
        var five = (float[])Call("NormalizedAddTo", new float[20], 0)!;
        Assert.Equal(.25f, five[4]);
        // One row at position 4 (a decode step): n = 5, value 4/4.
        Assert.Equal(new[] { 1f, 1f, 1f, 1f }, (float[])Call("NormalizedAddTo", new float[4], 4)!);
        Assert.Equal(new[] { 0f, 0f, 0f, 0f }, (float[])Call("NormalizedAddTo", new float[4], 0)!);
        var embedded = (float[])Call("NormalizedEmbed", new[] { 1, 0 }, new float[] { 1, 1, 1, 1, 2, 2, 2, 2 }, 0)!;
        Assert.Equal(new[] { 4f, 4, 4, 4, 3, 3, 3, 3 }, embedded);
        var concatenated = (float[])Call("NormalizedConcat", new float[] { 7, 8, 9, 10 }, 1)!;
        Assert.Equal(new[] { 7f, 8, .5f, .5f, .5f, .5f, 9, 10, 1, 1, 1, 1 }, concatenated);
    }
}
