using System.Runtime.CompilerServices;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// HuggingFace transformers <c>create_sinusoidal_embeddings</c> (XLM, DistilBERT, Flaubert), numpy float64:
/// <code>
/// position_enc = np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(n_pos)])
/// out[:, 0::2] = torch.FloatTensor(np.sin(position_enc[:, 0::2]))
/// out[:, 1::2] = torch.FloatTensor(np.cos(position_enc[:, 1::2]))
/// </code>
/// Emulated: <c>e = (2*(j/2)) / dim</c> (Python true division, correctly rounded double),
/// <c>w = pow(Base, e)</c> (correctly rounded double), <c>x = pos / w</c> (double), then the correctly rounded
/// double sin/cos of x, rounded once more to float32 (the <c>FloatTensor</c> conversion). Interleaved layout;
/// an odd Dim ends with a sine column (exponent (dim-1)/dim), exactly as the reference does.
/// </summary>
internal static class HuggingFaceXlmTable
{
    [MethodImpl(Hot.Optimize)]
    public static float[] Build(int dim, int maxLen, double @base)
    {
        var table = new float[(long)dim * maxLen];
        int pairs = (dim + 1) / 2;
        for (int k = 0; k < pairs; k++)
        {
            double w = NumpyPower(@base, 2 * k, dim);
            int col = 2 * k;
            bool hasCos = col + 1 < dim;
            for (int p = 0; p < maxLen; p++)
            {
                double x = p / w;
                RoundedSinCos.DoubleToSingle(x, out float s, out float c);
                long row = (long)p * dim;
                table[row + col] = s;
                if (hasCos)
                    table[row + col + 1] = c;
            }
        }
        return table;
    }

    /// <summary><c>np.power(Base, num / den)</c> in float64: the exponent is the double quotient, the power correctly rounded.</summary>
    public static double NumpyPower(double @base, int num, int den)
    {
        double e = (double)num / den;
        return CorrectlyRounded.PowDouble(@base, e);
    }
}
