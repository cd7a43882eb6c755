using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PEGen.Diagnostics;
using PEGen.Tests.Support;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Grid2D;

/// <summary>The declaration rules of [PositionalEncoding2D] (on the offending property) and PEG011 for its methods.</summary>
public sealed class Grid2DDiagnosticsTests
{
    private static readonly string Attribute = PEGen.Families.Grid2D.Grid2DAttributeSource.Text;

    private static Task Verify(string source) => AnalyzeAsync<Grid2DDeclarationAnalyzer>("using PEGen;\n" + source, null, Attribute);

    [Theory]
    [InlineData("[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1)] public static partial class Mae { }")]
    [InlineData("[PositionalEncoding2D(Dim = 1152, GridHeight = 16, GridWidth = 16)] public static partial class DiT { }")]
    [InlineData("[PositionalEncoding2D(Dim = 4, GridHeight = 1, GridWidth = 1)] public static partial class Smallest { }")]
    [InlineData("[PositionalEncoding2D(Dim = 1152, GridHeight = 64, GridWidth = 64, BaseSize = 64, InterpolationScale = 2, Storage = TableStorage.Compact)] partial class PixArt { }")]
    [InlineData("[PositionalEncoding2D(Dim = 1536, GridHeight = 192, GridWidth = 192, BaseSize = 64, Storage = TableStorage.Compact)] partial class Sd3 { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, BaseSize = -0.0, Base = 1.0000001)] partial class NegativeZeroBaseSize { }")]
    [InlineData("[PositionalEncoding2D(Dim = 4, GridHeight = 46340, GridWidth = 46340, Storage = TableStorage.Compact)] partial class AlmostIntMaxRows { }")]
    [InlineData("[PositionalEncoding2D(Dim = 1024, GridHeight = 64, GridWidth = 64)] partial class ExactlyTheBudget { }")]
    public Task ValidDeclarationsHaveNoDiagnostics(string source) => Verify(source);

    [Theory]
    [InlineData("[{|PEG002:PositionalEncoding2D(GridHeight = 2, GridWidth = 2)|}] partial class P { }")]
    [InlineData("[PositionalEncoding2D({|PEG002:Dim = 0|}, GridHeight = 2, GridWidth = 2)] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, {|PEG002:GridHeight = -1|}, GridWidth = 2)] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, {|PEG002:GridWidth = 0|})] partial class P { }")]
    [InlineData("[{|PEG002:{|PEG002:PositionalEncoding2D(Dim = 8)|}|}] partial class P { }")]
    public Task NonPositiveSizesArePEG002(string source) => Verify(source);

    [Theory]
    [InlineData("[PositionalEncoding2D({|PEG010:Dim = 6|}, GridHeight = 2, GridWidth = 2)] partial class P { }")]
    [InlineData("[PositionalEncoding2D({|PEG010:Dim = int.MaxValue|}, GridHeight = 1, GridWidth = 1)] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:ExtraTokens = -1|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:BaseSize = -1|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:BaseSize = double.NaN|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:BaseSize = double.PositiveInfinity|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, BaseSize = 4, {|PEG010:InterpolationScale = 0|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, BaseSize = 4, {|PEG010:InterpolationScale = -2|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, BaseSize = 4, {|PEG010:InterpolationScale = double.NaN|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:InterpolationScale = 2|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:Base = 1|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:Base = double.NaN|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:Base = 1e16|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:Storage = (TableStorage)2|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:BaseSize = 1e300|})] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, {|PEG010:BaseSize = 1e9|}, InterpolationScale = 1e-9)] partial class P { }")]
    [InlineData("[PositionalEncoding2D(Dim = 4, GridHeight = 65536, {|PEG010:GridWidth = 65536|}, Storage = TableStorage.Compact)] partial class P { }")]
    public Task InvalidParametersArePEG010OnTheProperty(string source) => Verify(source);

    [Fact]
    public Task OverBudgetIsPEG006() =>
        Verify("[PositionalEncoding2D(Dim = 1152, GridHeight = 64, GridWidth = 64)] partial class {|PEG006:P|} { }");

