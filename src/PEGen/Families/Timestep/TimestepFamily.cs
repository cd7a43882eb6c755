using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PEGen.Emit;
using PEGen.Members;
using PEGen.Model;
using PEGen.Parsing;

namespace PEGen.Families.Timestep;

/// <summary>
/// <c>[TimestepEmbedding]</c> (SPEC section 7): diffusers' <c>get_timestep_embedding</c> table for the integer timesteps as
/// constant data (<see cref="TimestepTable"/>), and <c>Encode</c> for any finite timestep on the shared correctly rounded
/// sin/cos kernel (<see cref="TimestepKernelEmitter"/>), so <c>Encode(t)</c> equals <c>Row(t)</c> bit for bit.
/// </summary>
internal sealed class TimestepFamily : EncodingFamily<TimestepArguments, TimestepSpec>
{
    public static readonly TimestepFamily Instance = new();

    private TimestepFamily() { }

    public override string AttributeMetadataName => TimestepAttributeSource.AttributeMetadataName;
    public override string ShortName => TimestepAttributeSource.ShortName;
    public override GeneratedFile AttributeSource => new(TimestepAttributeSource.HintName, TimestepAttributeSource.Text);

    // ---- the members ----

    public static readonly GeneratedMember Dim = new(nameof(Dim), MemberKind.Constant, new GeneratedParameter[0]);
    public static readonly GeneratedMember Steps = new(nameof(Steps), MemberKind.Constant, new GeneratedParameter[0]);
    public static readonly GeneratedMember MaxLen = new(nameof(MaxLen), MemberKind.Constant, new GeneratedParameter[0]);
    public static readonly GeneratedMember Table = new(nameof(Table), MemberKind.Property, new GeneratedParameter[0]);

    public static readonly GeneratedMember Row = new(nameof(Row), MemberKind.Method, new[]
    {
        new GeneratedParameter("timestep", ParameterType.Int32, null, ParameterRole.Position, "The integer timestep, in [0, Steps)."),
    }, Exceptions: new[] { new GeneratedException(true, "<paramref name=\"timestep\"/> is negative or at least Steps.") },
       Returns: ParameterType.ReadOnlyElementSpan, HotPath: false);

    public static readonly GeneratedMember EncodeOne = new("Encode", MemberKind.Method, new[]
    {
        new GeneratedParameter("timestep", ParameterType.Element, null, ParameterRole.None,
            "Any finite timestep: fractional, negative or past Steps (-0 counts as +0)."),
        new GeneratedParameter("destination", ParameterType.ElementSpan, null, ParameterRole.Destination,
            "Receives the Dim values; at least Dim long (the rest is left untouched)."),
    }, Exceptions: new[]
    {
        new GeneratedException(false, "<paramref name=\"destination\"/> is shorter than Dim."),
        new GeneratedException(true, "<paramref name=\"timestep\"/> is NaN or infinite."),
    });

    public static readonly GeneratedMember EncodeMany = new("Encode", MemberKind.Method, new[]
    {
        new GeneratedParameter("timesteps", ParameterType.ReadOnlyElementSpan, null, ParameterRole.Rows,
            "Any finite timesteps, one per row."),
        new GeneratedParameter("destination", ParameterType.ElementSpan, null, ParameterRole.Destination,
            "Receives row-major [timesteps.Length x Dim] values; at least that long (the rest is left untouched), apart from the input."),
    }, RowWidth.One, DestinationRule.RowsTimesDim, PositionsBounded: false, Exceptions: new[]
    {
        new GeneratedException(false, "<paramref name=\"destination\"/> is shorter than timesteps.Length x Dim, or overlaps the input."),
        new GeneratedException(true, "A timestep is NaN or infinite."),
    });

    private static readonly GeneratedMember[] All = { Dim, Steps, MaxLen, Table, Row, EncodeOne, EncodeMany };

    public override IReadOnlyCollection<string> MemberNames { get; } =
        new[] { nameof(Dim), nameof(Steps), nameof(MaxLen), nameof(Table), nameof(Row), "Encode" };

    public override IEnumerable<GeneratedMember> MembersFor(TimestepArguments arguments) => All;

    // ---- reading and checking ----

    public override TimestepArguments Read(AttributeData attribute)
    {
        int? dim = null, steps = null;
        bool? flip = null;
        double? shift = null, scale = null, period = null;
        var unreadable = new List<string>();
        foreach (var pair in attribute.NamedArguments)
        {
            var constant = pair.Value;
            object? value = constant.Kind == TypedConstantKind.Error || constant.IsNull || constant.Kind == TypedConstantKind.Array
                ? null : constant.Value;
            switch (pair.Key)
            {
                case nameof(TimestepArguments.Dim):
                    dim = value as int?;
                    break;
                case nameof(TimestepArguments.Steps):
                    steps = value as int?;
                    break;
                case nameof(TimestepArguments.FlipSinToCos):
                    flip = value as bool?;
                    if (flip is null) unreadable.Add(pair.Key);
                    break;
                case nameof(TimestepArguments.FreqShift):
                    shift = AsDouble(value);
                    if (shift is null) unreadable.Add(pair.Key);
                    break;
                case nameof(TimestepArguments.Scale):
                    scale = AsDouble(value);
                    if (scale is null) unreadable.Add(pair.Key);
                    break;
                case nameof(TimestepArguments.MaxPeriod):
                    period = AsDouble(value);
                    if (period is null) unreadable.Add(pair.Key);
                    break;
            }
        }
        return new TimestepArguments(dim, steps, flip, shift, scale, period, new EquatableArray<string>(unreadable.ToArray()));
    }

