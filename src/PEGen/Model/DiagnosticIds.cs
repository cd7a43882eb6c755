namespace PEGen.Model;

/// <summary>
/// The diagnostic IDs (public: users suppress and configure them by these names). Which of them are errors (and stop generation)
/// is the descriptors' <c>DefaultSeverity</c>: see <see cref="ValidationIssue.IsError"/>.
/// </summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "PEG001";
    public const string MissingDimension = "PEG002";
    public const string OddDimension = "PEG003";
    public const string NormalizedRange = "PEG004";
    public const string Linear = "PEG005";
    public const string OverBudget = "PEG006";
    public const string TooLarge = "PEG007";
    public const string PositionsRepeat = "PEG008";
    public const string Unsupported = "PEG009";
    public const string InvalidParameter = "PEG010";
    public const string CallMustFail = "PEG011";
    public const string IgnoredProperty = "PEG012";
    public const string LongTablesUnused = "PEG013";
    public const string AlibiMaxBiasIgnored = "PEG018";
}
