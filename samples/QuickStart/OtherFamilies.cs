using PEGen;

namespace QuickStart;

/// <summary>MAE ViT-B/16 at 224 px: a 14 x 14 patch grid of Dim 768 after one cls row (zeros).</summary>
[PositionalEncoding2D(Dim = 768, GridHeight = 14, GridWidth = 14, ExtraTokens = 1)]
public static partial class PatchPositions
{
}

/// <summary>Stable Diffusion's UNet timestep embedding (diffusers: Timesteps(320, flip_sin_to_cos=True, 0)).</summary>
[TimestepEmbedding(Dim = 320, Steps = 1000, FlipSinToCos = true, FreqShift = 0)]
public static partial class DiffusionTimesteps
{
}

/// <summary>ALiBi biases for 8 heads, the paper's slopes 2^-1, 2^-2, ..., 2^-8.</summary>
[AlibiBias(Heads = 8)]
public static partial class AttentionBiases
{
}
