using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Model;

namespace PEGen.Diagnostics;

/// <summary>
/// The errors among a declaration's issues, as the generator reports them when analyzers do not
/// run: same descriptors, same message arguments, same locations as the <see cref="DeclarationAnalyzer"/>.
/// </summary>
internal static class GeneratorErrors
{
    public static EquatableArray<DiagnosticInfo> Of(
        IReadOnlyList<ValidationIssue> issues, AttributeData attribute, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        List<DiagnosticInfo>? errors = null;
        AttributeSyntax? attributeSyntax = null;
        foreach (var issue in issues)
        {
            if (!issue.IsError) continue;
            if (errors is null)
            {
                errors = new List<DiagnosticInfo>();
                attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            }
            errors.Add(new DiagnosticInfo(issue.Id, LocationInfo.From(IssueLocation.Of(issue, attributeSyntax, type)), issue.MessageArguments));
        }
        return errors is null ? EquatableArray<DiagnosticInfo>.Empty : new EquatableArray<DiagnosticInfo>(errors.ToArray());
    }

    /// <summary>The errors of a ConfigFile declaration, at the locations recorded when it was parsed.</summary>
    public static EquatableArray<DiagnosticInfo> Of(IReadOnlyList<ValidationIssue> issues, IssueLocations locations)
    {
        List<DiagnosticInfo>? errors = null;
        foreach (var issue in issues)
        {
            if (!issue.IsError) continue;
            (errors ??= new List<DiagnosticInfo>()).Add(new DiagnosticInfo(issue.Id, locations.For(issue), issue.MessageArguments));
        }
        return errors is null ? EquatableArray<DiagnosticInfo>.Empty : new EquatableArray<DiagnosticInfo>(errors.ToArray());
    }
}
