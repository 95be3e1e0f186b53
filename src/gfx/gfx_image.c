#include "gfx_image.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <SDL_image.h>

#include "core/bundle.h"
#include "core/i18n.h"
#include "core/image_info.h"

/* True when shrink() reads src as it is: 3 or 4 bytes a pixel with 8-bit
 * channels (what SDL_image gives for JPEG and most PNG), so a large picture
 * is never converted whole first. */
static bool plain_rgb(const SDL_Surface *src)
{
	const SDL_PixelFormat *f = src->format;
	return !f->palette && (f->BytesPerPixel == 3 || f->BytesPerPixel == 4) && f->Rloss == 0 &&
	       f->Gloss == 0 && f->Bloss == 0 && (!f->Amask || f->Aloss == 0) && !SDL_MUSTLOCK(src);
}

/* Averages every source pixel that falls in each destination pixel: a
 * photo shrunk many times over stays smooth (bilinear would alias).
 * src is plain_rgb; the result is ARGB8888. */
static SDL_Surface *shrink(SDL_Surface *src, int dw, int dh)
{
	SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!dst)
		return NULL;
	const SDL_PixelFormat *f = src->format;
	int bpp = f->BytesPerPixel, sw = src->w, sh = src->h;
	for (int y = 0; y < dh; y++) {
		int y0 = (int)((int64_t)y * sh / dh), y1 = (int)((int64_t)(y + 1) * sh / dh);
		if (y1 <= y0)
			y1 = y0 + 1;
		uint32_t *out =
		    (uint32_t *)((unsigned char *)dst->pixels + (size_t)y * (size_t)dst->pitch);
		for (int x = 0; x < dw; x++) {
			int x0 = (int)((int64_t)x * sw / dw),
			    x1 = (int)((int64_t)(x + 1) * sw / dw);
			if (x1 <= x0)
				x1 = x0 + 1;
			uint64_t acc[4] = {0};
			for (int sy = y0; sy < y1; sy++) {
				const unsigned char *row = (const unsigned char *)src->pixels +
				                           (size_t)sy * (size_t)src->pitch;
				for (int sx = x0; sx < x1; sx++) {
					const unsigned char *q = row + (size_t)sx * (size_t)bpp;
					/* SDL keeps 24- and 32-bit pixels in native order. */
					uint32_t c;
					if (bpp == 4) {
						memcpy(&c, q, 4);
					} else {
#if SDL_BYTEORDER == SDL_BIG_ENDIAN
						c = (uint32_t)q[0] << 16 | (uint32_t)q[1] << 8 |
						    q[2];
#else
						c = (uint32_t)q[2] << 16 | (uint32_t)q[1] << 8 |
						    q[0];
#endif
					}
					acc[0] += f->Amask ? (c & f->Amask) >> f->Ashift : 255;
					acc[1] += (c & f->Rmask) >> f->Rshift;
					acc[2] += (c & f->Gmask) >> f->Gshift;
					acc[3] += (c & f->Bmask) >> f->Bshift;
				}
			}
			uint64_t k = (uint64_t)(y1 - y0) * (uint64_t)(x1 - x0);
			out[x] = (uint32_t)(acc[0] / k) << 24 | (uint32_t)(acc[1] / k) << 16 |
			         (uint32_t)(acc[2] / k) << 8 | (uint32_t)(acc[3] / k);
		}
	}
	return dst;
}

SDL_Surface *gfx_image_decode(const unsigned char *data, size_t n, int max_w, int max_h, int *w,
                              int *h, const char **why)
{
	*w = *h = 0;
	image_info info;
	switch (image_check(data, n, BUNDLE_MAX_IMAGE, &info)) {
	case IMAGE_OK:
		break;
	case IMAGE_NOT_AN_IMAGE:
		*why = _("not a PNG or JPEG image");
		return NULL;
	case IMAGE_BROKEN:
		*why = _("the file is cut short or damaged");
		return NULL;
	case IMAGE_TOO_LARGE:
		*w = info.width;
		*h = info.height;
		*why = _(
		    "the picture is too large (at most 16 megapixels, 8192 pixels a side, 20 MiB)");
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
	if (max_w > 0 && max_h > 0 && (raw->w > max_w || raw->h > max_h)) {
		/* Fit inside max_w x max_h, aspect kept. */
		int dw = max_w, dh = (int)((int64_t)raw->h * max_w / raw->w);
		if (dh > max_h) {
			dh = max_h;
			dw = (int)((int64_t)raw->w * max_h / raw->h);
		}
		if (dw < 1)
			dw = 1;
		if (dh < 1)
			dh = 1;
		if (!plain_rgb(raw)) { /* rare (palette, 16-bit): convert first */
			SDL_Surface *c = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
			SDL_FreeSurface(raw);
			raw = c;
		}
		SDL_Surface *small = raw ? shrink(raw, dw, dh) : NULL;
		if (raw)
			SDL_FreeSurface(raw);
		if (!small)
			*why = _("the picture cannot be decoded");
		return small;
	}
	SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(raw);
	if (!s)
		*why = _("the picture cannot be decoded");
	return s;
}
