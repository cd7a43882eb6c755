using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PEGen.Families;
using PEGen.Families.Grid2D;

namespace PEGen.Diagnostics;

/// <summary>
/// The declaration diagnostics of <c>[PositionalEncoding2D]</c> (PEG001, PEG002, PEG006, PEG007, PEG009, PEG010), from the
/// rules the generator applies (<see cref="Grid2DRules"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class Grid2DDeclarationAnalyzer : FamilyDeclarationAnalyzer
{
    private protected override IFamilyRules Family => Grid2DFamily.Instance;
}
