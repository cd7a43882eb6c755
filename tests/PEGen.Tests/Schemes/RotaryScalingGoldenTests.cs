using System;
using System.Linq;
using System.Text.Json;
using PEGen.Model;
using PEGen.Numerics;
using PEGen.Schemes;
using PEGen.Schemes.Frequencies;
using PEGen.Schemes.Rotary;
using PEGen.Tests.Support;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.Tests.Schemes;

/// <summary>
/// Scaled and partial rotary tables against transformers' rope init functions (tests/golden/rope_*, ropei_*):
/// the tables within 1e-7 (p + 4), the frequencies within 1 ulp of <c>inv_freq</c>, the attention factor, and every
/// entry equal to the float32 pipeline applied to PEGen's own frequencies with correctly rounded cos/sin.
/// </summary>
public class RotaryScalingGoldenTests
{
    private readonly ITestOutputHelper _output;

    public RotaryScalingGoldenTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> ScaledFiles => new()
    {
        "rope_gemma3global_d256_L4096.json",
        "rope_llama32_d64_L16384.json",
        "rope_llama32_d64_L131072.json",
        "rope_phi35_d96_L8192.json",
        "rope_pythia_d128_rot32_L2048.json",
        "rope_qwen3yarn_d128_L8192.json",
        "ropei_gptj_d256_rot64_L2048.json",
        // Our own (tests/golden/generate.py EDGES): the branches the shared set does not reach.
        "rope_llama3edges_d128_L16384.json",
        "ropei_llama3_d64_L8192.json",
        "rope_yarn_notruncate_d64_L4096.json",
        "rope_yarn_lowhigh_d64_L4096.json",
        "ropei_yarn_mscale_d64_L8192.json",
        "rope_yarn_attn_d64_L4096.json",
        "rope_longrope_d64_rot32_L256.json",
    };

    /// <summary>The spec a golden's config describes, as the validator would build it.</summary>
    internal static EncodingSpec SpecOf(GoldenTable golden)
    {
        var c = golden.Config;
        int dim = golden.ConfigInt("Dim");
        var scaling = c.TryGetValue("Scaling", out var s) ? (RopeScalingKind)Enum.Parse(typeof(RopeScalingKind), s.GetString()!) : RopeScalingKind.None;
        EquatableArray<double> Factors(string key) =>
            c.TryGetValue(key, out var a) ? new EquatableArray<double>(a.EnumerateArray().Select(e => e.GetDouble()).ToArray()) : default;
        var rotary = new RotarySpec(
            golden.ConfigInt("RotaryDim", dim),
            scaling,
            golden.ConfigDouble("Factor", 0),
            golden.ConfigInt("OriginalMaxLen", 0),
            golden.ConfigDouble("LowFreqFactor", RotaryArguments.DefaultLowFreqFactor),
            golden.ConfigDouble("HighFreqFactor", RotaryArguments.DefaultHighFreqFactor),
            golden.ConfigDouble("BetaFast", RotaryArguments.DefaultBetaFast),
            golden.ConfigDouble("BetaSlow", RotaryArguments.DefaultBetaSlow),
            !c.TryGetValue("Truncate", out var t) || t.GetBoolean(),
            golden.ConfigDouble("Mscale", 0),
            golden.ConfigDouble("MscaleAllDim", 0),
            golden.ConfigDouble("AttentionFactor", 0),
            ShortFactors: Factors("ShortFactors"),
            LongFactors: Factors("LongFactors"));
        var scheme = (SchemeKind)Enum.Parse(typeof(SchemeKind), golden.ConfigString("Scheme"));
        return TestSpecs.Create(scheme, dim, golden.ConfigInt("MaxLen"), golden.ConfigDouble("Base", EncodingArguments.DefaultBase))
            with { RotaryParameters = rotary };
    }

