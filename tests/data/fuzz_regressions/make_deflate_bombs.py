"""Deflate bombs for core.fuzz_regressions (run once with Debian's /usr/bin/python3).

bomb_honest.npz: one member 'x.npy', a float32 array of 128 Mi zeros (512 MiB),
  deflated to well under 1 MiB; its declared size is true.
bomb_lying.npz: the same member, but the local header and the central
  directory declare 1024 bytes uncompressed.
"""
import io
import struct
import zipfile

import numpy as np

N = 128 * 1024 * 1024  # float32 zeros: 512 MiB
header = io.BytesIO()
np.lib.format.write_array_header_1_0(header, {"descr": "<f4", "fortran_order": False, "shape": (N,)})
body = header.getvalue()

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("x.npy", "w", force_zip64=False) as f:
        f.write(body)
        chunk = bytes(16 << 20)
        for _ in range(N * 4 // len(chunk)):
            f.write(chunk)
honest = buf.getvalue()
open("bomb_honest.npz", "wb").write(honest)

lying = bytearray(honest)
assert lying[:4] == b"PK\x03\x04"
struct.pack_into("<I", lying, 22, 1024)  # local header: uncompressed size
cd = lying.rfind(b"PK\x01\x02")
struct.pack_into("<I", lying, cd + 24, 1024)  # central directory: uncompressed size
open("bomb_lying.npz", "wb").write(bytes(lying))
print(len(honest), "bytes each")
