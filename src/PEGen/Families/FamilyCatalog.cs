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
        context.AddSource(Grid2D.Grid2DAttributeSource.HintName, Grid2D.Grid2DAttributeSource.Text);
        context.AddSource(Alibi.AlibiAttributeSource.HintName, Alibi.AlibiAttributeSource.Text);
        context.AddSource(Timestep.TimestepAttributeSource.HintName, Timestep.TimestepAttributeSource.Text);
    }

    /// <summary>Registers every family's steps; returns <paramref name="helperUse"/> joined with what the families need.</summary>
    public static IncrementalValueProvider<SharedHelperUse> Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<SharedHelperUse> helperUse,
        IncrementalValueProvider<TargetFeatures> features,
        IncrementalValueProvider<bool> analyzersOff)
    {
        helperUse = Join(helperUse, FamilyPipeline.Register(context, Grid2D.Grid2DFamily.Instance, features, analyzersOff));
        helperUse = Join(helperUse, FamilyPipeline.Register(context, Alibi.AlibiFamily.Instance, features, analyzersOff));
        helperUse = Join(helperUse, FamilyPipeline.Register(context, Timestep.TimestepFamily.Instance, features, analyzersOff));
        return helperUse;
    }

    // Joins one family's helper needs into the compilation's.
    private static IncrementalValueProvider<SharedHelperUse> Join(IncrementalValueProvider<SharedHelperUse> all, IncrementalValueProvider<SharedHelperUse> one) =>
        all.Combine(one).Select(static (pair, _) => pair.Left.Union(pair.Right));
}
