using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace PEGen.Numerics;

/// <summary>
/// Correctly rounded (to nearest float32, ties to even) sinusoids sin(p * Base^(-num/den)) and cos(...),
/// computed host-independently: a double-double fast path with a proven error bound, and a BigInteger
/// fallback (<see cref="BigFixed"/>) whenever the fast result is too close to a float32 rounding boundary.
/// </summary>
internal static class ExactSinusoid
{
    private static readonly double OmegaRelErr = FloatBits.PowerOfTwo(-83);
    private static long s_slowPathCount;

    /// <summary>Number of entries (sin or cos) that needed the BigInteger fallback since start-up (diagnostics).</summary>
    public static long SlowPathCount => Interlocked.Read(ref s_slowPathCount);

    private const double MaxExactInt = 9007199254740992.0; // 2^53

    private static void Validate(double @base, long num, long den)
    {
        if (!(@base > 0) || double.IsInfinity(@base))
            throw new ArgumentOutOfRangeException(nameof(@base), "Base must be positive and finite.");
        if (den <= 0 || den > (long)MaxExactInt)
            throw new ArgumentOutOfRangeException(nameof(den), "Denominator must be in 1..2^53.");
        if (num > (long)MaxExactInt || num < -(long)MaxExactInt)
            throw new ArgumentOutOfRangeException(nameof(num), "Numerator must be within +-2^53.");
    }

    /// <summary>Exponent t = -(num/den) * ln(Base) as DD (relative error &lt;= 2^-96).</summary>
    private static DoubleDouble LogOmega(double @base, long num, long den)
    {
        if (num == 0 || @base == 1.0)
            return DoubleDouble.Zero;
        return -(DDMath.Log(@base) * (double)num / (double)den);
    }

    private static bool FastOmegaOk(DoubleDouble t) => Math.Abs(t.Hi) <= 600;

    /// <summary>omega = Base^(-num/den) as a double-double (relative error &lt;= 2^-83 when |ln omega| &lt;= 600).</summary>
    public static DoubleDouble InverseFrequency(double @base, long num, long den)
    {
        Validate(@base, num, den);
        DoubleDouble t = LogOmega(@base, num, den);
        if (!FastOmegaOk(t))
            throw new ArgumentOutOfRangeException(nameof(@base), "Base^(-num/den) is outside 1e-260..1e260.");
        return DDMath.Exp(t);
    }

    /// <summary>
    /// Correctly rounded float32 sin(p*omega), cos(p*omega) for the double-double omega taken as an exact
    /// value. The result depends on the arguments only (no process-wide state), so it is the same in every
    /// compiler process; to round sin(p * Base^(-num/den)) of the true frequency use the other overload.
    /// </summary>
    public static void SinCos(long position, DoubleDouble omega, out float sin, out float cos)
    {
        if (position == 0)
        {
            sin = 0.0f;
            cos = 1.0f;
            return;
        }
        SinCosCore(position, omega, false, 0, 0, 1, out sin, out cos);
    }

    /// <summary>Correctly rounded float32 sin and cos of p * Base^(-num/den).</summary>
    public static void SinCos(long position, double @base, long num, long den, out float sin, out float cos)
    {
        Validate(@base, num, den);
        if (position == 0)
        {
            sin = 0.0f;
            cos = 1.0f;
            return;
        }
        DoubleDouble t = LogOmega(@base, num, den);
        if (!FastOmegaOk(t))
        {
            sin = SlowEntry(position, @base, num, den, default, true, wantSin: true);
            cos = SlowEntry(position, @base, num, den, default, true, wantSin: false);
            return;
        }
        SinCosCore(position, DDMath.Exp(t), true, @base, num, den, out sin, out cos);
    }

    [MethodImpl(Hot.Optimize)]
    private static void SinCosCore(long position, DoubleDouble omega, bool exactOrigin, double @base, long num, long den, out float sin, out float cos)
    {
        DoubleDouble x = position > -(long)MaxExactInt && position < (long)MaxExactInt
            ? omega * (double)position
            : omega * DoubleDouble.FromInt(position);
        if (Math.Abs(x.Hi) < 3.5e13)
        {
            double errX = Math.Abs(x.Hi) * OmegaRelErr;
            if (!exactOrigin)
                errX = Math.Abs(x.Hi) * FloatBits.PowerOfTwo(-100);
            DDMath.SinCos(x, errX, out DoubleDouble s, out DoubleDouble c, out double se, out double ce);
            bool sOk = FloatBits.TryRoundToSingle(s, se, out sin);
            bool cOk = FloatBits.TryRoundToSingle(c, ce, out cos);
            if (!sOk)
                sin = SlowEntry(position, @base, num, den, omega, exactOrigin, wantSin: true);
            if (!cOk)
                cos = SlowEntry(position, @base, num, den, omega, exactOrigin, wantSin: false);
            return;
        }
        sin = SlowEntry(position, @base, num, den, omega, exactOrigin, wantSin: true);
        cos = SlowEntry(position, @base, num, den, omega, exactOrigin, wantSin: false);
    }

