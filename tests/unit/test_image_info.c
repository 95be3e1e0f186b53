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

/* A grey progressive JPEG of w x h (multiples of 8): a DC scan, then
 * `scans` AC scans of nothing but end-of-band runs (12 bytes each at
 * 1024x1024), each of which libjpeg decodes over the whole picture (found
 * during the fuzz campaign of fuzz_image; tests/fuzz/regressions/fuzz_image/
 * many-scans.jpg). Returns its size; p has room for
 * 2400 + w * h / 512 + 48 * scans bytes. */
static size_t progressive_jpeg(unsigned char *p, unsigned w, unsigned h, unsigned scans)
{
	size_t n = 0;
	static const unsigned char head[] = {
	    0xFF, 0xD8,                         /* SOI */
	    0xFF, 0xDB, 0x00, 0x43, 0x00};      /* DQT, table 0 (64 ones follow) */
	memcpy(p, head, sizeof head);
	n = sizeof head;
	memset(p + n, 1, 64);
	n += 64;
	unsigned char sof[] = {0xFF, 0xC2, 0x00, 0x0B, 8, (unsigned char)(h >> 8), (unsigned char)h,
	                       (unsigned char)(w >> 8), (unsigned char)w, 1, 1, 0x11, 0};
	memcpy(p + n, sof, sizeof sof);
	n += sizeof sof;
	/* DC table 0: one code '0' for category 0; AC table 0: one code '0' for
	 * EOB14 (a run of 2^14 + 14 bits end-of-bands). */
	for (int t = 0; t < 2; t++) {
		unsigned char dht[22] = {0xFF, 0xC4, 0x00, 0x14, (unsigned char)(t << 4), 1};
		dht[21] = t ? 0xE0 : 0x00;
		memcpy(p + n, dht, sizeof dht);
		n += sizeof dht;
	}
	static const unsigned char sos_dc[] = {0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 0, 0};
	memcpy(p + n, sos_dc, sizeof sos_dc);
	n += sizeof sos_dc;
	size_t blocks = (size_t)(w / 8) * (h / 8);
	memset(p + n, 0, (blocks + 7) / 8); /* a '0' (no change) a block */
	n += (blocks + 7) / 8;
	size_t runs = (blocks + 16383) / 16384, bits = 15 * runs, bytes = (bits + 7) / 8;
	static const unsigned char sos_ac[] = {0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 1, 63, 0};
	for (unsigned s = 0; s < scans; s++) {
		memcpy(p + n, sos_ac, sizeof sos_ac);
		n += sizeof sos_ac;
		memset(p + n, 0, bytes);
		p[n + bytes - 1] |= (unsigned char)((1u << (bytes * 8 - bits)) - 1); /* 1-bit padding */
		n += bytes;
	}
	p[n++] = 0xFF;
	p[n++] = 0xD9; /* EOI */
	return n;
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
	/* A progressive JPEG of 11 scans or of IMAGE_MAX_JPEG_SCANS is a
	 * picture; one more scan, or thousands (hours of decoding at 16
	 * megapixels), is refused before a decoder sees it. */
	unsigned char *pj = malloc(2400 + 4096 * 4096 / 512 + 48 * 3000);
	CHECK(image_check(pj, progressive_jpeg(pj, 1024, 1024, 10), MAX, &info) == IMAGE_OK);
	CHECK(info.format == IMAGE_JPEG && info.width == 1024 && info.height == 1024);
	CHECK(image_check(pj, progressive_jpeg(pj, 64, 64, IMAGE_MAX_JPEG_SCANS - 1), MAX, &info) ==
	      IMAGE_OK);
	CHECK(image_check(pj, progressive_jpeg(pj, 64, 64, IMAGE_MAX_JPEG_SCANS), MAX, &info) ==
	      IMAGE_BROKEN);
	CHECK(image_check(pj, progressive_jpeg(pj, 4096, 4096, 3000), MAX, &info) == IMAGE_BROKEN);
	free(pj);
	return TEST_DONE();
}
