#!/usr/bin/python3
"""Write the .npy/.npz fixtures for tests/core/test_npy.cpp with real NumPy.

Run once with Debian's python (it has numpy):  /usr/bin/python3 make_fixtures.py
The generated files are committed; tests never need Python.

Values are deterministic so the C++ test knows them without reading NumPy:
  base(shape)  = np.arange(prod(shape)).reshape(shape) * 0.5   (float32 unless noted)
  f8_rank2     = np.arange(6).reshape(2, 3) * 0.1 - 0.25        (float64)
  bool_rank2   = (np.arange(12).reshape(3, 4) % 3) == 0
  f4_rank0     = np.float32(3.5) as a shape () array
"""
import io
import os
import struct
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def base(shape, dtype=np.float32):
    n = int(np.prod(shape)) if len(shape) else 1
    return (np.arange(n, dtype=np.float64).reshape(shape) * 0.5).astype(dtype)


def path(name):
    return os.path.join(HERE, name)


def save(name, arr):
    np.save(path(name), arr, allow_pickle=False)


def write_version(name, arr, version):
    with open(path(name), "wb") as f:
        np.lib.format.write_array(f, arr, version=version, allow_pickle=False)


def npy_bytes(arr):
    buf = io.BytesIO()
    np.lib.format.write_array(buf, arr, allow_pickle=False)
    return buf.getvalue()


def write_bytes(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


def main():
    # --- good .npy -----------------------------------------------------------
    save("f4_rank0.npy", np.array(3.5, dtype=np.float32))
    save("f4_rank1.npy", base((5,)))
    save("f4_rank2.npy", base((2, 3)))
    save("f4_rank3.npy", base((2, 3, 4)))
    save("f8_rank2.npy", np.arange(6, dtype=np.float64).reshape(2, 3) * 0.1 - 0.25)
    save("bool_rank2.npy", (np.arange(12).reshape(3, 4) % 3) == 0)
    save("fortran_2d.npy", np.asfortranarray(base((2, 3))))
    save("fortran_3d.npy", np.asfortranarray(base((2, 3, 4))))
    save("fortran_f8_3d.npy", np.asfortranarray(base((2, 3, 4), np.float64)))
    save("fortran_bool_3d.npy", np.asfortranarray((np.arange(24).reshape(2, 3, 4) % 3) == 0))
    write_version("v2_f4_rank2.npy", base((2, 3)), (2, 0))
    write_version("v3_f4_rank2.npy", base((2, 3)), (3, 0))
    save("zero_size_0x3.npy", np.zeros((0, 3), dtype=np.float32))
    save("zero_size_2x0x4.npy", np.zeros((2, 0, 4), dtype=np.float32))

    # --- good .npz -----------------------------------------------------------
    members = {
        "a": base((2, 3)),
        "b": np.arange(6, dtype=np.float64).reshape(2, 3) * 0.1 - 0.25,
        "mask": (np.arange(12).reshape(3, 4) % 3) == 0,
        "query_dense/kernel": base((2, 3, 4)),
        "scalar": np.array(3.5, dtype=np.float32),
    }
    np.savez(path("savez.npz"), **members)
    np.savez_compressed(path("savez_compressed.npz"), **members)

    # --- bad .npy ------------------------------------------------------------
    save("big_endian.npy", base((2, 3)).astype(">f4"))
    save("int64.npy", np.arange(6, dtype="<i8").reshape(2, 3))
    good = npy_bytes(base((2, 3)))
    write_bytes("truncated.npy", good[:-4])            # 24 data bytes declared, 20 present
    write_bytes("trailing_bytes.npy", good + b"junk")  # 4 bytes nobody asked for
    hlen = struct.unpack("<H", good[8:10])[0]
    # header length field points past the end of the file
    write_bytes("lying_header_len.npy", good[:8] + struct.pack("<H", 60000) + good[10:])
    write_bytes("bad_magic.npy", b"\x93NUMPX" + good[6:])
    assert hlen + 10 < len(good)

    # --- bad .npz ------------------------------------------------------------
    write_bytes("not_a_zip.npz", b"this is a text file, not a zip archive\n")
    with zipfile.ZipFile(path("non_npy_member.npz"), "w") as z:
        for member, content in (("a.npy", good), ("readme.txt", b"hello\n")):
            z.writestr(zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0)), content)

    # Check what we wrote: savez members carry zip64 extra fields (id 0x0001).
    with open(path("savez.npz"), "rb") as f:
        raw = f.read()
    with zipfile.ZipFile(path("savez.npz")) as z:
        for info in z.infolist():
            off = info.header_offset
            nlen, xlen = struct.unpack("<HH", raw[off + 26:off + 30])
            extra = raw[off + 30 + nlen:off + 30 + nlen + xlen]
            assert extra[:2] == b"\x01\x00", (info.filename, extra)
            assert info.compress_type == zipfile.ZIP_STORED
    with zipfile.ZipFile(path("savez_compressed.npz")) as z:
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist())
    print("fixtures written to", HERE, "numpy", np.__version__)


if __name__ == "__main__":
    main()
