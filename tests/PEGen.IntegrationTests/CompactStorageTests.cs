using System;
using System.Linq;
using PEGen.TestSupport;

namespace PEGen.IntegrationTests;

/// <summary>
/// TableStorage.Compact against Full (SPEC section 6): every entry bit-identical or 1 ulp away, at least 99.9 %
/// identical, ±0 entries identical; every method of a compact class gives what its Full twin gives for those rows.
/// </summary>
public sealed class CompactStorageTests
{
    private delegate void Rows(int start, Span<float> destination);

    public static TheoryData<string> Additive => new() { "Vaswani", "VaswaniOdd", "Annotated", "Xlm", "Marian", "T2t", "Fairseq", "Whisper" };

    private static (float[] Full, Rows Compact, int Dim, int MaxLen) Pair(string name) => name switch
    {
        "Vaswani" => (VaswaniFull.Table.ToArray(), VaswaniCompact.CopyRows, VaswaniCompact.Dim, VaswaniCompact.MaxLen),
        "VaswaniOdd" => (VaswaniOddFull.Table.ToArray(), VaswaniOddCompact.CopyRows, VaswaniOddCompact.Dim, VaswaniOddCompact.MaxLen),
        "Annotated" => (AnnotatedFull.Table.ToArray(), AnnotatedCompact.CopyRows, AnnotatedCompact.Dim, AnnotatedCompact.MaxLen),
        "Xlm" => (XlmFull.Table.ToArray(), XlmCompact.CopyRows, XlmCompact.Dim, XlmCompact.MaxLen),
        "Marian" => (MarianFull.Table.ToArray(), MarianCompact.CopyRows, MarianCompact.Dim, MarianCompact.MaxLen),
        "T2t" => (T2tFull.Table.ToArray(), T2tCompact.CopyRows, T2tCompact.Dim, T2tCompact.MaxLen),
        "Fairseq" => (FairseqFull.Table.ToArray(), FairseqCompact.CopyRows, FairseqCompact.Dim, FairseqCompact.MaxLen),
        "Whisper" => (WhisperFull.Table.ToArray(), WhisperCompact.CopyRows, WhisperCompact.Dim, WhisperCompact.MaxLen),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Additive))]
    public void AdditiveRowsEqualTheFullTable(string name)
    {
        var (full, compact, dim, maxLen) = Pair(name);
        var rows = new float[dim * maxLen];
        compact(0, rows);
        AssertClose(name, full, rows);

        // Any start and row count gives the same rows.
        var some = new float[dim * 7];
        compact(maxLen - 7, some);
        Assert.True(some.AsSpan().SequenceEqual(rows.AsSpan((maxLen - 7) * dim)));
    }

    [Fact]
    public void RotaryRowsEqualTheFullTables()
    {
        CheckRotary("Llama3", Llama3Full.Cos, Llama3Full.Sin, Llama3Compact.CopyCosSin, Llama3Compact.RotaryDim / 2, Llama3Compact.MaxLen);
        CheckRotary("Yarn", YarnFull.Cos, YarnFull.Sin, YarnCompact.CopyCosSin, YarnCompact.RotaryDim / 2, YarnCompact.MaxLen);
        CheckRotary("Partial", PartialFull.Cos, PartialFull.Sin, PartialCompact.CopyCosSin, PartialCompact.RotaryDim / 2, PartialCompact.MaxLen);
        CheckRotary("LongRope", LongRopeTwin.Cos, LongRopeTwin.Sin, LongRopeCompact.CopyCosSin, LongRopeCompact.RotaryDim / 2, LongRopeCompact.MaxLen);
        CheckRotary("LongRopeShort", LongRopeTwin.ShortCos, LongRopeTwin.ShortSin, LongRopeCompact.CopyShortCosSin, 4, 16);
    }

    private delegate void CosSin(int start, Span<float> cos, Span<float> sin);

    private static void CheckRotary(string name, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin, CosSin compact, int half, int rows)
    {
        var c = new float[half * rows];
        var s = new float[half * rows];
        compact(0, c, s);
        AssertClose(name + " cos", cos, c);
        AssertClose(name + " sin", sin, s);
    }

    [Fact]
    public void MethodsOfACompactClassEqualTheFullOnes()
    {
        var random = new Random(14);
        float[] Values(int n) { var v = new float[n]; for (int i = 0; i < n; i++) v[i] = (float)(random.NextDouble() * 2 - 1); return v; }

        // Rotate, every overload: the compact rows are the full rows wherever the two agree bit for bit.
        var rowsCos = new float[64 * 16384];
        var rowsSin = new float[64 * 16384];
        Llama3Compact.CopyCosSin(0, rowsCos, rowsSin);
        int start = 9000, heads = 4;
        var q = Values(3 * heads * 128);
        var expected = (float[])q.Clone();
        var actual = (float[])q.Clone();
        RotateWith(expected, rowsCos, rowsSin, start, heads, 128);
        Llama3Compact.Rotate(actual, start, heads);
        Assert.Equal(expected, actual);

        var outOfPlace = new float[q.Length];
        Llama3Compact.Rotate(q, outOfPlace, start, heads);
        Assert.Equal(expected, outOfPlace);
        var positioned = (float[])q.Clone();
        Llama3Compact.Rotate(positioned, new[] { start, start + 1, start + 2 }, heads);
        Assert.Equal(expected, positioned);

        var keys = Values(3 * 128);
        var keysExpected = (float[])keys.Clone();
        RotateWith(keysExpected, rowsCos, rowsSin, start, 1, 128);
        var queries = (float[])q.Clone();
        Llama3Compact.RotateQueryKey(queries, heads, keys, 1, start);
        Assert.Equal(expected, queries);
        Assert.Equal(keysExpected, keys);

        // AddTo / Add / Embed / ConcatTo of a compact additive class use its CopyRows rows.
        int dim = VaswaniCompact.Dim;
        var table = new float[dim * 5];
        VaswaniCompact.CopyRows(100, table);
        var e = Values(dim * 5);
        var sum = (float[])e.Clone();
        VaswaniCompact.AddTo(sum, 100);
        for (int i = 0; i < sum.Length; i++) Assert.Equal(e[i] + table[i], sum[i]);
        var added = new float[e.Length];
        VaswaniCompact.Add(e, added, 100);
        Assert.Equal(sum, added);
        var embedded = new float[dim * 2];
        VaswaniCompact.Embed(new[] { 3, 1 }, e, embedded, 100, 2f);
        for (int i = 0; i < dim; i++) Assert.Equal(e[3 * dim + i] * 2f + table[i], embedded[i]);
        var concat = new float[2 * (3 + dim)];
        VaswaniCompact.ConcatTo(Values(6), 3, concat, 101);
        Assert.True(concat.AsSpan(3 + dim + 3, dim).SequenceEqual(table.AsSpan(2 * dim, dim)));
        var shifted = new float[dim];
        VaswaniCompact.Shift(table.AsSpan(0, dim), 0, shifted);
        Assert.Equal(table.AsSpan(0, dim).ToArray(), shifted);
    }

    [Fact]
    public void LinearWithCompactIsTheFullTable()
    {
        Assert.Equal(5f, LinearCompact.Row(5)[3]);
        Assert.Equal(LinearCompact.Dim * LinearCompact.MaxLen, LinearCompact.Table.Length);
    }

    [Fact]
    public void LongContextsBuildAndKeepTheFloat32Angle()
    {
        var cos = new float[64];
        var sin = new float[64];
        foreach (int p in new[] { 0, 1, 8191, 8192, 65537, 131071 })
        {
            Llama31Long.CopyCosSin(p, cos, sin);
            CheckAngles(p, Llama31Long.InverseFrequencies, cos, sin);
        }
        foreach (int p in new[] { 0, 3, 131071, 524287, 1048575 })
        {
            MillionRope.CopyCosSin(p, cos, sin);
            CheckAngles(p, MillionRope.InverseFrequencies, cos, sin);
        }
#pragma warning disable PEG011 // the call must fail, which the analyzer sees too
        Assert.Throws<ArgumentOutOfRangeException>(() => MillionRope.CopyCosSin(1048576, cos, sin));
#pragma warning restore PEG011
    }

    [Fact]
    public void LongContextBlocksEqualOneRowAtATime()
    {
        // Three levels (64 x 64 x 32 and 128 x 128 x 64): a call of many rows shares the upper levels' product across
        // each run of the lowest digit; it must give the bits of one-row calls, across run and level boundaries, and
        // Rotate (blocks of rows) must use those rows.
        const int Half = 64, Rows = 300;
        foreach (var (copy, start) in new (Action<int, Span<float>, Span<float>>, int)[]
        {
            ((p, c, s) => Llama31Long.CopyCosSin(p, c, s), 4000), ((p, c, s) => Llama31Long.CopyCosSin(p, c, s), 130771),
            ((p, c, s) => MillionRope.CopyCosSin(p, c, s), 16250), ((p, c, s) => MillionRope.CopyCosSin(p, c, s), 1048276),
        })
        {
            var cos = new float[Rows * Half];
            var sin = new float[Rows * Half];
            copy(start, cos, sin);
            var oneCos = new float[Half];
            var oneSin = new float[Half];
            for (int r = 0; r < Rows; r++)
            {
                copy(start + r, oneCos, oneSin);
                Assert.True(oneCos.AsSpan().SequenceEqual(cos.AsSpan(r * Half, Half)), $"cos row {start + r}");
                Assert.True(oneSin.AsSpan().SequenceEqual(sin.AsSpan(r * Half, Half)), $"sin row {start + r}");
            }
        }
        var vectors = new float[Rows * 2 * 128];
        for (int i = 0; i < vectors.Length; i++) vectors[i] = (i % 251) / 125f - 1f;
        var expected = (float[])vectors.Clone();
        for (int r = 0; r < Rows; r++)
            Llama31Long.Rotate(expected.AsSpan(r * 256, 256), 4000 + r, heads: 2);
        Llama31Long.Rotate(vectors, 4000, heads: 2);
        Assert.Equal(expected, vectors);
    }

    // Entry k is cos/sin of the float32 angle (float)p * theta_k, rounded once (within an ulp of the double value).
    private static void CheckAngles(int p, ReadOnlySpan<float> inverse, float[] cos, float[] sin)
    {
        for (int k = 0; k < inverse.Length; k++)
        {
            float angle = (float)p * inverse[k];
            AssertUlp(Math.Cos(angle), cos[k], $"cos p={p} k={k}");
            AssertUlp(Math.Sin(angle), sin[k], $"sin p={p} k={k}");
        }
    }

    private static void AssertUlp(double exact, float actual, string where)
    {
        float nearest = (float)exact;
        Assert.True(actual == nearest || actual == MathF.BitIncrement(nearest) || actual == MathF.BitDecrement(nearest),
            $"{where}: {actual:R} vs {exact:R}");
    }

    private static void RotateWith(float[] x, float[] cos, float[] sin, int start, int heads, int dim)
    {
        int half = dim / 2, rows = x.Length / (heads * dim);
        for (int r = 0; r < rows; r++)
        for (int h = 0; h < heads; h++)
        for (int k = 0; k < half; k++)
        {
            int i = (r * heads + h) * dim + k;
            float c = cos[(start + r) * half + k], s = sin[(start + r) * half + k];
            float a = x[i], b = x[i + half];
            x[i] = a * c - b * s;
            x[i + half] = b * c + a * s;
        }
    }

    private static void AssertClose(string name, ReadOnlySpan<float> full, ReadOnlySpan<float> compact)
    {
        Assert.Equal(full.Length, compact.Length);
        long same = 0;
        for (int i = 0; i < full.Length; i++)
        {
            int fb = BitConverter.SingleToInt32Bits(full[i]), cb = BitConverter.SingleToInt32Bits(compact[i]);
            if (fb == cb) { same++; continue; }
            Assert.True(full[i] != 0, $"{name}[{i}]: Full has {full[i]:R} (a signed zero), Compact {compact[i]:R}");
            Assert.True(Math.Abs(fb - cb) == 1 && Math.Sign(full[i]) == Math.Sign(compact[i]),
                $"{name}[{i}]: Full {full[i]:R}, Compact {compact[i]:R}: more than 1 ulp");
        }
        double share = (double)same / full.Length;
        Assert.True(share >= 0.999, $"{name}: {share:P3} bit-identical");
        Console.WriteLine($"{name}: {same}/{full.Length} bit-identical");
    }
}

