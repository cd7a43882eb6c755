using System;

namespace PEGen.IntegrationTests;

/// <summary>
/// The rotary forms allocate nothing per call: measured around 100 calls after warm-up, least of 5 rounds (a one-off
/// of the runtime on this thread, such as an on-stack-replacement compile, shows in one round only).
/// </summary>
public sealed class RotaryAllocationTests
{
    private static readonly float[] Vectors = new float[4 * 3 * LongRopeTwin.Dim];
    private static readonly float[] Destination = new float[4 * 3 * LongRopeTwin.Dim];
    private static readonly float[] Keys = new float[4 * LongRopeTwin.Dim];
    private static readonly int[] Positions = { 3, 30, 3, 0 };

    public static TheoryData<string> Forms() => new() { "Rotate", "RotateTo", "Factors", "FactorsTo", "Positions", "PositionsTo", "QueryKey" };

    [Theory]
    [MemberData(nameof(Forms))]
    public void EveryRotaryFormAllocatesNothing(string form)
    {
        Action call = form switch
        {
            "Rotate" => () => LongRopeTwin.Rotate(Vectors, 14, 3),
            "RotateTo" => () => LongRopeTwin.Rotate(Vectors, Destination, 14, 3),
            "Factors" => () => LongRopeTwin.Rotate(Vectors, 10, 3, LongRopeFactors.Short),
            "FactorsTo" => () => LongRopeTwin.Rotate(Vectors, Destination, 10, 3, LongRopeFactors.Long),
            "Positions" => () => LongRopeTwin.Rotate(Vectors, Positions, 3),
            "PositionsTo" => () => LongRopeTwin.Rotate(Vectors, Destination, Positions, 3),
            _ => () => LongRopeTwin.RotateQueryKey(Vectors, 3, Keys, 1, 20),
        };
        for (int i = 0; i < 300; i++) call();
        long least = long.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) call();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, least);
    }
}
