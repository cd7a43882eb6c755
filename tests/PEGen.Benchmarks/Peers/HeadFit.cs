using System;
using System.Collections.Generic;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// Least-squares line T(h) = Fixed + h · PerHead through (heads, median ns) points: the fixed part is
/// the cost of a call with no work (ORT's session machinery, ggml's graph walk), PerHead the kernel.
/// </summary>
internal sealed record HeadFit(double FixedNs, double PerHeadNs, double RSquared, int Points)
{
    public static HeadFit? Of(IReadOnlyList<(double Heads, double Ns)> points)
    {
        int n = points.Count;
        if (n < 3)
            return null;
        double meanX = 0, meanY = 0;
        foreach (var (x, y) in points)
        {
            meanX += x / n;
            meanY += y / n;
        }
        double sxx = 0, sxy = 0, syy = 0;
        foreach (var (x, y) in points)
        {
            sxx += (x - meanX) * (x - meanX);
            sxy += (x - meanX) * (y - meanY);
            syy += (y - meanY) * (y - meanY);
        }
        double slope = sxy / sxx, intercept = meanY - slope * meanX;
        double residual = 0;
        foreach (var (x, y) in points)
        {
            double e = y - (intercept + slope * x);
            residual += e * e;
        }
        return new HeadFit(intercept, slope, syy > 0 ? 1 - residual / syy : 1, n);
    }

    /// <summary>The kernel time of <paramref name="heads"/> heads of one row: PerHead · heads.</summary>
    public double KernelNs(int heads) => PerHeadNs * heads;

    /// <summary>Clamped at zero: a fit over noisy points can put a tiny fixed part below it.</summary>
    public double FixedOrZeroNs => Math.Max(0, FixedNs);
}