    [Theory]
    [MemberData(nameof(ScaledFiles))]
    public void InverseFrequencies_WithinOneUlpOfInvFreq(string file)
    {
        var golden = GoldenTable.Load(file);
        var spec = SpecOf(golden);
        var angles = RotaryFrequencies.Compute(spec.Base, spec.Rotary);
        Assert.Equal(golden.InvFreq!.Length, angles.Inverse.Length);
        int exact = 0;
        for (int k = 0; k < angles.Inverse.Length; k++)
        {
            long ulps = Math.Abs((long)IeeeBits.Of(angles.Inverse[k]) - golden.InvFreq[k]);
            Assert.True(ulps <= 1, $"{file} pair {k}: {angles.Inverse[k]:R} vs {BitConverter.UInt32BitsToSingle(golden.InvFreq[k]):R} ({ulps} ulp)");
            if (ulps == 0) exact++;
        }
        _output.WriteLine($"{file}: inv_freq {exact}/{angles.Inverse.Length} bit for bit, attention factor {angles.AttentionFactor:R} (golden {golden.AttentionFactor:R})");
        Assert.Equal(golden.AttentionFactor!.Value, angles.AttentionFactor, 15);
    }

    [Theory]
    [MemberData(nameof(ScaledFiles))]
    public void Tables_MatchGoldenWithinTolerance(string file)
    {
        var golden = GoldenTable.Load(file);
        var spec = SpecOf(golden);
        var angles = RotaryFrequencies.Compute(spec.Base, spec.Rotary);
        int half = spec.Rotary.RotaryDim / 2;
        var (cos, sin) = Entries(angles.Inverse, angles.AttentionFactor, golden.Rows, half);
        Report(file, "cos", CompatTableGoldenTests.Compare(golden.Rows, golden.Cos!, cos, half));
        Report(file, "sin", CompatTableGoldenTests.Compare(golden.Rows, golden.Sin!, sin, half));
        if (golden.ShortRows is { } shortRows)
        {
            var (sc, ss) = Entries(angles.ShortInverse!, angles.AttentionFactor, shortRows, half);
            Report(file, "short cos", CompatTableGoldenTests.Compare(shortRows, golden.ShortCos!, sc, half));
            Report(file, "short sin", CompatTableGoldenTests.Compare(shortRows, golden.ShortSin!, ss, half));
        }
    }

    /// <summary>
    /// The tables the generator emits are the float32 pipeline on its own frequencies, bit for bit, at every golden
    /// position (up to 131,071): the check the golden tolerance cannot make (angle step, attention factor rounding).
    /// </summary>
    [Theory]
    [MemberData(nameof(ScaledFiles))]
    public void BuiltTables_AreTheFloat32PipelineOnTheirOwnFrequencies(string file)
    {
        var golden = GoldenTable.Load(file);
        var spec = SpecOf(golden);
        var angles = RotaryFrequencies.Compute(spec.Base, spec.Rotary);
        RotaryTable table = TableBuilder.BuildRotary(spec);
        int half = spec.Rotary.RotaryDim / 2;
        Assert.Equal(half, table.Half);
        Assert.Equal((long)half * spec.MaxLen, table.Cos.LongLength);
        Assert.Equal(angles.Inverse, table.Inverse);
        AssertRows(file, golden.Rows, angles.Inverse, angles.AttentionFactor, table.Cos, table.Sin, half);
        if (spec.Rotary.IsLongRope)
        {
            int shortRows = Math.Min(spec.MaxLen, spec.Rotary.OriginalMaxLen);
            Assert.Equal((long)half * shortRows, table.ShortCos!.LongLength);
            Assert.Equal(angles.ShortInverse, table.ShortInverse);
            AssertRows(file + " short", golden.ShortRows!, angles.ShortInverse!, angles.AttentionFactor, table.ShortCos, table.ShortSin!, half);
        }
        else
        {
            Assert.Null(table.ShortCos);
        }
    }

    private static void AssertRows(string what, int[] rows, float[] inverse, double factor, float[] cos, float[] sin, int half)
    {
        var (wantCos, wantSin) = Entries(inverse, factor, rows, half);
        foreach (int p in rows)
        {
            for (int k = 0; k < half; k++)
            {
                long i = (long)p * half + k;
                Assert.True(IeeeBits.Of(cos[i]) == IeeeBits.Of(wantCos[i]), $"{what} cos p={p} k={k}: {cos[i]:R} vs {wantCos[i]:R}");
                Assert.True(IeeeBits.Of(sin[i]) == IeeeBits.Of(wantSin[i]), $"{what} sin p={p} k={k}: {sin[i]:R} vs {wantSin[i]:R}");
            }
        }
    }

