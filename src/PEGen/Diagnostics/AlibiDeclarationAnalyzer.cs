using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Families;
using PEGen.Families.Alibi;

namespace PEGen.Diagnostics;

/// <summary>
/// The declaration diagnostics of <c>[AlibiBias]</c> classes (PEG001, PEG002 for Heads, PEG006/PEG007, PEG009, PEG010 for
/// Reference and MaxBias, PEG018 for a MaxBias the reference ignores), from the rules the generator uses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlibiDeclarationAnalyzer : FamilyDeclarationAnalyzer
{
    private protected override IFamilyRules Family => AlibiFamily.Instance;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.MissingDimension, DiagnosticDescriptors.OverBudget,
        DiagnosticDescriptors.TooLarge, DiagnosticDescriptors.Unsupported, DiagnosticDescriptors.InvalidParameter,
        DiagnosticDescriptors.AlibiMaxBiasIgnored);
}
