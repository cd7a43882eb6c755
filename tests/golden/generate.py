#!/usr/bin/python3
"""Regenerate PEGen's golden positional-encoding tables from the reference formulas.

Each table is computed by re-running the formula exactly as the reference project
writes it (PyTorch float32 where it computes in float32, NumPy float64 where it does,
mpmath for the correctly rounded `exact_*` tables), then written as compact JSON.

Usage (Debian packages python3-torch 1.13, python3-numpy, python3-mpmath):

    ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tests/golden/generate.py [OUTDIR]
    ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tests/golden/generate.py --check

OUTDIR defaults to this script's folder. --check regenerates into a temporary folder
and compares byte for byte with the checked-in files (exit status 1 on any DIFF).
"""

import os

# PyTorch picks its vectorised kernels (and so the SLEEF sin/cos/exp variants) by CPU
# capability; the tables were made with the AVX2 ones. Must be set before importing torch.
os.environ["ATEN_CPU_CAPABILITY"] = "avx2"

import argparse
import json
import math
import shutil
import struct
import sys
import tempfile

try:
    import mpmath
    import numpy as np
    import torch
except ImportError as e:  # e.g. a pyenv python3 on PATH instead of Debian's
    sys.exit("generate.py: %s. Run it with Debian's /usr/bin/python3 after "
             "`apt-get install -y python3-torch python3-numpy python3-mpmath`." % e)

torch.set_num_threads(1)


# ---------------------------------------------------------------------------
# float32 bit strings


def f32_bits(values):
    """Array-like of float32 values -> list of 8-hex-digit lowercase bit strings."""
    a = np.ascontiguousarray(np.asarray(values, dtype=np.float32))
    return ["%08x" % u for u in a.view(np.uint32).ravel().tolist()]


def table_rows(table, rows):
    """float32 2-D table -> list of rows (bit strings) for the given row indices."""
    t = table.numpy() if isinstance(table, torch.Tensor) else np.asarray(table)
    assert t.dtype == np.float32, t.dtype
    return [f32_bits(t[r]) for r in rows]


def mp_to_f32(x):
    """Round an mpmath value to the nearest float32, ties to even (no double rounding)."""
    if x == 0:
        return 0.0
    # mpf_pos at 24 bits rounds once, to nearest-even, from the full-precision value.
    # The result has 24 significant bits, so converting it to a Python float is exact
    # (no value here is near the float32 subnormal or overflow range).
    man_exp = mpmath.libmp.mpf_pos(x._mpf_, 24, mpmath.libmp.round_nearest)
    v = float(mpmath.mpf(man_exp))
    assert struct.unpack("<f", struct.pack("<f", v))[0] == v
    return v


# ---------------------------------------------------------------------------
# first wave: sinusoidal and rotary compat schemes


def exact_vaswani(d, n, rows):
    """Vaswani et al.: PE(p,2i)=sin(p/10000^(2i/d)), PE(p,2i+1)=cos(same), 60 digits."""
    mpmath.mp.dps = 60
    out = []
    for p in rows:
        row = []
        for j in range(d):
            i2 = j - (j % 2)
            angle = mpmath.mpf(p) / mpmath.power(10000, mpmath.mpf(i2) / d)
            v = mpmath.sin(angle) if j % 2 == 0 else mpmath.cos(angle)
            row.append(mp_to_f32(v))
        out.append(f32_bits(row))
    return {"values": out}


def annotated(d, n, rows):
    """harvardnlp, The Annotated Transformer: PositionalEncoding.__init__."""
    pe = torch.zeros(n, d)
    position = torch.arange(0, n).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d, 2) * -(math.log(10000.0) / d))
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    return {"values": table_rows(pe, rows)}


def _hf_position_enc(n_pos, dim):
    return np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(n_pos)])


def hf_xlm(d, n, rows):
    """transformers create_sinusoidal_embeddings (XLM, DistilBERT, ...)."""
    position_enc = _hf_position_enc(n, d)
    out = torch.empty(n, d)
    out[:, 0::2] = torch.FloatTensor(np.sin(position_enc[:, 0::2]))
    out[:, 1::2] = torch.FloatTensor(np.cos(position_enc[:, 1::2]))
    return {"values": table_rows(out, rows)}


def hf_marian(d, n, rows):
    """transformers MarianSinusoidalPositionalEmbedding._init_weight."""
    position_enc = _hf_position_enc(n, d)
    out = torch.empty(n, d)
    sentinel = d // 2 if d % 2 == 0 else (d // 2) + 1
    out[:, 0:sentinel] = torch.FloatTensor(np.sin(position_enc[:, 0::2]))
    out[:, sentinel:] = torch.FloatTensor(np.cos(position_enc[:, 1::2]))
    return {"values": table_rows(out, rows)}


