namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The ggml_rope_ext arguments of one rotary form: mode (<see cref="GgmlNative.RopeNeox"/> or
/// <see cref="GgmlNative.RopeNormal"/>), head size (ne0), n_dims (the rotated width: ggml rotates the
/// first n_dims values of each head with frequencies base^(−2k/n_dims) and copies the rest), n_ctx_orig,
/// freq_base, and the optional c tensor of per-pair frequency divisors (llama.cpp's rope_freqs, Llama 3).
/// YaRN stays off (freq_scale 1, ext_factor 0, attn_factor 1, beta_fast 32, beta_slow 1).
/// </summary>
internal sealed record GgmlRope(int Mode, int HeadSize, int RotaryDims, int ContextLength, float FreqBase, float[]? FreqFactors);
