"""Writes a mono PCM16 8 kHz WAV file of SIZE bytes whose samples are noise from SEED, so that two seeds are two
different recordings (the answer cache would serve a repeat). Usage: make_wav.py SIZE SEED PATH"""
import random
import struct
import sys

size, seed, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
data = (size - 44) // 2 * 2
rng = random.Random(seed)
with open(path, "wb") as out:
    out.write(b"RIFF" + struct.pack("<I", 36 + data) + b"WAVE")
    out.write(b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 16000, 2, 16))
    out.write(b"data" + struct.pack("<I", data))
    left = data
    while left > 0:
        block = min(left, 1 << 20)
        out.write(rng.randbytes(block))
        left -= block
