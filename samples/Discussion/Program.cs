using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Discussion;

// Usage: dotnet run --project samples/Discussion [-- --plot [path]]
// Prints the tables; with --plot also draws them (default docs/images/discussion-probe.png,
// relative to the current folder). Exit code 1 if a sanity check fails.
string? plotPath = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] != "--plot")
    {
        Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: [--plot [path]]");
        return 2;
    }
    plotPath = i + 1 < args.Length ? args[++i] : "docs/images/discussion-probe.png";
}

var clock = Stopwatch.StartNew();
var config = new ExperimentConfig();
var corpus = new Corpus(config);

var results = Variants.All.Select(v => Experiment.Run(v, config, corpus)).ToList();
var sweep = Experiment.SweepScales
    .Select(s => (s, Experiment.LayerZero(Variants.Added, config, corpus, s), Experiment.LayerZero(Variants.Concatenated, config, corpus, s)))
    .ToList();

Report.Print(Console.Out, config, results, sweep);

IReadOnlyList<Check> checks = SanityChecks.Evaluate(sweep[0].Item2, results.Single(r => r.Variant == Variants.None));
foreach (Check check in checks) Console.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Figure}");
Console.WriteLine($"computed in {clock.Elapsed.TotalSeconds:F1} s");

if (plotPath is not null) ProbePlot.Write(results, plotPath);
return checks.All(c => c.Passed) ? 0 : 1;
