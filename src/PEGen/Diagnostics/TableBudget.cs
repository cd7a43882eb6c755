using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Parsing;

namespace PEGen.Diagnostics;

/// <summary>
/// Reads the PEG006 budget from the MSBuild property <c>PEGenMaxTableBytes</c>, which
/// build/PEGen.props makes visible to analyzers.
/// </summary>
internal static class TableBudget
{
    public const string PropertyName = "PEGenMaxTableBytes";

    public static long Read(AnalyzerOptions options)
    {
        if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property." + PropertyName, out var text)
            && long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            && value > 0)
            return value;
        return EncodingValidator.DefaultBudgetBytes;
    }
}
