using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PEGen.Emit;
using PEGen.Members;
using PEGen.Model;

namespace PEGen.Families;

/// <summary>
/// One attribute's family of generated code (SPEC section 7): how its arguments are read and checked, the model it
/// becomes and the sources it emits. The pipeline (<see cref="FamilyPipeline"/>), the declaration analyzer
/// (<see cref="Diagnostics.FamilyDeclarationAnalyzer"/>) and the common rules
/// (<see cref="FamilyValidator"/>) read everything from here, so a family is this class plus its emitters.
/// </summary>
/// <typeparam name="TArguments">The attribute's arguments as plain, value-equatable data.</typeparam>
/// <typeparam name="TSpec">What the emitters need: a value-equatable record with no symbols or locations.</typeparam>
internal abstract class EncodingFamily<TArguments, TSpec> : IFamilyRules
    where TArguments : class
    where TSpec : class
{
    /// <inheritdoc />
    public abstract string AttributeMetadataName { get; }

    /// <summary>The attribute as users write it, e.g. <c>AlibiBias</c> (messages and tracking names).</summary>
    public abstract string ShortName { get; }

    /// <summary>The attribute's source, added to every compilation (post-initialization output).</summary>
    public abstract GeneratedFile AttributeSource { get; }

    /// <summary>Every member name the family can add (the user members PEG009 compares, PEG011's syntax filter).</summary>
    public abstract IReadOnlyCollection<string> MemberNames { get; }

    /// <summary>Reads the attribute's named arguments; unreadable values are recorded for PEG010, never thrown.</summary>
    public abstract TArguments Read(AttributeData attribute);

    /// <summary>The members a declaration with <paramref name="arguments"/> gets (PEG009 compares the user's with them).</summary>
    public abstract IEnumerable<GeneratedMember> MembersFor(TArguments arguments);

    /// <summary>The family's own rules, in a stable order (the common ones are <see cref="FamilyValidator"/>'s).</summary>
    public abstract void Check(List<ValidationIssue> issues, TArguments arguments, long budgetBytes);

    /// <summary>The emitter's model of a declaration whose rules all hold.</summary>
    public abstract TSpec CreateSpec(DeclarationShell shell, TArguments arguments);

    /// <summary>The sources of one valid declaration.</summary>
    public abstract IReadOnlyList<GeneratedFile> Emit(TSpec spec, TargetFeatures features);

    /// <summary>What the declaration needs from the shared helper class (the argument checks by default).</summary>
    public virtual SharedHelperUse HelperUse(TSpec spec) => new(Guards: true, Table: false, Value: false);

    /// <summary>Reads a declaration (the analyzers' and the pipeline's entry point).</summary>
    public FamilyDeclaration<TArguments> ReadDeclaration(INamedTypeSymbol type, AttributeData attribute, System.Threading.CancellationToken cancellationToken) =>
        new(Parsing.DeclarationReader.ReadShell(type, attribute, MemberNames, cancellationToken), Read(attribute));

    /// <inheritdoc />
    public List<ValidationIssue> Validate(INamedTypeSymbol type, AttributeData attribute, long budgetBytes, System.Threading.CancellationToken cancellationToken) =>
        FamilyValidator.Check(this, ReadDeclaration(type, attribute, cancellationToken), budgetBytes);
}

/// <summary>A family as the analyzers see it: no type parameters, so public analyzer classes can hold one.</summary>
internal interface IFamilyRules
{
    /// <summary>The attribute's metadata name, e.g. <c>PEGen.AlibiBiasAttribute</c>.</summary>
    string AttributeMetadataName { get; }

    /// <summary>Every issue of the declaration <paramref name="attribute"/> makes on <paramref name="type"/>.</summary>
    List<ValidationIssue> Validate(INamedTypeSymbol type, AttributeData attribute, long budgetBytes, System.Threading.CancellationToken cancellationToken);
}
