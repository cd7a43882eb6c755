using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PEGen.Families;
using PEGen.Families.Grid2D;
using PEGen.Members;
using PEGen.Parsing;
using static PEGen.Diagnostics.ConstantArguments;

namespace PEGen.Diagnostics;

/// <summary>
/// PEG011 for the methods of <c>[PositionalEncoding2D]</c> classes: constant arguments that must make the call throw.
/// <c>AddTo</c>, <c>Add</c>, <c>CopyRows</c> and <c>Row(index)</c> follow the 1-D rules (<see cref="CallRules"/>);
/// <c>Row(patchRow, patchColumn)</c> and <c>AddWindowTo</c> the grid's. The filter, the cache and the reporting are
/// <see cref="FamilyCallSiteAnalyzer{TShape}"/>'s.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class Grid2DCallSiteAnalyzer : FamilyCallSiteAnalyzer<Grid2DCallSiteAnalyzer.Shape>
{
    /// <summary>The spec of a valid declaration (a public wrapper: the analyzer is public, the spec is not).</summary>
    public sealed class Shape
    {
        internal Shape(Grid2DSpec spec) => Spec = spec;

        internal Grid2DSpec Spec { get; }
    }

    private static readonly string[] Methods =
        Grid2DMembers.For(compact: false).Where(m => m.Kind == MemberKind.Method).Select(m => m.Name).Distinct().ToArray();

    private protected override string AttributeMetadataName => Grid2DAttributeSource.AttributeMetadataName;

    private protected override bool Checks(string methodName) => System.Array.IndexOf(Methods, methodName) >= 0;

    // The spec the generator builds: the same reader and rules.
    private protected override Shape? ShapeOf(INamedTypeSymbol type, AttributeData attribute, System.Threading.CancellationToken cancellationToken)
    {
        var family = Grid2DFamily.Instance;
        var declaration = family.ReadDeclaration(type, attribute, cancellationToken);
        return FamilyValidator.ToSpec(family, declaration, FamilyValidator.Check(family, declaration)) is { } spec ? new Shape(spec) : null;
    }

    private protected override IEnumerable<(IArgumentOperation Argument, string Reason)> Check(
        IInvocationOperation invocation, IMethodSymbol method, Shape shape) =>
        MemberOf(method, shape.Spec) is { } member ? Check(invocation, member, shape.Spec) : System.Array.Empty<(IArgumentOperation, string)>();

    private static GeneratedMember? MemberOf(IMethodSymbol method, Grid2DSpec spec) =>
        Grid2DMembers.For(spec.IsCompact).FirstOrDefault(m =>
            m.Kind == MemberKind.Method && m.Name == method.Name && m.Parameters.Length == method.Parameters.Length &&
            m.Parameters.Select(p => ParameterTypeText.Key(p.Type, Model.ElementTypes.Default))
                .SequenceEqual(method.Parameters.Select(p => p.Type.ToDisplayString(ParameterTypeText.KeyFormat))));

    private static IEnumerable<(IArgumentOperation Argument, string Reason)> Check(IInvocationOperation invocation, GeneratedMember member, Grid2DSpec spec)
    {
        if (ReferenceEquals(member, Grid2DMembers.PatchRow))
            return PatchRow(invocation, spec);
        if (ReferenceEquals(member, Grid2DMembers.AddWindowTo))
            return Window(invocation, spec);
        return CallRules.Check(invocation, member, new CallShape(spec.Dim, spec.Rows, 0, 0));
    }

    private static IEnumerable<(IArgumentOperation, string)> PatchRow(IInvocationOperation invocation, Grid2DSpec spec)
    {
        if (Find(invocation, "patchRow") is { } rowArgument && Int(rowArgument, 0) is int row && (row < 0 || row >= spec.GridHeight))
            yield return (rowArgument, $"patchRow = {Format(row)} is outside [0, GridHeight) = [0, {Format(spec.GridHeight)})");
        else if (Find(invocation, "patchColumn") is { } columnArgument && Int(columnArgument, 0) is int column && (column < 0 || column >= spec.GridWidth))
            yield return (columnArgument, $"patchColumn = {Format(column)} is outside [0, GridWidth) = [0, {Format(spec.GridWidth)})");
    }

    // The run-time order: patchRows, patchColumns, top, left, then the span's length.
    private static IEnumerable<(IArgumentOperation, string)> Window(IInvocationOperation invocation, Grid2DSpec spec)
    {
        var rowsArgument = Find(invocation, "patchRows");
        var columnsArgument = Find(invocation, "patchColumns");
        var topArgument = Find(invocation, "top");
        var leftArgument = Find(invocation, "left");
        int? rows = rowsArgument is null ? null : Int(rowsArgument, 0);
        int? columns = columnsArgument is null ? null : Int(columnsArgument, 0);
        int? top = topArgument is null ? null : Int(topArgument, 0);
        int? left = leftArgument is null ? null : Int(leftArgument, 0);
        if (rows is int r && (r < 0 || r > spec.GridHeight))
        {
            yield return (rowsArgument!, $"patchRows = {Format(r)} is outside [0, GridHeight] = [0, {Format(spec.GridHeight)}]");
            yield break;
        }
        if (columns is int c && (c < 0 || c > spec.GridWidth))
        {
            yield return (columnsArgument!, $"patchColumns = {Format(c)} is outside [0, GridWidth] = [0, {Format(spec.GridWidth)}]");
            yield break;
        }
        if (top is int t && (t < 0 || t > spec.GridHeight - (rows ?? 0)))
        {
            yield return (topArgument!, rows is int known
                ? $"top = {Format(t)} is outside [0, GridHeight - patchRows] = [0, {Format(spec.GridHeight - known)}]"
                : $"top = {Format(t)} is outside [0, GridHeight] = [0, {Format(spec.GridHeight)}]");
            yield break;
        }
        if (left is int l && (l < 0 || l > spec.GridWidth - (columns ?? 0)))
        {
            yield return (leftArgument!, columns is int known
                ? $"left = {Format(l)} is outside [0, GridWidth - patchColumns] = [0, {Format(spec.GridWidth - known)}]"
                : $"left = {Format(l)} is outside [0, GridWidth] = [0, {Format(spec.GridWidth)}]");
            yield break;
        }
        if (Find(invocation, "patches") is { } patchesArgument && SpanLength(patchesArgument) is int length)
        {
            if (length % spec.Dim != 0)
                yield return (patchesArgument, $"its length {Format(length)} is not a whole number of rows of {Format(spec.Dim)} floats (Dim = {Format(spec.Dim)})");
            else if (rows is int r2 && columns is int c2 && (long)r2 * c2 * spec.Dim != length)
                yield return (patchesArgument, $"its length {Format(length)} is not patchRows x patchColumns x Dim = {Format(r2)} x {Format(c2)} x {Format(spec.Dim)}");
            else if (length / spec.Dim > (long)spec.GridHeight * spec.GridWidth)
                yield return (patchesArgument, $"it holds {Format(length / spec.Dim)} patches, more than the grid's {Format((long)spec.GridHeight * spec.GridWidth)}");
        }
    }

    private static string Format(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
