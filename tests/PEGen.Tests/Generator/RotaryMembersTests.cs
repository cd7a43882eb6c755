using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Schemes.Rotary;
using PEGen.Tests.Support;
using PEGen.TestSupport;

namespace PEGen.Tests.Generator;

/// <summary>
/// The rotary members of SPEC section 5 compiled and run: RotaryDim, AttentionFactor, InverseFrequencies and the
/// tables are the generator's values; every Rotate form, RotateQueryKey and the LongRoPE switch against a scalar C#
/// reference over the generated Cos/Sin, bit for bit, with partial rotary (RotaryDim 2, a middle value, Dim) in both
/// layouts; the errors name the argument and write nothing.
/// </summary>
public sealed class RotaryMembersTests
{
    private sealed record Case(string Name, SchemeKind Scheme, int Dim, int MaxLen, double Base, RotarySpec Rotary)
    {
        public bool Halves => Scheme == SchemeKind.Rope;
        public int Half => Rotary.RotaryDim / 2;
        public bool LongRope => Rotary.IsLongRope;
    }

    private static EquatableArray<double> Doubles(params double[] values) => new(values);

    private static readonly Case[] Cases =
    {
        new("H2", SchemeKind.Rope, 16, 40, 10000, new RotarySpec(2)),
        new("HMid", SchemeKind.Rope, 48, 40, 500000, new RotarySpec(24)),
        new("HFull", SchemeKind.Rope, 32, 40, 10000, new RotarySpec(32)),
        new("I2", SchemeKind.RopeInterleaved, 16, 40, 10000, new RotarySpec(2)),
        new("IMid", SchemeKind.RopeInterleaved, 40, 40, 10000, new RotarySpec(26)),
        new("IFull", SchemeKind.RopeInterleaved, 32, 40, 10000, new RotarySpec(32)),
        new("Lin", SchemeKind.Rope, 16, 40, 10000, new RotarySpec(16, RopeScalingKind.Linear, Factor: 2)),
        new("Yarn", SchemeKind.Rope, 32, 64, 10000, new RotarySpec(32, RopeScalingKind.Yarn, Factor: 4, OriginalMaxLen: 16)),
        new("Llama", SchemeKind.RopeInterleaved, 32, 64, 500000, new RotarySpec(16, RopeScalingKind.Llama3, Factor: 8, OriginalMaxLen: 16)),
        new("Phi", SchemeKind.Rope, 16, 4100, 10000, new RotarySpec(8, RopeScalingKind.LongRope, Factor: 32, OriginalMaxLen: 4096,
            ShortFactors: Doubles(1, 1.5, 2, 3), LongFactors: Doubles(1, 4, 16, 64))),
        new("PhiI", SchemeKind.RopeInterleaved, 8, 12, 10000, new RotarySpec(8, RopeScalingKind.LongRope, Factor: 1.5, OriginalMaxLen: 8,
            ShortFactors: Doubles(1, 1, 2, 2), LongFactors: Doubles(1.25, 2, 3, 5))),
    };

    private static readonly Lazy<LoadedAssembly> s_consumer = new(() => GeneratorHarness.CompileAndLoad(Source()));

