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
internal delegate void CopyRows(int startPosition, Span<float> destination);
internal delegate void CopyCosSin(int startPosition, Span<float> cos, Span<float> sin);

/// <summary>The generated methods of one additive class (Row: Full storage only, a compact class has none).</summary>
internal sealed record Additive(string Name, int Dim, int MaxLen, AddTo AddTo, Add Add, Embed Embed, ConcatTo ConcatTo, Shift Shift, CopyRows CopyRows)
{
    public Row? Row { get; init; }
}

/// <summary>
/// The generated methods of one rotary class (LongRoPE: with its switch, the LongRopeFactors overloads and
/// CopyShortCosSin over its min(MaxLen, OriginalMaxLen) short rows).
/// </summary>
internal sealed record Rotary(string Name, int Dim, int MaxLen, int RotaryDim, RotateInPlace Rotate, RotateTo RotateTo,
    RotatePositions Positions, RotatePositionsTo PositionsTo, RotateQueryKey QueryKey, CopyCosSin CopyCosSin)
{
    public int OriginalMaxLen { get; init; }
    public RotateFactors? Factors { get; init; }
    public RotateFactorsTo? FactorsTo { get; init; }
    public CopyCosSin? CopyShortCosSin { get; init; }
    public int ShortRows => Math.Min(MaxLen, OriginalMaxLen);
}

internal static class All
{
    public static readonly Additive[] Additives =
    {
        new("S2", S2.Dim, S2.MaxLen, S2.AddTo, S2.Add, S2.Embed, S2.ConcatTo, S2.Shift, S2.CopyRows) { Row = S2.Row },
        new("S7", S7.Dim, S7.MaxLen, S7.AddTo, S7.Add, S7.Embed, S7.ConcatTo, S7.Shift, S7.CopyRows) { Row = S7.Row },
        new("S12", S12.Dim, S12.MaxLen, S12.AddTo, S12.Add, S12.Embed, S12.ConcatTo, S12.Shift, S12.CopyRows) { Row = S12.Row },
        new("S33", S33.Dim, S33.MaxLen, S33.AddTo, S33.Add, S33.Embed, S33.ConcatTo, S33.Shift, S33.CopyRows) { Row = S33.Row },
        new("S20", S20.Dim, S20.MaxLen, S20.AddTo, S20.Add, S20.Embed, S20.ConcatTo, S20.Shift, S20.CopyRows) { Row = S20.Row },
        new("S64", S64.Dim, S64.MaxLen, S64.AddTo, S64.Add, S64.Embed, S64.ConcatTo, S64.Shift, S64.CopyRows) { Row = S64.Row },
        new("C2", C2.Dim, C2.MaxLen, C2.AddTo, C2.Add, C2.Embed, C2.ConcatTo, C2.Shift, C2.CopyRows),
        new("C7", C7.Dim, C7.MaxLen, C7.AddTo, C7.Add, C7.Embed, C7.ConcatTo, C7.Shift, C7.CopyRows),
        new("C12", C12.Dim, C12.MaxLen, C12.AddTo, C12.Add, C12.Embed, C12.ConcatTo, C12.Shift, C12.CopyRows),
        new("C33", C33.Dim, C33.MaxLen, C33.AddTo, C33.Add, C33.Embed, C33.ConcatTo, C33.Shift, C33.CopyRows),
        new("CF21", CF21.Dim, CF21.MaxLen, CF21.AddTo, CF21.Add, CF21.Embed, CF21.ConcatTo, CF21.Shift, CF21.CopyRows),
        new("CT2T9", CT2T9.Dim, CT2T9.MaxLen, CT2T9.AddTo, CT2T9.Add, CT2T9.Embed, CT2T9.ConcatTo, CT2T9.Shift, CT2T9.CopyRows),
        new("C64", C64.Dim, C64.MaxLen, C64.AddTo, C64.Add, C64.Embed, C64.ConcatTo, C64.Shift, C64.CopyRows),
        new("C6L", C6L.Dim, C6L.MaxLen, C6L.AddTo, C6L.Add, C6L.Embed, C6L.ConcatTo, C6L.Shift, C6L.CopyRows),
    };

