using System;
using System.Linq;
using PEGen.Schemes.Compact;
using PEGen.Schemes.Frequencies;

namespace PEGen.Tests.Schemes;

/// <summary>
/// The Taylor terms of the float32 angle's correction are counted per block of 16 frequencies: every block takes enough
/// for the largest delta any of its frequencies reaches below MaxLen (checked by brute force, not by the formula that
/// picks them), and the low frequencies take fewer than the high ones.
/// </summary>
public class CompactDeltaTermsTests
{
    private static Frequency[] Rope(int pairs, double theta, double divideLowBy = 1) =>
        Enumerable.Range(0, pairs)
                  .Select(k => (Frequency)new Float32Frequency((float)(Math.Pow(theta, -2.0 * k / (2 * pairs)) / (k >= pairs / 2 ? divideLowBy : 1))))
                  .ToArray();

    // The first Taylor term left out, delta^(2t+2) / (2t+2)! (cos delta - 1's; sin's is smaller), at the largest delta.
    private static double FirstLeftOut(double delta, int terms)
    {
        double term = 1;
        for (int i = 1; i <= 2 * terms + 2; i++) term *= delta / i;
        return term;
    }

    [Theory]
    [InlineData(64, 500000.0, 8.0, 16384)]
    [InlineData(64, 500000.0, 8.0, 131072)]
    [InlineData(64, 1000000.0, 1.0, 1048576)]
    [InlineData(20, 10000.0, 1.0, 4096)]     // a last block of 4 frequencies
    [InlineData(256, 10000.0, 1.0, 60000)]
    public void EachBlockCoversItsLargestDelta(int pairs, double theta, double divideLowBy, int maxLen)
    {
        var frequencies = Rope(pairs, theta, divideLowBy);
        var table = CompactTable.Of(frequencies, maxLen);
        byte[] terms = table.DeltaTerms!;
        Assert.Equal((pairs + CompactTable.TermsBlock - 1) / CompactTable.TermsBlock, terms.Length);
        for (int k = 0; k < pairs; k++)
        {
            float inverse = ((Float32Frequency)frequencies[k]).Inverse;
            double largest = 0;
            for (int p = 0; p < maxLen; p += p < 4096 ? 1 : 61)
                largest = Math.Max(largest, Math.Abs((double)((float)p * inverse) - p * (double)inverse));
            largest = Math.Max(largest, Math.Abs((double)((float)(maxLen - 1) * inverse) - (maxLen - 1) * (double)inverse));
            int t = terms[k / CompactTable.TermsBlock];
            Assert.True(t >= 1 && t <= CompactTable.MaxDeltaTerms, $"k = {k}: {t} terms");
            Assert.True(FirstLeftOut(largest, t) < Math.Pow(2, -60), $"k = {k}: delta {largest:R} needs more than {t} terms");
        }
        Assert.True(terms[terms.Length - 1] <= terms[0]);
    }

    [Fact]
    public void LowFrequenciesTakeFewerTerms()
    {
        // Llama 3.1 at 16,384 positions: 2 terms where the angles reach 16,383 radians, 1 where they stay small.
        Assert.Equal(new byte[] { 2, 1, 1, 1 }, CompactTable.Of(Rope(64, 500000.0, 8.0), 16384).DeltaTerms);
        Assert.Equal(new byte[] { 3, 2, 1, 1 }, CompactTable.Of(Rope(64, 500000.0, 8.0), 131072).DeltaTerms);
    }
}
