using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Families;
using PEGen.Families.Timestep;

namespace PEGen.Diagnostics;

/// <summary>
/// The declaration diagnostics of <c>[TimestepEmbedding]</c> (PEG001, PEG002, PEG006, PEG007, PEG009, PEG010), from the same
/// reader and rules the generator uses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimestepDeclarationAnalyzer : FamilyDeclarationAnalyzer
{
    private protected override IFamilyRules Family => TimestepFamily.Instance;
}
