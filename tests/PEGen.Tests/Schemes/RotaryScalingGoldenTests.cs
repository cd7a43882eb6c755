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
