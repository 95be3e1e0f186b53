/* gfx_image — decodes a checked PNG or JPEG (SDL_image) into a surface no
 * larger than asked. Private to src/gfx. */
#ifndef MOTCUA_GFX_IMAGE_H
#define MOTCUA_GFX_IMAGE_H

#include <stddef.h>

#include <SDL.h>

/* Checks the bytes (core/image_info.h: format by magic, size from the
 * header, every limit) and only then decodes them, downscaled (box filter,
 * aspect kept) to fit max_w x max_h when larger. Returns an ARGB8888
 * surface, or NULL with *why set to a translated reason; *w, *h get the
 * picture's own size when the header told it. */
SDL_Surface *gfx_image_decode(const unsigned char *data, size_t n, int max_w, int max_h, int *w,
                              int *h, const char **why);

#endif
