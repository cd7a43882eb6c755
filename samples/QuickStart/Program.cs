using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using QuickStart;

// 1. Use it: add positions 0..3 to a batch of four token embeddings, in place.
const int tokens = 4;
var embeddings = new float[tokens * TextPositions.Dim];
for (int i = 0; i < embeddings.Length; i++) embeddings[i] = (i % 7) * 0.01f;   // stand-in embeddings
TextPositions.AddTo(embeddings);                                              // row r += PE(r)
TextPositions.AddTo(embeddings.AsSpan(0, TextPositions.Dim), startPosition: 100);  // one decode step at position 100

Console.WriteLine($"TextPositions: Dim = {TextPositions.Dim}, MaxLen = {TextPositions.MaxLen}, table = {TextPositions.Table.Length} floats of constant data");
Console.WriteLine($"PE(1)[0..4]  = {Show(TextPositions.Row(1)[..4])}   (sin 1, cos 1, sin w1, cos w1 with w1 = 10000^(-2/512))");
Console.WriteLine($"PE(50)[0..4] = {Show(TextPositions.Row(50)[..4])}");
Console.WriteLine($"embedding row 2 after AddTo, first 4 = {Show(embeddings.AsSpan(2 * TextPositions.Dim, 4))}");
Console.WriteLine();

// 2. Check the lecture's properties on the real table.
int failures = 0;
var table = TextPositions.Table;
int dim = TextPositions.Dim, maxLen = TextPositions.MaxLen;

// Unique per step: no two positions share a row.
var seen = new System.Collections.Generic.HashSet<string>();
for (int p = 0; p < maxLen; p++) seen.Add(Convert.ToHexString(MemoryMarshal.AsBytes(TextPositions.Row(p))));
Check("every position has a unique row", seen.Count == maxLen, $"{seen.Count} distinct rows of {maxLen}");

// Bounded, unlike raw indices 1, 2, 3 ...: every value lies in [-1, 1].
float largest = 0;
foreach (float v in table) largest = MathF.Max(largest, MathF.Abs(v));
Check("values stay bounded", largest <= 1f, $"max |PE| = {largest}");

// Relative distance: PE(p) . PE(p + k) depends only on k, not on p.
double worst = 0;
foreach (int k in new[] { 1, 10, 100 })
{
    double first = Dot(TextPositions.Row(0), TextPositions.Row(k));
    for (int p = 1; p + k < maxLen; p++)
        worst = Math.Max(worst, Math.Abs(Dot(TextPositions.Row(p), TextPositions.Row(p + k)) - first));
}
Check("PE(p).PE(p+k) is independent of p", worst < 1e-3, $"max spread over p for k = 1, 10, 100: {worst:E2} (dot products are ~{Dot(TextPositions.Row(0), TextPositions.Row(1)):F1})");

// The rotation behind it: Shift applies M_k, the same rotation of each (sin, cos) pair for every p.
double rotation = 0;
var shifted = new float[dim];
for (int p = 0; p < 500; p += 7)
{
    foreach (int k in new[] { 3, 40, 333 })
    {
        TextPositions.Shift(TextPositions.Row(p), k, shifted);
        var target = TextPositions.Row(p + k);
        for (int i = 0; i < dim; i++) rotation = Math.Max(rotation, Math.Abs(shifted[i] - target[i]));
    }
}
Check("Shift(PE(p), k) = M_k PE(p) = PE(p+k), a rotation independent of p", rotation < 1e-6, $"max error {rotation:E2}");

// Independent of sequence length: position 3 gets the same values in a 5-row and a 500-row batch.
var shortBatch = new float[5 * dim]; var longBatch = new float[500 * dim];
TextPositions.AddTo(shortBatch); TextPositions.AddTo(longBatch);
Check("a position means the same in any sequence length", shortBatch.AsSpan(3 * dim, dim).SequenceEqual(longBatch.AsSpan(3 * dim, dim)), "row 3 of 5 rows == row 3 of 500 rows");

// Add or concatenate? Adding keeps the width; ConcatTo (the alternative) widens every row by Dim.
var concatenated = new float[tokens * (TextPositions.Dim + TextPositions.Dim)];
TextPositions.ConcatTo(embeddings, TextPositions.Dim, concatenated);
Check("ConcatTo keeps embedding and position apart, at twice the width", concatenated.Length == 2 * embeddings.Length,
    $"{embeddings.Length / tokens} values per token when added, {concatenated.Length / tokens} when concatenated");

// Deterministic: the table is the correctly rounded one, so its hash is the same on every machine.
// SHA-256 of the 4 MiB table as computed independently with mpmath (60 digits, rounded to nearest float32).
const string expectedHash = "6310ACFFB516D1557A18D75299C8E82516CABC128446E18B923CE823FEC20628";
string hash = Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(table)));
Check("the table is identical on every host", hash == expectedHash, $"SHA-256 {hash[..16]}...");

// The other families (OtherFamilies.cs): a 2-D grid, a diffusion timestep embedding, ALiBi biases.
Check("a grid patch is indexed both ways", PatchPositions.Row(3, 7).SequenceEqual(PatchPositions.Row(1 + 3 * 14 + 7)),
    $"MAE grid {PatchPositions.GridHeight} x {PatchPositions.GridWidth} + {PatchPositions.ExtraTokens} cls row, Dim {PatchPositions.Dim}");
var encoded = new float[DiffusionTimesteps.Dim];
DiffusionTimesteps.Encode(999f, encoded);
Check("Encode(t) is the table's row for integer t", encoded.AsSpan().SequenceEqual(DiffusionTimesteps.Row(999)), "t = 999, bit for bit");
var scores = new float[AttentionBiases.Heads * 1 * 4];   // 8 heads x 1 query x 4 keys, the query at position 3
AttentionBiases.AddBias(scores, keyCount: 4, startPosition: 3);
Check("ALiBi adds -slope * distance", scores[0] == -1.5f && scores[3] == 0f && AttentionBiases.Slopes[7] == 1f / 256,
    $"head 0 (slope {AttentionBiases.Slopes[0]}): {Show(scores.AsSpan(0, 4))}");

Console.WriteLine();
Console.WriteLine(failures == 0 ? "All checks passed." : $"{failures} check(s) failed.");
return failures == 0 ? 0 : 1;

void Check(string name, bool ok, string figure)
{
    if (!ok) failures++;
    Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {name}: {figure}");
}

static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
{
    double sum = 0;
    for (int i = 0; i < a.Length; i++) sum += a[i] * (double)b[i];
    return sum;
}

static string Show(ReadOnlySpan<float> values)
{
    var parts = new string[values.Length];
    for (int i = 0; i < values.Length; i++) parts[i] = values[i].ToString("F6", System.Globalization.CultureInfo.InvariantCulture);
    return "[" + string.Join(", ", parts) + "]";
}
