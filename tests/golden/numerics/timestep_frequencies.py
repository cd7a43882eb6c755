#!/usr/bin/python3
"""The float32 frequencies of diffusers' get_timestep_embedding as PyTorch 1.13 (CPU, AVX2) computes them, for
PEGen's check that its emulation (Python scalars rounded to float32, true float32 division, SLEEF's expf) is
bit for bit. Writes timestep_frequencies.json: a list of {"config": {...}, "frequencies": [bits...]}.

Usage: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tests/golden/numerics/timestep_frequencies.py [OUT]
"""

import os

os.environ["ATEN_CPU_CAPABILITY"] = "avx2"

import json
import math
import struct
import sys

import torch


def frequencies(dim, shift, max_period):
    # diffusers.models.embeddings.get_timestep_embedding, up to exp
    half_dim = dim // 2
    exponent = -math.log(max_period) * torch.arange(start=0, end=half_dim, dtype=torch.float32)
    exponent = exponent / (half_dim - shift)
    return torch.exp(exponent)


CONFIGS = [
    (320, 0, 10000.0), (128, 1, 10000.0), (33, 1, 10000.0), (256, 0, 10000.0), (1152, 0, 10000.0),
    (70, 0.5, 500.0), (64, 1, 1000.0), (512, 3, 1e6), (100, -2, 10.0), (2, 0, 10000.0), (40, 1, 0.25),
]


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "timestep_frequencies.json")
    out = []
    for dim, shift, period in CONFIGS:
        f = frequencies(dim, shift, period)
        bits = ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in f.tolist()]
        out.append({"config": {"Dim": dim, "FreqShift": float(shift), "MaxPeriod": period}, "frequencies": bits})
    with open(target, "w") as fh:
        json.dump(out, fh, separators=(",", ":"))
        fh.write("\n")


if __name__ == "__main__":
    main()
