using PEGen;

namespace PEGen.NetStandardConsumer
{
    /// <summary>ALiBi on the scalar path (C# 7.3, static-array slopes): the twin of the integration tests' BloomAlibi16.</summary>
    [AlibiBias(Heads = 16, Reference = AlibiReference.Bloom)]
    public static partial class BloomAlibiStandard { }

    /// <summary>Entry points with arrays for the ALiBi twin.</summary>
    public static class AlibiStandardProbe
    {
        public static float[] Slopes() => BloomAlibiStandard.Slopes.ToArray();

        public static float[] AddBias(float[] scores, int keyCount, int startPosition)
        {
            BloomAlibiStandard.AddBias(scores, keyCount, startPosition);
            return scores;
        }
    }
}
