using System;
using System.Runtime.CompilerServices;

namespace PEGen.Numerics;

/// <summary>
/// Double-double elementary functions built only from IEEE double <c>+ - * /</c>: host independent, about 2^-96 accurate.
/// Each function documents the error bound its callers rely on for the correct-rounding test.
/// </summary>
internal static class DDMath
{
    // pi/2 = PiO2_1 + PiO2_2 + PiO2_3 + (5.6e-50); each part is the nearest double to the remainder (checked in tests).
    public static readonly double PiO2_1 = BitConverter.Int64BitsToDouble(0x3ff921fb54442d18);
    public static readonly double PiO2_2 = BitConverter.Int64BitsToDouble(0x3c91a62633145c07);
    public static readonly double PiO2_3 = BitConverter.Int64BitsToDouble(unchecked((long)0xb91f1976b7ed8fbcUL));

    // ln 2 = Ln2_1 + Ln2_2 + Ln2_3 + (-3.6e-50).
    public static readonly double Ln2_1 = BitConverter.Int64BitsToDouble(0x3fe62e42fefa39ef);
    public static readonly double Ln2_2 = BitConverter.Int64BitsToDouble(0x3c7abc9e3b39803f);
    public static readonly double Ln2_3 = BitConverter.Int64BitsToDouble(0x3907b57a079a1934);

    /// <summary>Nearest double to 2/pi (only used to pick the quadrant; any value this close works).</summary>
    public static readonly double TwoOverPi = BitConverter.Int64BitsToDouble(0x3fe45f306dc9c883);

    /// <summary>Nearest double to 1/ln 2 (only used to pick the reduction multiple).</summary>
    public static readonly double InvLn2 = BitConverter.Int64BitsToDouble(0x3ff71547652b82fe);

    /// <summary>sqrt(2) rounded down (only a range split point).</summary>
    private const double Sqrt2 = 1.4142135623730951;

    public static readonly DoubleDouble Ln2 = new(Ln2_1, Ln2_2);
    public static readonly DoubleDouble PiO2 = new(PiO2_1, PiO2_2);

    private static readonly double P2m97 = FloatBits.PowerOfTwo(-97);
    private static readonly double P2m99 = FloatBits.PowerOfTwo(-99);
    private static readonly double P2m145 = FloatBits.PowerOfTwo(-145);
    private static readonly double P2m1000 = FloatBits.PowerOfTwo(-1000);

    private const int ExpTerms = 25;     // 1/n!, n = 0..24 for |r| <= 0.35
    private const int SinTerms = 15;     // (-1)^i/(2i+1)!, i = 0..14 for |r| <= 0.79
    private const int CosTerms = 16;     // (-1)^i/(2i)!,  i = 0..15
    private const int AtanhTerms = 24;   // 1/(2i+1), i = 0..23 for |s| <= 0.172

    private static readonly DoubleDouble[] s_expCoeff = new DoubleDouble[ExpTerms];
    private static readonly DoubleDouble[] s_sinCoeff = new DoubleDouble[SinTerms];
    private static readonly DoubleDouble[] s_cosCoeff = new DoubleDouble[CosTerms];
    private static readonly DoubleDouble[] s_atanhCoeff = new DoubleDouble[AtanhTerms];

    static DDMath()
    {
        // Inverse factorials by repeated exact-ish DD division: deterministic, relative error < 40 * 2^-104.
        var invFact = new DoubleDouble[2 * CosTerms + 2];
        invFact[0] = DoubleDouble.One;
        for (int n = 1; n < invFact.Length; n++)
            invFact[n] = invFact[n - 1] / n;
        for (int n = 0; n < ExpTerms; n++)
            s_expCoeff[n] = invFact[n];
        for (int i = 0; i < SinTerms; i++)
            s_sinCoeff[i] = (i & 1) == 0 ? invFact[2 * i + 1] : -invFact[2 * i + 1];
        for (int i = 0; i < CosTerms; i++)
            s_cosCoeff[i] = (i & 1) == 0 ? invFact[2 * i] : -invFact[2 * i];
        for (int i = 0; i < AtanhTerms; i++)
            s_atanhCoeff[i] = DoubleDouble.One / (2 * i + 1);
        s_sinSmall = Take(s_sinCoeff, 6);
        s_cosSmall = Take(s_cosCoeff, 7);
        s_sinTable = BuildTable(true);
        s_cosTable = BuildTable(false);
    }

