using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PEGen.Emit;
using PEGen.Members;
using PEGen.Model;
using PEGen.Parsing;

namespace PEGen.Families.Alibi;

/// <summary>
/// <c>[AlibiBias(Heads = 32, Reference = ..., MaxBias = 8)]</c> (SPEC section 7): per-head slopes as constant data and
/// <c>AddBias</c>, which adds <c>-slope * |query - key|</c> to attention scores.
/// </summary>
internal sealed class AlibiFamily : EncodingFamily<AlibiArguments, AlibiSpec>
{
    public static readonly AlibiFamily Instance = new();

    private AlibiFamily()
    {
    }

    public override string AttributeMetadataName => AlibiAttributeSource.AttributeMetadataName;

    public override string ShortName => AlibiAttributeSource.ShortName;

    public override GeneratedFile AttributeSource => new(AlibiAttributeSource.HintName, AlibiAttributeSource.Text);

    public override IReadOnlyCollection<string> MemberNames => AlibiMembers.Names;

    public override AlibiArguments Read(AttributeData attribute) => AlibiArguments.Read(attribute);

    public override IEnumerable<GeneratedMember> MembersFor(AlibiArguments arguments) => AlibiMembers.All;

    public override void Check(List<ValidationIssue> issues, AlibiArguments args, long budgetBytes)
    {
        // Heads: PEG002 (a size), unreadable PEG010.
        if (args.Unreadable.Contains(AlibiArguments.HeadsName))
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, AlibiArguments.HeadsName,
                AlibiArguments.HeadsName, "not a constant", "it must be a constant integer of at least 1"));
        else if (args.Heads is not { } heads || heads < 1)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.MissingDimension, AlibiArguments.HeadsName,
                AlibiArguments.HeadsName, args.Heads is { } h ? Format(h) : "missing"));
        else
            CheckSize(issues, heads, budgetBytes);

        AlibiReferenceKind? reference = null;
        if (args.Unreadable.Contains(AlibiArguments.ReferenceName))
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, AlibiArguments.ReferenceName,
                AlibiArguments.ReferenceName, "not a constant", "it must be AlibiReference.Paper, AlibiReference.Bloom or AlibiReference.Mpt"));
        else if (ReferenceOf(args) is { } known)
            reference = known;
        else
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, AlibiArguments.ReferenceName,
                AlibiArguments.ReferenceName, Format(args.Reference ?? 0),
                "it is not an AlibiReference member; use AlibiReference.Paper, AlibiReference.Bloom or AlibiReference.Mpt"));

        bool maxBiasValid = false;
        if (args.Unreadable.Contains(AlibiArguments.MaxBiasName))
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, AlibiArguments.MaxBiasName,
                AlibiArguments.MaxBiasName, "not a constant", "it must be a finite constant greater than 0 (MPT's alibi_bias_max, 8 by default)"));
        else if (args.MaxBias is { } maxBias && !(maxBias > 0 && maxBias <= double.MaxValue))
            issues.Add(EncodingValidator.Issue(DiagnosticIds.InvalidParameter, AlibiArguments.MaxBiasName,
                AlibiArguments.MaxBiasName, FormatReal(maxBias),
                "it must be a finite number greater than 0 (MPT's alibi_bias_max, 8 by default)"));
        else
            maxBiasValid = true;

        // PEG018: MaxBias only means something to MPT's gen_slopes; elsewhere it would be silently ignored.
        if (maxBiasValid && args.MaxBias is { } set && reference is { } r && r != AlibiReferenceKind.Mpt)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.AlibiMaxBiasIgnored, AlibiArguments.MaxBiasName,
                FormatReal(set), "AlibiReference." + r));
    }

    private static void CheckSize(List<ValidationIssue> issues, int heads, long budgetBytes)
    {
        long bytes = heads * 4L;
        if (bytes > EncodingValidator.HardCapBytes)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.TooLarge, AlibiArguments.HeadsName,
                "1", Format(heads), Format(bytes), Format(EncodingValidator.HardCapBytes), SizeRemedies.Alibi));
        else if (bytes > budgetBytes)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.OverBudget, AlibiArguments.HeadsName,
                "1", Format(heads), Format(bytes), Format(budgetBytes), BuildCost.Describe(bytes), SizeRemedies.Alibi));
    }

    /// <summary>The reference, or null when the value is not a member (or unreadable).</summary>
    internal static AlibiReferenceKind? ReferenceOf(AlibiArguments args)
    {
        if (args.Unreadable.Contains(AlibiArguments.ReferenceName)) return null;
        int value = args.Reference ?? 0;
        return value is >= 0 and <= 2 ? (AlibiReferenceKind)value : null;
    }

    public override AlibiSpec CreateSpec(DeclarationShell shell, AlibiArguments arguments)
    {
        int heads = arguments.Heads!.Value;
        var reference = ReferenceOf(arguments)!.Value;
        double maxBias = arguments.MaxBias ?? AlibiArguments.DefaultMaxBias;
        float[] slopes = reference switch
        {
            AlibiReferenceKind.Bloom => AlibiSlopes.Bloom(heads),
            AlibiReferenceKind.Mpt => AlibiSlopes.Mpt(heads, maxBias),
            _ => AlibiSlopes.Paper(heads),
        };
        return new AlibiSpec(shell.Namespace, shell.Types, shell.MetadataName, heads, reference, maxBias, new EquatableArray<float>(slopes));
    }

    public override IReadOnlyList<GeneratedFile> Emit(AlibiSpec spec, TargetFeatures features) =>
        new[] { AlibiEmitter.Emit(spec, features) };

    // AddBias's checks and loops are the class's own: nothing from the shared helper class.
    public override SharedHelperUse HelperUse(AlibiSpec spec) => default;

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FormatReal(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The members of an <c>[AlibiBias]</c> class (PEG009 compares the user's with them).</summary>
internal static class AlibiMembers
{
    public static readonly GeneratedMember Heads = new("Heads", MemberKind.Constant, new GeneratedParameter[0]);

    public static readonly GeneratedMember Slopes = new("Slopes", MemberKind.Property, new GeneratedParameter[0]);

    public static readonly GeneratedMember AddBias = new("AddBias", MemberKind.Method, new[]
    {
        new GeneratedParameter("scores", ParameterType.ElementSpan, null, ParameterRole.None,
            "Attention scores, row-major [Heads x rows x keyCount]; its length must be a multiple of Heads * keyCount (0 is no rows)."),
        new GeneratedParameter("keyCount", ParameterType.Int32, null, ParameterRole.None,
            "Keys per query row (key j has position j), in [1, 16777217]."),
        new GeneratedParameter("startPosition", ParameterType.Int32, "0", ParameterRole.None,
            "Position of query row 0 (for example the number of tokens already decoded); the last row's position is at most 16777216."),
    });

    public static readonly GeneratedMember[] All = { Heads, Slopes, AddBias };

    public static readonly string[] Names = All.Select(m => m.Name).ToArray();
}
