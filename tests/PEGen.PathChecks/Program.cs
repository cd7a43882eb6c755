using System;
using System.Runtime.Intrinsics;
using PEGen;
using PEGen.PathChecks;

// Prints which vector path the runtime took, then compares every kernel with the scalar reference.
Console.WriteLine($"Vector512.IsHardwareAccelerated={Vector512.IsHardwareAccelerated} Vector256.IsHardwareAccelerated={Vector256.IsHardwareAccelerated} Vector128.IsHardwareAccelerated={Vector128.IsHardwareAccelerated}");
var checks = new KernelChecks(seed: args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20261129);
checks.Run(D1.Dim, D1.MaxLen, D1.Table, D1.AddTo, D1.Add, D1.Embed);
checks.Run(D2.Dim, D2.MaxLen, D2.Table, D2.AddTo, D2.Add, D2.Embed);
checks.Run(D3.Dim, D3.MaxLen, D3.Table, D3.AddTo, D3.Add, D3.Embed);
checks.Run(D4.Dim, D4.MaxLen, D4.Table, D4.AddTo, D4.Add, D4.Embed);
checks.Run(D6.Dim, D6.MaxLen, D6.Table, D6.AddTo, D6.Add, D6.Embed);
checks.Run(D8.Dim, D8.MaxLen, D8.Table, D8.AddTo, D8.Add, D8.Embed);
checks.Run(D12.Dim, D12.MaxLen, D12.Table, D12.AddTo, D12.Add, D12.Embed);
checks.Run(D16.Dim, D16.MaxLen, D16.Table, D16.AddTo, D16.Add, D16.Embed);
checks.Run(D20.Dim, D20.MaxLen, D20.Table, D20.AddTo, D20.Add, D20.Embed);
checks.Run(D32.Dim, D32.MaxLen, D32.Table, D32.AddTo, D32.Add, D32.Embed);
checks.Run(D33.Dim, D33.MaxLen, D33.Table, D33.AddTo, D33.Add, D33.Embed);
checks.Run(D40.Dim, D40.MaxLen, D40.Table, D40.AddTo, D40.Add, D40.Embed);
checks.Run(D64.Dim, D64.MaxLen, D64.Table, D64.AddTo, D64.Add, D64.Embed);
checks.Run(D100.Dim, D100.MaxLen, D100.Table, D100.AddTo, D100.Add, D100.Embed);
checks.Run(D512.Dim, D512.MaxLen, D512.Table, D512.AddTo, D512.Add, D512.Embed);
checks.Run(D1000.Dim, D1000.MaxLen, D1000.Table, D1000.AddTo, D1000.Add, D1000.Embed);
checks.RunRotary(Rotary(R4.Dim, R4.MaxLen, R4.RotaryDim, true, R4.Cos, R4.Sin, R4.Rotate, R4.Rotate, R4.Rotate, R4.Rotate, R4.RotateQueryKey, "R4"));
checks.RunRotary(Rotary(R12.Dim, R12.MaxLen, R12.RotaryDim, true, R12.Cos, R12.Sin, R12.Rotate, R12.Rotate, R12.Rotate, R12.Rotate, R12.RotateQueryKey, "R12"));
checks.RunRotary(Rotary(R16.Dim, R16.MaxLen, R16.RotaryDim, true, R16.Cos, R16.Sin, R16.Rotate, R16.Rotate, R16.Rotate, R16.Rotate, R16.RotateQueryKey, "R16"));
checks.RunRotary(Rotary(R40.Dim, R40.MaxLen, R40.RotaryDim, true, R40.Cos, R40.Sin, R40.Rotate, R40.Rotate, R40.Rotate, R40.Rotate, R40.RotateQueryKey, "R40"));
checks.RunRotary(Rotary(R56.Dim, R56.MaxLen, R56.RotaryDim, true, R56.Cos, R56.Sin, R56.Rotate, R56.Rotate, R56.Rotate, R56.Rotate, R56.RotateQueryKey, "R56"));
checks.RunRotary(Rotary(R64.Dim, R64.MaxLen, R64.RotaryDim, true, R64.Cos, R64.Sin, R64.Rotate, R64.Rotate, R64.Rotate, R64.Rotate, R64.RotateQueryKey, "R64"));
checks.RunRotary(Rotary(R96.Dim, R96.MaxLen, R96.RotaryDim, true, R96.Cos, R96.Sin, R96.Rotate, R96.Rotate, R96.Rotate, R96.Rotate, R96.RotateQueryKey, "R96"));
checks.RunRotary(Rotary(R128.Dim, R128.MaxLen, R128.RotaryDim, true, R128.Cos, R128.Sin, R128.Rotate, R128.Rotate, R128.Rotate, R128.Rotate, R128.RotateQueryKey, "R128"));
checks.RunRotary(Rotary(RI4.Dim, RI4.MaxLen, RI4.RotaryDim, false, RI4.Cos, RI4.Sin, RI4.Rotate, RI4.Rotate, RI4.Rotate, RI4.Rotate, RI4.RotateQueryKey, "RI4"));
checks.RunRotary(Rotary(RI12.Dim, RI12.MaxLen, RI12.RotaryDim, false, RI12.Cos, RI12.Sin, RI12.Rotate, RI12.Rotate, RI12.Rotate, RI12.Rotate, RI12.RotateQueryKey, "RI12"));
checks.RunRotary(Rotary(RI16.Dim, RI16.MaxLen, RI16.RotaryDim, false, RI16.Cos, RI16.Sin, RI16.Rotate, RI16.Rotate, RI16.Rotate, RI16.Rotate, RI16.RotateQueryKey, "RI16"));
checks.RunRotary(Rotary(RI36.Dim, RI36.MaxLen, RI36.RotaryDim, false, RI36.Cos, RI36.Sin, RI36.Rotate, RI36.Rotate, RI36.Rotate, RI36.Rotate, RI36.RotateQueryKey, "RI36"));
checks.RunRotary(Rotary(RI40.Dim, RI40.MaxLen, RI40.RotaryDim, false, RI40.Cos, RI40.Sin, RI40.Rotate, RI40.Rotate, RI40.Rotate, RI40.Rotate, RI40.RotateQueryKey, "RI40"));
checks.RunRotary(Rotary(RI56.Dim, RI56.MaxLen, RI56.RotaryDim, false, RI56.Cos, RI56.Sin, RI56.Rotate, RI56.Rotate, RI56.Rotate, RI56.Rotate, RI56.RotateQueryKey, "RI56"));
checks.RunRotary(Rotary(RI64.Dim, RI64.MaxLen, RI64.RotaryDim, false, RI64.Cos, RI64.Sin, RI64.Rotate, RI64.Rotate, RI64.Rotate, RI64.Rotate, RI64.RotateQueryKey, "RI64"));
checks.RunRotary(Rotary(RI96.Dim, RI96.MaxLen, RI96.RotaryDim, false, RI96.Cos, RI96.Sin, RI96.Rotate, RI96.Rotate, RI96.Rotate, RI96.Rotate, RI96.RotateQueryKey, "RI96"));
checks.RunRotary(Rotary(RI128.Dim, RI128.MaxLen, RI128.RotaryDim, false, RI128.Cos, RI128.Sin, RI128.Rotate, RI128.Rotate, RI128.Rotate, RI128.Rotate, RI128.RotateQueryKey, "RI128"));
checks.RunRotary(Rotary(P16r2.Dim, P16r2.MaxLen, P16r2.RotaryDim, true, P16r2.Cos, P16r2.Sin, P16r2.Rotate, P16r2.Rotate, P16r2.Rotate, P16r2.Rotate, P16r2.RotateQueryKey, "P16r2"));
checks.RunRotary(Rotary(P40r24.Dim, P40r24.MaxLen, P40r24.RotaryDim, true, P40r24.Cos, P40r24.Sin, P40r24.Rotate, P40r24.Rotate, P40r24.Rotate, P40r24.Rotate, P40r24.RotateQueryKey, "P40r24"));
checks.RunRotary(Rotary(P80r32.Dim, P80r32.MaxLen, P80r32.RotaryDim, true, P80r32.Cos, P80r32.Sin, P80r32.Rotate, P80r32.Rotate, P80r32.Rotate, P80r32.Rotate, P80r32.RotateQueryKey, "P80r32"));
checks.RunRotary(Rotary(P128r32.Dim, P128r32.MaxLen, P128r32.RotaryDim, true, P128r32.Cos, P128r32.Sin, P128r32.Rotate, P128r32.Rotate, P128r32.Rotate, P128r32.Rotate, P128r32.RotateQueryKey, "P128r32"));
checks.RunRotary(Rotary(PI16r2.Dim, PI16r2.MaxLen, PI16r2.RotaryDim, false, PI16r2.Cos, PI16r2.Sin, PI16r2.Rotate, PI16r2.Rotate, PI16r2.Rotate, PI16r2.Rotate, PI16r2.RotateQueryKey, "PI16r2"));
checks.RunRotary(Rotary(PI40r26.Dim, PI40r26.MaxLen, PI40r26.RotaryDim, false, PI40r26.Cos, PI40r26.Sin, PI40r26.Rotate, PI40r26.Rotate, PI40r26.Rotate, PI40r26.Rotate, PI40r26.RotateQueryKey, "PI40r26"));
checks.RunRotary(Rotary(PI256r64.Dim, PI256r64.MaxLen, PI256r64.RotaryDim, false, PI256r64.Cos, PI256r64.Sin, PI256r64.Rotate, PI256r64.Rotate, PI256r64.Rotate, PI256r64.Rotate, PI256r64.RotateQueryKey, "PI256r64"));
checks.RunRotary(Rotary(Yarn64.Dim, Yarn64.MaxLen, Yarn64.RotaryDim, true, Yarn64.Cos, Yarn64.Sin, Yarn64.Rotate, Yarn64.Rotate, Yarn64.Rotate, Yarn64.Rotate, Yarn64.RotateQueryKey, "Yarn64"));
checks.RunRotary(Rotary(Llama128.Dim, Llama128.MaxLen, Llama128.RotaryDim, false, Llama128.Cos, Llama128.Sin, Llama128.Rotate, Llama128.Rotate, Llama128.Rotate, Llama128.Rotate, Llama128.RotateQueryKey, "Llama128"));
checks.RunRotary(Rotary(Linear48r16.Dim, Linear48r16.MaxLen, Linear48r16.RotaryDim, true, Linear48r16.Cos, Linear48r16.Sin, Linear48r16.Rotate, Linear48r16.Rotate, Linear48r16.Rotate, Linear48r16.Rotate, Linear48r16.RotateQueryKey, "Linear48r16"));
checks.RunRotary(Rotary(LongRope16.Dim, LongRope16.MaxLen, LongRope16.RotaryDim, true, LongRope16.Cos, LongRope16.Sin, LongRope16.Rotate, LongRope16.Rotate, LongRope16.Rotate, LongRope16.Rotate, LongRope16.RotateQueryKey, "LongRope16") with
{
    OriginalMaxLen = 32, ShortCos = LongRope16.ShortCos.ToArray(), ShortSin = LongRope16.ShortSin.ToArray(), Factors = LongRope16.Rotate, FactorsTo = LongRope16.Rotate,
});
checks.RunRotary(Rotary(LongRopeI32.Dim, LongRopeI32.MaxLen, LongRopeI32.RotaryDim, false, LongRopeI32.Cos, LongRopeI32.Sin, LongRopeI32.Rotate, LongRopeI32.Rotate, LongRopeI32.Rotate, LongRopeI32.Rotate, LongRopeI32.RotateQueryKey, "LongRopeI32") with
{
    OriginalMaxLen = 20, ShortCos = LongRopeI32.ShortCos.ToArray(), ShortSin = LongRopeI32.ShortSin.ToArray(), Factors = LongRopeI32.Rotate, FactorsTo = LongRopeI32.Rotate,
});

