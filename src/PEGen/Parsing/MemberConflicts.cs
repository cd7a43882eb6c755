using System.Collections.Generic;
using System.Linq;
using PEGen.Members;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Parsing;

/// <summary>
/// PEG009 for members the user already declared: a generated member clashes with a user member of the
/// same name, except that methods clash only when their parameter types are the same (an overload is fine).
/// </summary>
internal static class MemberConflicts
{
    public static void Check(List<ValidationIssue> issues, DeclarationFacts facts, SchemeDefinition scheme, EncodingArguments args)
    {
        if (facts.ExistingMembers.Count == 0) return;
        // LongRoPE's extra members count when the declaration asks for it (a ConfigFile's scaling is not known here).
        bool longRope = args.Rotary.Scaling == (int)RopeScalingKind.LongRope;
        Check(issues, facts, GeneratedMembers.For(scheme, args.Dim ?? 0, longRope,
            StorageRules.Resolve(args, scheme) == TableStorageKind.Compact));
    }

    /// <summary>PEG009 for the user's members that clash with <paramref name="members"/> (any family's).</summary>
    public static void Check(List<ValidationIssue> issues, DeclarationFacts facts, IEnumerable<GeneratedMember> members)
    {
        if (facts.ExistingMembers.Count == 0) return;
        var generated = members.ToArray();
        var clashes = facts.ExistingMembers
            .Where(user => generated.Any(member => Clash(user, member)))
            .Select(user => Describe(user))
            .Distinct()
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToArray();
        if (clashes.Length > 0)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.Unsupported, null,
                "it already declares " + string.Join(", ", clashes) + ", which the generator would add"));
    }

    private static bool Clash(UserMember user, GeneratedMember member)
    {
        if (user.Name != member.Name) return false;
        if (!user.IsMethod || member.Kind != MemberKind.Method) return true;
        if (user.ParameterTypes.Count != member.Parameters.Length) return false;
        for (int i = 0; i < member.Parameters.Length; i++)
        {
            // ref, out and in cannot overload each other; any of them against by-value can.
            string key = ParameterTypeText.Key(member.Parameters[i].Type, ElementTypes.Default);
            if (user.ParameterTypes[i] != key) return false;
        }
        return true;
    }

    private static string Describe(UserMember user) =>
        user.IsMethod ? user.Name + "(" + string.Join(", ", user.ParameterTypes) + ")" : user.Name;
}
