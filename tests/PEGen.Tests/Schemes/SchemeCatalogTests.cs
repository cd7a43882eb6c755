using System;
using System.IO;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.TestSupport;
using PEGen.Tests.Support;

namespace PEGen.Tests.Schemes;

/// <summary>
/// Every member of <see cref="SchemeKind"/> has a complete definition: texts, a layout test, and a
/// reference table it reproduces (or a stated reason why none exists). A new scheme that misses any
/// of them fails here, by name.
/// </summary>
public sealed class SchemeCatalogTests
{
    public static TheoryData<int> Kinds() => new(Enum.GetValues<SchemeKind>().Select(k => (int)k));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKindHasItsDefinition(int value)
    {
        var kind = (SchemeKind)value;
        Assert.True(SchemeCatalog.Has(kind), "no definition for " + kind + " in src/PEGen/Schemes/Definitions");
        var definition = SchemeCatalog.Get(kind);
        Assert.Equal(kind, definition.Kind);
        Assert.False(string.IsNullOrWhiteSpace(definition.Summary), kind + ": Summary");
        Assert.False(string.IsNullOrWhiteSpace(definition.Reference), kind + ": Reference");
        Assert.False(string.IsNullOrWhiteSpace(definition.Formula), kind + ": Formula");
        Assert.Equal(definition.Family == SchemeFamily.Computed, definition.Shape(8, 16).IsEmpty);
        if (definition.Family == SchemeFamily.Rotary)
            Assert.Contains(definition.Layout, new[] { PairLayout.RotateHalf, PairLayout.ComplexPairs });
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKindHasAReferenceTableOrSaysWhyNot(int value)
    {
        var kind = (SchemeKind)value;
        var definition = SchemeCatalog.Get(kind);
        if (definition.GoldenTables.Length == 0)
        {
            Assert.False(string.IsNullOrWhiteSpace(definition.NoGoldenReason),
                kind + " lists no golden table in tests/golden and gives no NoGoldenReason");
            return;
        }
        Assert.Null(definition.NoGoldenReason);
        foreach (var name in definition.GoldenTables)
            Assert.True(File.Exists(Path.Combine(RepoPaths.Golden, name + ".json")), kind + ": tests/golden/" + name + ".json is missing");
    }

    /// <summary>
    /// Each golden table, read through the definition that claims it, agrees as its arithmetic promises:
    /// bit for bit for correctly rounded and float64 schemes; float32 pipelines within 1e-7 (p + 4).
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryReferenceTableIsReproduced(int value)
    {
        var kind = (SchemeKind)value;
        var definition = SchemeCatalog.Get(kind);
        foreach (var name in definition.GoldenTables)
        {
            var golden = GoldenTable.Load(name);
            var spec = TestSpecs.Create(kind, golden.ConfigInt("Dim"), golden.ConfigInt("MaxLen"),
                golden.ConfigDouble("Base", 10000), golden.ConfigInt("PaddingIndex", -1));
            bool exact = definition.Arithmetic is Arithmetic.CorrectlyRounded or Arithmetic.Float64RoundedOnce;
            long same = 0, total = 0;
            void Compare(float[] table, int width, uint[][] expected)
            {
                for (int i = 0; i < golden.Rows.Length; i++)
                {
                    int p = golden.Rows[i];
                    for (int j = 0; j < width; j++)
                    {
                        float actual = table[(long)p * width + j], want = IeeeBits.ToSingle(expected[i][j]);
                        total++;
                        if (IeeeBits.Same(want, actual)) { same++; continue; }
                        Assert.False(exact, $"{kind} {name}: ({p}, {j}) = {actual:R}, reference {want:R}");
                        Assert.True(Math.Abs(actual - want) <= 1e-7 * (p + 4), $"{kind} {name}: ({p}, {j}) = {actual:R}, reference {want:R}");
                    }
                }
            }
            if (definition.Family == SchemeFamily.Rotary)
            {
                var rotary = TableBuilder.BuildRotary(spec);
                Compare(rotary.Cos, rotary.Half, golden.Cos!);
                Compare(rotary.Sin, rotary.Half, golden.Sin!);
            }
            else
            {
                Compare(TableBuilder.Build(spec), spec.Dim, golden.Values!);
            }
            Assert.True(same >= total * 0.8, $"{kind} {name}: only {same} of {total} entries bit for bit");
        }
    }

    /// <summary>Each layout has a test of where the values of frequency k go; a new layout fails until it gets one.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryLayoutIsTested(int value)
    {
        var kind = (SchemeKind)value;
        var definition = SchemeCatalog.Get(kind);
        switch (definition.Layout)
        {
            case PairLayout.Interleaved:
            case PairLayout.Halves:
                foreach (int dim in definition.OddDimension == OddDimension.Rejected ? new[] { 8 } : new[] { 8, 9 })
                    CheckAdditiveLayout(definition, dim);
                break;
            case PairLayout.RotateHalf:
            case PairLayout.ComplexPairs:
                CheckRotaryLayout(definition);
                break;
            case PairLayout.None:
                Assert.False(definition.HasFrequencies, kind + ": a scheme without pairs has no frequencies");
                Assert.Equal(0, definition.FrequencyCount(8));
                break;
            default:
                Assert.Fail(kind + ": no layout test for " + definition.Layout + " in SchemeCatalogTests");
                break;
        }
    }

    // Frequency k's sine and cosine sit where the layout says, with the scheme's frequency, and every
    // column no frequency owns is zero.
    private static void CheckAdditiveLayout(SchemeDefinition definition, int dim)
    {
        const int MaxLen = 6;
        var spec = TestSpecs.Create(definition.Kind, dim, MaxLen);
        float[] table = TableBuilder.Build(spec);
        int count = definition.FrequencyCount(dim);
        var owned = new bool[dim];
        for (int k = 0; k < count; k++)
        {
            (int sin, int cos) = definition.Layout == PairLayout.Interleaved ? (2 * k, 2 * k + 1) : (k, count + k);
            var (num, den) = definition.Exponent(k, dim);
            double omega = Math.Pow(10000, -(double)num / den);
            owned[sin] = true;
            for (int p = 0; p < MaxLen; p++)
            {
                Assert.True(Math.Abs(table[p * dim + sin] - Math.Sin(p * omega)) < 1e-5, $"{definition.Kind} Dim {dim}: sin of k = {k} at ({p}, {sin})");
                if (cos < dim)
                {
                    owned[cos] = true;
                    Assert.True(Math.Abs(table[p * dim + cos] - Math.Cos(p * omega)) < 1e-5, $"{definition.Kind} Dim {dim}: cos of k = {k} at ({p}, {cos})");
                }
            }
        }
        for (int column = 0; column < dim; column++)
        {
            if (owned[column]) continue;
            Assert.Equal(OddDimension.ZeroColumn, definition.OddDimension);
            for (int p = 0; p < MaxLen; p++)
                Assert.Equal(0f, table[p * dim + column]);
        }
        // Shift rotates exactly the table's pairs.
        var pairs = SinusoidPair.Of(spec);
        Assert.Equal(dim / 2, pairs.Length);
    }

    // Rotating a vector with one pair set must move exactly that pair's two elements, by the angle of the position.
    private static void CheckRotaryLayout(SchemeDefinition definition)
    {
        const int Dim = 8, MaxLen = 4, Position = 3;
        string source = $$"""
            using PEGen;
            [PositionalEncoding(Dim = {{Dim}}, MaxLen = {{MaxLen}}, Scheme = EncodingScheme.{{definition.Kind}})]
            public static partial class R { }
            public static class Probe
            {
                public static float[] Rotate(float[] v, int start) { R.Rotate(v, start); return v; }
                public static float[] Cos() => R.Cos.ToArray();
                public static float[] Sin() => R.Sin.ToArray();
            }
            """;
        var consumer = GeneratorHarness.CompileAndLoad(source);
        var cos = (float[])consumer.Call("Probe", "Cos")!;
        var sin = (float[])consumer.Call("Probe", "Sin")!;
        for (int k = 0; k < Dim / 2; k++)
        {
            (int a, int b) = definition.Layout == PairLayout.RotateHalf ? (k, k + Dim / 2) : (2 * k, 2 * k + 1);
            var vector = new float[Dim];
            vector[a] = 1;
            var rotated = (float[])consumer.Call("Probe", "Rotate", vector, Position)!;
            float c = cos[Position * (Dim / 2) + k], s = sin[Position * (Dim / 2) + k];
            for (int j = 0; j < Dim; j++)
            {
                float want = j == a ? c : j == b ? s : 0f;
                bool same = want == 0 ? rotated[j] == 0 : IeeeBits.Same(want, rotated[j]);
                Assert.True(same, $"{definition.Kind}: pair {k} element {j} = {rotated[j]:R}, want {want:R}");
            }
        }
    }
}