// TableStorage.Compact: rows bit-identical to the Full twin's tables on this path, and every kernel against the scalar
// reference over them (see CompactChecks).
checks.RunCompact("CD2", CD2.Dim, CD2.MaxLen, D2.Table, CD2.CopyRows, CD2.AddTo, CD2.Add, CD2.Embed);
checks.RunCompact("CD3", CD3.Dim, CD3.MaxLen, D3.Table, CD3.CopyRows, CD3.AddTo, CD3.Add, CD3.Embed);
checks.RunCompact("CD16", CD16.Dim, CD16.MaxLen, D16.Table, CD16.CopyRows, CD16.AddTo, CD16.Add, CD16.Embed);
checks.RunCompact("CD33", CD33.Dim, CD33.MaxLen, D33.Table, CD33.CopyRows, CD33.AddTo, CD33.Add, CD33.Embed);
checks.RunCompact("CD100", CD100.Dim, CD100.MaxLen, D100.Table, CD100.CopyRows, CD100.AddTo, CD100.Add, CD100.Embed);
checks.RunCompact("CD512", CD512.Dim, CD512.MaxLen, D512.Table, CD512.CopyRows, CD512.AddTo, CD512.Add, CD512.Embed);
checks.RunCompact("CD8192", CD8192.Dim, CD8192.MaxLen, D8192.Table, CD8192.CopyRows, CD8192.AddTo, CD8192.Add, CD8192.Embed);
checks.RunCompact("CA20", CA20.Dim, CA20.MaxLen, A20.Table, CA20.CopyRows, CA20.AddTo, CA20.Add, CA20.Embed);
checks.RunCompact("CX12", CX12.Dim, CX12.MaxLen, X12.Table, CX12.CopyRows, CX12.AddTo, CX12.Add, CX12.Embed);
checks.RunCompact("CM33", CM33.Dim, CM33.MaxLen, M33.Table, CM33.CopyRows, CM33.AddTo, CM33.Add, CM33.Embed);
checks.RunCompact("CT9", CT9.Dim, CT9.MaxLen, T9.Table, CT9.CopyRows, CT9.AddTo, CT9.Add, CT9.Embed);
checks.RunCompact("CF21", CF21.Dim, CF21.MaxLen, F21.Table, CF21.CopyRows, CF21.AddTo, CF21.Add, CF21.Embed);
checks.RunCompact("CW64", CW64.Dim, CW64.MaxLen, W64.Table, CW64.CopyRows, CW64.AddTo, CW64.Add, CW64.Embed);
checks.RunCompactRotary(Compact(CR4.Dim, CR4.MaxLen, CR4.RotaryDim, true, CR4.CopyCosSin, CR4.Rotate, CR4.Rotate, CR4.Rotate, CR4.Rotate, CR4.RotateQueryKey, "CR4"),
    R4.Cos.ToArray(), R4.Sin.ToArray(), CR4.CopyCosSin);
