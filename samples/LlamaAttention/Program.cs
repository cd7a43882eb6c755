using System;
using System.Linq;
using LlamaAttention;

// One attention step of a Llama 3.1 8B-shaped layer at a far position: 32 query heads share 8 key/value heads
// (grouped-query attention), head 128, a KV cache of 7 earlier tokens. Weights are random; what is checked is what
// the rotary embedding must guarantee, on PEGen's real tables.

const int QueryHeads = 32, KeyHeads = 8, Head = Llama31Rotary.Dim, Cached = 7;
const int Position = 12000;   // past the original 8192 positions: where llama3 scaling matters
int failures = 0;

void Check(bool ok, string what)
{
    Console.WriteLine((ok ? "PASS  " : "FAIL  ") + what);
    if (!ok) failures++;
}

var random = new Random(2024);
float[] Randoms(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

float[] query = Randoms(QueryHeads * Head);        // the new token's q, unrotated
float[] newKey = Randoms(KeyHeads * Head);         // its k
float[] cacheKeys = Randoms(Cached * KeyHeads * Head);
float[] values = Randoms((Cached + 1) * KeyHeads * Head);

Console.WriteLine($"Llama31Rotary from config.json: Dim {Llama31Rotary.Dim}, RotaryDim {Llama31Rotary.RotaryDim}, " +
                  $"AttentionFactor {Llama31Rotary.AttentionFactor}, MaxLen {Llama31Rotary.MaxLen}");

// Scores of the new token (at `at`) against the cache (at - Cached .. at - 1) and itself.
float[,] Scores(int at)
{
    var q = (float[])query.Clone();
    var k = (float[])newKey.Clone();
    var cache = (float[])cacheKeys.Clone();
    Llama31Rotary.RotateQueryKey(q, QueryHeads, k, KeyHeads, startPosition: at);   // one row: cos/sin read once
    // The cache was rotated when its tokens were written; positions given per row (as a batched server would).
    int[] positions = Enumerable.Range(at - Cached, Cached).ToArray();
    Llama31Rotary.Rotate(cache, positions, heads: KeyHeads);
    var scores = new float[QueryHeads, Cached + 1];
    for (int h = 0; h < QueryHeads; h++)
    {
        int g = h / (QueryHeads / KeyHeads);   // the key/value head this query head reads
        for (int j = 0; j <= Cached; j++)
        {
            ReadOnlySpan<float> key = j < Cached ? cache.AsSpan((j * KeyHeads + g) * Head, Head) : k.AsSpan(g * Head, Head);
            scores[h, j] = Dot(q.AsSpan(h * Head, Head), key) / MathF.Sqrt(Head);
        }
    }
    return scores;
}

var far = Scores(Position);
var near = Scores(100);
double worst = 0;
foreach (var (a, b) in Pairs(far, near)) worst = Math.Max(worst, Math.Abs(a - b));
// float32 angles p * theta carry up to ~6e-8 * p radians of rounding; measured 1e-4 here, allowed 1e-3.
Check(worst < 1e-3, $"scores depend only on relative position: |score(12000) - score(100)| <= {worst:G3} for the same offsets");

// Softmax over the 8 keys, then the output of head 0: an ordinary attention step.
var weights = Enumerable.Range(0, Cached + 1).Select(j => Math.Exp(far[0, j])).ToArray();
double sum = weights.Sum();
var output = new double[Head];
for (int j = 0; j <= Cached; j++)
    for (int i = 0; i < Head; i++)
        output[i] += weights[j] / sum * values[j * KeyHeads * Head + i];
Check(output.All(double.IsFinite) && Math.Abs(weights.Sum(w => w / sum) - 1) < 1e-12, "softmax weights sum to 1, head 0's output is finite");

// Rotation preserves norms up to the attention factor (1 for llama3).
var rotated = (float[])query.Clone();
Llama31Rotary.Rotate(rotated, Position, QueryHeads);
double ratio = Math.Sqrt(Dot(rotated, rotated) / Dot(query, query));
Check(Math.Abs(ratio - Llama31Rotary.AttentionFactor) < 1e-5, $"norms preserved up to AttentionFactor: |Rq| / |q| = {ratio:F7}");

// RotateQueryKey is Rotate on q and on k, bit for bit.
var q2 = (float[])query.Clone();
var k2 = (float[])newKey.Clone();
Llama31Rotary.RotateQueryKey(q2, QueryHeads, k2, KeyHeads, Position);
var k3 = (float[])newKey.Clone();
Llama31Rotary.Rotate(k3, Position, KeyHeads);
Check(q2.SequenceEqual(rotated) && k2.SequenceEqual(k3), "RotateQueryKey equals Rotate on the queries and on the keys, bit for bit");

// What a port that forgets rope_scaling gets: the unscaled rotation, compared with the right one.
foreach (int p in new[] { 4096, 8192, Position })
{
    var right = query.AsSpan(0, Head).ToArray();
    Llama31Rotary.Rotate(right, p);
    var wrong = Unscaled(query.AsSpan(0, Head), p);
    double similarity = Dot(right, wrong) / Math.Sqrt(Dot(right, right) * Dot(wrong, wrong));
    Console.WriteLine($"      cosine similarity to the unscaled rotation at position {p,5}: {similarity:F3}");
    if (p == Position) Check(similarity < 0.99, "llama3 scaling changes far rotations (a port without it drifts)");
}

Console.WriteLine(failures == 0 ? "All checks passed." : failures + " check(s) failed.");
return failures == 0 ? 0 : 1;

static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
{
    double s = 0;
    for (int i = 0; i < a.Length; i++) s += (double)a[i] * b[i];
    return (float)s;
}

// Plain Llama rotary (no scaling) in double: the sample's own reference, not PEGen's arithmetic.
static float[] Unscaled(ReadOnlySpan<float> x, int p)
{
    int half = x.Length / 2;
    var result = new float[x.Length];
    for (int k = 0; k < half; k++)
    {
        double angle = p * Math.Pow(500000, -2.0 * k / x.Length);
        double c = Math.Cos(angle), s = Math.Sin(angle);
        result[k] = (float)(x[k] * c - x[k + half] * s);
        result[k + half] = (float)(x[k + half] * c + x[k] * s);
    }
    return result;
}

static System.Collections.Generic.IEnumerable<(float, float)> Pairs(float[,] a, float[,] b)
{
    for (int i = 0; i < a.GetLength(0); i++)
        for (int j = 0; j < a.GetLength(1); j++)
            yield return (a[i, j], b[i, j]);
}
