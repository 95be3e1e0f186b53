#!/usr/bin/env python3
"""embed_text.py IN OUT SYMBOL — writes OUT, a C file defining
`const char *const SYMBOL[]`: the lines of IN (UTF-8 text), then NULL."""
import sys

src, dst, sym = sys.argv[1:4]
data = open(src, 'rb').read()
if b'\0' in data:
    sys.exit(f'{src}: a NUL byte cannot be embedded')
with open(dst, 'w', encoding='ascii') as f:
    f.write(f'/* generated from {src.split("/")[-1]} by tools/embed_text.py */\n')
    f.write(f'const char *const {sym}[] = {{\n')
    for line in data.split(b'\n'):
        esc = ''.join(chr(b) if 32 <= b < 127 and b not in (34, 92, 63) else f'\\{b:03o}'
                      for b in line)
        f.write(f'    "{esc}",\n')
    f.write('    0,\n};\n')