def t2t(d, n, rows, min_timescale=1.0, max_timescale=1.0e4):
    """tensor2tensor common_attention.get_timing_signal_1d, TF float32 emulated in torch."""
    position = torch.arange(n, dtype=torch.float32)  # tf.to_float(tf.range(length))
    num_timescales = d // 2
    # math.log(...) is a Python double; tf.maximum(tf.to_float(num_timescales) - 1, 1) is a
    # float32 tensor, so the double is converted to float32 and divided in float32.
    denom = torch.clamp(torch.tensor(float(num_timescales), dtype=torch.float32) - 1, min=1)
    log_timescale_increment = torch.tensor(math.log(float(max_timescale) / float(min_timescale)), dtype=torch.float32) / denom
    inv_timescales = min_timescale * torch.exp(torch.arange(num_timescales, dtype=torch.float32) * -log_timescale_increment)
    scaled_time = position.unsqueeze(1) * inv_timescales.unsqueeze(0)
    signal = torch.cat([torch.sin(scaled_time), torch.cos(scaled_time)], dim=1)
    signal = torch.nn.functional.pad(signal, (0, d % 2))
    return {"values": table_rows(signal, rows)}


def fairseq(d, n, rows, padding_idx):
    """fairseq SinusoidalPositionalEmbedding.get_embedding."""
    half_dim = d // 2
    emb = math.log(10000) / (half_dim - 1)
    emb = torch.exp(torch.arange(half_dim, dtype=torch.float) * -emb)
    emb = torch.arange(n, dtype=torch.float).unsqueeze(1) * emb.unsqueeze(0)
    emb = torch.cat([torch.sin(emb), torch.cos(emb)], dim=1).view(n, -1)
    if d % 2 == 1:
        emb = torch.cat([emb, torch.zeros(n, 1)], dim=1)
    if padding_idx is not None:
        emb[padding_idx, :] = 0
    return {"values": table_rows(emb, rows)}


