using System.Collections.Generic;
using PEGen.Model;
using PEGen.Parsing;

namespace PEGen.Families;

/// <summary>
/// The rules every family shares, then the family's own: the generator, the analyzers and PEG011 all call this, so
/// they cannot disagree. PEG001 (not partial), PEG009 (unsupported class, a second PEGen attribute, a member the
/// user already declared), then <see cref="EncodingFamily{TArguments, TSpec}.Check"/>.
/// </summary>
internal static class FamilyValidator
{
    public static List<ValidationIssue> Check<TArguments, TSpec>(
        EncodingFamily<TArguments, TSpec> family, FamilyDeclaration<TArguments> declaration, long budgetBytes = EncodingValidator.DefaultBudgetBytes)
        where TArguments : class
        where TSpec : class
    {
        var issues = new List<ValidationIssue>();
        var facts = declaration.Shell.Facts;
        if (facts.NotPartial.Count > 0)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.NotPartial, null, string.Join(", ", facts.NotPartial)));
        if (facts.Unsupported is { } reason)
            issues.Add(EncodingValidator.Issue(DiagnosticIds.Unsupported, null, reason));
        if (PEGenAttributes.Conflict(facts, family.ShortName) is { } conflict)
            issues.Add(conflict);
        MemberConflicts.Check(issues, facts, family.MembersFor(declaration.Arguments));
        family.Check(issues, declaration.Arguments, budgetBytes);
        return issues;
    }

    /// <summary>The spec, or null when any issue is an error.</summary>
    public static TSpec? ToSpec<TArguments, TSpec>(
        EncodingFamily<TArguments, TSpec> family, FamilyDeclaration<TArguments> declaration, IReadOnlyList<ValidationIssue> issues)
        where TArguments : class
        where TSpec : class
    {
        foreach (var issue in issues)
        {
            if (issue.IsError) return null;
        }
        return family.CreateSpec(declaration.Shell, declaration.Arguments);
    }
}