    public static readonly Rotary[] Rotaries =
    {
        new("R4", R4.Dim, R4.MaxLen, R4.RotaryDim, R4.Rotate, R4.Rotate, R4.Rotate, R4.Rotate, R4.RotateQueryKey, R4.CopyCosSin),
        new("R18", R18.Dim, R18.MaxLen, R18.RotaryDim, R18.Rotate, R18.Rotate, R18.Rotate, R18.Rotate, R18.RotateQueryKey, R18.CopyCosSin),
        new("R40", R40.Dim, R40.MaxLen, R40.RotaryDim, R40.Rotate, R40.Rotate, R40.Rotate, R40.Rotate, R40.RotateQueryKey, R40.CopyCosSin),
        new("R128", R128.Dim, R128.MaxLen, R128.RotaryDim, R128.Rotate, R128.Rotate, R128.Rotate, R128.Rotate, R128.RotateQueryKey, R128.CopyCosSin),
        new("RI64", RI64.Dim, RI64.MaxLen, RI64.RotaryDim, RI64.Rotate, RI64.Rotate, RI64.Rotate, RI64.Rotate, RI64.RotateQueryKey, RI64.CopyCosSin),
        new("P40r8", P40r8.Dim, P40r8.MaxLen, P40r8.RotaryDim, P40r8.Rotate, P40r8.Rotate, P40r8.Rotate, P40r8.Rotate, P40r8.RotateQueryKey, P40r8.CopyCosSin),
        new("PI64r24", PI64r24.Dim, PI64r24.MaxLen, PI64r24.RotaryDim, PI64r24.Rotate, PI64r24.Rotate, PI64r24.Rotate, PI64r24.Rotate, PI64r24.RotateQueryKey,
            PI64r24.CopyCosSin),
        new("Yarn128", Yarn128.Dim, Yarn128.MaxLen, Yarn128.RotaryDim, Yarn128.Rotate, Yarn128.Rotate, Yarn128.Rotate, Yarn128.Rotate, Yarn128.RotateQueryKey,
            Yarn128.CopyCosSin),
        new("LongRope16", LongRope16.Dim, LongRope16.MaxLen, LongRope16.RotaryDim, LongRope16.Rotate, LongRope16.Rotate, LongRope16.Rotate, LongRope16.Rotate,
            LongRope16.RotateQueryKey, LongRope16.CopyCosSin)
        {
            OriginalMaxLen = 32, Factors = LongRope16.Rotate, FactorsTo = LongRope16.Rotate, CopyShortCosSin = LongRope16.CopyShortCosSin,
        },
        new("LongRopeI64", LongRopeI64.Dim, LongRopeI64.MaxLen, LongRopeI64.RotaryDim, LongRopeI64.Rotate, LongRopeI64.Rotate, LongRopeI64.Rotate,
            LongRopeI64.Rotate, LongRopeI64.RotateQueryKey, LongRopeI64.CopyCosSin)
        {
            OriginalMaxLen = 12, Factors = LongRopeI64.Rotate, FactorsTo = LongRopeI64.Rotate, CopyShortCosSin = LongRopeI64.CopyShortCosSin,
        },
        new("CR4", CR4.Dim, CR4.MaxLen, CR4.RotaryDim, CR4.Rotate, CR4.Rotate, CR4.Rotate, CR4.Rotate, CR4.RotateQueryKey, CR4.CopyCosSin),
        new("CRI18", CRI18.Dim, CRI18.MaxLen, CRI18.RotaryDim, CRI18.Rotate, CRI18.Rotate, CRI18.Rotate, CRI18.Rotate, CRI18.RotateQueryKey, CRI18.CopyCosSin),
        new("CYarn128", CYarn128.Dim, CYarn128.MaxLen, CYarn128.RotaryDim, CYarn128.Rotate, CYarn128.Rotate, CYarn128.Rotate, CYarn128.Rotate,
            CYarn128.RotateQueryKey, CYarn128.CopyCosSin),
        new("CLlama40", CLlama40.Dim, CLlama40.MaxLen, CLlama40.RotaryDim, CLlama40.Rotate, CLlama40.Rotate, CLlama40.Rotate, CLlama40.Rotate,
            CLlama40.RotateQueryKey, CLlama40.CopyCosSin),
        new("CP40r8", CP40r8.Dim, CP40r8.MaxLen, CP40r8.RotaryDim, CP40r8.Rotate, CP40r8.Rotate, CP40r8.Rotate, CP40r8.Rotate, CP40r8.RotateQueryKey,
            CP40r8.CopyCosSin),
        new("CPI64r24", CPI64r24.Dim, CPI64r24.MaxLen, CPI64r24.RotaryDim, CPI64r24.Rotate, CPI64r24.Rotate, CPI64r24.Rotate, CPI64r24.Rotate,
            CPI64r24.RotateQueryKey, CPI64r24.CopyCosSin),
        new("CLongRope16", CLongRope16.Dim, CLongRope16.MaxLen, CLongRope16.RotaryDim, CLongRope16.Rotate, CLongRope16.Rotate, CLongRope16.Rotate,
            CLongRope16.Rotate, CLongRope16.RotateQueryKey, CLongRope16.CopyCosSin)
        {
            OriginalMaxLen = 32, Factors = CLongRope16.Rotate, FactorsTo = CLongRope16.Rotate, CopyShortCosSin = CLongRope16.CopyShortCosSin,
        },
        new("CLongRopeI64", CLongRopeI64.Dim, CLongRopeI64.MaxLen, CLongRopeI64.RotaryDim, CLongRopeI64.Rotate, CLongRopeI64.Rotate, CLongRopeI64.Rotate,
            CLongRopeI64.Rotate, CLongRopeI64.RotateQueryKey, CLongRopeI64.CopyCosSin)
        {
            OriginalMaxLen = 12, Factors = CLongRopeI64.Rotate, FactorsTo = CLongRopeI64.Rotate, CopyShortCosSin = CLongRopeI64.CopyShortCosSin,
        },
    };
}
