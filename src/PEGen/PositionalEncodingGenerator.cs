using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Emit;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Parsing;

namespace PEGen;

/// <summary>
/// The incremental pipeline: attribute → <see cref="EncodingSpec"/> → sources. Parsing,
/// validation and emission live in their own folders; this file only wires them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PositionalEncodingGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static c => c.AddSource(AttributeSource.HintName, AttributeSource.Text));

        var specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeSource.AttributeMetadataName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (ctx, ct) => Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Declarations)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidSpecs);

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

    // Invalid declarations yield null: the analyzers report them, the generator stays silent.
    private static EncodingSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
            return null;
        var declaration = DeclarationReader.Read(type, context.Attributes[0], cancellationToken);
        return EncodingValidator.ToSpec(declaration, EncodingValidator.Validate(declaration));
    }
}
