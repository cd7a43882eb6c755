using PEGen;

namespace PEGen.IntegrationTests;

/// <summary>tests/golden/timestep_ddpm_d128_T1000.json: diffusers' defaults (flip_sin_to_cos False, downscale_freq_shift 1).</summary>
[TimestepEmbedding(Dim = 128, Steps = 1000)]
internal static partial class TimestepDdpm { }

/// <summary>tests/golden/timestep_sd_d320_T1000.json: the Stable Diffusion UNet's time_proj.</summary>
[TimestepEmbedding(Dim = 320, Steps = 1000, FlipSinToCos = true, FreqShift = 0)]
public static partial class TimestepSd { }

/// <summary>tests/golden/timestep_odd_d33_T100.json: an odd Dim ends in a zero column.</summary>
[TimestepEmbedding(Dim = 33, Steps = 100)]
internal static partial class TimestepOdd { }

/// <summary>Every other property set: Scale, MaxPeriod, a fractional FreqShift and flipped halves.</summary>
[TimestepEmbedding(Dim = 70, Steps = 64, FlipSinToCos = true, FreqShift = 0.5, Scale = 1000, MaxPeriod = 500)]
internal sealed partial class TimestepScaled { }

/// <summary>One frequency of exactly 1 (exp(0)): Encode(t) is [sin t, cos t], the kernel on any angle through the public API.</summary>
[TimestepEmbedding(Dim = 2, Steps = 4, FreqShift = 0)]
internal static partial class TimestepUnit { }
