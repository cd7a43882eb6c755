// The error tests make calls that must fail on purpose.
#pragma warning disable PEG011

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PEGen.TestSupport;
using Xunit.Abstractions;

namespace PEGen.IntegrationTests;

/// <summary>
/// [TimestepEmbedding] compiled into this assembly: the tables against diffusers' (PyTorch 1.13) goldens, Encode against
/// Row and the goldens' fractional timesteps, and the run-time sin/cos kernel against mpmath's correctly rounded values.
/// </summary>
public sealed class TimestepTests
{
    private readonly ITestOutputHelper _output;

    public TimestepTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Goldens => new() { "timestep_ddpm_d128_T1000", "timestep_sd_d320_T1000", "timestep_odd_d33_T100" };

    private static (int Dim, int Steps, float[] Table, Action<float[], float[]> Encode) Class(string name) => name switch
    {
        "timestep_ddpm_d128_T1000" => (TimestepDdpm.Dim, TimestepDdpm.Steps, TimestepDdpm.Table.ToArray(), (t, d) => TimestepDdpm.Encode(t, d)),
        "timestep_sd_d320_T1000" => (TimestepSd.Dim, TimestepSd.Steps, TimestepSd.Table.ToArray(), (t, d) => TimestepSd.Encode(t, d)),
        "timestep_odd_d33_T100" => (TimestepOdd.Dim, TimestepOdd.Steps, TimestepOdd.Table.ToArray(), (t, d) => TimestepOdd.Encode(t, d)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Goldens))]
    public void TableIsWithinTheGoldenToleranceAndMostlyBitForBit(string name)
    {
        var golden = GoldenTable.Load(name);
        var (dim, steps, table, _) = Class(name);
        Assert.Equal(golden.Config["Dim"].GetInt32(), dim);
        Assert.Equal(golden.Config["Steps"].GetInt32(), steps);
        double scale = golden.Config["Scale"].GetDouble();
        uint[][] values = Assert.IsType<uint[][]>(golden.Values);
        int same = 0, total = 0;
        for (int r = 0; r < golden.Rows.Length; r++)
        {
            int t = golden.Rows[r];
            Assert.Equal(dim, values[r].Length);
            for (int j = 0; j < dim; j++, total++)
            {
                float expected = IeeeBits.ToSingle(values[r][j]);
                float actual = table[t * dim + j];
                if (IeeeBits.Of(actual) == values[r][j]) same++;
                double tolerance = 1e-7 * (scale * t + 4);
                Assert.True(Math.Abs(actual - expected) <= tolerance,
                    $"{name}: t = {t}, column {j}: {actual:R} vs {expected:R} (tolerance {tolerance:R})");
            }
        }
        _output.WriteLine($"{name}: {same} of {total} entries bit for bit ({100.0 * same / total:F1}%)");
        Assert.True(same >= total * 0.8, $"{name}: only {same} of {total} entries bit for bit");
    }

    [Fact]
    public void EncodeOfTheGoldensFractionalTimestepsIsWithinTolerance()
    {
        var golden = GoldenTable.Load("timestep_sd_d320_T1000");
        double[] timesteps = Assert.IsType<double[]>(golden.Timesteps);
        uint[][] encoded = Assert.IsType<uint[][]>(golden.Encoded);
        Assert.NotEmpty(timesteps);
        var destination = new float[timesteps.Length * TimestepSd.Dim];
        TimestepSd.Encode(timesteps.Select(t => (float)t).ToArray(), destination);
        int same = 0, total = 0;
        for (int i = 0; i < timesteps.Length; i++)
        {
            var one = new float[TimestepSd.Dim];
            TimestepSd.Encode((float)timesteps[i], one);
            for (int j = 0; j < TimestepSd.Dim; j++, total++)
            {
                float expected = IeeeBits.ToSingle(encoded[i][j]);
                float actual = destination[i * TimestepSd.Dim + j];
                Assert.Equal(IeeeBits.Of(actual), IeeeBits.Of(one[j]));
                if (IeeeBits.Of(actual) == encoded[i][j]) same++;
                double tolerance = 1e-7 * (timesteps[i] + 4);
                Assert.True(Math.Abs(actual - expected) <= tolerance, $"t = {timesteps[i]}, column {j}: {actual:R} vs {expected:R}");
            }
        }
        _output.WriteLine($"encoded: {same} of {total} entries bit for bit ({100.0 * same / total:F1}%)");
    }

    [Fact]
    public void EncodeOfEveryIntegerTimestepIsExactlyItsRow()
    {
        AssertEncodeIsRow(TimestepDdpm.Dim, TimestepDdpm.Steps, t => TimestepDdpm.Row(t).ToArray(), (t, d) => TimestepDdpm.Encode(t, d), (t, d) => TimestepDdpm.Encode(t, d));
        AssertEncodeIsRow(TimestepSd.Dim, TimestepSd.Steps, t => TimestepSd.Row(t).ToArray(), (t, d) => TimestepSd.Encode(t, d), (t, d) => TimestepSd.Encode(t, d));
        AssertEncodeIsRow(TimestepOdd.Dim, TimestepOdd.Steps, t => TimestepOdd.Row(t).ToArray(), (t, d) => TimestepOdd.Encode(t, d), (t, d) => TimestepOdd.Encode(t, d));
        AssertEncodeIsRow(TimestepScaled.Dim, TimestepScaled.Steps, t => TimestepScaled.Row(t).ToArray(), (t, d) => TimestepScaled.Encode(t, d), (t, d) => TimestepScaled.Encode(t, d));
        AssertEncodeIsRow(TimestepUnit.Dim, TimestepUnit.Steps, t => TimestepUnit.Row(t).ToArray(), (t, d) => TimestepUnit.Encode(t, d), (t, d) => TimestepUnit.Encode(t, d));
    }

    private static void AssertEncodeIsRow(int dim, int steps, Func<int, float[]> row, Action<float, float[]> one, Action<float[], float[]> many)
    {
        var all = new float[steps * dim];
        many(Enumerable.Range(0, steps).Select(t => (float)t).ToArray(), all);
        var single = new float[dim];
        for (int t = 0; t < steps; t++)
        {
            one(t, single);
            uint[] expected = IeeeBits.OfAll(row(t));
            Assert.Equal(expected, IeeeBits.OfAll(single));
            Assert.Equal(expected, IeeeBits.OfAll(all.AsSpan(t * dim, dim)));
        }
    }

    [Fact]
    public void NegativeZeroIsEncodedAsPositiveZero()
    {
        var row = new float[TimestepSd.Dim];
        TimestepSd.Encode(-0f, row);
        Assert.Equal(IeeeBits.OfAll(TimestepSd.Row(0)), IeeeBits.OfAll(row));
        Assert.All(row.Take(TimestepSd.Dim / 2), v => Assert.Equal(1f, v));  // flipped: cos(0) first
        Assert.All(row.Skip(TimestepSd.Dim / 2), v => Assert.Equal(0u, IeeeBits.Of(v)));
    }

    [Fact]
    public void OddDimEndsInAZeroColumn()
    {
        for (int t = 0; t < TimestepOdd.Steps; t++)
            Assert.Equal(0u, IeeeBits.Of(TimestepOdd.Row(t)[TimestepOdd.Dim - 1]));
        var row = Enumerable.Repeat(float.NaN, TimestepOdd.Dim).ToArray();
        TimestepOdd.Encode(12.75f, row);
        Assert.Equal(0u, IeeeBits.Of(row[TimestepOdd.Dim - 1]));
        Assert.DoesNotContain(row, float.IsNaN);
    }

    [Fact]
    public void MembersHaveTheContractsValues()
    {
        Assert.Equal(320, TimestepSd.Dim);
        Assert.Equal(1000, TimestepSd.Steps);
        Assert.Equal(TimestepSd.Steps, TimestepSd.MaxLen);
        Assert.Equal(TimestepSd.Steps * TimestepSd.Dim, TimestepSd.Table.Length);
        Assert.Equal(TimestepOdd.Steps * TimestepOdd.Dim, TimestepOdd.Table.Length);
        Assert.Equal(TimestepSd.Dim, TimestepSd.Row(999).Length);
        // Row(1) of the unit class: [sin 1, cos 1] correctly rounded.
        Assert.Equal(0x3F576AA4u, IeeeBits.Of(TimestepUnit.Row(1)[0]));
        Assert.Equal(0x3F0A5140u, IeeeBits.Of(TimestepUnit.Row(1)[1]));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NonFiniteTimestepsThrowBeforeWriting(float bad)
    {
        var destination = Enumerable.Repeat(7f, 3 * TimestepSd.Dim + 5).ToArray();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TimestepSd.Encode(bad, destination));
        Assert.Equal("timestep", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => TimestepSd.Encode(new[] { 1f, 2.5f, bad }, destination));
        Assert.Equal("timesteps", e.ParamName);
        Assert.All(destination, v => Assert.Equal(7f, v));
    }

    [Fact]
    public void ShortOrOverlappingDestinationsThrowBeforeWriting()
    {
        var destination = Enumerable.Repeat(7f, 2 * TimestepDdpm.Dim - 1).ToArray();
        var e = Assert.Throws<ArgumentException>(() => TimestepDdpm.Encode(new[] { 1f, 2f }, destination));
        Assert.Equal("destination", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => TimestepDdpm.Encode(1f, destination.AsSpan(0, TimestepDdpm.Dim - 1)));
        Assert.Equal("destination", e.ParamName);
        Assert.All(destination, v => Assert.Equal(7f, v));

        var buffer = Enumerable.Repeat(3f, 3 * TimestepDdpm.Dim).ToArray();
        e = Assert.Throws<ArgumentException>(() => TimestepDdpm.Encode(buffer.AsSpan(TimestepDdpm.Dim, 2), buffer));
        Assert.Equal("destination", e.ParamName);
        Assert.All(buffer, v => Assert.Equal(3f, v));

        var r = Assert.Throws<ArgumentOutOfRangeException>(() => TimestepDdpm.Row(TimestepDdpm.Steps));
        Assert.Equal("timestep", r.ParamName);
        r = Assert.Throws<ArgumentOutOfRangeException>(() => TimestepDdpm.Row(-1));
        Assert.Equal("timestep", r.ParamName);
    }

    [Fact]
    public void EncodeLeavesTheRestOfTheDestinationUntouched()
    {
        var destination = Enumerable.Repeat(7f, 2 * TimestepOdd.Dim + 3).ToArray();
        TimestepOdd.Encode(new[] { 3f, 4.5f }, destination);
        Assert.Equal(IeeeBits.OfAll(TimestepOdd.Row(3)), IeeeBits.OfAll(destination.AsSpan(0, TimestepOdd.Dim)));
        Assert.All(destination.Skip(2 * TimestepOdd.Dim), v => Assert.Equal(7f, v));
        TimestepOdd.Encode(ReadOnlySpan<float>.Empty, destination.AsSpan(0, 0));
    }

    [Fact]
    public void EncodeTakesNegativeFractionalAndLargeTimesteps()
    {
        var a = new float[TimestepSd.Dim];
        var b = new float[TimestepSd.Dim];
        TimestepSd.Encode(-12.5f, a);
        TimestepSd.Encode(12.5f, b);
        int half = TimestepSd.Dim / 2;
        for (int k = 0; k < half; k++)
        {
            Assert.Equal(IeeeBits.Of(a[k]), IeeeBits.Of(b[k]));          // cos is even
            Assert.Equal(IeeeBits.Of(a[half + k]), IeeeBits.Of(-b[half + k]) ); // sin is odd
        }
        TimestepSd.Encode(3e38f, a);
        Assert.DoesNotContain(a, v => float.IsNaN(v) || Math.Abs(v) > 1f);
        TimestepSd.Encode(float.MaxValue, a);
        Assert.DoesNotContain(a, v => float.IsNaN(v) || Math.Abs(v) > 1f);
    }

    /// <summary>The kernel on every angle of tests/golden/numerics/sincos_float32.json (scalar, vector rows, public API).</summary>
    [Fact]
    public void KernelIsCorrectlyRoundedOnEveryReferenceAngle()
    {
        var (angles, sin, cos) = SinCosReference.Load();
        int n = angles.Length;
        for (int i = 0; i < n; i++)
        {
            global::PEGen.__PEGenHelpers.TimestepSinCos(angles[i], out float s, out float c);
            Assert.True(IeeeBits.Of(s) == sin[i], $"sin({angles[i]:R} = {IeeeBits.Of(angles[i]):X8}) = {IeeeBits.Of(s):X8}, expected {sin[i]:X8}");
            Assert.True(IeeeBits.Of(c) == cos[i], $"cos({angles[i]:R} = {IeeeBits.Of(angles[i]):X8}) = {IeeeBits.Of(c):X8}, expected {cos[i]:X8}");
        }
        // The row loop with the angles as frequencies (t = 1, scale = 1: the angle is the frequency): the vector paths.
        var row = new float[2 * n];
        global::PEGen.__PEGenHelpers.TimestepRows(new[] { 1f }, angles, 1f, false, 2 * n, row);
        for (int i = 0; i < n; i++)
        {
            Assert.True(IeeeBits.Of(row[i]) == sin[i], $"vector sin({IeeeBits.Of(angles[i]):X8}) = {IeeeBits.Of(row[i]):X8}, expected {sin[i]:X8}");
            Assert.True(IeeeBits.Of(row[n + i]) == cos[i], $"vector cos({IeeeBits.Of(angles[i]):X8}) = {IeeeBits.Of(row[n + i]):X8}, expected {cos[i]:X8}");
        }
        // And through the public API: TimestepUnit's only frequency is 1.
        var pair = new float[2];
        for (int i = 0; i < n; i += 7)
        {
            TimestepUnit.Encode(angles[i], pair);
            float expectedSin = angles[i] == 0 ? 0f : IeeeBits.ToSingle(sin[i]);  // -0 is encoded as +0
            Assert.Equal(IeeeBits.Of(expectedSin), IeeeBits.Of(pair[0]));
            Assert.Equal(cos[i], IeeeBits.Of(pair[1]));
        }
        _output.WriteLine($"{n} angles, sin and cos bit for bit on the scalar and the vector path");
    }
}

