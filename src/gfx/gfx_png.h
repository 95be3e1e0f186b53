/* gfx_png — writes a PNG file without zlib: stored (uncompressed) deflate
 * blocks, with our own CRC-32 and Adler-32. Screenshots are for tests and
 * staff, so size does not matter and a dependency is not worth it. */
#ifndef MOTCUA_GFX_PNG_H
#define MOTCUA_GFX_PNG_H

#include <stddef.h>
#include <stdint.h>

/* Writes an 8-bit RGB PNG of w x h pixels to path. Row y starts at
 * pixels + y * pitch and holds w pixels of 4 bytes as a 32-bit value
 * 0xAARRGGBB in native byte order (SDL's ARGB8888); alpha is ignored.
 * Returns 0 or -errno. */
int gfx_png_write(const char *path, int w, int h, const uint32_t *pixels, size_t pitch);

/* CRC-32 (ISO 3309, as PNG chunks use) of n bytes, continuing from crc (0 to start). */
uint32_t gfx_png_crc32(uint32_t crc, const unsigned char *p, size_t n);

/* Adler-32 (RFC 1950) of n bytes, continuing from a (1 to start). */
uint32_t gfx_png_adler32(uint32_t a, const unsigned char *p, size_t n);

#endif
