using PEGen.Model;
using PEGen.Numerics;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Definitions;

/// <summary>
/// harvardnlp's "The Annotated Transformer" <c>PositionalEncoding</c>, in PyTorch float32:
/// <code>
/// position = torch.arange(0, max_len).unsqueeze(1)                                   # int64
/// div_term = torch.exp(torch.arange(0, d_model, 2) * -(math.log(10000.0) / d_model))
/// pe[:, 0::2] = torch.sin(position * div_term)
/// pe[:, 1::2] = torch.cos(position * div_term)
/// </code>
/// Emulated: <c>c = -(ln(Base) / d)</c> in double (ln correctly rounded), rounded to float32 (PyTorch casts a
/// Python scalar to the float32 compute type of <c>int64 tensor * float</c>); <c>div_k = exp_f32(f32(f32(2k) * c))</c>;
/// then <see cref="Float32Frequency"/>. The reference fails for an odd d_model (<c>pe[:, 1::2]</c> has one column
/// fewer than <c>div_term</c>); here the last column of an odd Dim is the sine of the extra frequency, as in Vaswani.
/// </summary>
internal sealed class AnnotatedTransformerScheme : VaswaniFormulaScheme
{
    public override SchemeKind Kind => SchemeKind.AnnotatedTransformer;
    public override PairLayout Layout => PairLayout.Interleaved;
    public override Arithmetic Arithmetic => Arithmetic.Float32Steps;

    public override string Summary => "Vaswani's formula in the float32 order of harvardnlp's Annotated Transformer.";
    public override string Reference => "harvardnlp, The Annotated Transformer (PositionalEncoding)";

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

    public override Frequency[] Frequencies(EncodingSpec spec) => Float32Frequency.All(DivTerm(spec.Dim, spec.Base));

    public override string[] GoldenTables => new[] { "annotated_d64_L256", "annotated_d512_L2048" };
}
