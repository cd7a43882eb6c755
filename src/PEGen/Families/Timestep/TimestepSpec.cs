using PEGen.Model;

namespace PEGen.Families.Timestep;

/// <summary>A valid <c>[TimestepEmbedding]</c> declaration: where its members go and the numbers that make its table.</summary>
/// <param name="Shell">The annotated class.</param>
/// <param name="Dim">Values per timestep.</param>
/// <param name="Steps">Table rows (integer timesteps 0 to Steps - 1).</param>
/// <param name="FlipSinToCos">Cosines first.</param>
/// <param name="FreqShift">diffusers' <c>downscale_freq_shift</c>.</param>
/// <param name="Scale">Multiplies the angles.</param>
/// <param name="MaxPeriod">The slowest period.</param>
internal sealed record TimestepSpec(
    DeclarationShell Shell,
    int Dim,
    int Steps,
    bool FlipSinToCos,
    double FreqShift,
    double Scale,
    double MaxPeriod)
{
    /// <summary>Frequencies: Dim / 2 (an odd Dim's last column is zero).</summary>
    public int Half => Dim / 2;
}