/// <summary>
/// Compact classes compiled for netstandard2.0 (the shared kernel's scalar path, no vectors, no
/// AggressiveOptimization) give the bits the net10.0 twins give, for each of the kernel's three modes.
/// </summary>
public sealed class CompactNetStandardTests
{
    [Fact]
    public void RowsAreTheSameAsOnNet10()
    {
        var rows = new float[VaswaniCompact.MaxLen * VaswaniCompact.Dim];
        VaswaniCompact.CopyRows(0, rows);
        Assert.Equal(IeeeBits.OfAll(rows), IeeeBits.OfAll(PEGen.NetStandardConsumer.CompactProbe.Rows(annotated: false)));
        AnnotatedCompact.CopyRows(0, rows);
        Assert.Equal(IeeeBits.OfAll(rows), IeeeBits.OfAll(PEGen.NetStandardConsumer.CompactProbe.Rows(annotated: true)));
    }

    [Fact]
    public void RotaryRowsAndRotateAreTheSameAsOnNet10()
    {
        const int start = 8000, count = 400, half = 64;
        var cos = new float[count * half];
        var sin = new float[count * half];
        Llama3Compact.CopyCosSin(start, cos, sin);
        var standard = PEGen.NetStandardConsumer.CompactProbe.CosSin(start, count);
        Assert.Equal(IeeeBits.OfAll(cos), IeeeBits.OfAll(standard[0]));
        Assert.Equal(IeeeBits.OfAll(sin), IeeeBits.OfAll(standard[1]));

        var random = new Random(5);
        var vectors = Enumerable.Range(0, 3 * 4 * 128).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var expected = vectors.ToArray();
        Llama3Compact.Rotate(expected, 16380, 4);
        Assert.Equal(IeeeBits.OfAll(expected), IeeeBits.OfAll(PEGen.NetStandardConsumer.CompactProbe.Rotate(vectors, 16380, 4)));
    }
}
