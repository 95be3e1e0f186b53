/* gfx_fallback — a line of text in several fonts: split into runs by the
 * font that has each character (core/font_fallback.h), each run measured
 * and rasterised with its own font, the runs put side by side on one
 * baseline. Below the text cache: the cache keeps the finished line.
 *
 * Text that the primary font covers whole (all of Vietnamese and English)
 * takes SDL_ttf's plain path: one call, no copy. */
#ifndef MOTCUA_GFX_FALLBACK_H
#define MOTCUA_GFX_FALLBACK_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>

#include "core/font_fallback.h"

/* The open SDL_ttf font of font index i (0 = the primary) in the caller's
 * face and size; NULL when it cannot be opened (its run then uses the
 * primary). */
typedef TTF_Font *(*gfx_fallback_font_fn)(void *ctx, int i);

/* Width in pixels of the NUL-terminated UTF-8 line z. */
int gfx_fallback_width(font_fallback *ff, gfx_fallback_font_fn font, void *ctx, const char *z);

/* The line z rendered in colour c (an ARGB surface the caller frees), as
 * TTF_RenderUTF8_Blended would; NULL when there is nothing to draw.
 * *missing (may be NULL) gets the number of characters that no font has
 * (drawn as the primary's empty box). */
SDL_Surface *gfx_fallback_render(font_fallback *ff, gfx_fallback_font_fn font, void *ctx, const char *z,
				 SDL_Color c, int *missing);

#endif
