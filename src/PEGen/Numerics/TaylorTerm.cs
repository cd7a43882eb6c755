namespace PEGen.Numerics;

/// <summary>
/// The Taylor coefficients of sin and cos that generated kernels write as literals: (-1)^(n/2) / n!, the factorial
/// exact in double (every partial product's odd part stays below 2^53 up to n = 22) and one IEEE division, so the
/// literal is the same on every host.
/// </summary>
internal static class TaylorTerm
{
    /// <summary>(-1)^(n/2) / n!: the coefficient of x^n in sin x (n odd) or cos x (n even).</summary>
    public static double Of(int n)
    {
        double factorial = 1;
        for (int i = 2; i <= n; i++) factorial *= i;
        return ((n / 2) % 2 == 1 ? -1.0 : 1.0) / factorial;
    }
}
