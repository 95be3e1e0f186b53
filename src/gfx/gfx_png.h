/* gfx_png — writes screenshots as compressed PNG files through libpng. */
#ifndef MOTCUA_GFX_PNG_H
#define MOTCUA_GFX_PNG_H

#include <stddef.h>
#include <stdint.h>

/* Writes an 8-bit RGB PNG of w x h pixels to path. Row y starts at
 * pixels + y * pitch and holds w pixels of 4 bytes as a 32-bit value
 * 0xAARRGGBB in native byte order (SDL's ARGB8888); alpha is ignored.
 * Returns 0 or -errno (-EIO when libpng fails). */
int gfx_png_write(const char *path, int w, int h, const uint32_t *pixels, size_t pitch);

#endif
