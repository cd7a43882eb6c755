using PEGen.Model;

namespace PEGen.Schemes.Definitions;

/// <summary>
/// The naive fraction: row r of a sequence of n rows is r/(n-1). No table: the value depends on n, which only a call
/// knows, so the generated methods compute it (float32 division of exact integers). Warned (PEG004).
/// </summary>
internal sealed class NormalizedRangeScheme : NaiveScheme
{
    public override SchemeKind Kind => SchemeKind.NormalizedRange;
    public override SchemeFamily Family => SchemeFamily.Computed;
    public override Arithmetic Arithmetic => Arithmetic.RunTime;
    public override string? NaiveWarningId => DiagnosticIds.NormalizedRange;

    public override string Summary => "Row r of n rows is r/(n-1). The naive encoding: depends on n; warned (PEG004).";
    public override string Reference => "the naive fraction of the sequence (see PEG004)";
    public override string Formula => "PE(r, j) = r / (n - 1) for a sequence of n rows";
    public override string RowMeaning => "Row r of a call's rows is (startPosition + r) / (n - 1), n = startPosition + rows.";

    public override string NoGoldenReason =>
        "no framework ships it and it has no table: the value depends on the sequence length, computed by the generated methods";
}
