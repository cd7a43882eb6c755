using System;
using PEGen;
using PEGen.TestSupport;

namespace PEGen.PathChecks;

/// <summary>ALiBi's AddBias, as generated.</summary>
internal delegate void AddBias(Span<float> scores, int keyCount, int startPosition);

[AlibiBias(Heads = 1)]
internal static partial class Alibi1 { }

[AlibiBias(Heads = 7, Reference = AlibiReference.Mpt)]
internal static partial class Alibi7 { }

[AlibiBias(Heads = 32, Reference = AlibiReference.Bloom)]
internal static partial class Alibi32 { }

internal sealed partial class KernelChecks
{
    /// <summary>
    /// AddBias against the contract's scalar formula on random shapes (keyCount 1..300 and a few long rows, so every
    /// vector width, the peel and the overlapping end vectors run), start positions up to 2^24 and random float offsets;
    /// the guard floats around the scores must stay untouched.
    /// </summary>
    public void RunAlibi(string name, int heads, ReadOnlySpan<float> slopes, AddBias addBias)
    {
        float[] slopeArray = slopes.ToArray();
        for (int trial = 0; trial < 80; trial++)
        {
            int keyCount = trial % 10 == 9 ? _random.Next(1000, 5000) : trial < 20 ? trial + 1 : _random.Next(1, 300);
            int rows = _random.Next(0, 4);
            int start = trial % 7 == 0 ? 16777216 - Math.Max(rows - 1, 0) : _random.Next(0, 5000);
            int length = heads * rows * keyCount;
            _lead = Guard + _random.Next(0, 16);
            var buffer = new float[_lead + length + Guard];
            Array.Fill(buffer, GuardValue);
            var expected = new float[length];
            for (int i = 0; i < length; i++) expected[i] = buffer[_lead + i] = (float)(_random.NextDouble() * 4 - 2);
            for (int h = 0; h < heads; h++)
                for (int r = 0; r < rows; r++)
                    for (int j = 0; j < keyCount; j++)
                    {
                        int index = (h * rows + r) * keyCount + j;
                        float distance = Math.Abs(start + r - j);
                        float bias = slopeArray[h] * distance;
                        expected[index] = expected[index] - bias;
                    }
            addBias(Inside(buffer, length), keyCount, start);
            Record(keyCount, start, rows, name + ".AddBias", expected, buffer);
        }
    }
}
