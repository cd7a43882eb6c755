using System.Collections.Generic;
using System.Linq;
using PEGen.Model;
using PEGen.Schemes;
using static PEGen.Members.ParameterRole;
using static PEGen.Members.ParameterType;

namespace PEGen.Members;

/// <summary>
/// The generated API, in one place: every member the generator can add, with its parameters and
/// argument rules, and which of them a declaration gets.
/// </summary>
internal static class GeneratedMembers
{
    private const string Start = "startPosition";
    private const string StartOutOfRange = "<paramref name=\"startPosition\"/> is negative or not below MaxLen.";
    private const string HeadsOutOfRange = "<paramref name=\"heads\"/> is not positive, or " + StartOutOfRange;

    private static GeneratedException[] Throws(string argument, string? outOfRange = StartOutOfRange) =>
        outOfRange is null
            ? new[] { new GeneratedException(false, argument) }
            : new[] { new GeneratedException(false, argument), new GeneratedException(true, outOfRange) };

    public static readonly GeneratedMember Dim = new(nameof(Dim), MemberKind.Constant, new GeneratedParameter[0]);

    public static readonly GeneratedMember MaxLen = new(nameof(MaxLen), MemberKind.Constant, new GeneratedParameter[0]);

    public static readonly GeneratedMember Table = new(nameof(Table), MemberKind.Property, new GeneratedParameter[0]);

    public static readonly GeneratedMember Row = new(nameof(Row), MemberKind.Method, new[]
    {
        new GeneratedParameter("position", Int32, null, Position, "The position, in [0, MaxLen)."),
    }, Exceptions: new[] { new GeneratedException(true, "<paramref name=\"position\"/> is negative or at least MaxLen.") },
       Returns: ReadOnlyElementSpan, HotPath: false);

    public static readonly GeneratedMember AddTo = new(nameof(AddTo), MemberKind.Method, new[]
    {
        new GeneratedParameter("embeddings", ElementSpan, null, Rows, "Row-major [rows x Dim] values; its length must be a multiple of Dim."),
        new GeneratedParameter(Start, Int32, "0", StartPosition, "Position of the first row (for example the number of tokens already decoded)."),
    }, RowWidth.Dim, Exceptions: Throws("The length is not a whole number of rows, or the rows run past MaxLen."));

    public static readonly GeneratedMember Add = new(nameof(Add), MemberKind.Method, new[]
    {
        new GeneratedParameter("embeddings", ReadOnlyElementSpan, null, Rows, "Row-major [rows x Dim] values; its length must be a multiple of Dim."),
        new GeneratedParameter("destination", ElementSpan, null, Destination,
            "Receives the sums; at least as long as <paramref name=\"embeddings\"/>. It may be the same memory as the input, but not shifted against it."),
        new GeneratedParameter(Start, Int32, "0", StartPosition, "Position of the first row."),
    }, RowWidth.Dim, DestinationRule.InputLength, Exceptions: Throws(
        "The length is not a whole number of rows, the rows run past MaxLen, or the destination is too short or overlaps the input at an offset."));

    public static readonly GeneratedMember Embed = new(nameof(Embed), MemberKind.Method, new[]
    {
        new GeneratedParameter("tokenIds", ReadOnlyInt32Span, null, Rows, "One token id per row, each in [0, vocabulary)."),
        new GeneratedParameter("tokenEmbeddings", ReadOnlyElementSpan, null, Vocabulary, "The embedding matrix, row-major [vocabulary x Dim]."),
        new GeneratedParameter("destination", ElementSpan, null, Destination, "Receives [tokenIds.Length x Dim] values; must not overlap the inputs."),
        new GeneratedParameter(Start, Int32, "0", StartPosition, "Position of the first token."),
        new GeneratedParameter("scale", Element, "1f", None, "Multiplies the token embeddings (for example sqrt(Dim) in the original Transformer)."),
    }, RowWidth.One, DestinationRule.RowsTimesDim, Exceptions: Throws(
        "The matrix is not whole rows, the tokens run past MaxLen, or the destination is too short or overlaps an input.",
        "A token id is outside the vocabulary, or " + StartOutOfRange));

    public static readonly GeneratedMember ConcatTo = new(nameof(ConcatTo), MemberKind.Method, new[]
    {
        new GeneratedParameter("embeddings", ReadOnlyElementSpan, null, Rows, "Row-major [rows x embeddingDim] values."),
        new GeneratedParameter("embeddingDim", Int32, null, EmbeddingDim, "Values per embedding row, greater than 0."),
        new GeneratedParameter("destination", ElementSpan, null, Destination, "Receives [rows x (embeddingDim + Dim)] values; must not overlap the input."),
        new GeneratedParameter(Start, Int32, "0", StartPosition, "Position of the first row."),
    }, RowWidth.EmbeddingDim, DestinationRule.RowsTimesEmbeddingDimPlusDim, Exceptions: Throws(
        "The length is not a whole number of rows, the rows run past MaxLen, or the destination is too short or overlaps the input.",
        "<paramref name=\"embeddingDim\"/> is not positive, or " + StartOutOfRange));