/// <summary>tests/golden/numerics/sincos_float32.json (made by tests/golden/numerics/sincos_reference.py with mpmath).</summary>
internal static class SinCosReference
{
    public static (float[] Angles, uint[] Sin, uint[] Cos) Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Golden, "numerics", "sincos_float32.json")));
        var root = document.RootElement;
        uint[] Read(string key) => root.GetProperty(key).EnumerateArray().Select(e => Convert.ToUInt32(e.GetString(), 16)).ToArray();
        uint[] angles = Read("angles");
        return (angles.Select(IeeeBits.ToSingle).ToArray(), Read("sin"), Read("cos"));
    }
}

/// <summary>The netstandard2.0 (C# 7.3, scalar, static arrays) build of the timestep classes gives the same bits.</summary>
public sealed class TimestepNetStandardTests
{
    [Fact]
    public void TableAndEncodeAreTheSameAsOnNet10()
    {
        Assert.Equal(IeeeBits.OfAll(TimestepSd.Table), IeeeBits.OfAll(PEGen.NetStandardConsumer.StandardProbe.TimestepTable()));
        var random = new Random(15);
        var timesteps = Enumerable.Range(0, 300).Select(i => (float)(random.NextDouble() * 2400 - 200)).Append(999f).Append(-0f).ToArray();
        var expected = new float[timesteps.Length * TimestepSd.Dim];
        TimestepSd.Encode(timesteps, expected);
        Assert.Equal(IeeeBits.OfAll(expected), IeeeBits.OfAll(PEGen.NetStandardConsumer.StandardProbe.TimestepEncode(timesteps)));
    }

    [Fact]
    public void ScalarKernelIsCorrectlyRoundedOnEveryReferenceAngle()
    {
        var (angles, sin, cos) = SinCosReference.Load();
        float[] pairs = PEGen.NetStandardConsumer.StandardProbe.TimestepSinCos(angles);
        for (int i = 0; i < angles.Length; i++)
        {
            uint expectedSin = angles[i] == 0 ? 0u : sin[i];  // -0 is encoded as +0
            Assert.True(IeeeBits.Of(pairs[2 * i]) == expectedSin, $"sin({IeeeBits.Of(angles[i]):X8}) = {IeeeBits.Of(pairs[2 * i]):X8}, expected {expectedSin:X8}");
            Assert.True(IeeeBits.Of(pairs[2 * i + 1]) == cos[i], $"cos({IeeeBits.Of(angles[i]):X8}) = {IeeeBits.Of(pairs[2 * i + 1]):X8}, expected {cos[i]:X8}");
        }
    }
}
