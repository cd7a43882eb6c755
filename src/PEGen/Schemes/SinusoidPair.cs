using PEGen.Model;

namespace PEGen.Schemes;

/// <summary>One sine/cosine column pair of an additive sinusoidal table and its frequency (radians per position).</summary>
internal readonly record struct SinusoidPair(int SinColumn, int CosColumn, double Frequency)
{
    /// <summary>
    /// The pairs <c>Shift</c> rotates: the table's own columns and frequencies (<see cref="ColumnLayout"/>,
    /// <see cref="Frequencies.Frequency.RadiansPerPosition"/>), without the unpaired extra sine of an odd Dim.
    /// </summary>
    public static SinusoidPair[] Of(EncodingSpec spec)
    {
        var definition = spec.Definition;
        var columns = ColumnLayout.For(definition.Layout, definition.OddDimension, spec.Dim);
        var frequencies = definition.Frequencies(spec);
        var pairs = new System.Collections.Generic.List<SinusoidPair>(columns.Count);
        for (int k = 0; k < columns.Count; k++)
        {
            if (columns.CosColumns[k] >= 0)
                pairs.Add(new SinusoidPair(columns.SinColumns[k], columns.CosColumns[k], frequencies[k].RadiansPerPosition));
        }
        return pairs.ToArray();
    }
}
