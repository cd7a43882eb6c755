using PEGen;

namespace PEGen.NetStandardConsumer
{
    /// <summary>MAE's grid on the scalar path, static-array data and C# 7.3 (the net10.0 tests compare it with MaeGrid).</summary>
    [PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1)]
    public static partial class MaeGridStandard { }

    /// <summary>The same grid with Storage = Compact.</summary>
    [PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1, Storage = TableStorage.Compact)]
    public static partial class MaeGridCompactStandard { }

    /// <summary>Array entry points for the grids.</summary>
    public static class GridProbe
    {
        /// <summary>The Full table.</summary>
        public static float[] Table() => MaeGridStandard.Table.ToArray();

        /// <summary>Every row of the compact grid through CopyRows.</summary>
        public static float[] CompactRows()
        {
            var rows = new float[MaeGridCompactStandard.MaxLen * MaeGridCompactStandard.Dim];
            MaeGridCompactStandard.CopyRows(0, rows);
            return rows;
        }

        /// <summary>AddTo of the Full (compact: false) or Compact grid.</summary>
        public static float[] AddTo(float[] embeddings, int start, bool compact)
        {
            if (compact) MaeGridCompactStandard.AddTo(embeddings, start);
            else MaeGridStandard.AddTo(embeddings, start);
            return embeddings;
        }

        /// <summary>AddWindowTo of the Full (compact: false) or Compact grid.</summary>
        public static float[] AddWindowTo(float[] patches, int rows, int columns, int top, int left, bool compact)
        {
            if (compact) MaeGridCompactStandard.AddWindowTo(patches, rows, columns, top, left);
            else MaeGridStandard.AddWindowTo(patches, rows, columns, top, left);
            return patches;
        }

        /// <summary>Row (r, c) of the Full grid.</summary>
        public static float[] Row(int patchRow, int patchColumn) => MaeGridStandard.Row(patchRow, patchColumn).ToArray();
    }
}
