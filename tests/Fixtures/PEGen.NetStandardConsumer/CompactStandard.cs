using PEGen;

namespace PEGen.NetStandardConsumer
{
    // Storage = Compact on netstandard2.0: the shared kernel's scalar path, one class per arithmetic mode (exact,
    // float64 quotient, float32 angle); the net10.0 tests compare them with their twins in CompactEncodings.cs.
    [PositionalEncoding(Dim = 64, MaxLen = 4096, Storage = TableStorage.Compact)]
    public static partial class VaswaniCompactStandard { }

    [PositionalEncoding(Dim = 64, MaxLen = 4096, Scheme = EncodingScheme.AnnotatedTransformer, Storage = TableStorage.Compact)]
    public static partial class AnnotatedCompactStandard { }

    [PositionalEncoding(Dim = 128, MaxLen = 16384, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
        Factor = 8, OriginalMaxLen = 8192, Storage = TableStorage.Compact)]
    public static partial class Llama3CompactStandard { }

    /// <summary>Array entry points for the compact classes.</summary>
    public static class CompactProbe
    {
        /// <summary>Every row of the compact Vaswani (annotated: false) or AnnotatedTransformer class through CopyRows.</summary>
        public static float[] Rows(bool annotated)
        {
            var rows = new float[4096 * 64];
            if (annotated) AnnotatedCompactStandard.CopyRows(0, rows);
            else VaswaniCompactStandard.CopyRows(0, rows);
            return rows;
        }

        /// <summary>Rows [start, start + count) of the compact Llama 3 class's cos and sin through CopyCosSin.</summary>
        public static float[][] CosSin(int start, int count)
        {
            var cos = new float[count * 64];
            var sin = new float[count * 64];
            Llama3CompactStandard.CopyCosSin(start, cos, sin);
            return new[] { cos, sin };
        }

        /// <summary>Rotate of the compact Llama 3 class.</summary>
        public static float[] Rotate(float[] vectors, int start, int heads)
        {
            Llama3CompactStandard.Rotate(vectors, start, heads);
            return vectors;
        }
    }
}
