namespace PEGen.Schemes;

/// <summary>The naive encoding: every value of row p is p (exact in float32 below 2^24).</summary>
internal static class LinearTable
{
    public static float[] Build(int dim, int maxLen)
    {
        var table = new float[(long)dim * maxLen];
        for (int p = 0; p < maxLen; p++)
        {
            for (int j = 0; j < dim; j++)
                table[(long)p * dim + j] = p;
        }
        return table;
    }
}
