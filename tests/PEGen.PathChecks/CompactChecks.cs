using System;

namespace PEGen.PathChecks;

/// <summary>Whole rows of the table from a position on, as generated (both storages).</summary>
internal delegate void CopyRows(int startPosition, Span<float> destination);

/// <summary>Rows of the cos/sin tables from a position on, as generated (both storages).</summary>
internal delegate void CopyCosSin(int startPosition, Span<float> cos, Span<float> sin);

/// <summary>
/// TableStorage.Compact on every vector path. A compact class computes its rows at run time with vector code, so the
/// reference must not depend on the vector width: it is the Full twin's Table (Cos, Sin, ShortCos, ShortSin), constant
/// data written by the generator. For the declarations used here every compact entry equals the Full one bit for bit
/// (SPEC section 6 allows 1 ulp near a rounding boundary; none of these entries is), so CopyRows / CopyCosSin must
/// give the Full tables exactly, on every path. The kernels of the compact class are then checked against the scalar
/// reference over those rows (<see cref="Run"/>, <see cref="RunRotary"/>), which are the Full rows.
/// </summary>
internal sealed partial class KernelChecks
{
    /// <summary>A compact additive class against its Full twin's table, then its kernels against the scalar reference.</summary>
    public void RunCompact(string name, int dim, int maxLen, ReadOnlySpan<float> fullTable, CopyRows copyRows, AddTo addTo, Add add, Embed embed)
    {
        var full = fullTable.ToArray();
        Rows("CopyRows " + name, dim, maxLen, full, (start, buffer, length) => copyRows(start, Inside(buffer, length)));
        Run(dim, maxLen, full, addTo, add, embed);
    }

    /// <summary>
    /// A compact rotary class: its CopyCosSin (and CopyShortCosSin) rows against the Full twin's tables, then every
    /// rotary kernel of the class against the scalar loop over its own CopyCosSin rows.
    /// </summary>
    public void RunCompactRotary(RotaryClass compact, float[] fullCos, float[] fullSin, CopyCosSin copy,
        float[]? fullShortCos = null, float[]? fullShortSin = null, CopyCosSin? copyShort = null)
    {
        int dim = compact.Dim, half = compact.RotaryDim / 2;
        CosSinRows(compact.Name + ".CopyCosSin", dim, half, compact.MaxLen, fullCos, fullSin, copy);
        if (copyShort is not null)
            CosSinRows(compact.Name + ".CopyShortCosSin", dim, half, Math.Min(compact.MaxLen, compact.OriginalMaxLen), fullShortCos!, fullShortSin!, copyShort);
        RunRotary(compact);
    }

    /// <summary>The whole table, then random runs of rows, each written between guard floats.</summary>
    private void Rows(string method, int dim, int maxLen, float[] full, Action<int, float[], int> write)
    {
        for (int trial = 0; trial < 24; trial++)
        {
            int start = trial == 0 ? 0 : _random.Next(maxLen);
            int rows = trial == 0 ? maxLen : _random.Next(maxLen - start + 1);
            var expected = full.AsSpan(start * dim, rows * dim).ToArray();
            var buffer = Guarded(new float[expected.Length]);
            write(start, buffer, expected.Length);
            Record(dim, start, rows, method + " = Full", expected, buffer);
        }
    }

    private void CosSinRows(string method, int dim, int half, int maxLen, float[] fullCos, float[] fullSin, CopyCosSin copy)
    {
        for (int trial = 0; trial < 24; trial++)
        {
            int start = trial == 0 ? 0 : _random.Next(maxLen);
            int rows = trial == 0 ? maxLen : _random.Next(maxLen - start + 1);
            var cosExpected = fullCos.AsSpan(start * half, rows * half).ToArray();
            var sinExpected = fullSin.AsSpan(start * half, rows * half).ToArray();
            var cos = Guarded(new float[cosExpected.Length]);
            int cosLead = _lead;
            var sin = Guarded(new float[sinExpected.Length]);
            copy(start, cos.AsSpan(cosLead, cosExpected.Length), Inside(sin, sinExpected.Length));
            Record(dim, start, rows, method + " cos = Full", cosExpected, cos);
            Record(dim, start, rows, method + " sin = Full", sinExpected, sin);
        }
    }
}
