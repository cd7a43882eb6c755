#!/usr/bin/python3
"""Correctly rounded float32 sin and cos of float32 angles over every magnitude, for PEGen's run-time kernel
(the [TimestepEmbedding] Encode path) and the generator's exact numerics.

Writes sincos_float32.json: {"angles": [bits...], "sin": [bits...], "cos": [bits...]}, each float32 as its
IEEE-754 bit pattern in hex. The values are mpmath's at 1200 bits of precision (enough to reduce 3.4e38 modulo pi/2
with hundreds of bits to spare), rounded to the nearest float32, ties to even.

Usage (Debian package python3-mpmath): /usr/bin/python3 tests/golden/numerics/sincos_reference.py [OUT]
The angles come from a fixed seed, so the file is reproducible.
"""

import json
import os
import random
import struct
import sys

import mpmath

mpmath.mp.prec = 1200


def f32(bits):
    return struct.unpack("<f", struct.pack("<I", bits))[0]


def bits_of(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def round32(v):
    """The float32 nearest to the mpf v (ties to even), as bits."""
    if v == 0:
        return 0
    sign = 0x80000000 if v < 0 else 0
    a = abs(v)
    m, e = mpmath.frexp(a)  # a = m * 2^e, 0.5 <= m < 1
    e = int(e)
    # quantum: normal 2^(e-24), subnormal 2^-149
    q = max(e - 24, -149)
    scaled = mpmath.ldexp(a, -q)
    n = int(mpmath.floor(scaled))
    frac = scaled - n
    if frac > 0.5 or (frac == 0.5 and n % 2 == 1):
        n += 1
    value = mpmath.ldexp(n, q)
    return sign | bits_of(float(value))


def angles():
    rng = random.Random(20261201)
    out = set()
    # +-0, the smallest subnormals, the largest floats, powers of two
    for b in [0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF,
              0x7F7FFFFE, 0x39800000, 0x397FFFFF, 0x39800001]:
        out.add(b)
    for e in range(-149, 128):
        for s in (0, 0x80000000):
            out.add(s | bits_of(float(mpmath.ldexp(1, e))) if e >= -126 else s | (1 << (e + 149)))
    # uniform over the bit patterns of finite floats (every magnitude equally often)
    while len(out) < 12000:
        b = rng.getrandbits(32)
        if (b >> 23) & 0xFF != 0xFF:
            out.add(b)
    # uniform in the range timesteps use
    for _ in range(4000):
        out.add(bits_of(rng.uniform(-2000.0, 2000.0)))
    # the floats nearest to multiples of pi/2 (k < 2^24 and a few huge ones), and their neighbours
    halfpi = mpmath.pi / 2
    for _ in range(1500):
        k = rng.choice([rng.randrange(1, 64), rng.randrange(1, 1 << 16), rng.randrange(1, 1 << 24), rng.randrange(1, 1 << 60)])
        x = k * halfpi
        if x > 3.4e38:
            continue
        b = bits_of(float(x))
        for d in (-1, 0, 1):
            out.add(b + d)
            out.add((b + d) | 0x80000000)
    # the Cody-Waite / Payne-Hanek edge at 2^20 and the tiny edge at 2^-12
    for c in (0x49800000, 0x39800000):
        for d in range(-3, 4):
            out.add(c + d)
            out.add((c + d) | 0x80000000)
    return sorted(b for b in out if (b >> 23) & 0xFF != 0xFF)


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "sincos_float32.json")
    xs = angles()
    sins, coss = [], []
    for b in xs:
        x = mpmath.mpf(f32(b))
        # sin is odd: sin(-0) = -0 (mpmath has no signed zero)
        sins.append("%08x" % (0x80000000 if b == 0x80000000 else round32(mpmath.sin(x))))
        coss.append("%08x" % round32(mpmath.cos(x)))
    doc = {"name": "sincos_float32", "angles": ["%08x" % b for b in xs], "sin": sins, "cos": coss}
    with open(target, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
