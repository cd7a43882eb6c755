using Microsoft.CodeAnalysis;
using PEGen.Model;

namespace PEGen.Families;

/// <summary>
/// The families besides <c>[PositionalEncoding]</c> (SPEC section 7): adding one is a line here, its attribute in
/// <see cref="PEGenAttributes"/> and an analyzer deriving from <see cref="Diagnostics.FamilyDeclarationAnalyzer"/>.
/// </summary>
internal static class FamilyCatalog
{
    /// <summary>Adds every family's attribute source.</summary>
    public static void AddAttributes(IncrementalGeneratorPostInitializationContext context)
    {
        context.AddSource(Timestep.TimestepAttributeSource.HintName, Timestep.TimestepAttributeSource.Text);
    }

    /// <summary>Registers every family's steps; returns <paramref name="helperUse"/> joined with what the families need.</summary>
    public static IncrementalValueProvider<SharedHelperUse> Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<SharedHelperUse> helperUse,
        IncrementalValueProvider<TargetFeatures> features,
        IncrementalValueProvider<bool> analyzersOff)
    {
        helperUse = Join(helperUse, FamilyPipeline.Register(context, Timestep.TimestepFamily.Instance, features, analyzersOff));
        return helperUse;
    }

    // Joins one family's helper needs into the compilation's.
    private static IncrementalValueProvider<SharedHelperUse> Join(IncrementalValueProvider<SharedHelperUse> all, IncrementalValueProvider<SharedHelperUse> one) =>
        all.Combine(one).Select(static (pair, _) => pair.Left.Union(pair.Right));
}