checks.RunCompactRotary(Compact(CR40.Dim, CR40.MaxLen, CR40.RotaryDim, true, CR40.CopyCosSin, CR40.Rotate, CR40.Rotate, CR40.Rotate, CR40.Rotate, CR40.RotateQueryKey, "CR40"),
    R40.Cos.ToArray(), R40.Sin.ToArray(), CR40.CopyCosSin);
checks.RunCompactRotary(Compact(CR128.Dim, CR128.MaxLen, CR128.RotaryDim, true, CR128.CopyCosSin, CR128.Rotate, CR128.Rotate, CR128.Rotate, CR128.Rotate, CR128.RotateQueryKey, "CR128"),
    R128.Cos.ToArray(), R128.Sin.ToArray(), CR128.CopyCosSin);
checks.RunCompactRotary(Compact(CR8192.Dim, CR8192.MaxLen, CR8192.RotaryDim, true, CR8192.CopyCosSin, CR8192.Rotate, CR8192.Rotate, CR8192.Rotate, CR8192.Rotate, CR8192.RotateQueryKey, "CR8192"),
    R8192.Cos.ToArray(), R8192.Sin.ToArray(), CR8192.CopyCosSin);
checks.RunCompactRotary(Compact(CRI12.Dim, CRI12.MaxLen, CRI12.RotaryDim, false, CRI12.CopyCosSin, CRI12.Rotate, CRI12.Rotate, CRI12.Rotate, CRI12.Rotate, CRI12.RotateQueryKey, "CRI12"),
    RI12.Cos.ToArray(), RI12.Sin.ToArray(), CRI12.CopyCosSin);
