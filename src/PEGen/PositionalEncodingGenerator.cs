using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Diagnostics;
using PEGen.Emit;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Parsing;

namespace PEGen;

/// <summary>
/// The incremental pipeline: attribute → <see cref="EncodingSpec"/> → sources, and, when analyzers
/// do not run, the errors that stop generation. Parsing, validation and emission live in their own
/// folders; this file only wires them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PositionalEncodingGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static c => c.AddSource(AttributeSource.HintName, AttributeSource.Text));

        // Every type declaration: records (and structs, which also get CS0592) are PEG009 errors to report.
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeSource.AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (ctx, ct) => Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Declarations);

        var specs = declarations
            .Where(static outcome => outcome.Spec is not null)
            .Select(static (outcome, _) => outcome.Spec!)
            .WithTrackingName(TrackingNames.ValidSpecs);

        // The errors that stop generation reach the user even when analyzers do not run.
        var errors = declarations
            .Select(static (outcome, _) => outcome.Errors)
            .WithTrackingName(TrackingNames.DeclarationErrors);

        var analyzersOff = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => AnalyzerSwitch.AnalyzersAreOff(options.GlobalOptions))
            .WithTrackingName(TrackingNames.AnalyzersOff);

        context.RegisterSourceOutput(errors.Combine(analyzersOff).WithTrackingName(TrackingNames.ErrorOutputs), static (spc, input) =>
        {
            if (!input.Right) return;
            foreach (var error in input.Left)
                spc.ReportDiagnostic(error.ToDiagnostic());
        });

        var features = context.CompilationProvider
            .Select(static (compilation, _) => TargetFeaturesReader.Read(compilation))
            .WithTrackingName(TrackingNames.TargetFeatures);

        var needsEmbedded = context.CompilationProvider
            .Select(static (compilation, _) => TargetFeaturesReader.NeedsEmbeddedAttribute(compilation))
            .WithTrackingName(TrackingNames.EmbeddedAttributeNeeded);

        context.RegisterSourceOutput(needsEmbedded, static (spc, needed) =>
        {
            if (needed) spc.AddSource(EmbeddedAttributeSource.HintName, EmbeddedAttributeSource.Text);
        });

        // One shared helper class per compilation: argument checks, and the kernel families in use.
        var helperUse = specs
            .Select(static (spec, _) => SharedHelperUse.Of(spec))
            .Collect()
            .Select(static (uses, _) => System.Linq.Enumerable.Aggregate(uses, default(SharedHelperUse), static (all, one) => all.Union(one)))
            .WithTrackingName(TrackingNames.SharedHelperUse);

        context.RegisterSourceOutput(helperUse.Combine(features).WithTrackingName(TrackingNames.SharedHelperOutputs), static (spc, input) =>
        {
            if (SharedHelpersEmitter.Applies(input.Left))
                spc.AddSource(SharedHelpersEmitter.HintName, SharedHelpersEmitter.Emit(input.Left, input.Right));
        });

        context.RegisterSourceOutput(specs.Combine(features).WithTrackingName(TrackingNames.Outputs), static (spc, input) =>
        {
            foreach (var file in EncodingEmitter.Emit(input.Left, input.Right))
            {
                spc.CancellationToken.ThrowIfCancellationRequested();
                spc.AddSource(file.HintName, file.Text);
            }
        });
    }

    // Invalid declarations yield no spec, and their errors for the case where analyzers do not run.
    private static DeclarationOutcome Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
            return NoOutcome;
        var declaration = DeclarationReader.Read(type, context.Attributes[0], cancellationToken);
        var issues = EncodingValidator.Validate(declaration);
        return new DeclarationOutcome(
            EncodingValidator.ToSpec(declaration, issues),
            GeneratorErrors.Of(issues, context.Attributes[0], type, cancellationToken));
    }

    private static readonly DeclarationOutcome NoOutcome = new(null, EquatableArray<DiagnosticInfo>.Empty);
}
