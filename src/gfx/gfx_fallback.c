#include "gfx_fallback.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* Decodes one character at s (invalid bytes: U+FFFD, one byte). */
static uint32_t utf8_next(const unsigned char *s, size_t *len)
{
	uint32_t c = s[0];
	int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
	if (n == 1 || n == 0) {
		*len = 1;
		return n ? c : 0xfffd;
	}
	uint32_t cp = c & (0x7f >> n);
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*len = 1;
			return 0xfffd;
		}
		cp = cp << 6 | (s[i] & 0x3f);
	}
	*len = (size_t)n;
	return cp;
}

/* The font of the run that starts at z and its length in bytes. A character
 * stays in the current run when that run's font has it (spaces, digits and
 * marks inside Tai Viet text), so runs break only where they must. */
static int run_next(font_fallback *ff, const char *z, size_t *len, int *missing)
{
	const unsigned char *s = (const unsigned char *)z;
	size_t i = 0;
	int font = -2;
	while (s[i]) {
		size_t l;
		uint32_t cp = s[i] < 0x80 ? s[i] : utf8_next(s + i, &l);
		if (s[i] < 0x80)
			l = 1;
		if (font == -2) {
			font = font_fallback_find(ff, cp);
			if (font < 0) {
				(*missing)++;
				font = 0;
			}
		} else if (!font_fallback_has(ff, font, cp)) {
			int f = font_fallback_find(ff, cp);
			if (f >= 0 || font != 0)
				break;
			(*missing)++; /* no font has it: the primary's box, in this run */
		}
		i += l;
	}
	*len = i;
	return font < 0 ? 0 : font;
}

/* Fast test: the primary draws all of z. */
static bool primary_only(font_fallback *ff, const char *z)
{
	size_t len;
	int missing = 0;
	int f = run_next(ff, z, &len, &missing);
	return f == 0 && z[len] == 0;
}

static TTF_Font *font_or_primary(gfx_fallback_font_fn font, void *ctx, int i)
{
	TTF_Font *f = i ? font(ctx, i) : NULL;
	return f ? f : font(ctx, 0);
}

int gfx_fallback_width(font_fallback *ff, gfx_fallback_font_fn font, void *ctx, const char *z)
{
	int total = 0, w = 0, h = 0;
	if (primary_only(ff, z)) {
		TTF_SizeUTF8(font(ctx, 0), z, &w, &h);
		return w;
	}
	char *copy = xstrdup(z);
	for (char *p = copy; *p;) {
		size_t len;
		int missing = 0;
		int i = run_next(ff, p, &len, &missing);
		char keep = p[len];
		p[len] = 0;
		if (TTF_SizeUTF8(font_or_primary(font, ctx, i), p, &w, &h) == 0)
			total += w;
		p[len] = keep;
		p += len;
	}
	free(copy);
	return total;
}

SDL_Surface *gfx_fallback_render(font_fallback *ff, gfx_fallback_font_fn font, void *ctx, const char *z,
				 SDL_Color c, int *missing)
{
	int dummy;
	if (!missing)
		missing = &dummy;
	*missing = 0;
	if (primary_only(ff, z)) {
		size_t len;
		run_next(ff, z, &len, missing);
		return TTF_RenderUTF8_Blended(font(ctx, 0), z, c);
	}
	/* Rasterise each run, then copy them onto one line whose baseline is
	 * the primary's, as tall as the primary's line (what layout measured). */
	enum { MAX_RUNS = 64 };
	SDL_Surface *runs[MAX_RUNS];
	int lift[MAX_RUNS], n = 0, width = 0;
	char *copy = xstrdup(z);
	char *p = copy;
	while (*p) {
		size_t len;
		int i = run_next(ff, p, &len, missing);
		if (n == MAX_RUNS - 1)
			len = strlen(p); /* a pathological mix: the rest in one run */
		char keep = p[len];
		p[len] = 0;
		/* A font pointer is good only until the next font() call (the
		 * caller's table of open fonts may start over). */
		TTF_Font *f = font_or_primary(font, ctx, i);
		SDL_Surface *s = TTF_RenderUTF8_Blended(f, p, c);
		int ascent = TTF_FontAscent(f);
		p[len] = keep;
		p += len;
		if (!s)
			continue;
		runs[n] = s;
		lift[n] = TTF_FontAscent(font(ctx, 0)) - ascent;
		width += s->w;
		n++;
	}
	free(copy);
	SDL_Surface *out = NULL;
	if (n > 0 && width > 0)
		out = SDL_CreateRGBSurfaceWithFormat(0, width, TTF_FontHeight(font(ctx, 0)), 32, SDL_PIXELFORMAT_ARGB8888);
	int x = 0;
	for (int k = 0; k < n; k++) {
		if (out) {
			SDL_SetSurfaceBlendMode(runs[k], SDL_BLENDMODE_NONE);
			SDL_Rect dst = {x, lift[k], runs[k]->w, runs[k]->h};
			SDL_BlitSurface(runs[k], NULL, out, &dst);
		}
		x += runs[k]->w;
		SDL_FreeSurface(runs[k]);
	}
	return out;
}