checks.RunCompactRotary(Compact(CRI36.Dim, CRI36.MaxLen, CRI36.RotaryDim, false, CRI36.CopyCosSin, CRI36.Rotate, CRI36.Rotate, CRI36.Rotate, CRI36.Rotate, CRI36.RotateQueryKey, "CRI36"),
    RI36.Cos.ToArray(), RI36.Sin.ToArray(), CRI36.CopyCosSin);
checks.RunCompactRotary(Compact(CRI128.Dim, CRI128.MaxLen, CRI128.RotaryDim, false, CRI128.CopyCosSin, CRI128.Rotate, CRI128.Rotate, CRI128.Rotate, CRI128.Rotate, CRI128.RotateQueryKey, "CRI128"),
    RI128.Cos.ToArray(), RI128.Sin.ToArray(), CRI128.CopyCosSin);
checks.RunCompactRotary(Compact(CP40r24.Dim, CP40r24.MaxLen, CP40r24.RotaryDim, true, CP40r24.CopyCosSin, CP40r24.Rotate, CP40r24.Rotate, CP40r24.Rotate, CP40r24.Rotate, CP40r24.RotateQueryKey, "CP40r24"),
    P40r24.Cos.ToArray(), P40r24.Sin.ToArray(), CP40r24.CopyCosSin);
