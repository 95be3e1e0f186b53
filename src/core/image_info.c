#include "image_info.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static bool dims_ok(uint32_t w, uint32_t h)
{
	return w > 0 && h > 0 && w <= IMAGE_MAX_SIDE && h <= IMAGE_MAX_SIDE &&
	       (uint64_t)w * h <= IMAGE_MAX_PIXELS;
}

/* The signature, IHDR first, then chunks up to IEND with at least one IDAT;
 * every chunk's length within the file. CRCs are libpng's to check. */
static image_verdict check_png(const unsigned char *p, size_t n, image_info *info)
{
	if (n < 8 + 25 || be32(p + 8) != 13 || memcmp(p + 12, "IHDR", 4))
		return IMAGE_BROKEN;
	uint32_t w = be32(p + 16), h = be32(p + 20);
	info->width = w > INT32_MAX ? INT32_MAX : (int)w;
	info->height = h > INT32_MAX ? INT32_MAX : (int)h;
	if (!dims_ok(w, h))
		return w && h ? IMAGE_TOO_LARGE : IMAGE_BROKEN;
	size_t at = 8;
	bool idat = false;
	while (n - at >= 12) {
		uint32_t len = be32(p + at);
		if (len > INT32_MAX || len > n - at - 12)
			return IMAGE_BROKEN;
		const unsigned char *type = p + at + 4;
		if (!memcmp(type, "IDAT", 4))
			idat = true;
		if (!memcmp(type, "IEND", 4))
			return idat ? IMAGE_OK : IMAGE_BROKEN;
		at += 12 + (size_t)len;
	}
	return IMAGE_BROKEN; /* cut before IEND */
}

/* SOF markers that carry a frame's size: C0..CF but DHT (C4), JPG (C8), DAC (CC). */
static bool is_sof(unsigned m)
{
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

/* Markers from SOI to EOI: one frame header before the first scan, every
 * segment within the file, each scan's entropy-coded data followed by a
 * marker, at most IMAGE_MAX_JPEG_SCANS scans, and EOI at the end of it all
 * (a cut file has none). */
static image_verdict check_jpeg(const unsigned char *p, size_t n, image_info *info)
{
	size_t at = 2;
	int frames = 0, scans = 0;
	for (;;) {
		if (at >= n || p[at] != 0xFF)
			return IMAGE_BROKEN;
		while (at < n && p[at] == 0xFF) /* fill bytes */
			at++;
		if (at >= n)
			return IMAGE_BROKEN;
		unsigned m = p[at++];
		if (m == 0xD9) /* EOI */
			return frames == 1 && scans ? IMAGE_OK : IMAGE_BROKEN;
		if (m == 0x00 || m == 0xD8)
			return IMAGE_BROKEN;
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue; /* no length */
		if (n - at < 2)
			return IMAGE_BROKEN;
		unsigned len = be16(p + at);
		if (len < 2 || len > n - at)
			return IMAGE_BROKEN;
		if (is_sof(m)) {
			if (len < 8 || ++frames > 1)
				return IMAGE_BROKEN;
			unsigned h = be16(p + at + 3), w = be16(p + at + 5);
			info->width = (int)w;
			info->height = (int)h;
			if (!dims_ok(w, h))
				return w && h ? IMAGE_TOO_LARGE : IMAGE_BROKEN;
		}
		at += len;
		if (m != 0xDA) /* SOS */
			continue;
		if (!frames || ++scans > IMAGE_MAX_JPEG_SCANS)
			return IMAGE_BROKEN;
		/* Entropy-coded data: up to the next FF that is not a stuffed
		 * zero, a restart marker or a fill byte. */
		for (;;) {
			const unsigned char *ff = at < n ? memchr(p + at, 0xFF, n - at) : NULL;
			if (!ff || (size_t)(ff - p) + 1 >= n)
				return IMAGE_BROKEN;
			at = (size_t)(ff - p);
			unsigned next = p[at + 1];
			if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
				at += 2;
				continue;
			}
			break; /* a marker (or fill FFs before one) */
		}
	}
}

image_verdict image_check(const unsigned char *p, size_t n, size_t max_bytes, image_info *info)
{
	*info = (image_info){IMAGE_UNKNOWN, 0, 0};
	if (n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8))
		info->format = IMAGE_PNG;
	else if (n >= 3 && !memcmp(p, "\xFF\xD8\xFF", 3))
		info->format = IMAGE_JPEG;
	else
		return IMAGE_NOT_AN_IMAGE;
	if (n > max_bytes)
		return IMAGE_TOO_LARGE;
	return info->format == IMAGE_PNG ? check_png(p, n, info) : check_jpeg(p, n, info);
}
