using PEGen.Model;
using PEGen.Numerics;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Definitions;

/// <summary>
/// openai/whisper <c>model.sinusoids(length, channels, max_timescale=10000)</c>:
/// <code>
/// assert channels % 2 == 0
/// log_timescale_increment = np.log(max_timescale) / (channels // 2 - 1)
/// inv_timescales = torch.exp(-log_timescale_increment * torch.arange(channels // 2))
/// scaled_time = torch.arange(length)[:, np.newaxis] * inv_timescales[np.newaxis, :]
/// return torch.cat([torch.sin(scaled_time), torch.cos(scaled_time)], dim=1)
/// </code>
/// Emulated: the increment is numpy float64 (<c>ln(Base) / (N - 1)</c>, correctly rounded ln); the np.float64 times an
/// int64 tensor defers to <c>Tensor.__rmul__</c>, so the scalar is rounded to float32 and the product is float32:
/// <c>inv_k = exp_f32(f32(f32(-inc) * f32(k)))</c>; then <see cref="Float32Frequency"/>. The reference asserts an even
/// Dim (PEG010). N = 1 (Dim 2) divides by zero in the reference (giving NaN); here the increment is taken as 0.
/// </summary>
internal sealed class WhisperScheme : TimescaleScheme
{
    public override SchemeKind Kind => SchemeKind.Whisper;
    public override OddDimension OddDimension => OddDimension.Rejected;

    public override string Summary => "openai/whisper's sinusoids (audio encoder positions).";
    public override string Reference => "openai/whisper sinusoids";
    public override string Formula => "PE(p, k) = sin(p * Base^(-k/(N-1))), PE(p, N+k) = cos(same), N = Dim/2";

    public static float[] InverseTimescales(int dim, double @base)
    {
        int n = dim / 2;
        double inc = n > 1 ? CorrectlyRounded.LogDouble(@base) / (n - 1) : 0.0;
        float negInc = (float)-inc;
        var inv = new float[n];
        for (int k = 0; k < n; k++)
            inv[k] = CorrectlyRounded.Exp((float)(negInc * (float)k));
        return inv;
    }

    public override Frequency[] Frequencies(EncodingSpec spec) => Float32Frequency.All(InverseTimescales(spec.Dim, spec.Base));

    public override string[] GoldenTables => new[] { "whisper_d384_L1500" };
}
