#!/usr/bin/env python3
"""pixels — looks at what a test's screenshots and rendered pages show.

Standard library only (python3 comes with meson). Reads 8-bit PNG (grey,
RGB, RGBA; any filter) such as the kiosk's screenshots, and binary PGM (P5)
such as `pdftoppm -gray` writes.

  pixels.py ink PNG X Y W H
      The "ink" in a rect: pixels whose grey differs by more than 80 from
      the rect's most common grey (its background). Prints
      `ink COUNT BBOX_X BBOX_Y BBOX_W BBOX_H` (the box around the ink, in
      image coordinates; 0 0 0 0 when there is none).
  pixels.py diff A B [X Y W H]
      Prints the fraction of pixels (in the rect, or the whole image) whose
      grey differs by more than 24 between two images of the same size.
  pixels.py pagediff A B [A2 B2...]
      Two renderings of a page (PNG or PGM, sizes may differ by a few
      pixels): both are cut to the common size and averaged over blocks,
      so that anti-aliasing and a re-rendering through Ghostscript do not
      count. Prints `MEAN WORST`: the mean absolute difference of the 8x8
      blocks' grey and the largest one of a 16x16 block (a line of text
      changed in one place), 0 (same) to 255; one line a pair.
Exit 0 with the figure on standard output; 2 on bad arguments, 3 when an
image cannot be read.
"""
import struct
import sys
import zlib


class Image:
    def __init__(self, w, h, grey):
        self.w, self.h, self.grey = w, h, grey  # grey: bytes, row-major

    def at(self, x, y):
        return self.grey[y * self.w + x]


def read_pgm(data):
    # P5 <w> <h> <max> <one whitespace> <bytes>; comments start with '#'.
    fields, pos = [], 2
    while len(fields) < 3:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            while data[pos:pos + 1] not in (b'\n', b''):
                pos += 1
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(int(data[start:pos]))
    pos += 1
    w, h, mx = fields
    if mx > 255:
        raise ValueError('16-bit PGM')
    return Image(w, h, bytes(data[pos:pos + w * h]))


def unfilter(raw, w, h, bpp):
    stride = w * bpp
    out = bytearray(stride * h)
    prev = bytearray(stride)
    pos = 0
    for y in range(h):
        ftype = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ftype == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif ftype == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        elif ftype != 0:
            raise ValueError('bad PNG filter %d' % ftype)
        out[y * stride:(y + 1) * stride] = line
        prev = line
    return out


def read_png(data):
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b'IHDR':
            ihdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        elif kind == b'IEND':
            break
    w, h, depth, ctype, _, _, interlace = ihdr
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or bpp is None or interlace:
        raise ValueError('unsupported PNG (depth %d, colour type %d)' % (depth, ctype))
    raw = zlib.decompress(b''.join(idat))
    stride = w * bpp
    if all(raw[y * (stride + 1)] == 0 for y in range(h)):
        px = bytearray()
        for y in range(h):
            px += raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)]
    else:
        px = unfilter(raw, w, h, bpp)
    if bpp <= 2:
        grey = bytes(px[0::bpp])
    else:
        r, g, b = px[0::bpp], px[1::bpp], px[2::bpp]
        grey = bytes((299 * r[i] + 587 * g[i] + 114 * b[i]) // 1000 for i in range(w * h))
    return Image(w, h, grey)


def load(path):
    with open(path, 'rb') as f:
        data = f.read()
    return read_pgm(data) if data[:2] == b'P5' else read_png(data)


def clip(img, args):
    if not args:
        return 0, 0, img.w, img.h
    x, y, w, h = (int(a) for a in args)
    x0, y0 = max(x, 0), max(y, 0)
    x1, y1 = min(x + w, img.w), min(y + h, img.h)
    return x0, y0, max(x1 - x0, 0), max(y1 - y0, 0)


def ink(img, rect):
    x0, y0, w, h = rect
    hist = [0] * 256
    for y in range(y0, y0 + h):
        for v in img.grey[y * img.w + x0:y * img.w + x0 + w]:
            hist[v] += 1
    bg = max(range(256), key=lambda v: hist[v])
    n, bx0, by0, bx1, by1 = 0, None, None, None, None
    for y in range(y0, y0 + h):
        row = img.grey[y * img.w + x0:y * img.w + x0 + w]
        for i, v in enumerate(row):
            if abs(v - bg) > 80:
                n += 1
                x = x0 + i
                bx0 = x if bx0 is None or x < bx0 else bx0
                bx1 = x if bx1 is None or x > bx1 else bx1
                by0 = y if by0 is None else by0
                by1 = y
    if not n:
        return '0 0 0 0 0'
    return '%d %d %d %d %d' % (n, bx0, by0, bx1 - bx0 + 1, by1 - by0 + 1)


def diff(a, b, rect):
    if (a.w, a.h) != (b.w, b.h):
        return '1'
    x0, y0, w, h = rect
    if not w or not h:
        return '0'
    n = 0
    for y in range(y0, y0 + h):
        o = y * a.w + x0
        ra, rb = a.grey[o:o + w], b.grey[o:o + w]
        if ra != rb:
            n += sum(1 for p, q in zip(ra, rb) if abs(p - q) > 24)
    return '%.6f' % (n / (w * h))


def blocks(img, w, h, k):
    bw, bh = w // k, h // k
    out = []
    for by in range(bh):
        sums = [0] * bw
        for y in range(by * k, by * k + k):
            row = img.grey[y * img.w:y * img.w + bw * k]
            for bx in range(bw):
                sums[bx] += sum(row[bx * k:bx * k + k])
        out.extend(s / (k * k) for s in sums)
    return out


def pagediff(a, b):
    w, h = min(a.w, b.w), min(a.h, b.h)
    if max(a.w, b.w) > w * 1.02 + 4 or max(a.h, b.h) > h * 1.02 + 4:
        return '255 255'  # not the same page size
    pa, pb = blocks(a, w, h, 8), blocks(b, w, h, 8)
    mean = sum(abs(p - q) for p, q in zip(pa, pb)) / max(len(pa), 1)
    qa, qb = blocks(a, w, h, 16), blocks(b, w, h, 16)
    worst = max((abs(p - q) for p, q in zip(qa, qb)), default=0)
    return '%.3f %.1f' % (mean, worst)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, rest = argv[1], argv[2:]
    try:
        if cmd == 'ink' and len(rest) == 5:
            img = load(rest[0])
            print('ink ' + ink(img, clip(img, rest[1:])))
        elif cmd == 'diff' and len(rest) in (2, 6):
            a, b = load(rest[0]), load(rest[1])
            print(diff(a, b, clip(a, rest[2:])))
        elif cmd == 'pagediff' and rest and len(rest) % 2 == 0:
            for i in range(0, len(rest), 2):
                print(pagediff(load(rest[i]), load(rest[i + 1])))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except (OSError, ValueError, zlib.error, struct.error, TypeError) as e:
        print('pixels: %s' % e, file=sys.stderr)
        return 3
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
