using Microsoft.CodeAnalysis;
using PEGen.Model;

namespace PEGen.Diagnostics;

/// <summary>
/// The descriptors of every PEGen diagnostic (docs/diagnostics.md). Message arguments come from
/// <see cref="Parsing.EncodingValidator"/> in the order documented on each descriptor.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Usage = "PEGen.Usage";
    private const string Design = "PEGen.Design";
    private const string Performance = "PEGen.Performance";

    /// <summary>{0}: the class names that are not partial.</summary>
    public static readonly DiagnosticDescriptor NotPartial = CreateStopping(
        DiagnosticIds.NotPartial, Usage,
        "Class with [PositionalEncoding] must be partial",
        "'{0}' must be partial so PEGen can add the encoding members to it; add the partial modifier to every declaration");

    /// <summary>{0}: Dim or MaxLen; {1}: the value or "missing".</summary>
    public static readonly DiagnosticDescriptor MissingDimension = CreateStopping(
        DiagnosticIds.MissingDimension, Usage,
        "Dim and MaxLen must be positive",
        "{0} is {1}: the table has Dim values for each of MaxLen positions, so {0} must be set to a value greater than 0");

    /// <summary>{0}: Dim; {1}: Dim + 1.</summary>
    public static readonly DiagnosticDescriptor OddDimension = Create(
        DiagnosticIds.OddDimension, Design, DiagnosticSeverity.Warning,
        "Odd Dim leaves a sine without its cosine",
        "Dim = {0} is odd: the last sine has no cosine partner, so that dimension carries no relative position information; use {1}");

    public static readonly DiagnosticDescriptor NormalizedRange = Create(
        DiagnosticIds.NormalizedRange, Design, DiagnosticSeverity.Warning,
        "NormalizedRange depends on sequence length",
        "NormalizedRange encodes row r of n rows as r/(n-1), so the same position gets different values in sequences of different length and the model cannot learn what a position means; use EncodingScheme.Vaswani");

    public static readonly DiagnosticDescriptor Linear = Create(
        DiagnosticIds.Linear, Design, DiagnosticSeverity.Warning,
        "Linear positions grow without bound",
        "Linear encodes position p as the value p: values grow without bound and swamp the embeddings, and lengths never seen in training cannot be interpreted; use EncodingScheme.Vaswani");

    /// <summary>{0}: Dim; {1}: MaxLen; {2}: bytes; {3}: budget; {4}: expected build cost; {5}: the way out (<see cref="Parsing.SizeRemedies"/>).</summary>
    public static readonly DiagnosticDescriptor OverBudget = Create(
        DiagnosticIds.OverBudget, Performance, DiagnosticSeverity.Warning,
        "Table larger than the size budget",
        "The table is {0} x {1} floats = {2} bytes, over the budget of {3} bytes (MSBuild property PEGenMaxTableBytes); expect {4} added to every clean build and as much to the assembly size. {5}");

    /// <summary>{0}: Dim; {1}: MaxLen; {2}: bytes or "overflow"; {3}: hard cap; {4}: the way out (<see cref="Parsing.SizeRemedies"/>).</summary>
    public static readonly DiagnosticDescriptor TooLarge = CreateStopping(
        DiagnosticIds.TooLarge, Performance,
        "Table too large to generate",
        "The table is {0} x {1} floats = {2} bytes, past the hard limit of {3} bytes that keeps builds and the IDE responsive; nothing is generated. {4}");

    /// <summary>{0}: MaxLen; {1}: the slowest wavelength in positions.</summary>
    public static readonly DiagnosticDescriptor PositionsRepeat = Create(
        DiagnosticIds.PositionsRepeat, Design, DiagnosticSeverity.Warning,
        "MaxLen past the slowest wavelength",
        "MaxLen = {0} goes past the slowest wavelength 2*pi/omega_min = {1} positions, so far positions repeat the phases of earlier ones; raise Base or Dim, or lower MaxLen");

    /// <summary>{0}: the reason.</summary>
    public static readonly DiagnosticDescriptor Unsupported = CreateStopping(
        DiagnosticIds.Unsupported, Usage,
        "Unsupported declaration for [PositionalEncoding]",
        "PEGen cannot add members to this class: {0}");

    /// <summary>{0}: the parameter; {1}: its value; {2}: why it is invalid.</summary>
    public static readonly DiagnosticDescriptor InvalidParameter = CreateStopping(
        DiagnosticIds.InvalidParameter, Usage,
        "Parameter invalid for the scheme",
        "{0} = {1} is invalid: {2}");

    /// <summary>{0}: the property; {1}: the scaling that ignores it; {2}: why, and the fix.</summary>
    public static readonly DiagnosticDescriptor IgnoredProperty = Create(
        DiagnosticIds.IgnoredProperty, Usage, DiagnosticSeverity.Warning,
        "Property has no effect with this rotary scaling",
        "{0} has no effect with {1}: {2}");

    /// <summary>{0}: MaxLen; {1}: OriginalMaxLen.</summary>
    public static readonly DiagnosticDescriptor LongTablesUnused = Create(
        DiagnosticIds.LongTablesUnused, Design, DiagnosticSeverity.Warning,
        "LongRope tables past OriginalMaxLen are never reached",
        "MaxLen = {0} is at most OriginalMaxLen = {1}: every call stays below the switch, so Rotate uses the short tables and the long ones (LongFactors) are built for nothing unless a call asks for LongRopeFactors.Long; for long contexts raise MaxLen above {1}");

    /// <summary>{0}: the MaxBias value; {1}: the reference that ignores it.</summary>
    public static readonly DiagnosticDescriptor AlibiMaxBiasIgnored = Create(
        DiagnosticIds.AlibiMaxBiasIgnored, Usage, DiagnosticSeverity.Warning,
        "MaxBias has no effect with this AlibiReference",
        "MaxBias = {0} has no effect with Reference = {1}: only MPT's gen_slopes takes alibi_bias_max, so the slopes are those of {1} without it; remove MaxBias or set Reference = AlibiReference.Mpt");

    /// <summary>{0}: the method; {1}: why the call must fail.</summary>
    public static readonly DiagnosticDescriptor CallMustFail = Create(
        DiagnosticIds.CallMustFail, Usage, DiagnosticSeverity.Warning,
        "Call that must fail at run time",
        "This call to {0} always throws: {1}");

    public static DiagnosticDescriptor ForId(string id) => id switch
    {
        DiagnosticIds.NotPartial => NotPartial,
        DiagnosticIds.MissingDimension => MissingDimension,
        DiagnosticIds.OddDimension => OddDimension,
        DiagnosticIds.NormalizedRange => NormalizedRange,
        DiagnosticIds.Linear => Linear,
        DiagnosticIds.OverBudget => OverBudget,
        DiagnosticIds.TooLarge => TooLarge,
        DiagnosticIds.PositionsRepeat => PositionsRepeat,
        DiagnosticIds.Unsupported => Unsupported,
        DiagnosticIds.InvalidParameter => InvalidParameter,
        DiagnosticIds.CallMustFail => CallMustFail,
        DiagnosticIds.IgnoredProperty => IgnoredProperty,
        DiagnosticIds.LongTablesUnused => LongTablesUnused,
        DiagnosticIds.AlibiMaxBiasIgnored => AlibiMaxBiasIgnored,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "Unknown PEGen diagnostic"),
    };

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));

    // The errors that stop generation: with their severity lowered or set to none,
    // the user would see only CS0117 "no member Table" and never why, so they are not configurable.
    private static DiagnosticDescriptor CreateStopping(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id),
            customTags: WellKnownDiagnosticTags.NotConfigurable);
}