    public static readonly GeneratedMember Shift = new(nameof(Shift), MemberKind.Method, new[]
    {
        new GeneratedParameter("encoding", ReadOnlyElementSpan, null, Rows, "One or more encoding rows, [rows x Dim]."),
        new GeneratedParameter("offset", Int32, null, None, "Positions to shift by; negative shifts back. Any value is allowed."),
        new GeneratedParameter("destination", ElementSpan, null, Destination, "Receives the shifted rows; the same memory as the input is allowed."),
    }, RowWidth.Dim, DestinationRule.InputLength, PositionsBounded: false, Exceptions: Throws(
        "The length is not a whole number of rows, or the destination is too short or overlaps the input at an offset.", null));

    public static readonly GeneratedMember Cos = new(nameof(Cos), MemberKind.Property, new GeneratedParameter[0]);

    public static readonly GeneratedMember Sin = new(nameof(Sin), MemberKind.Property, new GeneratedParameter[0]);

    public static readonly GeneratedMember Rotate = new(nameof(Rotate), MemberKind.Method, new[]
    {
        new GeneratedParameter("vectors", ElementSpan, null, Rows, "Row-major [rows x heads x Dim] values."),
        new GeneratedParameter(Start, Int32, "0", StartPosition, "Position of the first row (for example the length of the KV cache)."),
        new GeneratedParameter("heads", Int32, "1", Heads, "Heads per row, at least 1."),
    }, RowWidth.HeadsTimesDim, Exceptions: Throws(
        "The length is not a whole number of rows of heads x Dim, or the rows run past MaxLen.", HeadsOutOfRange));

    public static readonly GeneratedMember RotateTo = new(nameof(Rotate), MemberKind.Method, new[]
    {
        new GeneratedParameter("vectors", ReadOnlyElementSpan, null, Rows, "Row-major [rows x heads x Dim] values."),
        new GeneratedParameter("destination", ElementSpan, null, Destination,
            "Receives the rotated vectors; at least as long as the input, which it may be but not overlap at an offset."),
        new GeneratedParameter(Start, Int32, "0", StartPosition, "Position of the first row."),
        new GeneratedParameter("heads", Int32, "1", Heads, "Heads per row, at least 1."),
    }, RowWidth.HeadsTimesDim, DestinationRule.InputLength, Exceptions: Throws(
        "The length is not a whole number of rows of heads x Dim, the rows run past MaxLen, or the destination is too short or overlaps the input at an offset.",
        HeadsOutOfRange));

    public static readonly GeneratedMember RotaryDim = new(nameof(RotaryDim), MemberKind.Constant, new GeneratedParameter[0]);

    public static readonly GeneratedMember AttentionFactor = new(nameof(AttentionFactor), MemberKind.Constant, new GeneratedParameter[0]);

    public static readonly GeneratedMember InverseFrequencies = new(nameof(InverseFrequencies), MemberKind.Property, new GeneratedParameter[0]);

    public static readonly GeneratedMember ShortInverseFrequencies = new(nameof(ShortInverseFrequencies), MemberKind.Property, new GeneratedParameter[0]);

    public static readonly GeneratedMember ShortCos = new(nameof(ShortCos), MemberKind.Property, new GeneratedParameter[0]);

    public static readonly GeneratedMember ShortSin = new(nameof(ShortSin), MemberKind.Property, new GeneratedParameter[0]);

    private const string FactorsOutOfRange =
        "<paramref name=\"heads\"/> is not positive, <paramref name=\"startPosition\"/> is negative or not below MaxLen or, with " +
        "LongRopeFactors.Short, startPosition + rows is past OriginalMaxLen; or <paramref name=\"factors\"/> is not a defined value.";

    private static GeneratedParameter FactorsParameter() => new("factors", ParameterType.LongRopeFactors, null, ParameterRole.Factors,
        "Auto: transformers' per-call rule; Short: the short tables (rows must end at or below OriginalMaxLen); Long: the long tables.");

    public static readonly GeneratedMember RotateFactors = new(nameof(Rotate), MemberKind.Method, new[]
    {
        new GeneratedParameter("vectors", ElementSpan, null, Rows, "Row-major [rows x heads x Dim] values."),
        new GeneratedParameter(Start, Int32, null, StartPosition, "Position of the first row (for example the length of the KV cache)."),
        new GeneratedParameter("heads", Int32, null, Heads, "Heads per row, at least 1."),
        FactorsParameter(),
    }, RowWidth.HeadsTimesDim, Exceptions: Throws(
        "The length is not a whole number of rows of heads x Dim, or the rows run past MaxLen.", FactorsOutOfRange));

