using System;

namespace PEGen.PathChecks;

/// <summary>A grid's AddWindowTo, as generated.</summary>
internal delegate void AddWindowTo(Span<float> patches, int patchRows, int patchColumns, int top, int left);

/// <summary>The members of one grid class the checks call, and the Full twin's table (constant data: the path-independent reference).</summary>
internal sealed record GridClass(string Name, int Dim, int GridHeight, int GridWidth, int ExtraTokens, int MaxLen, float[] Reference,
    CopyRows CopyRows, AddTo AddTo, Add Add, AddWindowTo AddWindowTo);

/// <summary>
/// [PositionalEncoding2D] on every vector path: CopyRows equals the Full twin's Table, AddTo and Add equal a scalar loop
/// over it, AddWindowTo equals the scalar sum of each patch with its table row; guard floats stay untouched.
/// </summary>
internal sealed partial class KernelChecks
{
    public void RunGrid(GridClass g)
    {
        int dim = g.Dim, maxLen = g.MaxLen;
        var table = g.Reference;
        Rows(g.Name + ".CopyRows", dim, maxLen, table, (start, buffer, length) => g.CopyRows(start, Inside(buffer, length)));
        for (int trial = 0; trial < 32; trial++)
        {
            int start = trial == 0 ? 0 : _random.Next(maxLen);
            int rows = trial == 0 ? maxLen : _random.Next(maxLen - start + 1);
            int length = rows * dim;
            var input = RandomValues(length, trial);
            var expected = new float[length];
            for (int i = 0; i < length; i++) expected[i] = input[i] + table[start * dim + i];

            var inPlace = Guarded(input);
            g.AddTo(Inside(inPlace, length), start);
            Record(dim, start, rows, g.Name + ".AddTo", expected, inPlace);

            var outOfPlace = Guarded(new float[length]);
            g.Add(input, Inside(outOfPlace, length), start);
            Record(dim, start, rows, g.Name + ".Add", expected, outOfPlace);
        }
        for (int trial = 0; trial < 32; trial++)
        {
            int patchRows = trial == 0 ? g.GridHeight : _random.Next(g.GridHeight + 1);
            int patchColumns = trial == 0 ? g.GridWidth : _random.Next(g.GridWidth + 1);
            int top = _random.Next(g.GridHeight - patchRows + 1), left = _random.Next(g.GridWidth - patchColumns + 1);
            int length = patchRows * patchColumns * dim;
            var input = RandomValues(length, trial);
            var expected = new float[length];
            for (int i = 0; i < patchRows; i++)
            for (int j = 0; j < patchColumns; j++)
            {
                int row = g.ExtraTokens + (top + i) * g.GridWidth + left + j, at = (i * patchColumns + j) * dim;
                for (int k = 0; k < dim; k++) expected[at + k] = input[at + k] + table[row * dim + k];
            }
            var buffer = Guarded(input);
            g.AddWindowTo(Inside(buffer, length), patchRows, patchColumns, top, left);
            Record(dim, top * 1000 + left, patchRows * 1000 + patchColumns, g.Name + ".AddWindowTo", expected, buffer);
        }
    }

    // Random values; every fourth trial starts from -0 so the zero rows' +0 shows.
    private float[] RandomValues(int length, int trial)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = trial % 4 == 3 ? -0f : (float)(_random.NextDouble() * 8 - 4);
        return values;
    }
}
