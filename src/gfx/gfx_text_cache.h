/* gfx_text_cache — rendered lines of text kept as textures, so a line that
 * stays on screen is rasterised once, not every frame.
 *
 * Keyed by the text and its style — (style slot, pixel size, text) — never by
 * a font object, so a line drawn with fallback faces for other scripts is
 * one entry like any other. The caller folds the colour into the slot,
 * because tinting a white texture at draw time sends the software renderer
 * down a slow per-pixel path. Least recently used entries are evicted when
 * the pixels held exceed the byte budget, except those drawn in the current
 * frame (evicting them would rasterise them again on the next frame).
 *
 * The budget is small on purpose (gfx_options.text_cache_bytes: one
 * screen's pixels by default, 8 MiB at 1920x1080): a screen's lines are
 * kept while it scrolls and a few screens back, and the memory a long walk
 * through every procedure leaves behind stays bounded (gfx.c also has
 * glibc unmap the large lines' pixels when they are evicted). */
#ifndef MOTCUA_GFX_TEXT_CACHE_H
#define MOTCUA_GFX_TEXT_CACHE_H

#include <SDL.h>
#include <stddef.h>

typedef struct gfx_text_cache gfx_text_cache;

/* A cache for textures of renderer r (kept, not owned), holding at most about
 * budget bytes of pixels. */
gfx_text_cache *gfx_text_cache_new(SDL_Renderer *r, size_t budget);
/* Destroys every texture; gfx_text_cache_free(NULL) is a no-op. */
void gfx_text_cache_free(gfx_text_cache *c);

/* The cached texture of the text s[0..n) in slot `font` (face and colour) at px pixels,
 * or NULL; sets *w and *h. Marks the entry used in frame `frame`. */
SDL_Texture *gfx_text_cache_get(gfx_text_cache *c, int font, int px, const char *s, size_t n,
				unsigned long frame, int *w, int *h);
/* Adds a texture (the cache owns it from now on), then evicts down to the
 * budget. */
void gfx_text_cache_put(gfx_text_cache *c, int font, int px, const char *s, size_t n,
			unsigned long frame, SDL_Texture *t, int w, int h);
/* Bytes of pixels held. */
size_t gfx_text_cache_bytes(const gfx_text_cache *c);


#endif
