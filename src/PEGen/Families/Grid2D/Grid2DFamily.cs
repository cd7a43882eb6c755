using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PEGen.Emit;
using PEGen.Members;
using PEGen.Model;
using PEGen.Parsing;

namespace PEGen.Families.Grid2D;

/// <summary>
/// <c>[PositionalEncoding2D]</c>: the 2-D sin-cos patch grids of vision transformers (SPEC section 7): MAE's
/// <c>get_2d_sincos_pos_embed</c> and diffusers' variant with <c>base_size</c> and <c>interpolation_scale</c>
/// (DiT, PixArt-alpha, SD3), with Full or Compact storage.
/// </summary>
internal sealed class Grid2DFamily : EncodingFamily<Grid2DArguments, Grid2DSpec>
{
    public static readonly Grid2DFamily Instance = new();

    /// <summary>Positions past 2^24 are not distinct float32 values (diffusers computes them in float32).</summary>
    public const double MaxPosition = 16777216d;

    private Grid2DFamily()
    {
    }

    public override string AttributeMetadataName => Grid2DAttributeSource.AttributeMetadataName;

    public override string ShortName => Grid2DAttributeSource.ShortName;

    public override GeneratedFile AttributeSource => new(Grid2DAttributeSource.HintName, Grid2DAttributeSource.Text);

    public override IReadOnlyCollection<string> MemberNames => Grid2DMembers.Names;

    public override Grid2DArguments Read(AttributeData attribute)
    {
        int? dim = null, height = null, width = null, extra = null, storage = null;
        double? baseSize = null, scale = null, @base = null;
        var unreadable = new List<string>();
        foreach (var pair in attribute.NamedArguments)
        {
            var constant = pair.Value;
            object? value = constant.Kind == TypedConstantKind.Error || constant.Kind == TypedConstantKind.Array || constant.IsNull ? null : constant.Value;
            bool ok = true;
            switch (pair.Key)
            {
                case nameof(Grid2DArguments.Dim): ok = Int(value, ref dim); break;
                case nameof(Grid2DArguments.GridHeight): ok = Int(value, ref height); break;
                case nameof(Grid2DArguments.GridWidth): ok = Int(value, ref width); break;
                case nameof(Grid2DArguments.ExtraTokens): ok = Int(value, ref extra); break;
                case nameof(Grid2DArguments.Storage): ok = Int(value, ref storage); break;
                case nameof(Grid2DArguments.BaseSize): ok = Real(value, ref baseSize); break;
                case nameof(Grid2DArguments.InterpolationScale): ok = Real(value, ref scale); break;
                case nameof(Grid2DArguments.Base): ok = Real(value, ref @base); break;
            }
            if (!ok) unreadable.Add(pair.Key);
        }
        return new Grid2DArguments(dim, height, width, extra, baseSize, scale, @base, storage, new EquatableArray<string>(unreadable.ToArray()));
    }

    private static bool Int(object? value, ref int? target)
    {
        if (value is not int i) return false;
        target = i;
        return true;
    }

    private static bool Real(object? value, ref double? target)
    {
        double? d = value switch { double x => x, float x => x, int x => x, long x => x, _ => null };
        if (d is null) return false;
        target = d;
        return true;
    }

    public override IEnumerable<GeneratedMember> MembersFor(Grid2DArguments arguments) => Grid2DMembers.For(arguments.IsCompact);

    public override void Check(List<ValidationIssue> issues, Grid2DArguments args, long budgetBytes) =>
        Grid2DRules.Check(issues, args, budgetBytes);

    public override Grid2DSpec CreateSpec(DeclarationShell shell, Grid2DArguments args) => new(
        shell.Namespace, shell.Types, shell.MetadataName,
        args.Dim!.Value, args.GridHeight!.Value, args.GridWidth!.Value, args.ExtraTokensOrDefault,
        args.BaseSizeOrDefault == 0 ? 0d : args.BaseSizeOrDefault, args.InterpolationScaleOrDefault, args.BaseOrDefault, args.IsCompact);

    public override IReadOnlyList<GeneratedFile> Emit(Grid2DSpec spec, TargetFeatures features) => Grid2DEmitter.Emit(spec, features);

    /// <summary>The argument checks and the table kernels; Compact adds the value kernel (the extra tokens' zero rows).</summary>
    public override SharedHelperUse HelperUse(Grid2DSpec spec) => new(Guards: true, Table: true, Value: spec.IsCompact && spec.ExtraTokens > 0);

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string FormatReal(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
