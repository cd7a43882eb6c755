using System;
using System.Collections.Generic;

namespace Discussion;

/// <summary>One check: its name, whether it held, and the figure it was judged on.</summary>
public sealed record Check(string Name, bool Passed, string Figure);

/// <summary>
/// The two controls that make the experiment able to fail: the probe must read added sinusoids
/// near-perfectly where nothing masks them, and must find nothing where there is nothing.
/// </summary>
public static class SanityChecks
{
    /// <summary>Near-perfect: what the positive control must reach.</summary>
    public const double Recovered = 0.95;

    /// <summary>Near 0: the band the negative control must stay in, at every layer.</summary>
    public const double Nothing = 0.10;

    /// <summary>
    /// <paramref name="addedUnscaled"/>: (a) at layer 0 with the embeddings as initialised
    /// (Embed scale 1, content std 1/8); <paramref name="none"/>: (d) at every layer.
    /// </summary>
    public static IReadOnlyList<Check> Evaluate(VariantResult addedUnscaled, VariantResult none)
    {
        double recovered = Math.Min(addedUnscaled.SinCos[0], addedUnscaled.Position[0]);
        double leak = 0;
        for (int l = 0; l < none.SinCos.Length; l++)
            leak = Math.Max(leak, Math.Max(Math.Abs(none.SinCos[l]), Math.Abs(none.Position[l])));
        return new[]
        {
            new Check("the probe reads added sinusoids at layer 0 (content std 1/8)", recovered >= Recovered,
                $"R² {Report.Format(recovered)} (sin/cos {Report.Format(addedUnscaled.SinCos[0])}, position {Report.Format(addedUnscaled.Position[0])}), needs >= {Report.Format(Recovered)}"),
            new Check("the probe finds nothing without an encoding, at any layer", leak <= Nothing,
                $"max |R²| {Report.Format(leak)} over {none.SinCos.Length} layers, needs <= {Report.Format(Nothing)}"),
        };
    }
}
