/* image_info: what the kiosk lets a picture decoder see (issue 15.3). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/image_info.h"
#include "testlib.h"

#define MAX (20u << 20)

static size_t put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
	return 4;
}

/* A PNG's structure (CRCs are the decoder's business): IHDR w x h, one
 * IDAT, IEND. Returns its size. */
static size_t png(unsigned char *p, uint32_t w, uint32_t h)
{
	size_t n = 0;
	memcpy(p, "\x89PNG\r\n\x1a\n", 8);
	n = 8;
	n += put32(p + n, 13);
	memcpy(p + n, "IHDR", 4);
	n += 4;
	n += put32(p + n, w);
	n += put32(p + n, h);
	memcpy(p + n, "\x08\x02\x00\x00\x00", 5);
	n += 5;
	n += put32(p + n, 0); /* CRC */
	n += put32(p + n, 3);
	memcpy(p + n, "IDATxyz", 7);
	n += 7;
	n += put32(p + n, 0);
	n += put32(p + n, 0);
	memcpy(p + n, "IEND", 4);
	n += 4;
	n += put32(p + n, 0);
	return n;
}

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	unsigned char *b = malloc(1 << 20);
	*n = fread(b, 1, 1 << 20, f);
	fclose(f);
	return b;
}

/* The offset of the JPEG's SOF0 segment's marker. */
static size_t sof_at(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (p[i] == 0xFF && p[i + 1] == 0xC0)
			return i;
	return 0;
}

int main(void)
{
	unsigned char p[256];
	image_info info;

	/* PNG: sizes within and over the limits, read from IHDR. */
	struct {
		uint32_t w, h;
		image_verdict want;
	} sizes[] = {
	    {600, 300, IMAGE_OK},
	    {4096, 4096, IMAGE_OK},          /* 16 Mpx exactly */
	    {8192, 2048, IMAGE_OK},          /* a panorama */
	    {4097, 4096, IMAGE_TOO_LARGE},   /* over 16 Mpx */
	    {8193, 1, IMAGE_TOO_LARGE},      /* over 8192 a side */
	    {60000, 60000, IMAGE_TOO_LARGE}, /* the header of issue 15.3 */
	    {0xFFFFFFFFu, 1, IMAGE_TOO_LARGE},
	    {0, 10, IMAGE_BROKEN},
	};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		size_t n = png(p, sizes[i].w, sizes[i].h);
		image_verdict v = image_check(p, n, MAX, &info);
		if (v != sizes[i].want)
			fprintf(stderr, "PNG %ux%u: verdict %d, want %d\n", sizes[i].w, sizes[i].h,
			        v, sizes[i].want);
		CHECK(v == sizes[i].want);
		CHECK(info.format == IMAGE_PNG);
		if (sizes[i].w <= 60000)
			CHECK(info.width == (int)sizes[i].w && info.height == (int)sizes[i].h);
	}
	/* Every cut of a PNG is refused before a decoder sees it. */
	size_t n = png(p, 64, 32);
	CHECK(image_check(p, n, MAX, &info) == IMAGE_OK);
	for (size_t k = 0; k < n; k++)
		CHECK(image_check(p, k, MAX, &info) != IMAGE_OK);
	/* Over the byte limit; not a picture at all; a chunk longer than the file. */
	CHECK(image_check(p, n, n - 1, &info) == IMAGE_TOO_LARGE);
	CHECK(image_check((const unsigned char *)"GIF89a......", 12, MAX, &info) ==
	      IMAGE_NOT_AN_IMAGE);
	CHECK(image_check((const unsigned char *)"just text", 9, MAX, &info) == IMAGE_NOT_AN_IMAGE);
	CHECK(image_check(p, 0, MAX, &info) == IMAGE_NOT_AN_IMAGE);
	unsigned char q[256];
	memcpy(q, p, n);
	put32(q + 33, 0x7FFFFFF0u); /* IDAT's length */
	CHECK(image_check(q, n, MAX, &info) == IMAGE_BROKEN);
	/* No IDAT before IEND. */
	memcpy(q, p, n);
	memcpy(q + 37, "tEXt", 4);
	CHECK(image_check(q, n, MAX, &info) == IMAGE_BROKEN);

	/* JPEG: the fixture, its size from SOF0. */
	const char *src = getenv("MOTCUA_SRC");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/news/teal.jpg", src ? src : ".");
	size_t jn = 0;
	unsigned char *j = slurp(path, &jn);
	CHECK(j != NULL);
	if (j) {
		CHECK(image_check(j, jn, MAX, &info) == IMAGE_OK);
		CHECK(info.format == IMAGE_JPEG && info.width == 320 && info.height == 200);
		/* Every cut is refused: no EOI, or a segment past the end. */
		size_t refused = 0;
		for (size_t k = 0; k < jn; k++)
			refused += image_check(j, k, MAX, &info) != IMAGE_OK;
		CHECK(refused == jn);
		/* A frame header claiming 60000 x 60000, and one of 0 lines. */
		size_t s = sof_at(j, jn);
		CHECK(s > 0);
		unsigned char *b = malloc(jn);
		memcpy(b, j, jn);
		b[s + 5] = 0xEA, b[s + 6] = 0x60, b[s + 7] = 0xEA, b[s + 8] = 0x60;
		CHECK(image_check(b, jn, MAX, &info) == IMAGE_TOO_LARGE);
		CHECK(info.width == 60000 && info.height == 60000);
		memcpy(b, j, jn);
		b[s + 5] = 0, b[s + 6] = 0;
		CHECK(image_check(b, jn, MAX, &info) == IMAGE_BROKEN);
		/* Two frames. */
		unsigned char *two = malloc(jn * 2);
		size_t len = ((size_t)j[s + 2] << 8 | j[s + 3]) + 2;
		memcpy(two, j, s + len);
		memcpy(two + s + len, j + s, jn - s);
		CHECK(image_check(two, jn + len, MAX, &info) == IMAGE_BROKEN);
		/* Any byte changed: a verdict, never a read out of bounds (ASan). */
		for (size_t k = 0; k < jn; k++) {
			memcpy(b, j, jn);
			b[k] ^= 0xFF;
			(void)image_check(b, jn, MAX, &info);
		}
		free(two);
		free(b);
		free(j);
	}
	return TEST_DONE();
}
