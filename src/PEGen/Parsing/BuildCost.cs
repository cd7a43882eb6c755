using System.Globalization;

namespace PEGen.Parsing;

/// <summary>
/// The build time a table adds, for the PEG006 message. Measured on a 2-core machine with the
/// emitted form of <see cref="Emit.TableDataEmitter"/> (see README, "Build cost").
/// </summary>
internal static class BuildCost
{
    /// <summary>
    /// Seconds of clean Release build per MiB of table data, rounded up from the measurements in
    /// README: +1.53 s for 1 MiB, +10.8 s for 8 MiB.
    /// </summary>
    public const double SecondsPerMiB = 1.4;

    public static string Describe(long bytes)
    {
        double seconds = bytes / (1024d * 1024d) * SecondsPerMiB;
        return "about " + seconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
    }
}
