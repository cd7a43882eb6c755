using PEGen.Model;

namespace PEGen.Schemes.Definitions;

/// <summary>The naive encoding: every value of row p is p (exact in float32 below 2^24). Warned (PEG005).</summary>
internal sealed class LinearScheme : NaiveScheme
{
    public override SchemeKind Kind => SchemeKind.Linear;
    public override SchemeFamily Family => SchemeFamily.AdditiveTable;
    public override Arithmetic Arithmetic => Arithmetic.ExactIntegers;
    public override string? NaiveWarningId => DiagnosticIds.Linear;

    public override string Summary => "Every value of row p is p. The naive encoding: unbounded; warned (PEG005).";
    public override string Reference => "the naive integer position (see PEG005)";
    public override string Formula => "PE(p, j) = p";

    public override float[] BuildTable(EncodingSpec spec)
    {
        var table = new float[(long)spec.Dim * spec.MaxLen];
        for (int p = 0; p < spec.MaxLen; p++)
        {
            for (int j = 0; j < spec.Dim; j++)
                table[(long)p * spec.Dim + j] = p;
        }
        return table;
    }

    public override string NoGoldenReason =>
        "no framework ships it: it is the naive baseline README's FAQ argues against; its values are exact integers, checked directly";
}
