using PEGen.Numerics;
using System.Runtime.CompilerServices;

namespace PEGen.Schemes;

/// <summary>
/// HuggingFace transformers <c>MarianSinusoidalPositionalEmbedding._init_weight</c> (also Pegasus, RoFormer), numpy float64:
/// <code>
/// position_enc = np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(n_pos)])
/// sentinel = dim // 2 if dim % 2 == 0 else (dim // 2) + 1
/// out[:, 0:sentinel] = torch.FloatTensor(np.sin(position_enc[:, 0::2]))
/// out[:, sentinel:] = torch.FloatTensor(np.cos(position_enc[:, 1::2]))
/// </code>
/// The same float64 values as <see cref="HuggingFaceXlmTable"/> (one double rounding of pow, one of the division,
/// correctly rounded double sin/cos, then float32), laid out in halves: column k (k &lt; ceil(dim/2)) is the sine with
/// exponent 2k/dim, column ceil(dim/2)+k (k &lt; floor(dim/2)) its cosine.
/// </summary>
internal static class HuggingFaceMarianTable
{
    [MethodImpl(Hot.Optimize)]
    public static float[] Build(int dim, int maxLen, double @base)
    {
        var table = new float[(long)dim * maxLen];
        int sentinel = (dim + 1) / 2;
        for (int k = 0; k < sentinel; k++)
        {
            double w = HuggingFaceXlmTable.NumpyPower(@base, 2 * k, dim);
            int cosCol = sentinel + k;
            bool hasCos = cosCol < dim;
            for (int p = 0; p < maxLen; p++)
            {
                double x = p / w;
                RoundedSinCos.DoubleToSingle(x, out float s, out float c);
                long row = (long)p * dim;
                table[row + k] = s;
                if (hasCos)
                    table[row + cosCol] = c;
            }
        }
        return table;
    }
}