checks.RunCompactRotary(Compact(CPI40r26.Dim, CPI40r26.MaxLen, CPI40r26.RotaryDim, false, CPI40r26.CopyCosSin, CPI40r26.Rotate, CPI40r26.Rotate, CPI40r26.Rotate, CPI40r26.Rotate, CPI40r26.RotateQueryKey, "CPI40r26"),
    PI40r26.Cos.ToArray(), PI40r26.Sin.ToArray(), CPI40r26.CopyCosSin);
checks.RunCompactRotary(Compact(CYarn64.Dim, CYarn64.MaxLen, CYarn64.RotaryDim, true, CYarn64.CopyCosSin, CYarn64.Rotate, CYarn64.Rotate, CYarn64.Rotate, CYarn64.Rotate, CYarn64.RotateQueryKey, "CYarn64"),
    Yarn64.Cos.ToArray(), Yarn64.Sin.ToArray(), CYarn64.CopyCosSin);
checks.RunCompactRotary(Compact(CLlama128.Dim, CLlama128.MaxLen, CLlama128.RotaryDim, false, CLlama128.CopyCosSin, CLlama128.Rotate, CLlama128.Rotate, CLlama128.Rotate, CLlama128.Rotate, CLlama128.RotateQueryKey, "CLlama128"),
    Llama128.Cos.ToArray(), Llama128.Sin.ToArray(), CLlama128.CopyCosSin);
checks.RunCompactRotary(Compact(CLlama128Far.Dim, CLlama128Far.MaxLen, CLlama128Far.RotaryDim, true, CLlama128Far.CopyCosSin, CLlama128Far.Rotate,
        CLlama128Far.Rotate, CLlama128Far.Rotate, CLlama128Far.Rotate, CLlama128Far.RotateQueryKey, "CLlama128Far"),
    Llama128Far.Cos.ToArray(), Llama128Far.Sin.ToArray(), CLlama128Far.CopyCosSin);
