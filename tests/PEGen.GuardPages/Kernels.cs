using System;

namespace PEGen.GuardPages;

internal delegate void AddTo(Span<float> embeddings, int startPosition);
internal delegate void Add(ReadOnlySpan<float> embeddings, Span<float> destination, int startPosition);
internal delegate void Embed(ReadOnlySpan<int> tokenIds, ReadOnlySpan<float> tokenEmbeddings, Span<float> destination, int startPosition, float scale);
internal delegate void ConcatTo(ReadOnlySpan<float> embeddings, int embeddingDim, Span<float> destination, int startPosition);
internal delegate void Shift(ReadOnlySpan<float> encoding, int offset, Span<float> destination);
internal delegate ReadOnlySpan<float> Row(int position);
internal delegate void RotateInPlace(Span<float> vectors, int startPosition, int heads);
internal delegate void RotateTo(ReadOnlySpan<float> vectors, Span<float> destination, int startPosition, int heads);
internal delegate void RotatePositions(Span<float> vectors, ReadOnlySpan<int> positions, int heads);
internal delegate void RotatePositionsTo(ReadOnlySpan<float> vectors, Span<float> destination, ReadOnlySpan<int> positions, int heads);
internal delegate void RotateQueryKey(Span<float> queries, int queryHeads, Span<float> keys, int keyHeads, int startPosition);
internal delegate void RotateFactors(Span<float> vectors, int startPosition, int heads, LongRopeFactors factors);
internal delegate void RotateFactorsTo(ReadOnlySpan<float> vectors, Span<float> destination, int startPosition, int heads, LongRopeFactors factors);

/// <summary>The generated methods of one additive class.</summary>
internal sealed record Additive(string Name, int Dim, int MaxLen, AddTo AddTo, Add Add, Embed Embed, ConcatTo ConcatTo, Shift Shift, Row Row);

/// <summary>The generated methods of one rotary class (LongRoPE: with its switch and the LongRopeFactors overloads).</summary>
internal sealed record Rotary(string Name, int Dim, int MaxLen, RotateInPlace Rotate, RotateTo RotateTo,
    RotatePositions Positions, RotatePositionsTo PositionsTo, RotateQueryKey QueryKey)
{
    public int OriginalMaxLen { get; init; }
    public RotateFactors? Factors { get; init; }
    public RotateFactorsTo? FactorsTo { get; init; }
}

internal static class All
{
    public static readonly Additive[] Additives =
    {
        new("S2", S2.Dim, S2.MaxLen, S2.AddTo, S2.Add, S2.Embed, S2.ConcatTo, S2.Shift, S2.Row),
        new("S7", S7.Dim, S7.MaxLen, S7.AddTo, S7.Add, S7.Embed, S7.ConcatTo, S7.Shift, S7.Row),
        new("S12", S12.Dim, S12.MaxLen, S12.AddTo, S12.Add, S12.Embed, S12.ConcatTo, S12.Shift, S12.Row),
        new("S33", S33.Dim, S33.MaxLen, S33.AddTo, S33.Add, S33.Embed, S33.ConcatTo, S33.Shift, S33.Row),
        new("S20", S20.Dim, S20.MaxLen, S20.AddTo, S20.Add, S20.Embed, S20.ConcatTo, S20.Shift, S20.Row),
        new("S64", S64.Dim, S64.MaxLen, S64.AddTo, S64.Add, S64.Embed, S64.ConcatTo, S64.Shift, S64.Row),
    };

    public static readonly Rotary[] Rotaries =
    {
        new("R4", R4.Dim, R4.MaxLen, R4.Rotate, R4.Rotate, R4.Rotate, R4.Rotate, R4.RotateQueryKey),
        new("R18", R18.Dim, R18.MaxLen, R18.Rotate, R18.Rotate, R18.Rotate, R18.Rotate, R18.RotateQueryKey),
        new("R40", R40.Dim, R40.MaxLen, R40.Rotate, R40.Rotate, R40.Rotate, R40.Rotate, R40.RotateQueryKey),
        new("R128", R128.Dim, R128.MaxLen, R128.Rotate, R128.Rotate, R128.Rotate, R128.Rotate, R128.RotateQueryKey),
        new("RI64", RI64.Dim, RI64.MaxLen, RI64.Rotate, RI64.Rotate, RI64.Rotate, RI64.Rotate, RI64.RotateQueryKey),
        new("P40r8", P40r8.Dim, P40r8.MaxLen, P40r8.Rotate, P40r8.Rotate, P40r8.Rotate, P40r8.Rotate, P40r8.RotateQueryKey),
        new("PI64r24", PI64r24.Dim, PI64r24.MaxLen, PI64r24.Rotate, PI64r24.Rotate, PI64r24.Rotate, PI64r24.Rotate, PI64r24.RotateQueryKey),
        new("Yarn128", Yarn128.Dim, Yarn128.MaxLen, Yarn128.Rotate, Yarn128.Rotate, Yarn128.Rotate, Yarn128.Rotate, Yarn128.RotateQueryKey),
        new("LongRope16", LongRope16.Dim, LongRope16.MaxLen, LongRope16.Rotate, LongRope16.Rotate, LongRope16.Rotate, LongRope16.Rotate,
            LongRope16.RotateQueryKey) { OriginalMaxLen = 32, Factors = LongRope16.Rotate, FactorsTo = LongRope16.Rotate },
        new("LongRopeI64", LongRopeI64.Dim, LongRopeI64.MaxLen, LongRopeI64.Rotate, LongRopeI64.Rotate, LongRopeI64.Rotate, LongRopeI64.Rotate,
            LongRopeI64.RotateQueryKey) { OriginalMaxLen = 12, Factors = LongRopeI64.Rotate, FactorsTo = LongRopeI64.Rotate },
    };
}
