using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PEGen.Families.Timestep;
using PEGen.Numerics;
using PEGen.TestSupport;

namespace PEGen.Tests.Families;

/// <summary>
/// The generator's half of [TimestepEmbedding]: the frequencies against PyTorch 1.13's own (tests/golden/numerics/
/// timestep_frequencies.json), SLEEF's expf emulation, and the exact sin/cos the table uses against mpmath over every
/// float32 magnitude (tests/golden/numerics/sincos_float32.json).
/// </summary>
public sealed class TimestepNumericsTests
{
    private static string Numerics(string file) => Path.Combine(RepoPaths.Golden, "numerics", file);

    [Fact]
    public void FrequenciesArePyTorchsBitForBit()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Numerics("timestep_frequencies.json")));
        int configs = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var config = entry.GetProperty("config");
            int dim = config.GetProperty("Dim").GetInt32();
            double shift = config.GetProperty("FreqShift").GetDouble();
            double period = config.GetProperty("MaxPeriod").GetDouble();
            uint[] expected = entry.GetProperty("frequencies").EnumerateArray().Select(e => Convert.ToUInt32(e.GetString(), 16)).ToArray();
            uint[] actual = TimestepTable.Frequencies(dim, shift, period).Select(IeeeBits.Of).ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (int k = 0; k < expected.Length; k++)
                Assert.True(expected[k] == actual[k], $"Dim {dim}, FreqShift {shift}, MaxPeriod {period}: k = {k}: {actual[k]:X8} != {expected[k]:X8}");
            configs++;
        }
        Assert.True(configs >= 10);
    }

    [Fact]
    public void SleefExpDiffersFromCorrectRoundingSomewhere()
    {
        // The reason to emulate SLEEF: exp(-ln(10000) k / 160) is not always correctly rounded by PyTorch.
        var frequencies = TimestepTable.Frequencies(320, 0, 10000);
        float c = (float)-CorrectlyRounded.LogDouble(10000);
        int differ = Enumerable.Range(0, 160).Count(k => IeeeBits.Of(frequencies[k]) != IeeeBits.Of(CorrectlyRounded.Exp((float)((float)k * c) / 160f)));
        Assert.InRange(differ, 1, 40);
    }

    [Theory]
    [InlineData(1f, 2f, 3f, 5f)]
    [InlineData(0.1f, 10f, -1f, 1.4901161193847656E-08f)]
    [InlineData(-0f, 5f, 0f, 0f)]
    [InlineData(-1f, 0f, -0f, -0f)]
    public void FmaRoundsOnce(float a, float b, float c, float expected) =>
        Assert.Equal(IeeeBits.Of(expected), IeeeBits.Of(SleefExp.Fma(a, b, c)));

    [Fact]
    public void FmaIsExactWhereTwoRoundingsDiffer()
    {
        // (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24: an unfused product loses the 2^-24.
        float x = 1f + 1f / 4096;
        Assert.Equal(1f / 2048 + 1f / 16777216, SleefExp.Fma(x, x, -1f));
        Assert.NotEqual(1f / 2048 + 1f / 16777216, (float)(x * x) - 1f);
    }

    [Fact]
    public void TableSinCosIsMpmathsOverEveryMagnitude()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Numerics("sincos_float32.json")));
        var root = document.RootElement;
        uint[] Read(string key) => root.GetProperty(key).EnumerateArray().Select(e => Convert.ToUInt32(e.GetString(), 16)).ToArray();
        uint[] angles = Read("angles"), sin = Read("sin"), cos = Read("cos");
        // Every 3rd angle: the BigInteger path for the huge ones takes a while.
        for (int i = 0; i < angles.Length; i += 3)
        {
            RoundedSinCos.Single(IeeeBits.ToSingle(angles[i]), out float s, out float c);
            Assert.True(IeeeBits.Of(s) == sin[i], $"sin({angles[i]:X8}) = {IeeeBits.Of(s):X8}, expected {sin[i]:X8}");
            Assert.True(IeeeBits.Of(c) == cos[i], $"cos({angles[i]:X8}) = {IeeeBits.Of(c):X8}, expected {cos[i]:X8}");
        }
    }

    [Fact]
    public void TwoOverPiWordsAreTheBinaryExpansion()
    {
        uint[] words = TimestepKernelEmitter.TwoOverPiWords(12);
        Assert.Equal(0u, words[0]);
        Assert.Equal(0xA2F9836Eu, words[1]);  // 2/pi = 0.A2F9836E4E441529FC2757D1F534DDC0DB629599...
        Assert.Equal(0x4E441529u, words[2]);
        Assert.Equal(0xFC2757D1u, words[3]);
        Assert.Equal(0xF534DDC0u, words[4]);
        Assert.Equal(0xDB629599u, words[5]);
    }

    [Fact]
    public void TableRowsFollowTheLayout()
    {
        var shell = new Model.DeclarationShell("", Model.EquatableArray<Model.TypeDeclarationSpec>.Empty, "T", null!);
        var spec = new TimestepSpec(shell, 5, 3, true, 0, 1, 10000);
        float[] table = TimestepTable.Build(spec);
        Assert.Equal(15, table.Length);
        // t = 0, flipped: [cos 0, cos 0, sin 0, sin 0, 0].
        Assert.Equal(new[] { 1f, 1f, 0f, 0f, 0f }, table.Take(5));
        Assert.Equal(IeeeBits.OfAll(TimestepTable.Row(spec, 2f)), IeeeBits.OfAll(table.AsSpan(10, 5)));
        Assert.Equal(0u, IeeeBits.Of(table[14]));
    }
}