    private static string Attribute(Case c)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string A(EquatableArray<double> a) => "new[] { " + string.Join(", ", a.Select(v => F(v) + (F(v).Contains('.') ? "" : ".0"))) + " }";
        var r = c.Rotary;
        var text = $"Dim = {c.Dim}, MaxLen = {c.MaxLen}, Scheme = EncodingScheme.{c.Scheme}, Base = {F(c.Base)}, RotaryDim = {r.RotaryDim}";
        if (r.Scaling != RopeScalingKind.None) text += $", Scaling = RopeScaling.{r.Scaling}, Factor = {F(r.Factor)}";
        if (r.OriginalMaxLen > 0) text += $", OriginalMaxLen = {r.OriginalMaxLen}";
        if (r.IsLongRope) text += $", ShortFactors = {A(r.ShortFactors)}, LongFactors = {A(r.LongFactors)}";
        return "[PositionalEncoding(" + text + ")]";
    }

    private static string Source()
    {
        var b = new System.Text.StringBuilder("using System;\nusing PEGen;\nnamespace App;\n");
        foreach (var c in Cases) b.Append(Attribute(c)).Append(" public static partial class ").Append(c.Name).Append(" { }\n");
        b.Append("public static class Probe {\n");
        foreach (var c in Cases)
        {
            string n = c.Name;
            b.Append($"  public static int[] {n}Sizes() => new[] {{ {n}.Dim, {n}.MaxLen, {n}.RotaryDim }};\n");
            b.Append($"  public static double {n}Attention() => {n}.AttentionFactor;\n");
            b.Append($"  public static float[] {n}Cos() => {n}.Cos.ToArray();\n");
            b.Append($"  public static float[] {n}Sin() => {n}.Sin.ToArray();\n");
            b.Append($"  public static float[] {n}Inverse() => {n}.InverseFrequencies.ToArray();\n");
            b.Append($"  public static void {n}Rotate(float[] v, int start, int heads) => {n}.Rotate(v, start, heads);\n");
            b.Append($"  public static void {n}RotateTo(float[] v, float[] d, int start, int heads) => {n}.Rotate(v, d, start, heads);\n");
            b.Append($"  public static void {n}RotateShifted(float[] buffer, int length, int shift) => {n}.Rotate(buffer.AsSpan(0, length), buffer.AsSpan(shift, length));\n");
            b.Append($"  public static void {n}Positions(float[] v, int[] p, int heads) => {n}.Rotate(v, p, heads);\n");
            b.Append($"  public static void {n}PositionsTo(float[] v, float[] d, int[] p, int heads) => {n}.Rotate(v, d, p, heads);\n");
            b.Append($"  public static void {n}QueryKey(float[] q, int qh, float[] k, int kh, int start) => {n}.RotateQueryKey(q, qh, k, kh, start);\n");
            b.Append($"  public static void {n}QueryKeyDefault(float[] q, int qh, float[] k, int kh) => {n}.RotateQueryKey(q, qh, k, kh);\n");
            b.Append($"  public static void {n}QueryKeyShared(float[] buffer, int qLength, int kStart, int kLength) => " +
                     $"{n}.RotateQueryKey(buffer.AsSpan(0, qLength), 1, buffer.AsSpan(kStart, kLength), 1);\n");
            if (!c.LongRope) continue;
            b.Append($"  public static float[] {n}ShortCos() => {n}.ShortCos.ToArray();\n");
            b.Append($"  public static float[] {n}ShortSin() => {n}.ShortSin.ToArray();\n");
            b.Append($"  public static float[] {n}ShortInverse() => {n}.ShortInverseFrequencies.ToArray();\n");
            b.Append($"  public static void {n}Factors(float[] v, int start, int heads, int f) => {n}.Rotate(v, start, heads, (LongRopeFactors)f);\n");
            b.Append($"  public static void {n}FactorsTo(float[] v, float[] d, int start, int heads, int f) => {n}.Rotate(v, d, start, heads, (LongRopeFactors)f);\n");
        }
        b.Append("}\n");
        return b.ToString();
    }

    private static object? Call(string method, params object?[] args) => s_consumer.Value.Call("App.Probe", method, args);

    private static T Get<T>(string method) => (T)Call(method)!;

    private static Case Of(string name) => Cases.Single(c => c.Name == name);

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    public static TheoryData<string> LongRopeNames() => new(Cases.Where(c => c.LongRope).Select(c => c.Name));

    private static EncodingSpec SpecOf(Case c) => TestSpecs.Create(c.Scheme, c.Dim, c.MaxLen, c.Base, name: c.Name) with { RotaryParameters = c.Rotary };

    // ---- The scalar reference ------------------------------------------------------------------

    /// <summary>Tables a call reads: the long (or only) pair, or LongRoPE's short pair.</summary>
    private static (float[] Cos, float[] Sin) Tables(Case c, bool useShort) =>
        useShort ? (Get<float[]>(c.Name + "ShortCos"), Get<float[]>(c.Name + "ShortSin")) : (Get<float[]>(c.Name + "Cos"), Get<float[]>(c.Name + "Sin"));

    /// <summary>
    /// Row r of <paramref name="input"/> ([rows x heads x Dim]) rotated by position <paramref name="positions"/>[r]: the
    /// first RotaryDim values of each head as pairs a * c - b * s, b * c + a * s; the rest as they were.
    /// </summary>
    private static float[] Reference(Case c, float[] input, int[] positions, int heads, bool useShort)
    {
        var (cos, sin) = Tables(c, useShort);
        var output = input.ToArray();
        for (int r = 0; r < positions.Length; r++)
        for (int h = 0; h < heads; h++)
        for (int k = 0; k < c.Half; k++)
        {
            int b = (r * heads + h) * c.Dim;
            int i0 = c.Halves ? b + k : b + 2 * k, i1 = c.Halves ? b + k + c.Half : b + 2 * k + 1;
            float cs = cos[positions[r] * c.Half + k], sn = sin[positions[r] * c.Half + k];
            output[i0] = input[i0] * cs - input[i1] * sn;
            output[i1] = input[i1] * cs + input[i0] * sn;
        }
        return output;
    }

    private static int[] Range(int start, int rows) => Enumerable.Range(start, rows).ToArray();

    private static float[] RandomFloats(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();

    private static void SameBits(float[] expected, float[] actual, string what)
    {
        Assert.True(expected.Length <= actual.Length, what + ": too short");
        for (int i = 0; i < expected.Length; i++)
            Assert.True(IeeeBits.Same(expected[i], actual[i]), $"{what}: index {i} is {actual[i]:R}, expected {expected[i]:R}");
    }

    /// <summary>Runs the in-place and out-of-place form; the destination has a trailing float that must stay.</summary>
    private static void CheckBothForms(string what, float[] input, float[] expected, Action<float[]> inPlace, Action<float[], float[]> outOfPlace)
    {
        var data = input.ToArray();
        inPlace(data);
        SameBits(expected, data, what + " in place");
        var destination = Enumerable.Repeat(-7.5f, input.Length + 1).ToArray();
        outOfPlace(input, destination);
        SameBits(expected, destination, what + " out of place");
        Assert.Equal(-7.5f, destination[input.Length]);
        // The destination may be the input itself (in place through the out-of-place form).
        var same = input.ToArray();
        outOfPlace(same, same);
        SameBits(expected, same, what + " out of place on the same memory");
    }

    // ---- Constants and tables ------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Names))]
    public void ConstantsAndTablesAreTheGeneratorsValues(string name)
    {
        var c = Of(name);
        Assert.Equal(new[] { c.Dim, c.MaxLen, c.Rotary.RotaryDim }, Get<int[]>(name + "Sizes"));
        var angles = RotaryFrequencies.Compute(c.Base, c.Rotary);
        Assert.Equal(IeeeBits.Of(angles.AttentionFactor), IeeeBits.Of(Get<double>(name + "Attention")));
        Assert.Equal(IeeeBits.OfAll(angles.Inverse), IeeeBits.OfAll(Get<float[]>(name + "Inverse")));
        var table = TableBuilder.BuildRotary(SpecOf(c));
        Assert.Equal(c.MaxLen * c.Half, Get<float[]>(name + "Cos").Length);
        Assert.Equal(IeeeBits.OfAll(table.Cos), IeeeBits.OfAll(Get<float[]>(name + "Cos")));
        Assert.Equal(IeeeBits.OfAll(table.Sin), IeeeBits.OfAll(Get<float[]>(name + "Sin")));
        if (!c.LongRope) return;
        Assert.Equal(Math.Min(c.MaxLen, c.Rotary.OriginalMaxLen) * c.Half, Get<float[]>(name + "ShortCos").Length);
        Assert.Equal(IeeeBits.OfAll(table.ShortCos), IeeeBits.OfAll(Get<float[]>(name + "ShortCos")));
        Assert.Equal(IeeeBits.OfAll(table.ShortSin), IeeeBits.OfAll(Get<float[]>(name + "ShortSin")));
        Assert.Equal(IeeeBits.OfAll(angles.ShortInverse), IeeeBits.OfAll(Get<float[]>(name + "ShortInverse")));
    }

    // ---- Rotate from a start position ----------------------------------------------------------

    [Theory]
    [MemberData(nameof(Names))]
    public void RotateMatchesTheScalarReferenceAndPassesTheRestThrough(string name)
    {
        var c = Of(name);
        var random = new Random(name.Length * 97 + c.Dim);
        int originalMaxLen = c.LongRope ? c.Rotary.OriginalMaxLen : int.MaxValue;
        var calls = new List<(int Start, int Rows, int Heads)> { (0, 1, 1), (0, 3, 2), (c.MaxLen - 1, 1, 3), (c.MaxLen / 2, c.MaxLen - c.MaxLen / 2, 1), (5, 0, 2) };
        if (c.LongRope)
        {
            int o = originalMaxLen;
            calls.AddRange(new[] { (o - 1, 1, 2), (o, 1, 2), (o + 1, 1, 1), (o - 3, 3, 2), (o - 3, 4, 2), (o - 3, 5, 1) });
        }
        foreach (var (start, rows, heads) in calls)
        {
            var input = RandomFloats(random, rows * heads * c.Dim);
            bool useShort = start + rows <= originalMaxLen;
            var expected = Reference(c, input, Range(start, rows), heads, c.LongRope && useShort);
            CheckBothForms($"{name} start={start} rows={rows} heads={heads}", input, expected,
                data => Call(name + "Rotate", data, start, heads),
                (source, destination) => Call(name + "RotateTo", source, destination, start, heads));
        }
    }

    [Theory]
    [MemberData(nameof(LongRopeNames))]
    public void LongRopeSwitchesPerCallAtOriginalMaxLen(string name)
    {
        var c = Of(name);
        int o = c.Rotary.OriginalMaxLen;
        var random = new Random(o);
        var (shortCos, _) = Tables(c, true);
        var (longCos, _) = Tables(c, false);
        // The short and long tables differ where the rotation is checked, or the test would prove nothing.
        Assert.NotEqual(shortCos[(o - 1) * c.Half + c.Half - 1], longCos[(o - 1) * c.Half + c.Half - 1]);

        foreach (int position in new[] { o - 1, o, o + 1 })
        {
            var input = RandomFloats(random, c.Dim);
            var data = input.ToArray();
            Call(name + "Rotate", data, position, 1);
            SameBits(Reference(c, input, new[] { position }, 1, useShort: position < o), data, $"position {position}");
        }

        // A call that straddles the switch uses the long tables for every row, its first rows included.
        var straddle = RandomFloats(random, 4 * c.Dim);
        var rotated = straddle.ToArray();
        Call(name + "Rotate", rotated, o - 2, 1);
        SameBits(Reference(c, straddle, Range(o - 2, 4), 1, useShort: false), rotated, "straddling call");
        var firstRowAlone = straddle.Take(c.Dim).ToArray();
        Call(name + "Rotate", firstRowAlone, o - 2, 1);
        Assert.False(firstRowAlone.SequenceEqual(rotated.Take(c.Dim)), "the first row of the straddling call used the long tables");
    }

    [Theory]
    [MemberData(nameof(LongRopeNames))]
    public void LongRopeFactorsChooseTheTables(string name)
    {
        var c = Of(name);
        int o = c.Rotary.OriginalMaxLen;
        var random = new Random(3 * o);
        foreach (var (start, rows) in new[] { (0, 2), (o - 2, 2), (o - 2, 3), (o, 1) })
        {
            var input = RandomFloats(random, rows * 2 * c.Dim);
            bool fits = start + rows <= o;
            foreach (int factors in new[] { 0, 1, 2 })
            {
                if (factors == 1 && !fits) continue;
                bool useShort = factors == 1 || (factors == 0 && fits);
                var expected = Reference(c, input, Range(start, rows), 2, useShort);
                CheckBothForms($"{name} factors={factors} start={start} rows={rows}", input, expected,
                    data => Call(name + "Factors", data, start, 2, factors),
                    (source, destination) => Call(name + "FactorsTo", source, destination, start, 2, factors));
            }
        }
    }

    [Theory]
    [MemberData(nameof(LongRopeNames))]
    public void LongRopeFactorsRejectShortPastTheSwitchAndUndefinedValuesWithoutWriting(string name)
    {
        var c = Of(name);
        int o = c.Rotary.OriginalMaxLen;
        void Rejects(string parameter, int start, int rows, int factors)
        {
            var data = Enumerable.Range(0, rows * c.Dim).Select(i => (float)i).ToArray();
            var copy = data.ToArray();
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Call(name + "Factors", data, start, 1, factors));
            Assert.Equal(parameter, e.ParamName);
            Assert.Equal(copy, data);
            var destination = Enumerable.Repeat(3f, data.Length).ToArray();
            e = Assert.Throws<ArgumentOutOfRangeException>(() => Call(name + "FactorsTo", data, destination, start, 1, factors));
            Assert.Equal(parameter, e.ParamName);
            Assert.All(destination, v => Assert.Equal(3f, v));
        }
        Rejects("startPosition", o - 1, 2, 1);
        Rejects("startPosition", o, 1, 1);
        Rejects("factors", 0, 1, 3);
        Rejects("factors", 0, 1, -1);
        Assert.Contains("OriginalMaxLen = " + o, Assert.Throws<ArgumentOutOfRangeException>(
            () => Call(name + "Factors", new float[2 * c.Dim], o - 1, 1, 1)).Message);
    }

    // ---- Rotate with one position per row ------------------------------------------------------

    [Theory]
    [MemberData(nameof(Names))]
    public void PositionsOverloadsRotateEachRowByItsPosition(string name)
    {
        var c = Of(name);
        var random = new Random(name.Length * 31 + c.Dim);
        int below = c.LongRope ? c.Rotary.OriginalMaxLen : c.MaxLen;
        var lists = new List<int[]>
        {
            new[] { 3, 0, 3, 1, below - 1, 2 },                 // unsorted, repeated, all below OriginalMaxLen
            new[] { c.MaxLen - 1, 0, c.MaxLen - 1 },            // LongRoPE: one position past the switch, so long for all
            Array.Empty<int>(),
            Enumerable.Range(0, 9).Select(_ => random.Next(c.MaxLen)).ToArray(),
        };
        foreach (var positions in lists)
        {
            foreach (int heads in new[] { 1, 3 })
            {
                var input = RandomFloats(random, positions.Length * heads * c.Dim);
                bool useShort = c.LongRope && positions.All(p => p < c.Rotary.OriginalMaxLen);
                var expected = Reference(c, input, positions, heads, useShort);
                CheckBothForms($"{name} positions=[{string.Join(",", positions)}] heads={heads}", input, expected,
                    data => Call(name + "Positions", data, positions, heads),
                    (source, destination) => Call(name + "PositionsTo", source, destination, positions, heads));
            }
        }
    }

    [Fact]
    public void PositionsOverloadsEqualRotateFromAStartPosition()
    {
        var c = Of("IMid");
        var input = RandomFloats(new Random(1), 5 * 2 * c.Dim);
        var fromStart = input.ToArray();
        Call("IMidRotate", fromStart, 7, 2);
        var fromPositions = input.ToArray();
        Call("IMidPositions", fromPositions, Range(7, 5), 2);
        SameBits(fromStart, fromPositions, "positions 7..11");
    }

    [Theory]
    [InlineData(new[] { 0, 1, -1 }, "positions", "positions[2] = -1")]
    [InlineData(new[] { 40 }, "positions", "positions[0] = 40")]
    [InlineData(new[] { 0, int.MinValue }, "positions", "positions[1]")]
    public void PositionsOutsideTheTableThrowNamingIndexAndValueWithoutWriting(int[] positions, string parameter, string message)
    {
        var c = Of("HMid");
        var data = Enumerable.Range(0, positions.Length * c.Dim).Select(i => (float)i).ToArray();
        var copy = data.ToArray();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Call("HMidPositions", data, positions, 1));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(message, e.Message);
        Assert.Equal(copy, data);
        var destination = Enumerable.Repeat(5f, data.Length).ToArray();
        e = Assert.Throws<ArgumentOutOfRangeException>(() => Call("HMidPositionsTo", data, destination, positions, 1));
        Assert.Equal(parameter, e.ParamName);
        Assert.All(destination, v => Assert.Equal(5f, v));
    }

    [Theory]
    [InlineData(2, 1, 47, "vectors")]     // not exactly positions x heads x Dim: short
    [InlineData(2, 1, 144, "vectors")]    // one row too many
    [InlineData(2, 2, 96, "vectors")]     // rows of one head where two were asked for
    [InlineData(0, 1, 48, "vectors")]
    public void PositionsLengthMustBeExactlyOneRowPerPosition(int count, int heads, int length, string parameter)
    {
        var data = new float[length];
        Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => Call("HMidPositions", data, new int[count], heads)).ParamName);
        Assert.Equal("heads", Assert.Throws<ArgumentOutOfRangeException>(() => Call("HMidPositions", data, new int[count], 0)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(
            () => Call("HMidPositionsTo", new float[96], new float[95], new int[2], 1)).ParamName);
    }

    // ---- RotateQueryKey ------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Names))]
    public void RotateQueryKeyIsRotateOnQueriesAndOnKeysBitForBit(string name)
    {
        var c = Of(name);
        var random = new Random(11 * c.Dim);
        var starts = new List<(int Start, int Rows)> { (0, 1), (2, 3), (c.MaxLen - 2, 2), (4, 0) };
        if (c.LongRope) starts.AddRange(new[] { (c.Rotary.OriginalMaxLen - 2, 2), (c.Rotary.OriginalMaxLen - 2, 3) });
        foreach (var (start, rows) in starts)
        foreach (var (qh, kh) in new[] { (1, 1), (4, 1), (6, 2), (3, 3) })
        {
            var q = RandomFloats(random, rows * qh * c.Dim);
            var k = RandomFloats(random, rows * kh * c.Dim);
            var qExpected = q.ToArray();
            var kExpected = k.ToArray();
            Call(name + "Rotate", qExpected, start, qh);
            Call(name + "Rotate", kExpected, start, kh);
            Call(name + "QueryKey", q, qh, k, kh, start);
            SameBits(qExpected, q, $"{name} queries start={start} rows={rows} {qh}/{kh}");
            SameBits(kExpected, k, $"{name} keys start={start} rows={rows} {qh}/{kh}");
        }
        var q0 = RandomFloats(random, 2 * c.Dim);
        var k0 = RandomFloats(random, 2 * c.Dim);
        var q0Expected = q0.ToArray();
        Call(name + "Rotate", q0Expected, 0, 1);
        Call(name + "QueryKeyDefault", q0, 1, k0, 1);
        SameBits(q0Expected, q0, "startPosition defaults to 0");
    }

    [Theory]
    [InlineData(0, 1, 48, 48, 0, "queryHeads", true)]
    [InlineData(1, 0, 48, 48, 0, "keyHeads", true)]
    [InlineData(1, 1, 47, 48, 0, "queries", false)]
    [InlineData(2, 1, 48, 48, 0, "queries", false)]
    [InlineData(1, 1, 48, 50, 0, "keys", false)]
    [InlineData(1, 1, 96, 48, 0, "keys", false)]       // two query rows, one key row
    [InlineData(4, 1, 192, 96, 0, "keys", false)]      // one query row of 4 heads, two key rows
    [InlineData(1, 1, 48, 48, -1, "startPosition", true)]
    [InlineData(1, 1, 48, 48, 40, "startPosition", true)]
    [InlineData(1, 1, 96, 96, 39, "queries", false)]
    public void RotateQueryKeyRejectsBadArgumentsWithoutWriting(int qh, int kh, int qLength, int kLength, int start, string parameter, bool outOfRange)
    {
        var q = Enumerable.Range(0, qLength).Select(i => (float)i).ToArray();
        var k = Enumerable.Range(0, kLength).Select(i => (float)-i).ToArray();
        var (qCopy, kCopy) = (q.ToArray(), k.ToArray());
        var e = outOfRange
            ? Assert.Throws<ArgumentOutOfRangeException>(() => Call("HMidQueryKey", q, qh, k, kh, start))
            : Assert.Throws<ArgumentException>(() => Call("HMidQueryKey", q, qh, k, kh, start));
        Assert.Equal(parameter, e.ParamName);
        Assert.Equal(qCopy, q);
        Assert.Equal(kCopy, k);
    }

    [Fact]
    public void RotateQueryKeyRejectsSpansThatShareMemory()
    {
        var buffer = Enumerable.Range(0, 4 * 48).Select(i => (float)i).ToArray();
        var copy = buffer.ToArray();
        Assert.Equal("keys", Assert.Throws<ArgumentException>(() => Call("HMidQueryKeyShared", buffer, 96, 48, 96)).ParamName);
        Assert.Equal("keys", Assert.Throws<ArgumentException>(() => Call("HMidQueryKeyShared", buffer, 48, 0, 48)).ParamName);
        Assert.Equal(copy, buffer);
        // Neighbours in one buffer (a fused QKV projection) are fine.
        Call("HMidQueryKeyShared", buffer, 96, 96, 96);
    }

    // ---- Errors of the start-position forms ----------------------------------------------------

    [Fact]
    public void RotateOfAPartialClassRejectsBadArgumentsWithoutWriting()
    {
        var data = Enumerable.Range(0, 96).Select(i => (float)i).ToArray();
        var copy = data.ToArray();
        Assert.Equal("heads", Assert.Throws<ArgumentOutOfRangeException>(() => Call("HMidRotate", data, 0, 0)).ParamName);
        Assert.Equal("vectors", Assert.Throws<ArgumentException>(() => Call("HMidRotate", data, 0, 3)).ParamName);
        Assert.Equal("vectors", Assert.Throws<ArgumentException>(() => Call("HMidRotate", data, 39, 1)).ParamName);
        Assert.Equal("startPosition", Assert.Throws<ArgumentOutOfRangeException>(() => Call("HMidRotate", data, -1, 1)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Call("HMidRotateTo", data, new float[95], 0, 1)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Call("HMidRotateShifted", data, 48, 1)).ParamName);
        Assert.Equal(copy, data);
    }

    // ---- Relative positions --------------------------------------------------------------------

    // q.k after rotation depends only on m - n: cos/sin of each angle are rounded to float32 (<= 6e-8 relative), and the
    // angles (float)p * theta_k are rounded too, by up to |p theta_k| 2^-24; with |values| <= 1, 32 values and
    // AttentionFactor^2 <= 1.5 that bounds the spread by about 2e-5 at these positions.
    [Theory]
    [InlineData("Yarn", 0)]
    [InlineData("Llama", 0)]
    [InlineData("Lin", 0)]
    [InlineData("IMid", 0)]
    [InlineData("PhiI", 2)]   // LongRoPE's long tables at every position (LongRopeFactors.Long): one factor set
    [InlineData("PhiI", 1)]   // the short ones, below OriginalMaxLen
    public void RotatedDotProductDependsOnlyOnTheDistance(string name, int factors)
    {
        var c = Of(name);
        int limit = factors == 1 ? c.Rotary.OriginalMaxLen : c.MaxLen;
        var random = new Random(5);
        var q = Enumerable.Range(0, c.Dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var k = Enumerable.Range(0, c.Dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] Rotated(float[] v, int p)
        {
            var x = v.ToArray();
            if (factors == 0) Call(name + "Rotate", x, p, 1);
            else Call(name + "Factors", x, p, 1, factors);
            return x;
        }
        double Dot(int m, int n) => Rotated(q, m).Zip(Rotated(k, n), (a, b) => (double)a * b).Sum();
        double attention = Get<double>(name + "Attention");
        foreach (int distance in new[] { 0, 1, 3, limit / 2 })
        {
            double reference = Dot(distance, 0);
            for (int n = 1; n + distance < limit; n += Math.Max(1, limit / 9))
                Assert.True(Math.Abs(Dot(n + distance, n) - reference) < 2e-5 * attention * attention, $"{name}: distance {distance}, n {n}");
        }
        // The attention factor scales every norm: |Rotate(q)| = AttentionFactor |q| up to rounding.
        double norm = Math.Sqrt(q.Sum(v => (double)v * v)), rotatedNorm = Math.Sqrt(Rotated(q, limit - 1).Sum(v => (double)v * v));
        Assert.True(Math.Abs(rotatedNorm - attention * norm) < 1e-5 * norm, $"{name}: norm {rotatedNorm} vs {attention} x {norm}");
    }
}
