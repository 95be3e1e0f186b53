/* image_info — what a picture file is, read from its header alone.
 *
 * A bundle's images/ are decoded by the kiosk (src/gfx); before any decoder
 * sees the bytes, image_check walks the file's structure and refuses what
 * is not a whole PNG or baseline/progressive JPEG, or would decode to more
 * pixels than the kiosk allows. No SDL, no allocation. */
#ifndef MOTCUA_IMAGE_INFO_H
#define MOTCUA_IMAGE_INFO_H

#include <stddef.h>

/* Limits on a picture the kiosk decodes: 16 megapixels (a 4096x4096 or a
 * 4000x3000 photo; 64 MiB decoded) and 8192 pixels on a side. */
#define IMAGE_MAX_SIDE 8192
#define IMAGE_MAX_PIXELS (16u << 20)

/* At most this many scans (SOS segments) in a JPEG. libjpeg decodes each
 * scan of a progressive JPEG over the whole picture, and SDL_image sets no
 * limit: 12-byte scans repeated through a 20 MiB file would hold the kiosk
 * for hours (a 4096x4096 one: 25 ms a scan). Real files have 1 (baseline)
 * to about 15 (progressive, optimised); libjpeg-turbo's own limit for its
 * API users is 500. */
#define IMAGE_MAX_JPEG_SCANS 100

typedef enum image_format { IMAGE_UNKNOWN, IMAGE_PNG, IMAGE_JPEG } image_format;

typedef struct image_info {
	image_format format;
	int width, height; /* from the PNG IHDR or the JPEG SOF; 0 when unknown */
} image_info;

typedef enum image_verdict {
	IMAGE_OK,
	IMAGE_NOT_AN_IMAGE, /* neither PNG nor JPEG by its first bytes */
	IMAGE_BROKEN,       /* its structure is cut short or malformed (or a JPEG of
	                       more than IMAGE_MAX_JPEG_SCANS scans) */
	IMAGE_TOO_LARGE,    /* over max_bytes, IMAGE_MAX_SIDE or IMAGE_MAX_PIXELS */
} image_verdict;

/* Checks the n bytes at p (a file of at most max_bytes) and fills *info as
 * far as it got. Only IMAGE_OK may be handed to a decoder. */
image_verdict image_check(const unsigned char *p, size_t n, size_t max_bytes, image_info *info);

#endif
