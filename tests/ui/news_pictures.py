#!/usr/bin/env python3
"""Helpers of news_pictures.sh, with python3's zlib only.

  news_pictures.py make DIR        writes the test pictures into DIR
  news_pictures.py find SHOT.png   prints, for each test colour found on the
                                   screenshot: NAME COUNT X0 Y0 X1 Y1 (the
                                   bounding box of its pixels)
"""
import itertools
import re
import struct
import sys
import zlib

# Colours no screen of the kiosk uses (layout.h, the emblem).
COLOURS = {
    "magenta": (0xC8, 0x14, 0x8C),  # wide.png
    "teal": (0x10, 0xA0, 0xA0),     # tests/fixtures/news/teal.jpg
    "lime": (0x8C, 0xC8, 0x14),     # big.png
}


def chunk(kind, data):
    c = kind + data
    return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)


def png(w, h, rgb, band=None):
    """A w x h RGB PNG of colour rgb; band = (y0, y1, rgb2) paints rows."""
    row = b"\0" + bytes(rgb) * w
    rows = []
    for y in range(h):
        if band and band[0] <= y < band[1]:
            rows.append(b"\0" + bytes(band[2]) * w)
        else:
            rows.append(row)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))


def make(d):
    def put(name, data):
        with open(f"{d}/{name}", "wb") as f:
            f.write(data)
    # 2:1, with a white band at the bottom: a real picture, not one flat fill.
    put("wide.png", png(600, 300, COLOURS["magenta"], (240, 300, (255, 255, 255))))
    # Larger than any screen: shown shrunk to the column.
    put("big.png", png(3000, 1500, COLOURS["lime"]))
    # A header that claims 60000 x 60000 (3.6 gigapixels), a valid file otherwise.
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    put("huge.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
        chunk(b"IDAT", zlib.compress(b"\0" * 4096)) + chunk(b"IEND", b""))
    # A PNG signature over bytes that are no PNG at all.
    put("junk.png", b"\x89PNG\r\n\x1a\n" + b"this is not a picture\n" * 20)


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    at, idat = 8, b""
    while at < len(data):
        n, = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, "unexpected PNG format"
        elif kind == b"IDAT":
            idat += body
        at += 12 + n
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    lo = int.from_bytes(b"\x7f" * stride, "big")
    hi = int.from_bytes(b"\x80" * stride, "big")
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 2:
            # Up, all bytes at once: a bytewise add without carries.
            x, p = int.from_bytes(line, "big"), int.from_bytes(prev, "big")
            line = bytearray((((x & lo) + (p & lo)) ^ ((x ^ p) & hi)).to_bytes(stride, "big"))
        elif f == 1:
            for c in range(bpp):
                line[c::bpp] = bytes(itertools.accumulate(line[c::bpp], lambda a, b: (a + b) & 255))
        elif f in (3, 4):
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                if f == 3:
                    line[i] = (line[i] + (a + b) // 2) & 255
                    continue
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def find(path):
    w, h, bpp, rows = read_png(path)
    print(f"size {w} {h}")
    for name, rgb in COLOURS.items():
        # Each channel within 10 of the colour (JPEG is lossy), as a regex
        # over the row's bytes; lookahead finds overlapping matches.
        cls = b"".join(b"[" + re.escape(bytes([max(v - 10, 0)])) + b"-" + re.escape(bytes([min(v + 10, 255)])) + b"]"
                       for v in rgb)
        pat = re.compile(b"(?=" + cls + b")", re.S)
        n, x0, y0, x1, y1 = 0, w, h, -1, -1
        for y, line in enumerate(rows):
            for m in pat.finditer(line):
                if m.start() % bpp:
                    continue
                x = m.start() // bpp
                n += 1
                x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
        if n:
            print(name, n, x0, y0, x1, y1)


if __name__ == "__main__":
    {"make": make, "find": find}[sys.argv[1]](sys.argv[2])
