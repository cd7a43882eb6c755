using System;
using PEGen.Model;

namespace PEGen.Schemes.Compact;

/// <summary>
/// How a compact table splits a position into digits: level j (lowest first) has 2^Bits[j] digits, the top level
/// <see cref="TopDigits"/>; row (j, d) of the table holds cos and sin of d * 2^(bits below j) * theta_k. Position p is
/// the sum of its digits' angles, so its row is the angle-addition product of one row per level.
/// </summary>
/// <param name="Bits">Bits of every level but the top one, lowest first.</param>
/// <param name="TopDigits">Digits of the top level: ceil(MaxLen / 2^(sum of Bits)).</param>
internal sealed record CompactLevels(EquatableArray<int> Bits, int TopDigits)
{
    /// <summary>Bytes of factors a declaration may take before a level is added (each level costs a product per entry).</summary>
    public const long TargetBytes = 512 * 1024;

    /// <summary>Levels counted with the top one.</summary>
    public int Count => Bits.Count + 1;

    /// <summary>Rows of factors, every level together.</summary>
    public int Rows
    {
        get
        {
            int rows = TopDigits;
            foreach (int b in Bits) rows += 1 << b;
            return rows;
        }
    }

    /// <summary>The digit count of every level, lowest first, the top one last.</summary>
    public int[] Digits()
    {
        var digits = new int[Count];
        for (int j = 0; j < Bits.Count; j++) digits[j] = 1 << Bits[j];
        digits[Count - 1] = TopDigits;
        return digits;
    }

    /// <summary>
    /// The fewest levels (at least two) whose rows of <paramref name="frequencies"/> cos/sin float64 pairs fit
    /// <see cref="TargetBytes"/>, the bits spread evenly (lower levels take the odd bit); at most six levels.
    /// </summary>
    public static CompactLevels Choose(int maxLen, int frequencies)
    {
        int totalBits = 1;
        while ((1L << totalBits) < maxLen) totalBits++;
        CompactLevels? best = null;
        for (int levels = 2; levels <= 6; levels++)
        {
            var bits = new int[levels - 1];
            int lower = 0;
            for (int j = 0; j < bits.Length; j++)
            {
                bits[j] = Math.Max(1, totalBits / levels + (j < totalBits % levels ? 1 : 0));
                lower += bits[j];
            }
            int top = (int)Math.Max(1, (maxLen + (1L << lower) - 1) >> lower);
            var candidate = new CompactLevels(new EquatableArray<int>(bits), top);
            if (best is null || candidate.Rows < best.Rows) best = candidate;
            if (BytesOf(candidate.Rows, frequencies) <= TargetBytes) return candidate;
        }
        return best!;
    }

    /// <summary>Bytes of <paramref name="rows"/> rows of cos and sin float64 for each frequency.</summary>
    public static long BytesOf(int rows, int frequencies) => (long)rows * frequencies * 2 * sizeof(double);
}
