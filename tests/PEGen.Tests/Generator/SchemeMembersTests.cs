using System;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes;
using PEGen.Tests.Support;
using PEGen.TestSupport;

namespace PEGen.Tests.Generator;

/// <summary>
/// Every scheme generates, compiles and runs: its Table (or Cos/Sin) is the scheme pipeline's
/// output bit for bit; Rotate is the rotary multiplication; Shift is the rotation M_k.
/// </summary>
public sealed class SchemeMembersTests
{
    private static readonly (string Name, SchemeKind Scheme, int Dim, int MaxLen, double Base, int Padding)[] Additive =
    {
        ("Vaswani", SchemeKind.Vaswani, 16, 300, 10000, -1),
        ("Annotated", SchemeKind.AnnotatedTransformer, 16, 300, 10000, -1),
        ("Xlm", SchemeKind.HuggingFaceXlm, 16, 300, 10000, -1),
        ("Marian", SchemeKind.HuggingFaceMarian, 16, 300, 10000, -1),
        ("MarianOdd", SchemeKind.HuggingFaceMarian, 7, 40, 10000, -1),
        ("T2T", SchemeKind.TensorToTensor, 16, 300, 10000, -1),
        ("T2TOdd", SchemeKind.TensorToTensor, 9, 40, 10000, -1),
        ("Fairseq", SchemeKind.Fairseq, 16, 300, 10000, 1),
        ("Whisper", SchemeKind.Whisper, 16, 300, 10000, -1),
    };

    private static readonly string Source = BuildSource();

    private static readonly Lazy<LoadedAssembly> s_consumer = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static string BuildSource()
    {
        var b = new System.Text.StringBuilder("using System;\nusing PEGen;\nnamespace App;\n#pragma warning disable PEG003\n");
        foreach (var (name, scheme, dim, maxLen, @base, padding) in Additive)
        {
            b.Append($"[PositionalEncoding(Dim = {dim}, MaxLen = {maxLen}, Scheme = EncodingScheme.{scheme}")
             .Append(padding >= 0 ? $", PaddingIndex = {padding}" : "").Append($")] public static partial class {name} {{ }}\n");
        }
        b.Append("[PositionalEncoding(Dim = 32, MaxLen = 64, Scheme = EncodingScheme.Rope, Base = 500000)] public static partial class Rope { }\n");
        b.Append("[PositionalEncoding(Dim = 32, MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved)] public static partial class RopeI { }\n");
        b.Append("public static class Probe {\n");
        foreach (var (name, _, _, _, _, _) in Additive)
        {
            b.Append($"  public static float[] {name}Table() => {name}.Table.ToArray();\n");
            b.Append($"  public static float[] {name}Shift(float[] e, int k) {{ var d = new float[e.Length]; {name}.Shift(e, k, d); return d; }}\n");
            b.Append($"  public static float[] {name}ShiftInPlace(float[] e, int k) {{ {name}.Shift(e, k, e); return e; }}\n");
        }
        foreach (var name in new[] { "Rope", "RopeI" })
        {
            b.Append($"  public static float[] {name}Cos() => {name}.Cos.ToArray();\n");
            b.Append($"  public static float[] {name}Sin() => {name}.Sin.ToArray();\n");
            b.Append($"  public static float[] {name}Rotate(float[] v, int start, int heads) {{ {name}.Rotate(v, start, heads); return v; }}\n");
            b.Append($"  public static float[] {name}RotateTo(float[] v, float[] d, int start, int heads) {{ {name}.Rotate(v, d, start, heads); return d; }}\n");
        }
        b.Append("}\n");
        return b.ToString();
    }

    private static T Call<T>(string method, params object?[] args) => (T)s_consumer.Value.Call("App.Probe", method, args)!;

    public static TheoryData<string> AdditiveNames() => new(Additive.Select(a => a.Name));

    [Theory]
    [MemberData(nameof(AdditiveNames))]
    public void TableIsTheSchemePipelineBitForBit(string name)
    {
        var (_, scheme, dim, maxLen, @base, padding) = Additive.Single(a => a.Name == name);
        var expected = TableBuilder.Build(TestSpecs.Create(scheme, dim, maxLen, @base, padding, name: name));
        Assert.Equal(expected.Select(IeeeBits.Of), Call<float[]>(name + "Table").Select(IeeeBits.Of));
    }

