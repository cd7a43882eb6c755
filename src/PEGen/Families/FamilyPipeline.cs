using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Diagnostics;
using PEGen.Model;

namespace PEGen.Families;

/// <summary>
/// One family's incremental steps: attribute → outcome (spec or errors) → sources, and what the family's valid
/// declarations need from the shared helpers. Only plain records flow between steps, so an unrelated edit leaves
/// every step cached (tracking names <see cref="TrackingNames.Family"/>).
/// </summary>
internal static class FamilyPipeline
{
    public static IncrementalValueProvider<SharedHelperUse> Register<TArguments, TSpec>(
        IncrementalGeneratorInitializationContext context,
        EncodingFamily<TArguments, TSpec> family,
        IncrementalValueProvider<TargetFeatures> features,
        IncrementalValueProvider<bool> analyzersOff)
        where TArguments : class
        where TSpec : class
    {
        string name = family.ShortName;
        var outcomes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                family.AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: (ctx, ct) => Parse(family, ctx, ct))
            .WithTrackingName(TrackingNames.Family(name, "Outcomes"));

        var specs = outcomes
            .Where(static outcome => outcome.Spec is not null)
            .Select(static (outcome, _) => outcome.Spec!)
            .WithTrackingName(TrackingNames.Family(name, "Specs"));

        var errors = outcomes
            .Select(static (outcome, _) => outcome.Errors)
            .WithTrackingName(TrackingNames.Family(name, "Errors"));

        context.RegisterSourceOutput(errors.Combine(analyzersOff).WithTrackingName(TrackingNames.Family(name, "ErrorOutputs")), static (spc, input) =>
        {
            if (!input.Right) return;
            foreach (var error in input.Left)
                spc.ReportDiagnostic(error.ToDiagnostic());
        });

        context.RegisterSourceOutput(specs.Combine(features).WithTrackingName(TrackingNames.Family(name, "Outputs")), (spc, input) =>
        {
            foreach (var file in family.Emit(input.Left, input.Right))
            {
                spc.CancellationToken.ThrowIfCancellationRequested();
                spc.AddSource(file.HintName, file.Text);
            }
        });

        return specs
            .Select((spec, _) => family.HelperUse(spec))
            .Collect()
            .Select(static (uses, _) => uses.Aggregate(default(SharedHelperUse), static (all, one) => all.Union(one)))
            .WithTrackingName(TrackingNames.Family(name, "HelperUse"));
    }

    private static FamilyOutcome<TSpec> Parse<TArguments, TSpec>(
        EncodingFamily<TArguments, TSpec> family, GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        where TArguments : class
        where TSpec : class
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
            return new FamilyOutcome<TSpec>(null, EquatableArray<DiagnosticInfo>.Empty);
        var attribute = context.Attributes[0];
        var declaration = family.ReadDeclaration(type, attribute, cancellationToken);
        var issues = FamilyValidator.Check(family, declaration);
        return new FamilyOutcome<TSpec>(
            FamilyValidator.ToSpec(family, declaration, issues),
            GeneratorErrors.Of(issues, attribute, type, cancellationToken));
    }
}