checks.RunCompactRotary(Compact(CLinear48r16.Dim, CLinear48r16.MaxLen, CLinear48r16.RotaryDim, true, CLinear48r16.CopyCosSin, CLinear48r16.Rotate, CLinear48r16.Rotate, CLinear48r16.Rotate, CLinear48r16.Rotate, CLinear48r16.RotateQueryKey, "CLinear48r16"),
    Linear48r16.Cos.ToArray(), Linear48r16.Sin.ToArray(), CLinear48r16.CopyCosSin);
checks.RunCompactRotary(Compact(CLongRope16.Dim, CLongRope16.MaxLen, CLongRope16.RotaryDim, true, CLongRope16.CopyCosSin, CLongRope16.Rotate, CLongRope16.Rotate, CLongRope16.Rotate, CLongRope16.Rotate, CLongRope16.RotateQueryKey, "CLongRope16") with
{
    OriginalMaxLen = 32, ShortCos = CosSinRows(CLongRope16.CopyShortCosSin, 32, CLongRope16.RotaryDim / 2).Cos,
    ShortSin = CosSinRows(CLongRope16.CopyShortCosSin, 32, CLongRope16.RotaryDim / 2).Sin, Factors = CLongRope16.Rotate, FactorsTo = CLongRope16.Rotate,
}, LongRope16.Cos.ToArray(), LongRope16.Sin.ToArray(), CLongRope16.CopyCosSin, LongRope16.ShortCos.ToArray(), LongRope16.ShortSin.ToArray(), CLongRope16.CopyShortCosSin);
checks.RunCompactRotary(Compact(CLongRopeI32.Dim, CLongRopeI32.MaxLen, CLongRopeI32.RotaryDim, false, CLongRopeI32.CopyCosSin, CLongRopeI32.Rotate, CLongRopeI32.Rotate, CLongRopeI32.Rotate, CLongRopeI32.Rotate, CLongRopeI32.RotateQueryKey, "CLongRopeI32") with
{
    OriginalMaxLen = 20, ShortCos = CosSinRows(CLongRopeI32.CopyShortCosSin, 20, CLongRopeI32.RotaryDim / 2).Cos,
    ShortSin = CosSinRows(CLongRopeI32.CopyShortCosSin, 20, CLongRopeI32.RotaryDim / 2).Sin, Factors = CLongRopeI32.Rotate, FactorsTo = CLongRopeI32.Rotate,
}, LongRopeI32.Cos.ToArray(), LongRopeI32.Sin.ToArray(), CLongRopeI32.CopyCosSin, LongRopeI32.ShortCos.ToArray(), LongRopeI32.ShortSin.ToArray(), CLongRopeI32.CopyShortCosSin);
// [PositionalEncoding2D]: Full and Compact grids against the Full twin's table (see Grid2DChecks).
checks.RunGrid(new GridClass("G4", G4.Dim, G4.GridHeight, G4.GridWidth, G4.ExtraTokens, G4.MaxLen, G4.Table.ToArray(), G4.CopyRows, G4.AddTo, G4.Add, G4.AddWindowTo));
checks.RunGrid(new GridClass("CG4", CG4.Dim, CG4.GridHeight, CG4.GridWidth, CG4.ExtraTokens, CG4.MaxLen, G4.Table.ToArray(), CG4.CopyRows, CG4.AddTo, CG4.Add, CG4.AddWindowTo));
checks.RunGrid(new GridClass("G12", G12.Dim, G12.GridHeight, G12.GridWidth, G12.ExtraTokens, G12.MaxLen, G12.Table.ToArray(), G12.CopyRows, G12.AddTo, G12.Add, G12.AddWindowTo));
checks.RunGrid(new GridClass("CG12", CG12.Dim, CG12.GridHeight, CG12.GridWidth, CG12.ExtraTokens, CG12.MaxLen, G12.Table.ToArray(), CG12.CopyRows, CG12.AddTo, CG12.Add, CG12.AddWindowTo));
checks.RunGrid(new GridClass("G20", G20.Dim, G20.GridHeight, G20.GridWidth, G20.ExtraTokens, G20.MaxLen, G20.Table.ToArray(), G20.CopyRows, G20.AddTo, G20.Add, G20.AddWindowTo));
checks.RunGrid(new GridClass("CG20", CG20.Dim, CG20.GridHeight, CG20.GridWidth, CG20.ExtraTokens, CG20.MaxLen, G20.Table.ToArray(), CG20.CopyRows, CG20.AddTo, CG20.Add, CG20.AddWindowTo));
checks.RunGrid(new GridClass("G64", G64.Dim, G64.GridHeight, G64.GridWidth, G64.ExtraTokens, G64.MaxLen, G64.Table.ToArray(), G64.CopyRows, G64.AddTo, G64.Add, G64.AddWindowTo));
checks.RunGrid(new GridClass("CG64", CG64.Dim, CG64.GridHeight, CG64.GridWidth, CG64.ExtraTokens, CG64.MaxLen, G64.Table.ToArray(), CG64.CopyRows, CG64.AddTo, CG64.Add, CG64.AddWindowTo));
checks.RunGrid(new GridClass("G768", G768.Dim, G768.GridHeight, G768.GridWidth, G768.ExtraTokens, G768.MaxLen, G768.Table.ToArray(), G768.CopyRows, G768.AddTo, G768.Add, G768.AddWindowTo));
checks.RunGrid(new GridClass("CG768", CG768.Dim, CG768.GridHeight, CG768.GridWidth, CG768.ExtraTokens, CG768.MaxLen, G768.Table.ToArray(), CG768.CopyRows, CG768.AddTo, CG768.Add, CG768.AddWindowTo));
checks.RunAlibi("Alibi1", Alibi1.Heads, Alibi1.Slopes, Alibi1.AddBias);
checks.RunAlibi("Alibi7", Alibi7.Heads, Alibi7.Slopes, Alibi7.AddBias);
checks.RunAlibi("Alibi32", Alibi32.Heads, Alibi32.Slopes, Alibi32.AddBias);
// [TimestepEmbedding]: Encode against the constant rows, and the sin/cos kernel's vector lanes against its scalar path.
checks.RunTimestep("TsSd", TsSd.Dim, TsSd.Steps, TsSd.Row, TsSd.Encode);
checks.RunTimestep("TsOdd", TsOdd.Dim, TsOdd.Steps, TsOdd.Row, TsOdd.Encode);
checks.RunTimestep("TsScaled", TsScaled.Dim, TsScaled.Steps, TsScaled.Row, TsScaled.Encode);
checks.RunTimestepKernel();