    // Shift(Row(p), k) vs Row(p + k). Both sides round to float32: the table entries (<= 6e-8 each),
    // and the rotation mixes two of them with coefficients from row |k|, so a few float32 ulps of 1
    // (~1.2e-7 each) bound it; the float32 schemes also round their angles p * w to float32, which
    // moves an entry by up to |p * w| * 2^-24 <= 6e-8 * (p + k). Hence 4e-7 + 1.2e-7 * (p + |k|).
    [Theory]
    [MemberData(nameof(AdditiveNames))]
    public void ShiftRotatesRowPToRowPPlusK(string name)
    {
        var (_, scheme, dim, maxLen, @base, padding) = Additive.Single(a => a.Name == name);
        var table = Call<float[]>(name + "Table");
        var paired = SinusoidPair.Of(TestSpecs.Create(scheme, dim, 10, @base)).SelectMany(p => new[] { p.SinColumn, p.CosColumn }).ToHashSet();
        var random = new Random(7);
        double worst = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            int p = random.Next(maxLen), target = random.Next(maxLen);
            if (p == padding || target == padding) continue;
            int k = target - p;
            var row = table.Skip(p * dim).Take(dim).ToArray();
            var shifted = trial % 2 == 0 ? Call<float[]>(name + "Shift", row, k) : Call<float[]>(name + "ShiftInPlace", row.ToArray(), k);
            double tolerance = 4e-7 + 1.2e-7 * (p + Math.Abs(k));
            for (int j = 0; j < dim; j++)
            {
                double error = Math.Abs(shifted[j] - table[target * dim + j]);
                worst = Math.Max(worst, error / tolerance);
                // An odd Dim's unpaired column cannot be rotated (PEG003): Shift copies it unchanged.
                if (paired.Contains(j))
                    Assert.True(error <= tolerance, $"{name}: p={p} k={k} column {j}: |{shifted[j]} - {table[target * dim + j]}| = {error:E2} > {tolerance:E2}");
            }
        }
        Assert.True(worst > 0, "the comparison ran");
    }

    [Fact]
    public void ShiftFarBeyondTheTableStillRotates()
    {
        // Offsets past MaxLen use the frequency directly; shifting there and back returns the row.
        var table = Call<float[]>("VaswaniTable");
        var row = table.Skip(5 * 16).Take(16).ToArray();
        var there = Call<float[]>("VaswaniShift", row, 1_000_000);
        var back = Call<float[]>("VaswaniShift", there, -1_000_000);
        for (int j = 0; j < 16; j++) Assert.True(Math.Abs(back[j] - row[j]) < 1e-5, $"column {j}");
    }

    // Past the table Shift computes the rotation from the pair's frequency with PEGen's own sin/cos (no host libm):
    // shifting a row whose pairs are (sin, cos) = (0, 1) gives that rotation, which must be the float of sin/cos of
    // the same double angle (glibc's here) but for values within an ulp of a float rounding boundary.
    [Theory]
    [InlineData("Vaswani", (int)SchemeKind.Vaswani, 10000)]
    [InlineData("Xlm", (int)SchemeKind.HuggingFaceXlm, 10000)]
    [InlineData("Whisper", (int)SchemeKind.Whisper, 10000)]
    public void ShiftPastTheTableIsTheRotationOfTheDoubleAngle(string name, int scheme, double @base)
    {
        var pairs = SinusoidPair.Of(TestSpecs.Create((SchemeKind)scheme, 16, 300, @base));
        var unit = new float[16];
        foreach (var pair in pairs) unit[pair.CosColumn] = 1f;
        int compared = 0, exact = 0;
        foreach (int offset in new[] { 300, 301, -300, 4097, -123457, 1_000_000, 987_654_321, int.MaxValue, int.MinValue + 1 })
        {
            var shifted = Call<float[]>(name + "Shift", unit, offset);
            foreach (var pair in pairs)
            {
                double angle = offset * pair.Frequency;
                foreach (var (actual, expected) in new[] { (shifted[pair.SinColumn], (float)Math.Sin(angle)), (shifted[pair.CosColumn], (float)Math.Cos(angle)) })
                {
                    compared++;
                    if (actual == expected) { exact++; continue; }
                    float ulp = MathF.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
                    Assert.True(Math.Abs(actual - expected) <= ulp, $"{name} offset {offset}: {actual:R} vs {expected:R}");
                }
            }
        }
        Assert.True(exact >= compared * 0.98, $"{exact} of {compared} bit for bit");
    }

    [Theory]
    [InlineData("Rope", (int)SchemeKind.Rope, 500000)]
    [InlineData("RopeI", (int)SchemeKind.RopeInterleaved, 10000)]
    public void CosSinAreTheRotaryPipelineAndRotateIsTheComplexMultiply(string name, int scheme, double @base)
    {
        var table = TableBuilder.BuildRotary(TestSpecs.Create((SchemeKind)scheme, 32, 64, @base, name: name));
        var cos = Call<float[]>(name + "Cos");
        var sin = Call<float[]>(name + "Sin");
        Assert.Equal(table.Cos.Select(IeeeBits.Of), cos.Select(IeeeBits.Of));
        Assert.Equal(table.Sin.Select(IeeeBits.Of), sin.Select(IeeeBits.Of));

        var random = new Random(scheme);
        const int rows = 5, heads = 3, start = 40;
        var input = Enumerable.Range(0, rows * heads * 32).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var expected = new float[input.Length];
        for (int r = 0; r < rows; r++)
        for (int h = 0; h < heads; h++)
        for (int k = 0; k < 16; k++)
        {
            int baseIndex = (r * heads + h) * 32;
            int i0 = scheme == (int)SchemeKind.Rope ? baseIndex + k : baseIndex + 2 * k;
            int i1 = scheme == (int)SchemeKind.Rope ? baseIndex + k + 16 : baseIndex + 2 * k + 1;
            float c = cos[(start + r) * 16 + k], s = sin[(start + r) * 16 + k];
            // (x0 + i x1) * (c + i s)
            expected[i0] = input[i0] * c - input[i1] * s;
            expected[i1] = input[i1] * c + input[i0] * s;
        }
        Assert.Equal(expected, Call<float[]>(name + "Rotate", input.ToArray(), start, heads));
        Assert.Equal(expected, Call<float[]>(name + "RotateTo", input, new float[input.Length + 1], start, heads).Take(input.Length));
    }

    [Theory]
    [InlineData("Rope")]
    [InlineData("RopeI")]
    public void RotatedDotProductDependsOnlyOnTheDistance(string name)
    {
        var random = new Random(3);
        var q = Enumerable.Range(0, 32).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var k = Enumerable.Range(0, 32).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        double Dot(int m, int n)
        {
            var qm = Call<float[]>(name + "Rotate", q.ToArray(), m, 1);
            var kn = Call<float[]>(name + "Rotate", k.ToArray(), n, 1);
            return qm.Zip(kn, (a, b) => (double)a * b).Sum();
        }
        foreach (int distance in new[] { 0, 1, 7, 30 })
        {
            double reference = Dot(distance, 0);
            for (int n = 1; n + distance < 64; n += 5)
                Assert.True(Math.Abs(Dot(n + distance, n) - reference) < 2e-5, $"distance {distance}, n {n}");
        }
    }

    [Fact]
    public void RotateRejectsBadArgumentsWithoutWriting()
    {
        var data = Enumerable.Range(0, 64).Select(i => (float)i).ToArray();
        var copy = data.ToArray();
        Assert.Equal("heads", Assert.Throws<ArgumentOutOfRangeException>(() => Call<float[]>("RopeRotate", data, 0, 0)).ParamName);
        Assert.Equal("vectors", Assert.Throws<ArgumentException>(() => Call<float[]>("RopeRotate", data, 0, 3)).ParamName);
        Assert.Equal("vectors", Assert.Throws<ArgumentException>(() => Call<float[]>("RopeRotate", data, 63, 1)).ParamName);
        Assert.Equal("startPosition", Assert.Throws<ArgumentOutOfRangeException>(() => Call<float[]>("RopeRotate", data, -1, 1)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Call<float[]>("RopeRotateTo", data, new float[63], 0, 1)).ParamName);
        Assert.Equal(copy, data);
    }
}
