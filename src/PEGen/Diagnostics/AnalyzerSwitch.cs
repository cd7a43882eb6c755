using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PEGen.Diagnostics;

/// <summary>
/// Whether the build skips analyzers, read from the MSBuild properties <c>RunAnalyzers</c> and
/// <c>RunAnalyzersDuringBuild</c> that build/PEGen.props makes visible. Mirrors the SDK's own rule
/// (Microsoft.Managed.Core.targets, <c>_ComputeSkipAnalyzers</c>): off when <c>RunAnalyzers</c> is
/// false, or when it is unset and <c>RunAnalyzersDuringBuild</c> is false.
/// </summary>
internal static class AnalyzerSwitch
{
    public const string RunAnalyzers = nameof(RunAnalyzers);
    public const string RunAnalyzersDuringBuild = nameof(RunAnalyzersDuringBuild);

    /// <summary>True when the analyzers will not run, so the generator must report the errors that stop generation.</summary>
    public static bool AnalyzersAreOff(AnalyzerConfigOptions globalOptions)
    {
        string runAnalyzers = Read(globalOptions, RunAnalyzers);
        if (runAnalyzers.Length > 0) return IsFalse(runAnalyzers);
        return IsFalse(Read(globalOptions, RunAnalyzersDuringBuild));
    }

    private static string Read(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && value is not null ? value.Trim() : string.Empty;

    private static bool IsFalse(string value) => string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
}
