using System.Linq;
using PEGen.Model;
using PEGen.Parsing;
using PEGen.Tests.Support;

namespace PEGen.Tests.Parsing;

/// <summary>The one validator: which rule fires for which arguments.</summary>
public sealed class EncodingValidatorTests
{
    private static ParsedDeclaration Declaration(int? dim, int? maxLen, SchemeKind? scheme = null, double? @base = null, int? padding = null, DeclarationFacts? facts = null) =>
        new("App", new EquatableArray<TypeDeclarationSpec>(new[] { new TypeDeclarationSpec("P", true) }), "App.P",
            new EncodingArguments(dim, maxLen, (int?)scheme, @base, padding), facts ?? DeclarationFacts.Supported);

    private static string[] Ids(ParsedDeclaration d) => EncodingValidator.Validate(d).Select(i => i.Id).ToArray();

    [Fact]
    public void ValidDefaultHasNoIssuesAndASpec()
    {
        var d = Declaration(512, 2048);
        var issues = EncodingValidator.Validate(d);
        Assert.Empty(issues);
        var spec = EncodingValidator.ToSpec(d, issues)!;
        Assert.Equal(TestSpecs.Create(SchemeKind.Vaswani, 512, 2048, name: "App.P", @namespace: "App", types: d.Types), spec);
    }

    [Theory]
    [InlineData(null, 4, "Dim")]
    [InlineData(0, 4, "Dim")]
    [InlineData(-8, 4, "Dim")]
    [InlineData(8, null, "MaxLen")]
    [InlineData(8, 0, "MaxLen")]
    public void MissingOrNonPositiveSizesArePEG002(int? dim, int? maxLen, string argument)
    {
        var issue = Assert.Single(EncodingValidator.Validate(Declaration(dim, maxLen)));
        Assert.Equal("PEG002", issue.Id);
        Assert.Equal(argument, issue.Argument);
        Assert.True(issue.IsError);
    }

    [Fact]
    public void OddDimIsAWarningForPairingSchemesAndAnErrorWhereTheReferenceRejectsIt()
    {
        Assert.Equal(new[] { "PEG003" }, Ids(Declaration(511, 8)));
        Assert.Equal(new[] { "PEG010" }, Ids(Declaration(127, 8, SchemeKind.Rope)));
        Assert.Equal(new[] { "PEG010" }, Ids(Declaration(383, 8, SchemeKind.Whisper)));
        Assert.Equal(new[] { "PEG005" }, Ids(Declaration(3, 8, SchemeKind.Linear)));
    }

    [Fact]
    public void NaiveSchemesAreWarned()
    {
        Assert.Equal(new[] { "PEG004" }, Ids(Declaration(8, 8, SchemeKind.NormalizedRange)));
        Assert.Equal(new[] { "PEG005" }, Ids(Declaration(8, 8, SchemeKind.Linear)));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1.0000001e15)]
    [InlineData(double.MaxValue)]
    public void BaseMustBeFiniteAboveOneAndAtMost1e15(double value)
    {
        var issue = Assert.Single(EncodingValidator.Validate(Declaration(8, 8, @base: value)));
        Assert.Equal(("PEG010", "Base"), (issue.Id, issue.Argument));
    }

    [Theory]
    [InlineData((int)SchemeKind.Fairseq, 0, new string[0])]
    [InlineData((int)SchemeKind.Fairseq, 7, new string[0])]
    [InlineData((int)SchemeKind.Fairseq, 8, new[] { "PEG010" })]
    [InlineData((int)SchemeKind.Fairseq, -2, new[] { "PEG010" })]
    [InlineData((int)SchemeKind.Fairseq, -1, new string[0])]
    [InlineData((int)SchemeKind.Vaswani, 1, new[] { "PEG010" })]
    public void PaddingIndexIsAFairseqRowOrNothing(int scheme, int padding, string[] expected)
    {
        Assert.Equal(expected, Ids(Declaration(8, 8, (SchemeKind)scheme, padding: padding)));
    }

    [Fact]
    public void LargestBaseIsAccepted() => Assert.Empty(Ids(Declaration(512, 2048, @base: 1e15)));

    [Fact]
    public void SizeBudgetAndHardCap()
    {
        Assert.Empty(Ids(Declaration(1024, 4096)));                       // exactly 16 MiB
        Assert.Equal(new[] { "PEG006" }, Ids(Declaration(1024, 4097)));
        Assert.Equal(new[] { "PEG007" }, Ids(Declaration(4096, 4097)));   // just past 64 MiB
        Assert.Equal(new[] { "PEG003", "PEG007" }, Ids(Declaration(int.MaxValue, int.MaxValue)));
        Assert.Empty(EncodingValidator.Validate(Declaration(1024, 4097), budgetBytes: 32L << 20));
        Assert.Equal(new[] { "PEG004" }, Ids(Declaration(int.MaxValue, int.MaxValue, SchemeKind.NormalizedRange)));
    }

    [Fact]
    public void DeclarationFactsBecomePEG001AndPEG009()
    {
        var notPartial = new DeclarationFacts(new EquatableArray<string>(new[] { "Outer" }), null, default);
        Assert.Equal(new[] { "PEG001" }, Ids(Declaration(8, 8, facts: notPartial)));
        var generic = new DeclarationFacts(default, "it is generic", default);
        Assert.Equal(new[] { "PEG009" }, Ids(Declaration(8, 8, facts: generic)));
        var clash = new DeclarationFacts(default, null, new EquatableArray<UserMember>(new[] { new UserMember("Table", false, default) }));
        Assert.Equal(new[] { "PEG009" }, Ids(Declaration(8, 8, facts: clash)));
        Assert.Null(EncodingValidator.ToSpec(Declaration(8, 8, facts: clash), EncodingValidator.Validate(Declaration(8, 8, facts: clash))));
    }

    [Fact]
    public void UndefinedSchemeIsPEG010()
    {
        var issue = Assert.Single(EncodingValidator.Validate(Declaration(8, 8, (SchemeKind)99)));
        Assert.Equal(("PEG010", "Scheme"), (issue.Id, issue.Argument));
    }
}
