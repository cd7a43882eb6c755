using System;
using System.Globalization;

namespace PEGen.Benchmarks;

internal static class Shapes
{
    /// <summary>Parses "ROWSxDIM" or "ROWSxDIMxHEADSh".</summary>
    public static (int Rows, int Dim, int Heads) Parse(string shape)
    {
        string[] parts = shape.Split('x');
        int rows = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int dim = int.Parse(parts[1], CultureInfo.InvariantCulture);
        int heads = parts.Length > 2 ? int.Parse(parts[2].TrimEnd('h'), CultureInfo.InvariantCulture) : 1;
        return (rows, dim, heads);
    }

    public static ReadOnlySpan<float> Table(int dim) => dim switch
    {
        512 => Pe512.Table,
        1024 => Pe1024.Table,
        _ => throw new ArgumentOutOfRangeException(nameof(dim)),
    };

    public static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
