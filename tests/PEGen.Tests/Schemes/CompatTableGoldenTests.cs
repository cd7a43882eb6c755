using System;
using System.Diagnostics;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Tests.Support;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.Tests.Schemes;

/// <summary>The framework-compatible tables against the reference projects' own output (tests/golden).</summary>
public class CompatTableGoldenTests
{
    private readonly ITestOutputHelper _output;

    public CompatTableGoldenTests(ITestOutputHelper output) => _output = output;

    internal static EncodingSpec SpecOf(GoldenTable golden) =>
        TestSpecs.Create(
            (SchemeKind)Enum.Parse(typeof(SchemeKind), golden.ConfigString("Scheme")),
            golden.ConfigInt("Dim"),
            golden.ConfigInt("MaxLen"),
            golden.ConfigDouble("Base", EncodingArguments.DefaultBase),
            golden.ConfigInt("PaddingIndex", EncodingArguments.NoPadding));

    [Theory]
    [InlineData("hfxlm_d768_L512.json")]
    [InlineData("hfmarian_d512_L512.json")]
    [InlineData("hfmarian_d7_L64.json")]
    public void Float64Schemes_MatchGoldenBitForBit(string file)
    {
        GoldenTable golden = GoldenTable.Load(file);
        EncodingSpec spec = SpecOf(golden);
        float[] table = TableBuilder.Build(spec);
        Assert.Equal(spec.Shape.Elements, table.Length);
        var stats = Compare(golden.Rows, golden.Values!, table, spec.Dim);
        _output.WriteLine(stats.ToString(file));
        Assert.True(stats.Mismatches == 0, $"{stats.Mismatches} of {stats.Count} differ; first: {stats.FirstMismatch}");
    }

    [Theory]
    [InlineData("annotated_d64_L256.json")]
    [InlineData("annotated_d512_L2048.json")]
    [InlineData("t2t_d9_L64.json")]
    [InlineData("t2t_d128_L1024.json")]
    [InlineData("fairseq_d512_L1026_pad1.json")]
    [InlineData("whisper_d384_L1500.json")]
    public void Float32Schemes_MatchGoldenWithinTolerance(string file)
    {
        GoldenTable golden = GoldenTable.Load(file);
        EncodingSpec spec = SpecOf(golden);
        float[] table = TableBuilder.Build(spec);
        Assert.Equal(spec.Shape.Elements, table.Length);
        var stats = Compare(golden.Rows, golden.Values!, table, spec.Dim);
        _output.WriteLine(stats.ToString(file));
        AssertFloat32(stats);
    }

    [Theory]
    [InlineData("rope_d128_L4096.json")]
    [InlineData("rope_d64_L2048_base500000.json")]
    public void Rope_MatchesGoldenWithinTolerance(string file)
    {
        GoldenTable golden = GoldenTable.Load(file);
        EncodingSpec spec = SpecOf(golden);
        foreach (SchemeKind scheme in new[] { SchemeKind.Rope, SchemeKind.RopeInterleaved })
        {
            RotaryTable rotary = TableBuilder.BuildRotary(spec with { Scheme = scheme });
            int half = spec.Dim / 2;
            Assert.Equal(half, rotary.Half);
            Assert.Equal((long)half * spec.MaxLen, rotary.Cos.Length);
            Assert.Equal((long)half * spec.MaxLen, rotary.Sin.Length);
            var cos = Compare(golden.Rows, golden.Cos!, rotary.Cos, half);
            var sin = Compare(golden.Rows, golden.Sin!, rotary.Sin, half);
            _output.WriteLine(cos.ToString(file + " cos (" + scheme + ")"));
            _output.WriteLine(sin.ToString(file + " sin (" + scheme + ")"));
            AssertFloat32(cos);
            AssertFloat32(sin);
        }
    }

    /// <summary>
    /// Every entry within 1e-7 * (p + 4) (the golden README's bound for correctly rounded functions in the
    /// reference's float32 order), and most entries bit for bit: a wrong step or order shows up as a low share.
    /// </summary>
    private static void AssertFloat32(Stats stats)
    {
        Assert.True(stats.MaxRatio <= 1.0, $"worst entry {stats.Worst}: |delta| / (1e-7 (p+4)) = {stats.MaxRatio:F3}");
        Assert.True(stats.Share >= 0.75, $"only {stats.Share:P2} bit for bit");
    }

    internal sealed class Stats
    {
        public int Count;
        public int Mismatches;
        public double MaxRatio;
        public string Worst = "";
        public string FirstMismatch = "";

        public double Share => Count == 0 ? 1.0 : 1.0 - (double)Mismatches / Count;

        public string ToString(string name) =>
            $"{name}: {Count} entries, bit for bit {Share:P2} ({Mismatches} differ), max |delta|/(1e-7(p+4)) = {MaxRatio:F4} at {Worst}";
    }

    internal static Stats Compare(int[] rows, uint[][] expected, float[] table, int width)
    {
        var stats = new Stats();
        for (int i = 0; i < rows.Length; i++)
        {
            int p = rows[i];
            Assert.Equal(width, expected[i].Length);
            for (int j = 0; j < width; j++)
            {
                float actual = table[(long)p * width + j];
                uint want = expected[i][j];
                stats.Count++;
                if (IeeeBits.Of(actual) == want)
                    continue;
                stats.Mismatches++;
                if (stats.FirstMismatch.Length == 0)
                    stats.FirstMismatch = $"p={p} col={j} expected {want:x8} got {IeeeBits.Of(actual):x8}";
                double ratio = Math.Abs((double)actual - IeeeBits.ToSingle(want)) / (1e-7 * (p + 4));
                if (ratio > stats.MaxRatio)
                {
                    stats.MaxRatio = ratio;
                    stats.Worst = $"p={p} col={j} expected {IeeeBits.ToSingle(want):R} got {actual:R}";
                }
            }
        }
        return stats;
    }

    [Theory]
    [InlineData("AnnotatedTransformer")]
    [InlineData("HuggingFaceXlm")]
    [InlineData("HuggingFaceMarian")]
    [InlineData("TensorToTensor")]
    [InlineData("Fairseq")]
    [InlineData("Whisper")]
    [InlineData("Rope")]
    public void Table512x2048_BuildsFast(string schemeName)
    {
        var scheme = (SchemeKind)Enum.Parse(typeof(SchemeKind), schemeName);
        EncodingSpec spec = TestSpecs.Create(scheme, 2048, 512);
        // Warm up (static tables) on a small table first; then the first (cold JIT) and a second build.
        Build(TestSpecs.Create(scheme, 16, 8));
        var sw = Stopwatch.StartNew();
        Build(spec);
        double cold = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        Build(spec);
        double warm = sw.Elapsed.TotalMilliseconds;
        _output.WriteLine($"{scheme} 512 x 2048: first build {cold:F1} ms, second {warm:F1} ms");
        // Well under 1 s in Release; the bound is loose so Debug builds and busy CI machines pass too.
        Assert.True(cold < 5000, $"{scheme}: {cold:F0} ms");
    }

    private static void Build(EncodingSpec spec)
    {
        if (spec.Family == SchemeFamily.Rotary)
            TableBuilder.BuildRotary(spec);
        else
            TableBuilder.Build(spec);
    }
}
