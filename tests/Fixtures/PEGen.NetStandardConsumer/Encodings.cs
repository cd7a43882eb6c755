using System;
using PEGen;

namespace PEGen.NetStandardConsumer
{
    /// <summary>The same configurations as the net10.0 integration tests, compiled for netstandard2.0.</summary>
    [PositionalEncoding(Dim = 64, MaxLen = 256)]
    public static partial class Exact64Standard { }

    /// <summary>A compat scheme with a padding row, for Shift and Embed on the scalar path.</summary>
    [PositionalEncoding(Dim = 12, MaxLen = 40, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)]
    public static partial class FairseqStandard { }

    /// <summary>Rotary on the scalar path.</summary>
    [PositionalEncoding(Dim = 16, MaxLen = 40, Scheme = EncodingScheme.Rope)]
    public static partial class RopeStandard { }

    /// <summary>Partial, scaled LongRoPE rotary on the scalar path: every rotary member in C# 7.3.</summary>
    [PositionalEncoding(Dim = 24, MaxLen = 40, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 8, Scaling = RopeScaling.LongRope,
        Factor = 4, OriginalMaxLen = 16, ShortFactors = new[] { 1.0, 1.5, 2, 3 }, LongFactors = new[] { 1.0, 4, 8, 16 })]
    public static partial class LongRopeStandard { }

    /// <summary>The netstandard2.0 twin of the integration tests' TimestepSd (scalar sin/cos kernel, static arrays).</summary>
    [TimestepEmbedding(Dim = 320, Steps = 1000, FlipSinToCos = true, FreqShift = 0)]
    public static partial class TimestepSdStandard { }

    /// <summary>One frequency of 1: Encode(t) is [sin t, cos t], the scalar kernel on any angle.</summary>
    [TimestepEmbedding(Dim = 2, Steps = 4, FreqShift = 0)]
    public static partial class TimestepUnitStandard { }

    /// <summary>Entry points with arrays, so callers on any framework can reach the span API.</summary>
    public static class StandardProbe
    {
        public static float[] Table() => Exact64Standard.Table.ToArray();

        public static float[] TimestepTable() => TimestepSdStandard.Table.ToArray();

        public static float[] TimestepEncode(float[] timesteps)
        {
            var destination = new float[timesteps.Length * TimestepSdStandard.Dim];
            TimestepSdStandard.Encode(timesteps, destination);
            return destination;
        }

        /// <summary>[sin t, cos t] for every angle, on the netstandard2.0 build of the kernel.</summary>
        public static float[] TimestepSinCos(float[] angles)
        {
            var destination = new float[angles.Length * 2];
            TimestepUnitStandard.Encode(angles, destination);
            return destination;
        }

        public static float[] AddTo(float[] embeddings, int start)
        {
            Exact64Standard.AddTo(embeddings, start);
            return embeddings;
        }

        public static float[] Embed(int[] ids, float[] matrix, int start, float scale)
        {
            var destination = new float[ids.Length * FairseqStandard.Dim];
            FairseqStandard.Embed(ids, matrix, destination, start, scale);
            return destination;
        }

        public static float[] Shift(int position, int offset)
        {
            var destination = new float[FairseqStandard.Dim];
            FairseqStandard.Shift(FairseqStandard.Row(position), offset, destination);
            return destination;
        }

        public static float[] FairseqTable() => FairseqStandard.Table.ToArray();

        public static float[] Rotate(float[] vectors, int start, int heads)
        {
            RopeStandard.Rotate(vectors, start, heads);
            return vectors;
        }

        public static float[] RopeCos() => RopeStandard.Cos.ToArray();

        public static float[] RopeSin() => RopeStandard.Sin.ToArray();

        /// <summary>Every rotary form of <see cref="LongRopeStandard"/> on copies of the same input, concatenated.</summary>
        public static float[] LongRopeForms(float[] vectors, int start, int heads, int[] positions, float[] keys)
        {
            var results = new System.Collections.Generic.List<float>();
            var x = (float[])vectors.Clone();
            LongRopeStandard.Rotate(x, start, heads);
            results.AddRange(x);
            var d = new float[vectors.Length];
            LongRopeStandard.Rotate(vectors, d, start, heads);
            results.AddRange(d);
            x = (float[])vectors.Clone();
            LongRopeStandard.Rotate(x, start, heads, LongRopeFactors.Long);
            results.AddRange(x);
            d = new float[vectors.Length];
            LongRopeStandard.Rotate(vectors, d, start, heads, LongRopeFactors.Long);
            results.AddRange(d);
            x = (float[])vectors.Clone();
            LongRopeStandard.Rotate(x, positions, heads);
            results.AddRange(x);
            d = new float[vectors.Length];
            LongRopeStandard.Rotate(vectors, d, positions, heads);
            results.AddRange(d);
            x = (float[])vectors.Clone();
            var k = (float[])keys.Clone();
            LongRopeStandard.RotateQueryKey(x, heads, k, 1, start);
            results.AddRange(x);
            results.AddRange(k);
            results.Add(LongRopeStandard.RotaryDim);
            results.Add((float)LongRopeStandard.AttentionFactor);
            results.AddRange(LongRopeStandard.InverseFrequencies.ToArray());
            results.AddRange(LongRopeStandard.ShortInverseFrequencies.ToArray());
            results.AddRange(LongRopeStandard.ShortCos.ToArray());
            return results.ToArray();
        }
    }
}
