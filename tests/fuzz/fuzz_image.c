/* fuzz_image — a news picture from a hostile bundle (issue 15.3): the header
 * check of core/image_info.c on any bytes, and what it lets through decoded
 * by SDL_image and shrunk by src/gfx (gfx_image_decode), as the kiosk does.
 * A verdict of OK must name a size within the limits; a decoded picture
 * must fit the box it was asked for. */
#include <SDL.h>

#include "core/bundle.h"
#include "core/image_info.h"
#include "fuzz_common.h"
#include "gfx/gfx_image.h"

int fuzz_image_one(const uint8_t *data, size_t size)
{
	image_info info;
	image_verdict v = image_check(data, size, BUNDLE_MAX_IMAGE, &info);
	if (v != IMAGE_NOT_AN_IMAGE)
		FUZZ_CHECK(info.format == IMAGE_PNG || info.format == IMAGE_JPEG);
	if (v != IMAGE_OK)
		return 0;
	FUZZ_CHECK(info.width > 0 && info.height > 0 && info.width <= IMAGE_MAX_SIDE &&
		   info.height <= IMAGE_MAX_SIDE &&
		   (uint64_t)info.width * (uint64_t)info.height <= IMAGE_MAX_PIXELS);
	/* Big claimed sizes decode slowly: fuzz the decoder on small ones. */
	if ((uint64_t)info.width * (uint64_t)info.height > (1u << 20))
		return 0;
	int w = 0, h = 0;
	const char *why = NULL;
	SDL_Surface *s = gfx_image_decode(data, size, 64, 48, &w, &h, &why);
	if (s) {
		FUZZ_CHECK(s->w <= 64 && s->h <= 48 && s->w >= 1 && s->h >= 1);
		FUZZ_CHECK(w == info.width && h == info.height);
		SDL_FreeSurface(s);
	} else {
		FUZZ_CHECK(why != NULL);
	}
	return 0;
}

FUZZ_ENTRY(fuzz_image_one)
