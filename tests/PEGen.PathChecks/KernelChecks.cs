using System;
using PEGen.TestSupport;

namespace PEGen.PathChecks;

/// <summary>In-place add of the encoding, as generated.</summary>
internal delegate void AddTo(Span<float> embeddings, int startPosition);

/// <summary>Out-of-place add of the encoding, as generated.</summary>
internal delegate void Add(ReadOnlySpan<float> embeddings, Span<float> destination, int startPosition);

/// <summary>Fused token lookup, scale and add, as generated.</summary>
internal delegate void Embed(ReadOnlySpan<int> tokenIds, ReadOnlySpan<float> tokenEmbeddings, Span<float> destination, int startPosition, float scale);

/// <summary>
/// Compares the generated kernels with a scalar loop on random row counts and start positions.
/// Float addition is exact per element, so every path must agree bit for bit; the guard
/// floats around each destination must stay untouched. Each destination starts at a random float
/// offset, so the kernels' alignment peel sees every distance to a 64-byte boundary.
/// </summary>
internal sealed partial class KernelChecks
{
    private const int Guard = 37;
    private const float GuardValue = -12345.5f;
    private readonly Random _random;
    private int _lead = Guard;

    public KernelChecks(int seed) => _random = new Random(seed);

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public void Run(int dim, int maxLen, ReadOnlySpan<float> table, AddTo addTo, Add add, Embed embed)
    {
        const int vocabulary = 11;
        var tokenEmbeddings = new float[vocabulary * dim];
        for (int i = 0; i < tokenEmbeddings.Length; i++) tokenEmbeddings[i] = (float)(_random.NextDouble() * 2 - 1);

        for (int trial = 0; trial < 60; trial++)
        {
            int start = trial == 0 ? 0 : _random.Next(maxLen);
            int rows = trial == 1 ? maxLen - start : _random.Next(maxLen - start + 1);
            int length = rows * dim;

            var input = new float[length];
            for (int i = 0; i < length; i++) input[i] = (float)(_random.NextDouble() * 8 - 4);
            var expected = new float[length];
            for (int i = 0; i < length; i++) expected[i] = input[i] + table[start * dim + i];

            var inPlace = Guarded(input);
            addTo(Inside(inPlace, length), start);
            Record(dim, start, rows, "AddTo", expected, inPlace);

            var outOfPlace = Guarded(new float[length]);
            add(input, Inside(outOfPlace, length), start);
            Record(dim, start, rows, "Add", expected, outOfPlace);

            var ids = new int[rows];
            float scale = trial % 3 == 0 ? 1f : (float)(_random.NextDouble() * 30);
            var embedded = new float[length];
            for (int r = 0; r < rows; r++)
            {
                ids[r] = _random.Next(vocabulary);
                for (int j = 0; j < dim; j++)
                    embedded[r * dim + j] = tokenEmbeddings[ids[r] * dim + j] * scale + table[(start + r) * dim + j];
            }
            var fused = Guarded(new float[length]);
            embed(ids, tokenEmbeddings, Inside(fused, length), start, scale);
            Record(dim, start, rows, "Embed", embedded, fused);
        }
    }

    /// <summary>The values between guard floats, starting at a fresh random offset (see <see cref="Inside"/>).</summary>
    private float[] Guarded(float[] values)
    {
        _lead = Guard + _random.Next(16);
        var buffer = new float[values.Length + _lead + Guard];
        buffer.AsSpan().Fill(GuardValue);
        values.CopyTo(buffer, _lead);
        return buffer;
    }

    /// <summary>The span the last <see cref="Guarded"/> buffer holds its values in.</summary>
    private Span<float> Inside(float[] buffer, int length) => buffer.AsSpan(_lead, length);

    private void Record(int dim, int start, int rows, string method, float[] expected, float[] buffer)
    {
        int lead = buffer.Length - expected.Length - Guard;
        for (int i = 0; i < buffer.Length; i++)
        {
            bool inside = i >= lead && i < lead + expected.Length;
            float want = inside ? expected[i - lead] : GuardValue;
            if (!IeeeBits.Same(want, buffer[i]))
            {
                Failed++;
                Console.WriteLine($"FAIL {method} Dim={dim} start={start} rows={rows} lead={lead}: index {i - lead} is {buffer[i]:R}, expected {want:R}");
                return;
            }
        }
        Passed++;
    }
}
