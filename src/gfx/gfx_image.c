#include "gfx_image.h"

#include <stdint.h>

#include <SDL_image.h>

#include "core/bundle.h"
#include "core/i18n.h"
#include "core/image_info.h"

/* Averages every source pixel that falls in each destination pixel: a
 * photo shrunk many times over stays smooth (bilinear would alias). */
static SDL_Surface *shrink(SDL_Surface *src, int dw, int dh)
{
	SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!dst)
		return NULL;
	int sw = src->w, sh = src->h;
	for (int y = 0; y < dh; y++) {
		int y0 = (int)((int64_t)y * sh / dh), y1 = (int)((int64_t)(y + 1) * sh / dh);
		if (y1 <= y0)
			y1 = y0 + 1;
		uint32_t *out = (uint32_t *)((unsigned char *)dst->pixels + (size_t)y * (size_t)dst->pitch);
		for (int x = 0; x < dw; x++) {
			int x0 = (int)((int64_t)x * sw / dw), x1 = (int)((int64_t)(x + 1) * sw / dw);
			if (x1 <= x0)
				x1 = x0 + 1;
			uint64_t acc[4] = {0};
			for (int sy = y0; sy < y1; sy++) {
				const uint32_t *row =
				    (const uint32_t *)((const unsigned char *)src->pixels + (size_t)sy * (size_t)src->pitch);
				for (int sx = x0; sx < x1; sx++) {
					uint32_t c = row[sx];
					acc[0] += c >> 24;
					acc[1] += (c >> 16) & 255;
					acc[2] += (c >> 8) & 255;
					acc[3] += c & 255;
				}
			}
			uint64_t k = (uint64_t)(y1 - y0) * (uint64_t)(x1 - x0);
			out[x] = (uint32_t)(acc[0] / k) << 24 | (uint32_t)(acc[1] / k) << 16 |
				 (uint32_t)(acc[2] / k) << 8 | (uint32_t)(acc[3] / k);
		}
	}
	return dst;
}

SDL_Surface *gfx_image_decode(const unsigned char *data, size_t n, int max_w, int max_h, int *w, int *h,
			      const char **why)
{
	*w = *h = 0;
	image_info info;
	switch (image_check(data, n, BUNDLE_MAX_IMAGE, &info)) {
	case IMAGE_OK: break;
	case IMAGE_NOT_AN_IMAGE: *why = _("not a PNG or JPEG image"); return NULL;
	case IMAGE_BROKEN: *why = _("the file is cut short or damaged"); return NULL;
	case IMAGE_TOO_LARGE:
		*w = info.width;
		*h = info.height;
		*why = _("the picture is too large (at most 16 megapixels, 8192 pixels a side, 20 MiB)");
		return NULL;
	}
	*w = info.width;
	*h = info.height;
	SDL_RWops *rw = SDL_RWFromConstMem(data, (int)n);
	if (!rw) {
		*why = SDL_GetError();
		return NULL;
	}
	/* The decoder named by the format just checked, never a guess from
	 * the name or the bytes. */
	SDL_Surface *raw = info.format == IMAGE_PNG ? IMG_LoadPNG_RW(rw) : IMG_LoadJPG_RW(rw);
	SDL_RWclose(rw);
	if (!raw || raw->w != info.width || raw->h != info.height) {
		if (raw)
			SDL_FreeSurface(raw);
		*why = _("the picture cannot be decoded");
		return NULL;
	}
	SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(raw);
	if (!s) {
		*why = _("the picture cannot be decoded");
		return NULL;
	}
	if (max_w > 0 && max_h > 0 && (s->w > max_w || s->h > max_h)) {
		/* Fit inside max_w x max_h, aspect kept. */
		int dw = max_w, dh = (int)((int64_t)s->h * max_w / s->w);
		if (dh > max_h) {
			dh = max_h;
			dw = (int)((int64_t)s->w * max_h / s->h);
		}
		if (dw < 1)
			dw = 1;
		if (dh < 1)
			dh = 1;
		SDL_Surface *small = SDL_MUSTLOCK(s) ? NULL : shrink(s, dw, dh);
		SDL_FreeSurface(s);
		if (!small) {
			*why = _("the picture cannot be decoded");
			return NULL;
		}
		s = small;
	}
	return s;
}
