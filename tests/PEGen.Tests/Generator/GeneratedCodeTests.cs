using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Tests.Support;
using PEGen.TestSupport;

namespace PEGen.Tests.Generator;

/// <summary>Compiles the generated code, loads it and calls it: values, methods, argument errors.</summary>
public sealed class GeneratedCodeTests
{
    // The probe turns span results into arrays so the test can read them through reflection.
    private const string Consumer = """
        using System;
        using PEGen;
        namespace App;
        [PositionalEncoding(Dim = 12, MaxLen = 10)]
        public static partial class Positions { }
        [PositionalEncoding(Dim = 3, MaxLen = 7, Scheme = EncodingScheme.Linear)]
        public partial class Linear3 { }
        public static class Probe
        {
            public static float[] Table() => Positions.Table.ToArray();
            public static float[] Row(int p) => Positions.Row(p).ToArray();
            public static float[] AddTo(float[] e, int start) { Positions.AddTo(e, start); return e; }
            public static float[] AddToDefault(float[] e) { Positions.AddTo(e); return e; }
            public static float[] Add(float[] e, float[] d, int start) { Positions.Add(e, d, start); return d; }
            public static float[] AddShifted(float[] buffer, int shift, int length) { Positions.Add(buffer.AsSpan(0, length), buffer.AsSpan(shift, length)); return buffer; }
            public static float[] LinearTable() => Linear3.Table.ToArray();
            public static int[] Constants() => new[] { Positions.Dim, Positions.MaxLen, Linear3.Dim, Linear3.MaxLen };
        }
        """;

    private static readonly Lazy<LoadedAssembly> s_consumer = new(() => GeneratorHarness.CompileAndLoad(Consumer));

    private static object? Call(string method, params object?[] args) => s_consumer.Value.Call("App.Probe", method, args);

    private static float[] Expected(int dim, int maxLen, SchemeKind scheme = SchemeKind.Vaswani) =>
        TableBuilder.Build(TestSpecs.Create(scheme, dim, maxLen));

    [Fact]
    public void ConstantsAndTableAreTheGeneratorsValues()
    {
        Assert.Equal(new[] { 12, 10, 3, 7 }, (int[])Call("Constants")!);
        Assert.Equal(Expected(12, 10).Select(IeeeBits.Of), ((float[])Call("Table")!).Select(IeeeBits.Of));
        Assert.Equal(Enumerable.Range(0, 21).Select(i => (float)(i / 3)), (float[])Call("LinearTable")!);
    }

    [Fact]
    public void RowIsASliceOfTheTable()
    {
        var table = Expected(12, 10);
        for (int p = 0; p < 10; p++)
            Assert.Equal(table.Skip(p * 12).Take(12), (float[])Call("Row", p)!);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => Call("Row", 10)).ParamName);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => Call("Row", -1)).ParamName);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(3, 4)]
    [InlineData(10, 0)]
    [InlineData(1, 9)]
    [InlineData(0, 10)]
    public void AddToAndAddMatchAScalarReference(int rows, int start)
    {
        var table = Expected(12, 10);
        var random = new Random(rows * 31 + start);
        var input = Enumerable.Range(0, rows * 12).Select(_ => (float)random.NextDouble() * 4 - 2).ToArray();
        var expected = input.Select((v, i) => v + table[start * 12 + i]).ToArray();

        Assert.Equal(expected.Select(IeeeBits.Of), ((float[])Call("AddTo", input.Clone(), start)!).Select(IeeeBits.Of));
        Assert.Equal(expected.Select(IeeeBits.Of), ((float[])Call("Add", input, new float[rows * 12 + 5], start)!).Take(rows * 12).Select(IeeeBits.Of));
    }

    [Fact]
    public void StartPositionDefaultsToZero()
    {
        var table = Expected(12, 10);
        Assert.Equal(table.Take(24), (float[])Call("AddToDefault", new float[24])!);
    }

    [Theory]
    [InlineData(11, 0, "embeddings", typeof(ArgumentException))]      // not whole rows
    [InlineData(12, -1, "startPosition", typeof(ArgumentOutOfRangeException))]
    [InlineData(12, 10, "startPosition", typeof(ArgumentOutOfRangeException))]
    [InlineData(24, 9, "embeddings", typeof(ArgumentException))]      // second row is position 10
    [InlineData(132, 0, "embeddings", typeof(ArgumentException))]     // 11 rows
    public void InvalidArgumentsThrowNamingTheArgumentAndWriteNothing(int length, int start, string parameter, Type exception)
    {
        var data = Enumerable.Range(0, length).Select(i => (float)i).ToArray();
        var before = (float[])data.Clone();
        var e = Assert.Throws(exception, () => Call("AddTo", data, start));
        Assert.Equal(parameter, ((ArgumentException)e).ParamName);
        Assert.Equal(before, data);

        var destination = Enumerable.Repeat(7f, length).ToArray();
        e = Assert.Throws(exception, () => Call("Add", before, destination, start));
        Assert.Equal(parameter, ((ArgumentException)e).ParamName);
        Assert.All(destination, v => Assert.Equal(7f, v));
    }

    [Fact]
    public void ShortOrShiftedDestinationThrowsAndWritesNothing()
    {
        var destination = Enumerable.Repeat(7f, 23).ToArray();
        var e = Assert.Throws<ArgumentException>(() => Call("Add", new float[24], destination, 0));
        Assert.Equal("destination", e.ParamName);
        Assert.All(destination, v => Assert.Equal(7f, v));

        var buffer = Enumerable.Range(0, 40).Select(i => (float)i).ToArray();
        var copy = (float[])buffer.Clone();
        e = Assert.Throws<ArgumentException>(() => Call("AddShifted", buffer, 4, 24));
        Assert.Equal("destination", e.ParamName);
        Assert.Equal(copy, buffer);
    }

    [Fact]
    public void GeneratedCodeIsDeterministicAndCultureInvariant()
    {
        string Generate() => string.Join("\n", GeneratorHarness.Run(Consumer).Result.GeneratedTrees.Select(t => t.FilePath + "\n" + t.GetText()));

        string reference = Generate();
        var original = Thread.CurrentThread.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "fi-FI", "tr-TR", "ar-SA" })
            {
                Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(reference, Generate());
            }
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = original;
        }
    }

    [Fact]
    public void LargeTableCompilesWithoutWarnings()
    {
        var (output, result) = GeneratorHarness.Run("[PEGen.PositionalEncoding(Dim = 512, MaxLen = 2048)] public static partial class P { }");
        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("P.Table.g.cs", StringComparison.Ordinal));
    }
}