    public static readonly GeneratedMember RotateFactorsTo = new(nameof(Rotate), MemberKind.Method, new[]
    {
        new GeneratedParameter("vectors", ReadOnlyElementSpan, null, Rows, "Row-major [rows x heads x Dim] values."),
        new GeneratedParameter("destination", ElementSpan, null, Destination,
            "Receives the rotated vectors; at least as long as the input, which it may be but not overlap at an offset."),
        new GeneratedParameter(Start, Int32, null, StartPosition, "Position of the first row."),
        new GeneratedParameter("heads", Int32, null, Heads, "Heads per row, at least 1."),
        FactorsParameter(),
    }, RowWidth.HeadsTimesDim, DestinationRule.InputLength, Exceptions: Throws(
        "The length is not a whole number of rows of heads x Dim, the rows run past MaxLen, or the destination is too short or overlaps the input at an offset.",
        FactorsOutOfRange));

    private const string PositionsOutOfRange = "<paramref name=\"heads\"/> is not positive, or a position is outside [0, MaxLen).";

    private static GeneratedParameter PositionList() => new("positions", ReadOnlyInt32Span, null, Positions,
        "The position of each row, each in [0, MaxLen); any order, repeats allowed (packed sequences, left padding).");

    public static readonly GeneratedMember RotatePositions = new(nameof(Rotate), MemberKind.Method, new[]
    {
        new GeneratedParameter("vectors", ElementSpan, null, Rows, "Row-major [positions.Length x heads x Dim] values."),
        PositionList(),
        new GeneratedParameter("heads", Int32, "1", Heads, "Heads per row, at least 1."),
    }, RowWidth.HeadsTimesDim, PositionsBounded: false, Exceptions: Throws(
        "The length is not exactly positions.Length x heads x Dim.", PositionsOutOfRange));

    public static readonly GeneratedMember RotatePositionsTo = new(nameof(Rotate), MemberKind.Method, new[]
    {
        new GeneratedParameter("vectors", ReadOnlyElementSpan, null, Rows, "Row-major [positions.Length x heads x Dim] values."),
        new GeneratedParameter("destination", ElementSpan, null, Destination,
            "Receives the rotated vectors; at least as long as the input, which it may be but not overlap at an offset."),
        PositionList(),
        new GeneratedParameter("heads", Int32, "1", Heads, "Heads per row, at least 1."),
    }, RowWidth.HeadsTimesDim, DestinationRule.InputLength, PositionsBounded: false, Exceptions: Throws(
        "The length is not exactly positions.Length x heads x Dim, or the destination is too short or overlaps the input at an offset.",
        PositionsOutOfRange));

    public static readonly GeneratedMember RotateQueryKey = new(nameof(RotateQueryKey), MemberKind.Method, new[]
    {
        new GeneratedParameter("queries", ElementSpan, null, Rows, "Row-major [rows x queryHeads x Dim] query vectors, rotated in place."),
        new GeneratedParameter("queryHeads", Int32, null, Heads, "Query heads per row, at least 1."),
        new GeneratedParameter("keys", ElementSpan, null, KeyRows, "Row-major [rows x keyHeads x Dim] key vectors (the same rows), rotated in place."),
        new GeneratedParameter("keyHeads", Int32, null, KeyHeads, "Key heads per row, at least 1 (fewer than queryHeads with grouped-query attention)."),
        new GeneratedParameter(Start, Int32, "0", StartPosition, "Position of the first row (for example the length of the KV cache)."),
    }, RowWidth.HeadsTimesDim, Exceptions: Throws(
        "A span is not a whole number of rows of its heads x Dim, the two hold different numbers of rows, the rows run past MaxLen, " +
        "or the spans overlap.",
        "<paramref name=\"queryHeads\"/> or <paramref name=\"keyHeads\"/> is not positive, or " + StartOutOfRange));

    public static readonly GeneratedMember CopyRows = new(nameof(CopyRows), MemberKind.Method, new[]
    {
        new GeneratedParameter(Start, Int32, null, StartPosition, "Position of the first row written."),
        new GeneratedParameter("destination", ElementSpan, null, Rows,
            "Receives destination.Length / Dim whole rows, row-major [rows x Dim]; its length must be a multiple of Dim."),
    }, RowWidth.Dim, Exceptions: Throws("The length is not a whole number of rows, or the rows run past MaxLen."));

    private const string CosSinThrows =
        "A length is not a whole number of rows of RotaryDim/2, the two lengths differ, the rows run past {0}, or the spans overlap.";