    [Fact]
    public void OverBudgetMessage_GivesTheShape_AndNamesCompact()
    {
        var issues = new System.Collections.Generic.List<PEGen.Model.ValidationIssue>();
        PEGen.Families.Grid2D.Grid2DRules.Check(issues, new PEGen.Families.Grid2D.Grid2DArguments(1152, 64, 64, null, null, null, null, null,
            PEGen.Model.EquatableArray<string>.Empty), PEGen.Parsing.EncodingValidator.DefaultBudgetBytes);
        var issue = Assert.Single(issues);
        Assert.Equal("PEG006", issue.Id);
        Assert.Equal(new[] { "1152", "4096", "18874368", "16777216", "about 25.2 s", PEGen.Parsing.SizeRemedies.CompactOverBudget },
            issue.MessageArguments.ToArray());
        string message = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            DiagnosticDescriptors.OverBudget.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), issue.MessageArguments.ToArray<object>());
        Assert.Contains("Storage = TableStorage.Compact", message);
    }

    [Theory]
    [InlineData("[PositionalEncoding2D(Dim = 1536, GridHeight = 192, GridWidth = 192, BaseSize = 64)] partial class {|PEG007:Sd3Full|} { }")]
    [InlineData("[PositionalEncoding2D(Dim = 65536, GridHeight = 512, GridWidth = 512, Storage = TableStorage.Compact)] partial class {|PEG007:P|} { }")]
    // The fuzz's find: the position check once built every position of an int.MaxValue-patch axis (OutOfMemoryException).
    [InlineData("[PositionalEncoding2D(Dim = 8, GridHeight = int.MaxValue, GridWidth = 1, BaseSize = 64)] partial class {|PEG007:Tall|} { }")]
    public Task TooLargeIsPEG007(string source) => Verify(source);

    [Fact]
    public Task NotPartialIsPEG001() =>
        Verify("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2)] static class {|PEG001:P|} { }");

    [Fact]
    public Task ASecondPEGenAttributeIsPEG009() =>
        Verify("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2)] [PositionalEncoding(Dim = 8, MaxLen = 4)] static partial class {|PEG009:P|} { }");

    [Theory]
    [InlineData("public static int AddWindowTo(System.Span<float> p, int a, int b, int c, int d) => 0;")]
    [InlineData("public const int GridWidth = 3;")]
    [InlineData("public static System.ReadOnlySpan<float> Row(int r, int c) => default;")]
    public Task AUserMemberTheGeneratorAddsIsPEG009(string member) =>
        Verify("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2)] static partial class {|PEG009:P|} { " + member + " }");

    [Fact]
    public Task CompactHasNoTableOrRow_SoTheUsersAreFine() =>
        Verify("[PositionalEncoding2D(Dim = 8, GridHeight = 2, GridWidth = 2, Storage = TableStorage.Compact)] static partial class P { " +
               "public static System.ReadOnlySpan<float> Table => default; public static System.ReadOnlySpan<float> Row(int r, int c) => default; }");

    // ------------------------------------------------------------------ PEG011

    private const string Declaration = "[PEGen.PositionalEncoding2D(Dim = 8, GridHeight = 3, GridWidth = 4, ExtraTokens = 1)] public static partial class G { }";

    private static readonly string[] Generated = GeneratorHarness.Run(Declaration).Result.Results[0].GeneratedSources
        .Where(s => s.HintName.EndsWith(".PositionalEncoding2D.g.cs", StringComparison.Ordinal) || s.HintName.EndsWith(".Table.g.cs", StringComparison.Ordinal)
                    || s.HintName == PEGen.Emit.Shared.SharedHelpersEmitter.HintName)
        .Select(s => s.SourceText.ToString())
        .ToArray();

    private static Task VerifyCall(string body) =>
        AnalyzeAsync<Grid2DCallSiteAnalyzer>(Declaration + "\npublic static class Use\n{\n    public static void M(int n)\n    {\n" + body + "\n    }\n}\n", Generated.Append(Attribute).ToArray());

    [Theory]
    [InlineData("G.AddTo(new float[8]); G.AddTo(new float[13 * 8]); G.AddTo(new float[8], 12); G.AddTo(new float[0], 13);")]
    [InlineData("G.Add(new float[16], new float[16], 11); G.CopyRows(0, new float[104]);")]
    [InlineData("G.Row(0); G.Row(12); G.Row(0, 0); G.Row(2, 3); G.Row(n, n);")]
    [InlineData("G.AddWindowTo(new float[96], 3, 4); G.AddWindowTo(new float[16], 1, 2, 2, 2); G.AddWindowTo(new float[0], 0, 0, 3, 4);")]
    [InlineData("G.AddWindowTo(new float[n], n, n, n, n); G.AddWindowTo(new float[16], n, 2, 1);")]
    public Task CallsThatCanSucceedHaveNoDiagnostic(string body) => VerifyCall(body);

    [Theory]
    [InlineData("G.AddTo({|PEG011:new float[7]|});")]
    [InlineData("G.AddTo(new float[8], {|PEG011:-1|});")]
    [InlineData("G.AddTo(new float[8], {|PEG011:13|});")]
    [InlineData("G.AddTo({|PEG011:new float[16]|}, 12);")]
    [InlineData("G.Add(new float[16], {|PEG011:new float[15]|});")]
    [InlineData("G.CopyRows(0, {|PEG011:new float[112]|});")]
    [InlineData("G.Row({|PEG011:13|});")]
    [InlineData("G.Row({|PEG011:-1|});")]
    [InlineData("G.Row({|PEG011:3|}, 0);")]
    [InlineData("G.Row(0, {|PEG011:4|});")]
    [InlineData("G.Row(0, {|PEG011:-1|});")]
    [InlineData("G.AddWindowTo(new float[8], {|PEG011:4|}, 1);")]
    [InlineData("G.AddWindowTo(new float[8], {|PEG011:-1|}, 1);")]
    [InlineData("G.AddWindowTo(new float[8], 1, {|PEG011:5|});")]
    [InlineData("G.AddWindowTo(new float[16], 2, 1, {|PEG011:2|});")]
    [InlineData("G.AddWindowTo(new float[16], 1, 2, 0, {|PEG011:3|});")]
    [InlineData("G.AddWindowTo(new float[16], 1, 1, {|PEG011:top: -1|});")]
    [InlineData("G.AddWindowTo({|PEG011:new float[16]|}, 1, 1);")]
    [InlineData("G.AddWindowTo({|PEG011:new float[12]|}, n, n);")]
    [InlineData("G.AddWindowTo({|PEG011:new float[104]|}, n, n);")]
    public Task CallsThatMustFailArePEG011OnTheArgument(string body) => VerifyCall(body);
}