    /// <summary>
    /// Rotating q by m and k by n with the built tables gives a q·k that depends only on m - n, for every scaling
    /// (one factor set: within LongRoPE's long tables), and scales norms by the attention factor squared.
    /// </summary>
    [Theory]
    [MemberData(nameof(ScaledFiles))]
    public void RotatedDotProduct_DependsOnlyOnTheDistance(string file)
    {
        var spec = SpecOf(GoldenTable.Load(file));
        RotaryTable table = TableBuilder.BuildRotary(spec);
        int half = table.Half;
        var random = new Random(13);
        var q = Enumerable.Range(0, 2 * half).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var k = Enumerable.Range(0, 2 * half).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double factor = RotaryFrequencies.Compute(spec.Base, spec.Rotary).AttentionFactor;
        double norm = q.Sum(x => x * x);
        foreach (int distance in new[] { 0, 1, 5, 100 })
        {
            double first = double.NaN;
            foreach (int n in new[] { 0, 1, 37, spec.MaxLen / 2, spec.MaxLen - 1 - distance })
            {
                double dot = Dot(Rotated(q, table, n + distance), Rotated(k, table, n));
                if (double.IsNaN(first)) first = dot;
                // float32 tables: angle errors grow with the position (|p * inv| up to ~1e5 rad at 131,072).
                double tolerance = 2e-7 * (n + distance + 4) * 2 * half * factor * factor;
                Assert.True(Math.Abs(dot - first) <= tolerance, $"{file}: distance {distance}, n {n}: {dot:R} vs {first:R}");
            }
            double ownNorm = Dot(Rotated(q, table, distance), Rotated(q, table, distance));
            Assert.True(Math.Abs(ownNorm - norm * factor * factor) <= 1e-5 * norm * factor * factor, $"{file}: norm {ownNorm} vs {norm * factor * factor}");
        }
    }

    // Pairs (j, j + half) rotated in double by the table's (scaled) cos/sin of position p.
    private static double[] Rotated(double[] x, RotaryTable table, int p)
    {
        int half = table.Half;
        var result = new double[x.Length];
        for (int j = 0; j < half; j++)
        {
            double c = table.Cos[(long)p * half + j], s = table.Sin[(long)p * half + j];
            result[j] = x[j] * c - x[j + half] * s;
            result[j + half] = x[j + half] * c + x[j] * s;
        }
        return result;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void PartialRotary_UsesExponentsOverRotaryDim_NotOverDim()
    {
        var two = RotaryFrequencies.Compute(10000, new RotarySpec(2));
        Assert.Equal(new[] { 1.0f }, two.Inverse);
        // Pythia: RotaryDim 32 of a 128-wide head has theta_k = Base^(-2k/32), not the first 16 of Base^(-2k/128).
        var partial = RotaryFrequencies.Compute(10000, new RotarySpec(32)).Inverse;
        var full = RotaryFrequencies.Compute(10000, new RotarySpec(128)).Inverse;
        Assert.Equal(16, partial.Length);
        Assert.Equal(full[4], partial[1]);
        Assert.NotEqual(full[1], partial[1]);
    }

    private void Report(string file, string what, CompatTableGoldenTests.Stats stats)
    {
        _output.WriteLine(stats.ToString(file + " " + what));
        Assert.True(stats.MaxRatio <= 1.0, $"{file} {what}: worst {stats.Worst}, ratio {stats.MaxRatio:F3}");
        Assert.True(stats.Share >= 0.75, $"{file} {what}: only {stats.Share:P2} bit for bit");
    }

    // The golden rows of the float32 pipeline on PEGen's frequencies: (float)((float)cos(f32(p * inv)) * (float)factor),
    // at their places in a [maxRow + 1 x half] table (other rows stay 0), without building the whole table.
    private static (float[] Cos, float[] Sin) Entries(float[] inverse, double attentionFactor, int[] rows, int half)
    {
        var cos = new float[(rows.Max() + 1) * half];
        var sin = new float[(rows.Max() + 1) * half];
        float scale = (float)attentionFactor;
        for (int i = 0; i < rows.Length; i++)
        {
            for (int k = 0; k < half; k++)
            {
                float angle = (float)((float)rows[i] * inverse[k]);
                cos[rows[i] * half + k] = (float)(CorrectlyRounded.Cos(angle) * scale);
                sin[rows[i] * half + k] = (float)(CorrectlyRounded.Sin(angle) * scale);
            }
        }
        return (cos, sin);
    }
}