    public static readonly GeneratedMember CopyCosSin = new(nameof(CopyCosSin), MemberKind.Method, new[]
    {
        new GeneratedParameter(Start, Int32, null, StartPosition, "Position of the first row written."),
        new GeneratedParameter("cos", ElementSpan, null, Rows,
            "Receives cos.Length / (RotaryDim/2) rows of Cos, row-major; its length must be a multiple of RotaryDim/2."),
        new GeneratedParameter("sin", ElementSpan, null, None, "Receives the same rows of Sin; as long as cos."),
    }, RowWidth.HalfRotaryDim, Exceptions: Throws(string.Format(System.Globalization.CultureInfo.InvariantCulture, CosSinThrows, "MaxLen")));

    public static readonly GeneratedMember CopyShortCosSin = new(nameof(CopyShortCosSin), MemberKind.Method, new[]
    {
        new GeneratedParameter(Start, Int32, null, StartPosition, "Position of the first row written, below OriginalMaxLen."),
        new GeneratedParameter("cos", ElementSpan, null, Rows,
            "Receives cos.Length / (RotaryDim/2) rows of ShortCos, row-major; its length must be a multiple of RotaryDim/2."),
        new GeneratedParameter("sin", ElementSpan, null, None, "Receives the same rows of ShortSin; as long as cos."),
    }, RowWidth.HalfRotaryDim, Exceptions: Throws(string.Format(System.Globalization.CultureInfo.InvariantCulture, CosSinThrows,
        "min(MaxLen, OriginalMaxLen)"), "<paramref name=\"startPosition\"/> is negative or not below min(MaxLen, OriginalMaxLen)."));

    /// <summary>Every member any declaration can get.</summary>
    public static readonly GeneratedMember[] All =
    {
        Dim, MaxLen, Table, Row, AddTo, Add, Embed, ConcatTo, Shift, Cos, Sin, Rotate, RotateTo,
        RotaryDim, AttentionFactor, InverseFrequencies, ShortInverseFrequencies, ShortCos, ShortSin,
        RotateFactors, RotateFactorsTo, RotatePositions, RotatePositionsTo, RotateQueryKey,
        CopyRows, CopyCosSin, CopyShortCosSin,
    };

    /// <summary>Every name the generator can add (a cheap pre-filter for PEG009 and PEG011).</summary>
    public static readonly string[] Names = All.Select(m => m.Name).Distinct().ToArray();

    /// <summary>
    /// The members a declaration of <paramref name="scheme"/> with <paramref name="dim"/> gets, before a spec exists
    /// (PEG009): <paramref name="longRope"/> adds LongRoPE's short tables and the <c>LongRopeFactors</c> overloads.
    /// </summary>
    public static IEnumerable<GeneratedMember> For(SchemeDefinition scheme, int dim, bool longRope, bool compact = false)
    {
        yield return Dim;
        yield return MaxLen;
        switch (scheme.Family)
        {
            case SchemeFamily.Rotary:
                yield return RotaryDim;
                yield return AttentionFactor;
                yield return InverseFrequencies;
                if (!compact)
                {
                    yield return Cos;
                    yield return Sin;
                }
                yield return CopyCosSin;
                if (longRope)
                {
                    yield return ShortInverseFrequencies;
                    if (!compact)
                    {
                        yield return ShortCos;
                        yield return ShortSin;
                    }
                    yield return CopyShortCosSin;
                }
                yield return Rotate;
                yield return RotateTo;
                if (longRope)
                {
                    yield return RotateFactors;
                    yield return RotateFactorsTo;
                }
                yield return RotatePositions;
                yield return RotatePositionsTo;
                yield return RotateQueryKey;
                break;
            default:
                if (scheme.Family == SchemeFamily.AdditiveTable)
                {
                    if (!compact)
                    {
                        yield return Table;
                        yield return Row;
                    }
                    yield return CopyRows;
                }
                yield return AddTo;
                yield return Add;
                yield return Embed;
                yield return ConcatTo;
                if (HasShift(scheme, dim))
                    yield return Shift;
                break;
        }
    }

    /// <summary>The members a declaration gets when its scaling is not known or not LongRoPE.</summary>
    public static IEnumerable<GeneratedMember> For(SchemeDefinition scheme, int dim) => For(scheme, dim, longRope: false);

    /// <summary>The members of a valid spec.</summary>
    public static IEnumerable<GeneratedMember> For(EncodingSpec spec) =>
        For(spec.Definition, spec.Dim, spec.Family == SchemeFamily.Rotary && spec.Rotary.IsLongRope, spec.IsCompact);

    /// <summary>Shift rotates sin/cos pairs, so it exists where the table has at least one.</summary>
    public static bool HasShift(SchemeDefinition scheme, int dim) =>
        scheme.Family == SchemeFamily.AdditiveTable && scheme.HasFrequencies && dim >= 2;
}
