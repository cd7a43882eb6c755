using static PEGen.Benchmarks.Peers.PeerFormat;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// An engine's kernel time from its call time and its one-row fit: at decode (one row) perHead · heads, since
/// the fixed cost per call is most of such a call; at prefill the call minus the fixed part once per run the
/// call makes (a fixed cost per call does not grow with rows), with that part's share shown.
/// </summary>
internal static class PeerKernel
{
    public static double? Estimate(HeadFit? fit, int rows, int heads, double? call, int runs = 1)
    {
        if (fit is null)
            return null;
        if (rows == 1)
            return fit.KernelNs(heads);
        return call is double t ? t - runs * fit.FixedOrZeroNs : null;
    }

    public static string Text(double? kernel, HeadFit? fit, int rows, double? call, int runs = 1)
    {
        if (kernel is not double k || fit is null)
            return "n/a (no fit)";
        if (rows == 1)
            return Time(k) + " (perHead x heads)";
        string times = runs == 1 ? "" : Inv($"{runs} x ");
        return Inv($"{Time(k)} (call - {times}fixed; fixed {runs * fit.FixedOrZeroNs / call!.Value * 100:F2}% of it)");
    }
}
