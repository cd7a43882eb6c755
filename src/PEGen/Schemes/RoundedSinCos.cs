using System;
using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// Correctly rounded sin and cos of one argument, computed together: one double-double evaluation
/// (<see cref="DDMath.SinCos"/>) serves both results, and each is rounded with the proven error bound.
/// Whenever the bound does not decide the rounding (or the argument is tiny, zero or huge) it falls back to
/// <see cref="CorrectlyRounded"/>, so the results are exactly those of <see cref="CorrectlyRounded.Sin"/> /
/// <see cref="CorrectlyRounded.Cos"/> (float) and <see cref="CorrectlyRounded.SinDouble"/> /
/// <see cref="CorrectlyRounded.CosDouble"/> (double): correct rounding has only one answer.
/// </summary>
internal static class RoundedSinCos
{
    private static readonly double SingleTiny = FloatBits.PowerOfTwo(-13);
    private static readonly double DoubleTiny = FloatBits.PowerOfTwo(-27);
    private static readonly double Huge = FloatBits.PowerOfTwo(40);

    /// <summary>float32 sin(x), cos(x), each correctly rounded.</summary>
    public static void Single(float x, out float sin, out float cos)
    {
        double a = Math.Abs((double)x);
        if (a >= SingleTiny && a < Huge)
        {
            DDMath.SinCos(new DoubleDouble(x, 0.0), 0.0, out DoubleDouble s, out DoubleDouble c, out double se, out double ce);
            if (!FloatBits.TryRoundToSingle(s, se, out sin))
                sin = CorrectlyRounded.Sin(x);
            if (!FloatBits.TryRoundToSingle(c, ce, out cos))
                cos = CorrectlyRounded.Cos(x);
            return;
        }
        sin = CorrectlyRounded.Sin(x);
        cos = CorrectlyRounded.Cos(x);
    }

    /// <summary>float64 sin(x), cos(x), each correctly rounded.</summary>
    public static void Double(double x, out double sin, out double cos)
    {
        double a = Math.Abs(x);
        if (a >= DoubleTiny && a < Huge)
        {
            DDMath.SinCos(new DoubleDouble(x, 0.0), 0.0, out DoubleDouble s, out DoubleDouble c, out double se, out double ce);
            if (!FloatBits.TryRoundToDouble(s, se, out sin))
                sin = CorrectlyRounded.SinDouble(x);
            if (!FloatBits.TryRoundToDouble(c, ce, out cos))
                cos = CorrectlyRounded.CosDouble(x);
            return;
        }
        sin = CorrectlyRounded.SinDouble(x);
        cos = CorrectlyRounded.CosDouble(x);
    }
}
