using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PEGen.Diagnostics;
using PEGen.Emit;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Parsing;
using PEGen.Parsing.Config;

namespace PEGen;

/// <summary>
/// The incremental pipeline of <c>[PositionalEncoding]</c> (the families of SPEC section 7 add theirs through
/// <see cref="Families.FamilyCatalog"/>): attribute (and the config.json a <c>ConfigFile</c> names) → <see cref="EncodingSpec"/>
/// → sources, and, when analyzers do not run, the errors that stop generation. Parsing, validation and emission live in their own
/// folders; this file only wires them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PositionalEncodingGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static c =>
        {
            c.AddSource(AttributeSource.HintName, AttributeSource.Text);
            Families.FamilyCatalog.AddAttributes(c);
        });

        // Every type declaration: records (and structs, which also get CS0592) are PEG009 errors to report.
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeSource.AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (ctx, ct) => Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Declarations);

        // ConfigFile: only the additional files some declaration names are read, each once, into a plain model;
        // editing any other additional file (or C#) leaves these steps cached.
        var configNames = declarations
            .Select(static (input, _) => input.ConfigFile)
            .Collect()
            .Select(static (names, _) => new EquatableArray<string>(names.Where(n => n is not null).Select(n => n!)
                .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToArray()))
            .WithTrackingName(TrackingNames.ConfigFileNames);

        var configFiles = context.AdditionalTextsProvider
            .Combine(configNames)
            .Where(static pair => ConfigFileMatch.MatchesAny(pair.Right, pair.Left.Path))
            .Select(static (pair, _) => pair.Left)
            .Select(static (file, ct) => ConfigFileReader.Read(file, ct))
            .WithTrackingName(TrackingNames.ConfigFiles);

        var configSet = configFiles
            .Collect()
            .Select(static (files, _) => ConfigFileSet.Of(files))
            .WithTrackingName(TrackingNames.ConfigFileSet);

        var outcomes = declarations
            .Combine(configSet)
            .Select(static (pair, ct) => pair.Left.Outcome ?? Resolve(pair.Left.Pending!, pair.Right, ct))
            .WithTrackingName(TrackingNames.Outcomes);

        var specs = outcomes
            .Where(static outcome => outcome.Spec is not null)
            .Select(static (outcome, _) => outcome.Spec!)
            .WithTrackingName(TrackingNames.ValidSpecs);

        // The errors that stop generation reach the user even when analyzers do not run.
        var errors = outcomes
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

        // The other families (2-D grids, timesteps, ALiBi): their own steps, and what they need from the helpers.
        helperUse = Families.FamilyCatalog.Register(context, helperUse, features, analyzersOff);

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

    // Invalid declarations yield no spec, and their errors for the case where analyzers do not run. A ConfigFile
    // declaration waits for its file, with the locations its errors would need.
    private static DeclarationInput Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
            return NoInput;
        var attribute = context.Attributes[0];
        var declaration = DeclarationReader.Read(type, attribute, cancellationToken);
        if (declaration.Arguments.Rotary.ConfigFile is not null)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            return new DeclarationInput(null, new PendingDeclaration(declaration, IssueLocation.Table(syntax, type)));
        }
        var validation = EncodingValidator.Check(declaration, ConfigFileSet.Empty);
        return new DeclarationInput(
            new DeclarationOutcome(
                EncodingValidator.ToSpec(validation),
                GeneratorErrors.Of(validation.Issues, attribute, type, cancellationToken)),
            null);
    }

    private static DeclarationOutcome Resolve(PendingDeclaration pending, ConfigFileSet configFiles, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var validation = EncodingValidator.Check(pending.Declaration, configFiles);
        return new DeclarationOutcome(EncodingValidator.ToSpec(validation), GeneratorErrors.Of(validation.Issues, pending.Locations));
    }

    private static readonly DeclarationInput NoInput = new(new DeclarationOutcome(null, EquatableArray<DiagnosticInfo>.Empty), null);
}