    private static double? AsDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => null,
    };

    public override void Check(List<ValidationIssue> issues, TimestepArguments arguments, long budgetBytes)
    {
        bool dimOk = Positive(issues, nameof(TimestepArguments.Dim), arguments.Dim);
        bool stepsOk = Positive(issues, nameof(TimestepArguments.Steps), arguments.Steps);

        if (arguments.Unreadable.Contains(nameof(TimestepArguments.FlipSinToCos)))
            issues.Add(Invalid(nameof(TimestepArguments.FlipSinToCos), "not a constant", "it must be a constant true or false"));

        if (arguments.Unreadable.Contains(nameof(TimestepArguments.FreqShift)))
        {
            issues.Add(Invalid(nameof(TimestepArguments.FreqShift), "not a constant", "it must be a finite constant below Dim / 2"));
        }
        else
        {
            double shift = arguments.FreqShift ?? TimestepArguments.DefaultFreqShift;
            if (double.IsNaN(shift) || double.IsInfinity(shift))
            {
                issues.Add(Invalid(nameof(TimestepArguments.FreqShift), Real(shift), "it must be finite"));
            }
            else if (dimOk && shift >= arguments.Dim!.Value / 2)
            {
                int half = arguments.Dim!.Value / 2;
                issues.Add(Invalid(nameof(TimestepArguments.FreqShift), Real(shift),
                    "diffusers divides the exponents by Dim / 2 - FreqShift = " + Int(half) + " - " + Real(shift) +
                    ", which must be positive; use a FreqShift below " + Int(half) + " (diffusers' downscale_freq_shift is 0 or 1)"));
            }
        }

        PositiveReal(issues, arguments, nameof(TimestepArguments.Scale), arguments.Scale ?? TimestepArguments.DefaultScale,
            "it multiplies every angle, so it must be finite and greater than 0 (diffusers' default is 1)");
        PositiveReal(issues, arguments, nameof(TimestepArguments.MaxPeriod), arguments.MaxPeriod ?? TimestepArguments.DefaultMaxPeriod,
            "the frequencies are MaxPeriod^(-k / (Dim / 2 - FreqShift)), so it must be finite and greater than 0 (diffusers' default is 10000)");

        if (dimOk && stepsOk)
        {
            decimal bytes = (decimal)arguments.Dim!.Value * arguments.Steps!.Value * sizeof(float);
            string shown = bytes.ToString(CultureInfo.InvariantCulture);
            if (bytes > EncodingValidator.HardCapBytes)
                issues.Add(EncodingValidator.Issue(DiagnosticIds.TooLarge, null, Int(arguments.Dim.Value), Int(arguments.Steps.Value), shown,
                    EncodingValidator.HardCapBytes.ToString(CultureInfo.InvariantCulture), SizeRemedies.Timestep));
            else if (bytes > budgetBytes)
                issues.Add(EncodingValidator.Issue(DiagnosticIds.OverBudget, null, Int(arguments.Dim.Value), Int(arguments.Steps.Value), shown,
                    budgetBytes.ToString(CultureInfo.InvariantCulture), BuildCost.Describe((long)bytes), SizeRemedies.Timestep));
        }
    }

    private static bool Positive(List<ValidationIssue> issues, string name, int? value)
    {
        if (value is > 0) return true;
        issues.Add(EncodingValidator.Issue(DiagnosticIds.MissingDimension, name, name, value is null ? "missing" : Int(value.Value)));
        return false;
    }

    private static void PositiveReal(List<ValidationIssue> issues, TimestepArguments arguments, string name, double value, string why)
    {
        if (arguments.Unreadable.Contains(name))
            issues.Add(Invalid(name, "not a constant", why));
        else if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
            issues.Add(Invalid(name, Real(value), why));
        else if (name == nameof(TimestepArguments.Scale) && (float.IsInfinity((float)value) || (float)value == 0f))
            issues.Add(Invalid(name, Real(value),
                "PyTorch multiplies by it as a float32, and this value rounds to " + ((float)value == 0f ? "0" : "infinity") +
                " in float32; use a value between 1.5e-45 and 3.4e38"));
    }

    private static ValidationIssue Invalid(string name, string value, string why) =>
        EncodingValidator.Issue(DiagnosticIds.InvalidParameter, name, name, value, why);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // ---- the model and the sources ----

    public override TimestepSpec CreateSpec(DeclarationShell shell, TimestepArguments arguments) => new(
        shell,
        arguments.Dim!.Value,
        arguments.Steps!.Value,
        arguments.FlipSinToCos ?? false,
        arguments.FreqShift ?? TimestepArguments.DefaultFreqShift,
        arguments.Scale ?? TimestepArguments.DefaultScale,
        arguments.MaxPeriod ?? TimestepArguments.DefaultMaxPeriod);

    public override IReadOnlyList<GeneratedFile> Emit(TimestepSpec spec, TargetFeatures features) =>
        new[]
        {
            new GeneratedFile(TimestepEmitter.HintName(spec), TimestepEmitter.Emit(spec, features)),
            new GeneratedFile(TimestepEmitter.TableHintName(spec), TimestepEmitter.EmitTable(spec, features)),
        };

    public override SharedHelperUse HelperUse(TimestepSpec spec) => new(Guards: true, Table: false, Value: false, Timestep: true);
}