def whisper(d, n, rows, max_timescale=10000):
    """openai/whisper model.sinusoids."""
    assert d % 2 == 0
    log_timescale_increment = np.log(max_timescale) / (d // 2 - 1)
    inv_timescales = torch.exp(-log_timescale_increment * torch.arange(d // 2))
    scaled_time = torch.arange(n)[:, np.newaxis] * inv_timescales[np.newaxis, :]
    return {"values": table_rows(torch.cat([torch.sin(scaled_time), torch.cos(scaled_time)], dim=1), rows)}


def rope_default(d, n, rows, base=10000.0):
    """transformers LlamaRotaryEmbedding (default rope): cos/sin of outer(t, inv_freq)."""
    inv_freq = 1.0 / (base ** (torch.arange(0, d, 2, dtype=torch.int64).float() / d))
    t = torch.arange(n, dtype=torch.int64).type_as(inv_freq)
    freqs = torch.outer(t, inv_freq)
    return {"cos": table_rows(freqs.cos(), rows), "sin": table_rows(freqs.sin(), rows)}


# ---------------------------------------------------------------------------
# second wave: scaled and partial rotary, timesteps, 2-D grids, ALiBi


def _rope_default_inv_freq(base, dim):
    """transformers _compute_default_rope_parameters (dim = rotary dim)."""
    return 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim)), 1.0


def _rope_linear_inv_freq(base, dim, factor):
    """transformers _compute_linear_scaling_rope_parameters."""
    inv_freq, attention_factor = _rope_default_inv_freq(base, dim)
    inv_freq /= factor
    return inv_freq, attention_factor


def _rope_llama3_inv_freq(base, dim, factor, low_freq_factor, high_freq_factor, old_context_len):
    """transformers _compute_llama3_parameters."""
    inv_freq, attention_factor = _rope_default_inv_freq(base, dim)
    low_freq_wavelen = old_context_len / low_freq_factor
    high_freq_wavelen = old_context_len / high_freq_factor
    wavelen = 2 * math.pi / inv_freq
    inv_freq_llama = torch.where(wavelen > low_freq_wavelen, inv_freq / factor, inv_freq)
    smooth_factor = (old_context_len / wavelen - low_freq_factor) / (high_freq_factor - low_freq_factor)
    smoothed_inv_freq = (1 - smooth_factor) * inv_freq_llama / factor + smooth_factor * inv_freq_llama
    is_medium_freq = ~(wavelen < high_freq_wavelen) * ~(wavelen > low_freq_wavelen)
    inv_freq_llama = torch.where(is_medium_freq, smoothed_inv_freq, inv_freq_llama)
    return inv_freq_llama, attention_factor


def _rope_yarn_inv_freq(base, dim, factor, original_max_position_embeddings, beta_fast=32, beta_slow=1,
                        attention_factor=None, truncate=True, mscale=None, mscale_all_dim=None):
    """transformers _compute_yarn_parameters (current semantics: the explicit factor is used,
    the correction range comes from original_max_position_embeddings)."""

    def get_mscale(scale, mscale=1):
        if scale <= 1:
            return 1.0
        return 0.1 * mscale * math.log(scale) + 1.0

    if attention_factor is None:
        if mscale and mscale_all_dim:
            attention_factor = float(get_mscale(factor, mscale) / get_mscale(factor, mscale_all_dim))
        else:
            attention_factor = get_mscale(factor)

    def find_correction_dim(num_rotations, dim, base, max_position_embeddings):
        return (dim * math.log(max_position_embeddings / (num_rotations * 2 * math.pi))) / (2 * math.log(base))

    def find_correction_range(low_rot, high_rot, dim, base, max_position_embeddings, truncate):
        low = find_correction_dim(low_rot, dim, base, max_position_embeddings)
        high = find_correction_dim(high_rot, dim, base, max_position_embeddings)
        if truncate:
            low = math.floor(low)
            high = math.ceil(high)
        return max(low, 0), min(high, dim - 1)

    def linear_ramp_factor(min, max, dim):
        if min == max:
            max += 0.001  # Prevent singularity
        linear_func = (torch.arange(dim, dtype=torch.float32) - min) / (max - min)
        return torch.clamp(linear_func, 0, 1)

    pos_freqs = base ** (torch.arange(0, dim, 2).to(dtype=torch.float) / dim)
    inv_freq_extrapolation = 1.0 / pos_freqs
    inv_freq_interpolation = 1.0 / (factor * pos_freqs)
    low, high = find_correction_range(beta_fast, beta_slow, dim, base, original_max_position_embeddings, truncate)
    inv_freq_extrapolation_factor = 1 - linear_ramp_factor(low, high, dim // 2).to(dtype=torch.float)
    inv_freq = (
        inv_freq_interpolation * (1 - inv_freq_extrapolation_factor)
        + inv_freq_extrapolation * inv_freq_extrapolation_factor
    )
    return inv_freq, attention_factor


def _rope_longrope_inv_freq(base, dim, factors, factor, original_max_position_embeddings, attention_factor=None):
    """transformers _compute_longrope_parameters for one factor list (long or short)."""
    if attention_factor is None:
        attention_factor = math.sqrt(1 + math.log(factor) / math.log(original_max_position_embeddings)) if factor > 1.0 else 1.0
    ext_factors = torch.tensor(factors, dtype=torch.float32)
    inv_freq_shape = torch.arange(0, dim, 2, dtype=torch.int64).float() / dim
    inv_freq = 1.0 / (ext_factors * base ** inv_freq_shape)
    return inv_freq, attention_factor


def _rope_tables(inv_freq, attention_factor, n, rows):
    t = torch.arange(n, dtype=torch.int64).type_as(inv_freq)
    freqs = torch.outer(t, inv_freq)
    cos = freqs.cos() * attention_factor
    sin = freqs.sin() * attention_factor
    return table_rows(cos, rows), table_rows(sin, rows)


def rope_scaled(c, rows):
    """Rotary tables via transformers' rope init functions, RotaryDim/2 columns."""
    dim = c.get("RotaryDim", c["Dim"])
    base = c.get("Base", 10000.0)
    scaling = c.get("Scaling")
    extra = {}
    if scaling is None:
        inv_freq, af = _rope_default_inv_freq(base, dim)
    elif scaling == "Linear":
        inv_freq, af = _rope_linear_inv_freq(base, dim, c["Factor"])
    elif scaling == "Llama3":
        inv_freq, af = _rope_llama3_inv_freq(base, dim, c["Factor"], c["LowFreqFactor"], c["HighFreqFactor"], c["OriginalMaxLen"])
    elif scaling == "Yarn":
        inv_freq, af = _rope_yarn_inv_freq(base, dim, c["Factor"], c["OriginalMaxLen"], c.get("BetaFast") or 32, c.get("BetaSlow") or 1,
                                           c.get("AttentionFactor"), c.get("Truncate", True), c.get("Mscale"), c.get("MscaleAllDim"))
    elif scaling == "LongRope":
        inv_freq, af = _rope_longrope_inv_freq(base, dim, c["LongFactors"], c["Factor"], c["OriginalMaxLen"], c.get("AttentionFactor"))
        short_rows = [r for r in rows if r < c["OriginalMaxLen"]]
        s_inv, s_af = _rope_longrope_inv_freq(base, dim, c["ShortFactors"], c["Factor"], c["OriginalMaxLen"], c.get("AttentionFactor"))
        s_cos, s_sin = _rope_tables(s_inv, s_af, c["OriginalMaxLen"], short_rows)
        extra = {"short_rows": short_rows, "short_cos": s_cos, "short_sin": s_sin}
    else:
        raise ValueError(scaling)
    cos, sin = _rope_tables(inv_freq, af, c["MaxLen"], rows)
    out = {"rows": list(rows), "cos": cos, "sin": sin}
    out.update(extra)
    out["attention_factor"] = float(af)
    out["inv_freq"] = f32_bits(inv_freq.numpy())
    return out


def get_timestep_embedding(timesteps, embedding_dim, flip_sin_to_cos=False, downscale_freq_shift=1, scale=1, max_period=10000):
    """diffusers embeddings.get_timestep_embedding."""
    assert len(timesteps.shape) == 1, "Timesteps should be a 1d-array"
    half_dim = embedding_dim // 2
    exponent = -math.log(max_period) * torch.arange(start=0, end=half_dim, dtype=torch.float32)
    exponent = exponent / (half_dim - downscale_freq_shift)
    emb = torch.exp(exponent)
    emb = timesteps[:, None].float() * emb[None, :]
    emb = scale * emb
    emb = torch.cat([torch.sin(emb), torch.cos(emb)], dim=-1)
    if flip_sin_to_cos:
        emb = torch.cat([emb[:, half_dim:], emb[:, :half_dim]], dim=-1)
    if embedding_dim % 2 == 1:
        emb = torch.nn.functional.pad(emb, (0, 1, 0, 0))
    return emb


def timestep(c, rows, encode=None):
    def enc(ts):
        return get_timestep_embedding(ts, c["Dim"], c["FlipSinToCos"], c["FreqShift"], c["Scale"], c["MaxPeriod"])

    out = {"rows": list(rows), "values": table_rows(enc(torch.arange(c["Steps"])), rows)}
    if encode:
        out["timesteps"] = list(encode)
        out["encoded"] = table_rows(enc(torch.tensor(encode, dtype=torch.float32)), range(len(encode)))
    return out


def _get_1d_sincos_pos_embed_from_grid(embed_dim, pos):
    """MAE util/pos_embed.py (float64)."""
    assert embed_dim % 2 == 0
    omega = np.arange(embed_dim // 2, dtype=np.float64)
    omega /= embed_dim / 2.0
    omega = 1.0 / 10000 ** omega
    pos = pos.reshape(-1)
    out = np.einsum("m,d->md", pos, omega)
    return np.concatenate([np.sin(out), np.cos(out)], axis=1)


def _get_2d_sincos_pos_embed_from_grid(embed_dim, grid):
    assert embed_dim % 2 == 0
    emb_h = _get_1d_sincos_pos_embed_from_grid(embed_dim // 2, grid[0])
    emb_w = _get_1d_sincos_pos_embed_from_grid(embed_dim // 2, grid[1])
    return np.concatenate([emb_h, emb_w], axis=1)


def grid2d(c, rows):
    """MAE get_2d_sincos_pos_embed; with BaseSize: diffusers' variant
    (positions j / (grid / base_size) / interpolation_scale in float32)."""
    gh, gw, d, extra = c["GridHeight"], c["GridWidth"], c["Dim"], c.get("ExtraTokens", 0)
    if "BaseSize" in c:
        grid_h = np.arange(gh, dtype=np.float32) / (gh / c["BaseSize"]) / c["InterpolationScale"]
        grid_w = np.arange(gw, dtype=np.float32) / (gw / c["BaseSize"]) / c["InterpolationScale"]
    else:
        grid_h = np.arange(gh, dtype=np.float32)
        grid_w = np.arange(gw, dtype=np.float32)
    grid = np.meshgrid(grid_w, grid_h)  # w goes first
    grid = np.stack(grid, axis=0).reshape([2, 1, gh, gw])
    pos_embed = _get_2d_sincos_pos_embed_from_grid(d, grid)
    if extra > 0:
        pos_embed = np.concatenate([np.zeros([extra, d]), pos_embed], axis=0)
    return {"rows": list(rows), "values": table_rows(pos_embed.astype(np.float32), rows)}


def _paper_get_slopes(n):
    """ofirpress/attention_with_linear_biases get_slopes (Python double)."""
    def get_slopes_power_of_2(n):
        start = 2 ** (-(2 ** -(math.log2(n) - 3)))
        ratio = start
        return [start * ratio ** i for i in range(n)]

    if math.log2(n).is_integer():
        return get_slopes_power_of_2(n)
    closest_power_of_2 = 2 ** math.floor(math.log2(n))
    return get_slopes_power_of_2(closest_power_of_2) + _paper_get_slopes(2 * closest_power_of_2)[0::2][: n - closest_power_of_2]


def _bloom_slopes(num_heads):
    """transformers modeling_bloom.build_alibi_tensor, the slopes part (float32 pow)."""
    closest_power_of_2 = 2 ** math.floor(math.log2(num_heads))
    base = torch.tensor(2 ** (-(2 ** -(math.log2(closest_power_of_2) - 3))), dtype=torch.float32)
    powers = torch.arange(1, 1 + closest_power_of_2, dtype=torch.int32)
    slopes = torch.pow(base, powers)
    if closest_power_of_2 != num_heads:
        extra_base = torch.tensor(2 ** (-(2 ** -(math.log2(2 * closest_power_of_2) - 3))), dtype=torch.float32)
        num_remaining_heads = min(closest_power_of_2, num_heads - closest_power_of_2)
        extra_powers = torch.arange(1, 1 + 2 * num_remaining_heads, 2, dtype=torch.int32)
        slopes = torch.cat([slopes, torch.pow(extra_base, extra_powers)], dim=0)
    return slopes


def _mpt_slopes(n_heads, alibi_bias_max=8):
    """llm-foundry gen_slopes (float32)."""
    _n_heads = 2 ** math.ceil(math.log2(n_heads))
    m = torch.arange(1, _n_heads + 1, dtype=torch.float32)
    m = m.mul(alibi_bias_max / _n_heads)
    slopes = 1.0 / torch.pow(2, m)
    if _n_heads != n_heads:
        slopes = torch.concat([slopes[1::2], slopes[::2]])[:n_heads]
    return slopes


def alibi(c, rows):
    ref = c.get("Reference")
    if ref is None:
        slopes = np.array(_paper_get_slopes(c["Heads"]), dtype=np.float64).astype(np.float32)
    elif ref == "Bloom":
        slopes = _bloom_slopes(c["Heads"]).numpy()
    elif ref == "Mpt":
        slopes = _mpt_slopes(c["Heads"], c.get("MaxBias", 8)).numpy()
    else:
        raise ValueError(ref)
    return {"slopes": f32_bits(slopes)}


PHI35_SHORT = [1.0, 1.0199999809265137, 1.0299999713897705, 1.0299999713897705, 1.0499999523162842, 1.0499999523162842, 1.0499999523162842, 1.0499999523162842, 1.0499999523162842, 1.0699999332427979, 1.0999999046325684, 1.1099998950958252, 1.1599998474121094, 1.1599998474121094, 1.1699998378753662, 1.2899998426437378, 1.339999794960022, 1.679999828338623, 1.7899998426437378, 1.8199998140335083, 1.8499997854232788, 1.8799997568130493, 1.9099997282028198, 1.9399996995925903, 1.9899996519088745, 2.0199997425079346, 2.0199997425079346, 2.0199997425079346, 2.0199997425079346, 2.0199997425079346, 2.0199997425079346, 2.0299997329711914, 2.0299997329711914, 2.0299997329711914, 2.0299997329711914, 2.0299997329711914, 2.0299997329711914, 2.0299997329711914, 2.0299997329711914, 2.0299997329711914, 2.0799996852874756, 2.0899996757507324, 2.189999580383301, 2.2199995517730713, 2.5899994373321533, 2.729999542236328, 2.749999523162842, 2.8399994373321533]
PHI35_LONG = [1.0800000429153442, 1.1100000143051147, 1.1399999856948853, 1.340000033378601, 1.5899999141693115, 1.600000023841858, 1.6200000047683716, 2.620000123977661, 3.2300000190734863, 3.2300000190734863, 4.789999961853027, 7.400000095367432, 7.700000286102295, 9.09000015258789, 12.199999809265137, 17.670000076293945, 24.46000099182129, 28.57000160217285, 30.420001983642578, 30.840002059936523, 32.590003967285156, 32.93000411987305, 42.320003509521484, 44.96000289916992, 50.340003967285156, 50.45000457763672, 57.55000305175781, 57.93000411987305, 58.21000289916992, 60.1400032043457, 62.61000442504883, 62.62000274658203, 62.71000289916992, 63.1400032043457, 63.1400032043457, 63.77000427246094, 63.93000411987305, 63.96000289916992, 63.970001220703125, 64.02999877929688, 64.06999969482422, 64.08000183105469, 64.12000274658203, 64.41000366210938, 64.4800033569336, 64.51000213623047, 64.52999877929688, 64.83999633789062]


def cfg(scheme, dim, max_len, **extra):
    c = {"Scheme": scheme, "Dim": dim, "MaxLen": max_len}
    c.update(extra)
    return c


def tcfg(dim, steps, flip, shift):
    return {"Family": "Timestep", "Dim": dim, "Steps": steps, "FlipSinToCos": flip, "FreqShift": shift, "Scale": 1.0, "MaxPeriod": 10000.0}


SECOND_WAVE = [
    ("rope_pythia_d128_rot32_L2048", cfg("Rope", 128, 2048, Base=10000.0, RotaryDim=32), [0, 1, 2, 3, 7, 31, 100, 1024, 2046, 2047], rope_scaled),
    ("ropei_gptj_d256_rot64_L2048", cfg("RopeInterleaved", 256, 2048, Base=10000.0, RotaryDim=64), [0, 1, 2, 3, 7, 31, 100, 1024, 2046, 2047], rope_scaled),
    ("rope_gemma3global_d256_L4096", cfg("Rope", 256, 4096, Base=1000000.0, Scaling="Linear", Factor=8.0),
     [0, 1, 2, 3, 7, 31, 100, 2047, 2048, 4094, 4095], rope_scaled),
    ("rope_llama32_d64_L16384", cfg("Rope", 64, 16384, Base=500000.0, Scaling="Llama3", Factor=32.0, LowFreqFactor=1.0, HighFreqFactor=4.0, OriginalMaxLen=8192),
     [0, 1, 2, 3, 7, 31, 100, 2047, 2048, 4095, 4096, 4097, 8191, 8192, 8193, 16382, 16383], rope_scaled),
    ("rope_llama32_d64_L131072", cfg("Rope", 64, 131072, Base=500000.0, Scaling="Llama3", Factor=32.0, LowFreqFactor=1.0, HighFreqFactor=4.0, OriginalMaxLen=8192),
     [0, 1, 2, 3, 7, 31, 100, 2047, 2048, 4095, 4096, 4097, 8191, 8192, 8193, 16383, 16384, 32767, 32768, 65535, 65536, 99999, 131070, 131071], rope_scaled),
    ("rope_qwen3yarn_d128_L8192", cfg("Rope", 128, 8192, Base=1000000.0, Scaling="Yarn", Factor=4.0, OriginalMaxLen=32768),
     [0, 1, 2, 3, 7, 31, 100, 2047, 2048, 4095, 4096, 4097, 8190, 8191], rope_scaled),
    ("rope_phi35_d96_L8192", cfg("Rope", 96, 8192, Base=10000.0, Scaling="LongRope", OriginalMaxLen=4096, Factor=32.0, ShortFactors=PHI35_SHORT, LongFactors=PHI35_LONG),
     [0, 1, 2, 3, 7, 31, 100, 2047, 2048, 4095, 4096, 4097, 8190, 8191], rope_scaled),
    ("timestep_ddpm_d128_T1000", tcfg(128, 1000, False, 1.0), [0, 1, 2, 10, 250, 500, 999], timestep),
    ("timestep_odd_d33_T100", tcfg(33, 100, False, 1.0), [0, 1, 2, 10, 50, 99], timestep),
    ("timestep_sd_d320_T1000", tcfg(320, 1000, True, 0.0), [0, 1, 2, 10, 250, 500, 999],
     lambda c, r: timestep(c, r, encode=[0.5, 1.25, 999.5, 1500.0])),
    ("grid_mae_d768_g14_cls1", {"Family": "Grid2D", "Dim": 768, "GridHeight": 14, "GridWidth": 14, "ExtraTokens": 1},
     [0, 1, 2, 14, 15, 98, 195, 196], grid2d),
    ("grid_pixart_d64_g64_interp2", {"Family": "Grid2D", "Dim": 64, "GridHeight": 64, "GridWidth": 64, "ExtraTokens": 0, "BaseSize": 64.0, "InterpolationScale": 2.0},
     [0, 1, 2, 63, 64, 2048, 4094, 4095], grid2d),
    ("alibi_h8", {"Family": "Alibi", "Heads": 8}, None, alibi),
    ("alibi_h12", {"Family": "Alibi", "Heads": 12}, None, alibi),
    ("alibi_h16", {"Family": "Alibi", "Heads": 16}, None, alibi),
    ("alibi_bloom_h16", {"Family": "Alibi", "Heads": 16, "Reference": "Bloom"}, None, alibi),
    ("alibi_mpt_h12", {"Family": "Alibi", "Heads": 12, "Reference": "Mpt"}, None, alibi),
]


# ---------------------------------------------------------------------------
# the tables: name, config, rows, generator


TABLES = [
    ("exact_d64_L256", cfg("Vaswani", 64, 256), [0, 1, 2, 3, 7, 31, 100, 128, 254, 255],
     lambda c, r: exact_vaswani(c["Dim"], c["MaxLen"], r)),
    ("exact_d512_L2048", cfg("Vaswani", 512, 2048), [0, 1, 2, 3, 7, 31, 100, 1000, 1024, 2046, 2047],
     lambda c, r: exact_vaswani(c["Dim"], c["MaxLen"], r)),
    ("annotated_d64_L256", cfg("AnnotatedTransformer", 64, 256), [0, 1, 2, 3, 7, 31, 100, 128, 254, 255],
     lambda c, r: annotated(c["Dim"], c["MaxLen"], r)),
    ("annotated_d512_L2048", cfg("AnnotatedTransformer", 512, 2048), [0, 1, 2, 3, 7, 31, 100, 1000, 1024, 1499, 2046, 2047],
     lambda c, r: annotated(c["Dim"], c["MaxLen"], r)),
    ("hfxlm_d768_L512", cfg("HuggingFaceXlm", 768, 512), [0, 1, 2, 3, 7, 31, 100, 256, 510, 511],
     lambda c, r: hf_xlm(c["Dim"], c["MaxLen"], r)),
    ("hfmarian_d512_L512", cfg("HuggingFaceMarian", 512, 512), [0, 1, 2, 3, 7, 31, 100, 256, 510, 511],
     lambda c, r: hf_marian(c["Dim"], c["MaxLen"], r)),
    ("hfmarian_d7_L64", cfg("HuggingFaceMarian", 7, 64), [0, 1, 2, 3, 7, 31, 32, 62, 63],
     lambda c, r: hf_marian(c["Dim"], c["MaxLen"], r)),
    ("t2t_d128_L1024", cfg("TensorToTensor", 128, 1024), [0, 1, 2, 3, 7, 31, 100, 512, 1000, 1022, 1023],
     lambda c, r: t2t(c["Dim"], c["MaxLen"], r)),
    ("t2t_d9_L64", cfg("TensorToTensor", 9, 64), [0, 1, 2, 3, 7, 31, 32, 62, 63],
     lambda c, r: t2t(c["Dim"], c["MaxLen"], r)),
    ("fairseq_d512_L1026_pad1", cfg("Fairseq", 512, 1026, PaddingIndex=1), [0, 1, 2, 3, 7, 31, 100, 513, 1000, 1024, 1025],
     lambda c, r: fairseq(c["Dim"], c["MaxLen"], r, c["PaddingIndex"])),
    ("whisper_d384_L1500", cfg("Whisper", 384, 1500), [0, 1, 2, 3, 7, 31, 100, 750, 1000, 1498, 1499],
     lambda c, r: whisper(c["Dim"], c["MaxLen"], r)),
    ("rope_d128_L4096", cfg("Rope", 128, 4096), [0, 1, 2, 3, 7, 31, 100, 1000, 1499, 2047, 2048, 4094, 4095],
     lambda c, r: rope_default(c["Dim"], c["MaxLen"], r)),
    ("rope_d64_L2048_base500000", cfg("Rope", 64, 2048, Base=500000.0), [0, 1, 2, 3, 7, 31, 100, 1000, 1024, 1499, 2046, 2047],
     lambda c, r: rope_default(c["Dim"], c["MaxLen"], r, c["Base"])),
]

# Our own edge cases (not in shared/golden): the branches the second wave does not reach.
# Llama 3 band edges: OriginalMaxLen / LowFreqFactor is a double a quarter float32 ulp below pair 41's float32
# wavelength (28124.353515625) and OriginalMaxLen / HighFreqFactor a quarter ulp above pair 32's (4442.88330078125).
# Both round to that wavelength, so torch's float32 comparisons put both pairs in the smooth band; double
# comparisons would not, and pairs 32 and 41 of inv_freq would then differ (checked when this case was made).
LLAMA3_EDGE_LOW = 8192 / (28124.353515625 - 0.00048828125)
LLAMA3_EDGE_HIGH = 8192 / (4442.88330078125 + 0.0001220703125)
EDGE_ROWS = [0, 1, 2, 3, 7, 31, 100, 1000, 2047, 2048, 4095]
EDGES = [
    ("rope_llama3edges_d128_L16384", cfg("Rope", 128, 16384, Base=500000.0, Scaling="Llama3", Factor=8.0,
                                         LowFreqFactor=LLAMA3_EDGE_LOW, HighFreqFactor=LLAMA3_EDGE_HIGH, OriginalMaxLen=8192),
     EDGE_ROWS + [8191, 8192, 16383], rope_scaled),
    ("ropei_llama3_d64_L8192", cfg("RopeInterleaved", 64, 8192, Base=500000.0, Scaling="Llama3", Factor=8.0,
                                   LowFreqFactor=1.0, HighFreqFactor=4.0, OriginalMaxLen=2048), EDGE_ROWS + [8191], rope_scaled),
    ("rope_yarn_notruncate_d64_L4096", cfg("Rope", 64, 4096, Base=10000.0, Scaling="Yarn", Factor=8.0, OriginalMaxLen=2048,
                                           Truncate=False), EDGE_ROWS, rope_scaled),
    # BetaFast == BetaSlow without truncation: low == high, linear_ramp_factor's +0.001 guard.
    ("rope_yarn_lowhigh_d64_L4096", cfg("Rope", 64, 4096, Base=10000.0, Scaling="Yarn", Factor=8.0, OriginalMaxLen=2048,
                                        BetaFast=4.0, BetaSlow=4.0, Truncate=False), EDGE_ROWS, rope_scaled),
    # DeepSeek-style mscale ratio (V2-Lite writes 0.707 for both; unequal values make the ratio visible).
    ("ropei_yarn_mscale_d64_L8192", cfg("RopeInterleaved", 64, 8192, Base=10000.0, Scaling="Yarn", Factor=40.0, OriginalMaxLen=4096,
                                        Mscale=1.0, MscaleAllDim=0.707), EDGE_ROWS + [8191], rope_scaled),
    ("rope_yarn_attn_d64_L4096", cfg("Rope", 64, 4096, Base=10000.0, Scaling="Yarn", Factor=2.0, OriginalMaxLen=2048,
                                     BetaFast=16.0, BetaSlow=2.0, AttentionFactor=1.25), EDGE_ROWS, rope_scaled),
    ("rope_longrope_d64_rot32_L256", cfg("Rope", 64, 256, Base=10000.0, Scaling="LongRope", Factor=2.0, OriginalMaxLen=128,
                                         RotaryDim=32, ShortFactors=[1.0 + 0.03125 * i for i in range(16)],
                                         LongFactors=[1.5 + 0.25 * i for i in range(16)]),
     [0, 1, 2, 7, 100, 127, 128, 129, 254, 255], rope_scaled),
]

TABLES += SECOND_WAVE + EDGES

# ALiBi slopes for every head count (PEGen's own, not in shared/golden): torch's float32 pow is SLEEF's
# vectorised powf for whole blocks of 16 elements and glibc's scalar powf for the rest, so each head count
# mixes the two differently; these tables pin PEGen's reproduction of both for every count 1..256 (Paper:
# the double computation, rounded to float32). MPT at other MaxBias values for fewer counts.
ALIBI_ALL_HEADS = list(range(1, 257))
ALIBI_MPT_BIASES = [1.0, 0.5, 0.1, 3.0, 7.5, 2.718281828459045, 12.0, 16.0, 100.0, 140.0, 200.0, 10000.0]
ALIBI_MPT_HEADS = list(range(1, 65)) + [80, 96, 100, 112, 127, 128, 129, 160, 200, 255, 256]


def alibi_all(c, rows):
    """{"slopes_by_heads": [[bits per slope] per head count in c["Heads"]] per MaxBias in c["MaxBiases"] (one list
    for Paper and Bloom)}."""
    ref = c.get("Reference")
    if ref == "Mpt":
        return {"slopes_by_heads": [[f32_bits(_mpt_slopes(n, mb).numpy()) for n in c["Heads"]] for mb in c["MaxBiases"]]}
    if ref is None:
        return {"slopes_by_heads": [[f32_bits(np.array(_paper_get_slopes(n), dtype=np.float64).astype(np.float32)) for n in c["Heads"]]]}
    return {"slopes_by_heads": [[f32_bits(_bloom_slopes(n).numpy()) for n in c["Heads"]]]}


EDGES += [
    ("alibi_paper_all", {"Family": "Alibi", "Heads": ALIBI_ALL_HEADS}, None, alibi_all),
    ("alibi_bloom_all", {"Family": "Alibi", "Reference": "Bloom", "Heads": ALIBI_ALL_HEADS}, None, alibi_all),
    ("alibi_mpt_all", {"Family": "Alibi", "Reference": "Mpt", "Heads": ALIBI_ALL_HEADS, "MaxBiases": [8.0]}, None, alibi_all),
    ("alibi_mpt_biases", {"Family": "Alibi", "Reference": "Mpt", "Heads": ALIBI_MPT_HEADS, "MaxBiases": ALIBI_MPT_BIASES}, None, alibi_all),
]
TABLES += EDGES[-4:]

# Every table in this folder has a generator above. A *.json here without one is
# reported by --check as "not covered" (copied, not regenerated; list it in README.md).


def build(name, config, rows, gen):
    obj = {"name": name, "config": config}
    body = gen(config, rows)
    if rows is not None and "rows" not in body:
        obj["rows"] = list(rows)
    obj.update(body)
    return json.dumps(obj, separators=(",", ":")).encode("ascii")


def write_all(outdir, only=None):
    os.makedirs(outdir, exist_ok=True)
    written = []
    for name, config, rows, gen in TABLES:
        if only and name not in only:
            continue
        with open(os.path.join(outdir, name + ".json"), "wb") as f:
            f.write(build(name, config, rows, gen))
        written.append(name)
    return written


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", nargs="?", default=here, help="output folder (default: this script's folder)")
    ap.add_argument("--check", action="store_true", help="regenerate into a temp folder and compare with the checked-in files")
    ap.add_argument("--only", nargs="*", help="only these table names")
    args = ap.parse_args(argv)

    if not args.check:
        for name in write_all(args.outdir, args.only):
            print("wrote", os.path.join(args.outdir, name + ".json"))
        return 0

    tmp = tempfile.mkdtemp(prefix="pegen-golden-")
    try:
        bad = 0
        written = write_all(tmp, args.only)
        for name in written:
            with open(os.path.join(tmp, name + ".json"), "rb") as f:
                new = f.read()
            path = os.path.join(args.outdir, name + ".json")
            old = None
            if os.path.exists(path):
                with open(path, "rb") as f:
                    old = f.read()
            ok = old == new
            bad += not ok
            print(("OK   " if ok else "DIFF ") + name + ".json" + ("" if old is not None else " (missing)"))
        not_covered = []
        if not args.only:
            generated = {name for name, _, _, _ in TABLES}
            not_covered = sorted(f for f in os.listdir(args.outdir) if f.endswith(".json") and f[:-5] not in generated)
            for f in not_covered:
                print("NOT COVERED " + f + " (no generator: copied, not regenerated)")
        print("%d regenerated: %d identical, %d differ; %d not covered" % (len(written), len(written) - bad, bad, len(not_covered)))
        return 1 if bad else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
