using System;
using System.Collections.Generic;
using System.Globalization;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// Shared wording of the peer tables: times, ratios against a target (met / **missed**), and a tally of
/// every target checked so that the report ends with one line saying which missed.
/// </summary>
internal sealed class PeerFormat
{
    private readonly List<string> _missed = new();
    private int _checked;

    /// <summary>ratio with "met" or "**missed** by N%" when a target is given; every checked ratio is tallied.</summary>
    public string Ratio(double ratio, double? target, string what)
    {
        if (target is not double goal)
            return Inv($"{ratio:F2}x");
        _checked++;
        if (ratio >= goal)
            return Inv($"{ratio:F2}x met");
        _missed.Add(Inv($"{what} {ratio:F2}x (target {goal:0.0#}x)"));
        return Inv($"{ratio:F2}x **missed** by {(1 - ratio / goal) * 100:F0}%");
    }

    public string Tally => _missed.Count == 0
        ? Inv($"Peer targets in this run: all {_checked} met.")
        : Inv($"Peer targets in this run: {_checked - _missed.Count} of {_checked} met; missed: {string.Join("; ", _missed)}.");

    public static string MemoryBound(double copyNs, double pegenNs) => copyNs / pegenNs >= 0.8
        ? Inv($"yes: PEGen moves bytes at {copyNs / pegenNs:F2} of CopyTo's rate")
        : Inv($"no: PEGen at {copyNs / pegenNs:F2} of CopyTo's rate");

    public static string Time(double? ns) => ns switch
    {
        null => "n/a",
        < 1e3 => Inv($"{ns:F1} ns"),
        < 1e6 => Inv($"{ns / 1e3:F2} us"),
        _ => Inv($"{ns / 1e6:F2} ms"),
    };

    public static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
