using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The medians of the rotary peer classes in one run, by class, method and parameter values, and the
/// per-head fits T(h) = fixed + h · perHead (<see cref="HeadFit"/>) over the one-row head-count classes,
/// keyed by form name: the layout names of <see cref="RotatePeerHeadFitBenchmarks"/> are also the names
/// of the full-width <see cref="RotaryVariant"/>s, so one key serves both fit classes.
/// </summary>
internal sealed class PeerCells
{
    private static readonly string[] PeerTypes =
    {
        nameof(RotatePeerBenchmarks), nameof(RotatePeerHeadFitBenchmarks), nameof(RotatePeerVariantBenchmarks),
        nameof(RotatePeerVariantHeadFitBenchmarks), nameof(RotatePeerQueryKeyBenchmarks),
    };

    private readonly Dictionary<(string Type, string Method, string Params), double> _medians = new();

    public PeerCells(IEnumerable<Summary> summaries)
    {
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var benchmark = report.BenchmarkCase;
            string type = benchmark.Descriptor.Type.Name;
            if (report.ResultStatistics is null || !PeerTypes.Contains(type))
                continue;
            var values = benchmark.Parameters.Items.Select(p => (p.Name, Value: Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? ""));
            _medians[(type, benchmark.Descriptor.WorkloadMethod.Name, Key(values))] = report.ResultStatistics.Median;
        }
        FitPoints(nameof(RotatePeerHeadFitBenchmarks), "Layout", new[] { "PEGenRotate", "OrtIoBinding", "Ggml" });
        FitPoints(nameof(RotatePeerVariantHeadFitBenchmarks), "Variant", new[] { "OrtIoBinding" });
    }

    public bool IsEmpty => _medians.Count == 0;

    public bool Has(string type) => _medians.Keys.Any(k => k.Type == type);

    /// <summary>Fits by (form name, method).</summary>
    public Dictionary<(string Form, string Method), HeadFit> Fits { get; } = new();

    /// <summary>The median of one case, or null when it did not run; parameters as (name, value) pairs.</summary>
    public double? Get(string type, string method, params (string Name, string Value)[] parameters) =>
        _medians.TryGetValue((type, method, Key(parameters)), out double ns) ? ns : null;

    public HeadFit? Fit(string form, string method) => Fits.TryGetValue((form, method), out var fit) ? fit : null;

    private void FitPoints(string type, string formParameter, string[] methods)
    {
        var forms = _medians.Keys.Where(k => k.Type == type).Select(k => Parse(k.Params)[formParameter]).Distinct();
        foreach (string form in forms)
        {
            foreach (string method in methods)
            {
                var points = _medians.Where(c => c.Key.Type == type && c.Key.Method == method && Parse(c.Key.Params)[formParameter] == form)
                    .Select(c => (double.Parse(Parse(c.Key.Params)["Heads"], CultureInfo.InvariantCulture), c.Value))
                    .OrderBy(p => p.Item1).ToList();
                if (HeadFit.Of(points) is { } fit)
                    Fits[(form, method)] = fit;
            }
        }
    }

    private static string Key(IEnumerable<(string Name, string Value)> parameters) =>
        string.Join(";", parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + p.Value));

    private static Dictionary<string, string> Parse(string key) =>
        key.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
}