    /// <summary>The BigInteger path for one entry: float32 of sin or cos of position * omega.</summary>
    internal static float SlowEntry(long position, double @base, long num, long den, DoubleDouble omegaDd, bool exactOrigin, bool wantSin)
    {
        Interlocked.Increment(ref s_slowPathCount);
        return (float)Reference(position, @base, num, den, omegaDd, exactOrigin, wantSin);
    }

    /// <summary>Reference value (no fast path): correctly rounded float32 of sin/cos(position * Base^(-num/den)).</summary>
    public static float Reference(long position, double @base, long num, long den, bool wantSin)
    {
        Validate(@base, num, den);
        return (float)Reference(position, @base, num, den, default, true, wantSin);
    }

    private static double Reference(long position, double @base, long num, long den, DoubleDouble omegaDd, bool exactOrigin, bool wantSin)
    {
        if (position == 0)
            return wantSin ? 0.0 : 1.0;
        int posBits = BigFixed.BitLength(position);
        return BigFixed.Evaluate(p =>
        {
            int p2 = p + 40; // working precision of x
            BigInteger x;
            if (exactOrigin)
            {
                // omega = exp(t), t = -(num/den) ln(Base)
                double tEst = num == 0 || @base == 1.0 ? 0.0 : -(DDMath.Log(@base).Hi * num / den);
                int nEst = (int)(Math.Abs(tEst) * 1.5) + 4;
                int numBits = BigFixed.BitLength(num);
                int q = p2 + posBits + nEst + numBits + 16;
                BigInteger t = num == 0 || @base == 1.0 ? BigInteger.Zero : -(BigFixed.Log(@base, q) * num) / den;
                BigInteger e = BigFixed.Exp(t, q, out int n);
                // omega = e * 2^(n - q); x = position * omega at p2 bits
                x = BigFixed.ShiftRound(e * position, q - n - p2);
            }
            else
            {
                int q = p2 + 1200;
                BigInteger omega = BigFixed.FromDouble(omegaDd.Hi, q) + BigFixed.FromDouble(omegaDd.Lo, q);
                x = BigFixed.ShiftRound(omega * position, q - p2);
            }
            BigFixed.SinCos(x, p2, out BigInteger s, out BigInteger c);
            BigInteger v = BigFixed.ShiftRound(wantSin ? s : c, p2 - p);
            return (v, -p, new BigInteger(BigFixed.ErrorUnits));
        }, BigFixed.Single);
    }

    /// <summary>
    /// Prepares the frequency Base^(-num/den) for evaluation at many positions: the double-double omega
    /// is computed once; where it is out of the fast range every entry takes the BigInteger path.
    /// </summary>
    public static ExactOmega Prepare(double @base, long num, long den)
    {
        Validate(@base, num, den);
        DoubleDouble t = LogOmega(@base, num, den);
        bool fast = FastOmegaOk(t);
        return new ExactOmega(@base, num, den, fast, fast ? DDMath.Exp(t) : default);
    }

    /// <summary>Correctly rounded float32 sin and cos of position * omega, omega prepared by <see cref="Prepare"/>.</summary>
    [MethodImpl(Hot.Optimize)]
    public static void SinCos(long position, in ExactOmega omega, out float sin, out float cos)
    {
        if (position == 0)
        {
            sin = 0.0f;
            cos = 1.0f;
        }
        else if (omega.Fast)
        {
            SinCosCore(position, omega.Omega, true, omega.Base, omega.Num, omega.Den, out sin, out cos);
        }
        else
        {
            sin = SlowEntry(position, omega.Base, omega.Num, omega.Den, default, true, wantSin: true);
            cos = SlowEntry(position, omega.Base, omega.Num, omega.Den, default, true, wantSin: false);
        }
    }
}

/// <summary>A frequency Base^(-num/den) prepared by <see cref="ExactSinusoid.Prepare"/>.</summary>
/// <param name="Base">The base.</param>
/// <param name="Num">The exponent's numerator.</param>
/// <param name="Den">The exponent's denominator.</param>
/// <param name="Fast">Whether the double-double <paramref name="Omega"/> is in range (|ln omega| &lt;= 600).</param>
/// <param name="Omega">omega as a double-double, when <paramref name="Fast"/>.</param>
internal readonly record struct ExactOmega(double Base, long Num, long Den, bool Fast, DoubleDouble Omega);
