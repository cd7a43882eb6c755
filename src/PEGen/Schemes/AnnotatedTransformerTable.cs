using System.Runtime.CompilerServices;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// harvardnlp's "The Annotated Transformer" <c>PositionalEncoding</c>, in PyTorch float32:
/// <code>
/// pe = torch.zeros(max_len, d_model)
/// position = torch.arange(0, max_len).unsqueeze(1)                                   # int64
/// div_term = torch.exp(torch.arange(0, d_model, 2) * -(math.log(10000.0) / d_model))
/// pe[:, 0::2] = torch.sin(position * div_term)
/// pe[:, 1::2] = torch.cos(position * div_term)
/// </code>
/// Emulated step by step:
/// <list type="number">
/// <item><c>c = -(ln(Base) / d)</c> in double (Python float; ln correctly rounded), then rounded to float32
/// (PyTorch casts a Python scalar to the float32 compute type of <c>int64 tensor * float</c>).</item>
/// <item><c>arg_k = f32(f32(2k) * c)</c>, <c>div_k = exp_f32(arg_k)</c> (correctly rounded).</item>
/// <item><c>angle = f32(f32(p) * div_k)</c>; entry 2k = sin_f32(angle), entry 2k+1 = cos_f32(angle).</item>
/// </list>
/// Layout interleaved. The reference fails for an odd d_model (<c>pe[:, 1::2]</c> has one column fewer than
/// <c>div_term</c>); here the last column of an odd Dim is the sine of the extra frequency, as in Vaswani.
/// </summary>
internal static class AnnotatedTransformerTable
{
    /// <summary>div_term as float32, one per sine column (ceil(dim/2) of them).</summary>
    public static float[] DivTerm(int dim, double @base)
    {
        int count = (dim + 1) / 2;
        float c = (float)-(CorrectlyRounded.LogDouble(@base) / dim);
        var div = new float[count];
        for (int k = 0; k < count; k++)
        {
            float arg = (float)((float)(2 * k) * c);
            div[k] = CorrectlyRounded.Exp(arg);
        }
        return div;
    }

    [MethodImpl(Hot.Optimize)]
    public static float[] Build(int dim, int maxLen, double @base)
    {
        float[] div = DivTerm(dim, @base);
        var table = new float[(long)dim * maxLen];
        for (int k = 0; k < div.Length; k++)
        {
            int col = 2 * k;
            bool hasCos = col + 1 < dim;
            float d = div[k];
            for (int p = 0; p < maxLen; p++)
            {
                float angle = (float)((float)p * d);
                RoundedSinCos.Single(angle, out float s, out float c);
                long row = (long)p * dim;
                table[row + col] = s;
                if (hasCos)
                    table[row + col + 1] = c;
            }
        }
        return table;
    }
}