    private static DoubleDouble Horner(DoubleDouble[] coeff, DoubleDouble x)
    {
        DoubleDouble acc = coeff[coeff.Length - 1];
        for (int i = coeff.Length - 2; i >= 0; i--)
            acc = acc * x + coeff[i];
        return acc;
    }

    /// <summary>
    /// Natural log of a positive finite double (subnormals allowed).
    /// Absolute error &lt;= 2^-98 * |ln x| (and 0 for x == 1).
    /// </summary>
    public static DoubleDouble Log(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
            throw new ArgumentOutOfRangeException(nameof(x), "Log needs a positive finite value.");
        int extra = 0;
        if (x < 2.2250738585072014E-308)
        {
            x *= 18014398509481984.0; // 2^54, exact
            extra = -54;
        }
        long bits = BitConverter.DoubleToInt64Bits(x);
        int e = (int)((bits >> 52) & 0x7FF) - 1023 + extra;
        double m = BitConverter.Int64BitsToDouble((bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }
        DoubleDouble lnM;
        if (m == 1.0)
        {
            lnM = DoubleDouble.Zero;
        }
        else
        {
            double num = m - 1.0; // exact (Sterbenz)
            double denHi = DoubleDouble.TwoSum(m, 1.0, out double denLo);
            DoubleDouble s = new DoubleDouble(num, 0.0) / new DoubleDouble(denHi, denLo);
            DoubleDouble s2 = s * s;
            lnM = (s * Horner(s_atanhCoeff, s2)).ScaleByPowerOfTwo(1);
        }
        if (e == 0)
            return lnM;
        double p1 = DoubleDouble.TwoProduct(e, Ln2_1, out double p1e);
        double p2 = DoubleDouble.TwoProduct(e, Ln2_2, out double p2e);
        DoubleDouble eln2 = new DoubleDouble(p1, 0.0) + p1e + p2 + (p2e + e * Ln2_3);
        return eln2 + lnM;
    }

    /// <summary>
    /// exp(x) for |x| &lt;= 745 with exact x. Relative error &lt;= 2^-96. Result may lose its low part below ~1e-290.
    /// </summary>
    public static DoubleDouble Exp(DoubleDouble x)
    {
        if (x.Hi == 0.0)
            return DoubleDouble.One;
        double n = Math.Round(x.Hi * InvLn2, MidpointRounding.ToEven);
        DoubleDouble r = x;
        if (n != 0)
        {
            double p1 = DoubleDouble.TwoProduct(n, Ln2_1, out double p1e);
            double p2 = DoubleDouble.TwoProduct(n, Ln2_2, out double p2e);
            r = r - new DoubleDouble(p1, p1e);
            r = r - new DoubleDouble(p2, p2e);
            r = r - n * Ln2_3;
        }
        DoubleDouble e = Horner(s_expCoeff, r);
        return n == 0 ? e : e.ScaleByPowerOfTwo((int)n);
    }

    /// <summary>
    /// Reduces x modulo pi/2: x = k*pi/2 + r, |r| &lt;= ~pi/4. Needs |x| &lt; 2^45.
    /// Absolute error of r (beyond the error already in x) &lt;= 2^-99 |r| + |k| 2^-145.
    /// </summary>
    [MethodImpl(Hot.Optimize)]
    public static DoubleDouble ReduceHalfPi(DoubleDouble x, out double k)
    {
        k = Math.Round(x.Hi * TwoOverPi, MidpointRounding.ToEven);
        if (k == 0)
            return x;
        double p1 = DoubleDouble.TwoProduct(k, PiO2_1, out double p1e);
        double p2 = DoubleDouble.TwoProduct(k, PiO2_2, out double p2e);
        DoubleDouble r = x - new DoubleDouble(p1, p1e);
        r = r - new DoubleDouble(p2, p2e);
        r = r - k * PiO2_3;
        return r;
    }

    private const int TableSteps = 64;     // breakpoints a_j = j/64
    private const int TableSize = 53;      // j = 0..52 covers |r| <= 0.82
    // Filled by the static constructor after the Taylor coefficients (field initializers would run too early).
    private static readonly DoubleDouble[] s_sinTable;
    private static readonly DoubleDouble[] s_cosTable;
    private static readonly DoubleDouble[] s_sinSmall; // |s| <= 1/128: truncation error < 2^-120
    private static readonly DoubleDouble[] s_cosSmall;

    private static DoubleDouble[] Take(DoubleDouble[] a, int n)
    {
        var r = new DoubleDouble[n];
        Array.Copy(a, r, n);
        return r;
    }

    private static DoubleDouble[] BuildTable(bool sin)
    {
        var t = new DoubleDouble[TableSize];
        for (int j = 0; j < TableSize; j++)
        {
            SinCosTaylor(new DoubleDouble(j / (double)TableSteps, 0.0), out DoubleDouble s, out DoubleDouble c);
            t[j] = sin ? s : c;
        }
        return t;
    }

    /// <summary>Plain Taylor kernel for |r| &lt;= 0.82 (used to build the tables).</summary>
    private static void SinCosTaylor(DoubleDouble r, out DoubleDouble sin, out DoubleDouble cos)
    {
        DoubleDouble r2 = r * r;
        sin = r * Horner(s_sinCoeff, r2);
        cos = Horner(s_cosCoeff, r2);
    }

    /// <summary>
    /// sin and cos of |r| &lt;= 0.8. Errors: |sin err| &lt;= 2^-99 |sin r|, |cos err| &lt;= 2^-99.
    /// Uses r = j/64 + s with tabulated sin/cos(j/64) and short Taylor series in s (|s| &lt;= 1/128).
    /// </summary>
    [MethodImpl(Hot.Optimize)]
    public static void SinCosKernel(DoubleDouble r, out DoubleDouble sin, out DoubleDouble cos)
    {
        bool neg = r.Hi < 0;
        if (neg)
            r = -r;
        int j = (int)Math.Round(r.Hi * TableSteps, MidpointRounding.ToEven);
        if (j >= TableSize)
            j = TableSize - 1;
        DoubleDouble sr = j == 0 ? r : r - j / (double)TableSteps; // exact breakpoint, accurate subtraction
        DoubleDouble s2 = sr * sr;
        DoubleDouble ss = sr * Horner(s_sinSmall, s2);
        DoubleDouble cs = Horner(s_cosSmall, s2);
        if (j == 0)
        {
            sin = ss;
            cos = cs;
        }
        else
        {
            DoubleDouble sa = s_sinTable[j], ca = s_cosTable[j];
            sin = sa * cs + ca * ss;
            cos = ca * cs - sa * ss;
        }
        if (neg)
            sin = -sin;
    }

    /// <summary>
    /// sin/cos of x (|x| &lt; 2^45) given as DD with absolute error <paramref name="inputErr"/>.
    /// Returns absolute error bounds for each result.
    /// </summary>
    [MethodImpl(Hot.Optimize)]
    public static void SinCos(DoubleDouble x, double inputErr, out DoubleDouble sin, out DoubleDouble cos, out double sinErr, out double cosErr)
    {
        DoubleDouble r = ReduceHalfPi(x, out double k);
        SinCosKernel(r, out DoubleDouble s, out DoubleDouble c);
        double errR = inputErr + Math.Abs(r.Hi) * P2m99 + Math.Abs(k) * P2m145;
        int q = (int)(k - 4.0 * Math.Floor(k * 0.25));
        switch (q)
        {
            case 0: sin = s; cos = c; break;
            case 1: sin = c; cos = -s; break;
            case 2: sin = -s; cos = -c; break;
            default: sin = -c; cos = s; break;
        }
        sinErr = errR + Math.Abs(sin.Hi) * P2m97 + P2m1000;
        cosErr = errR + Math.Abs(cos.Hi) * P2m97 + P2m1000;
    }
}
