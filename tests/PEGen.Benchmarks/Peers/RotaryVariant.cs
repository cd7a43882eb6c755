namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The rotary forms the peers are compared in: both layouts at full width (the classes of
/// <see cref="RotaryLayout"/>), both layouts with RotaryDim 32 of head 128, and one scaled form.
/// Public because BenchmarkDotNet parameters must be; <see cref="RotaryForm.Of"/> gives the details.
/// </summary>
public enum RotaryVariant
{
    /// <summary><c>Rope128</c>: pairs (k, k + 64), base 10000.</summary>
    Rope,

    /// <summary><c>RopeI128</c>: pairs (2k, 2k+1), base 10000.</summary>
    RopeInterleaved,

    /// <summary><c>RopePartial128</c>: the first 32 values of each head rotate as pairs (k, k + 16), 96 pass through (Pythia, NeoX).</summary>
    RopePartial,

    /// <summary><c>RopeIPartial128</c>: the first 32 values rotate as pairs (2k, 2k+1), 96 pass through (GPT-J).</summary>
    RopeIPartial,

    /// <summary><c>RopeLlama3128</c>: Llama 3.1's scaled frequencies, base 500000, the kernel of <c>Rope128</c>.</summary>
    RopeLlama3,
}