Console.WriteLine($"{checks.Passed} passed, {checks.Failed} failed");
return checks.Failed == 0 ? 0 : 1;

// The generated members of one rotary class, with its tables copied out (spans cannot be kept in a record).
static RotaryClass Rotary(int dim, int maxLen, int rotaryDim, bool halves, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin,
    RotateInPlace rotate, RotateTo rotateTo, RotatePositions positions, RotatePositionsTo positionsTo, RotateQueryKey queryKey, string name) =>
    new(name, dim, maxLen, rotaryDim, halves, cos.ToArray(), sin.ToArray(), rotate, rotateTo, positions, positionsTo, queryKey);

// A compact rotary class, its reference tables its own CopyCosSin rows (checked against the Full twin's Cos and Sin).
static RotaryClass Compact(int dim, int maxLen, int rotaryDim, bool halves, CopyCosSin copy,
    RotateInPlace rotate, RotateTo rotateTo, RotatePositions positions, RotatePositionsTo positionsTo, RotateQueryKey queryKey, string name)
{
    var (cos, sin) = CosSinRows(copy, maxLen, rotaryDim / 2);
    return new(name, dim, maxLen, rotaryDim, halves, cos, sin, rotate, rotateTo, positions, positionsTo, queryKey);
}

// Rows [0, rows) of a CopyCosSin or CopyShortCosSin.
static (float[] Cos, float[] Sin) CosSinRows(CopyCosSin copy, int rows, int half)
{
    float[] cos = new float[rows * half], sin = new float[rows * half];
    copy(0, cos, sin);
    return (cos, sin);
}
