#include "gfx_png.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

uint32_t gfx_png_crc32(uint32_t crc, const unsigned char *p, size_t n)
{
	static uint32_t table[256];
	if (!table[1]) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	}
	crc = ~crc;
	while (n--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

uint32_t gfx_png_adler32(uint32_t a, const unsigned char *p, size_t n)
{
	uint32_t s1 = a & 0xffff, s2 = a >> 16;
	while (n) {
		/* 5552 is the most bytes before s2 can overflow 32 bits. */
		size_t k = n < 5552 ? n : 5552;
		n -= k;
		while (k--) {
			s1 += *p++;
			s2 += s1;
		}
		s1 %= 65521;
		s2 %= 65521;
	}
	return s2 << 16 | s1;
}

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void write_chunk(FILE *f, const char *type, const unsigned char *data, size_t n)
{
	unsigned char hdr[8];
	put32(hdr, (uint32_t)n);
	memcpy(hdr + 4, type, 4);
	uint32_t crc = gfx_png_crc32(0, hdr + 4, 4);
	crc = gfx_png_crc32(crc, data, n);
	unsigned char tail[4];
	put32(tail, crc);
	fwrite(hdr, 1, 8, f);
	fwrite(data, 1, n, f);
	fwrite(tail, 1, 4, f);
}

int gfx_png_write(const char *path, int w, int h, const uint32_t *pixels, size_t pitch)
{
	/* The raw image: each row is a filter byte (0 = none) and RGB triples. */
	size_t row = 1 + (size_t)w * 3, raw_n = row * (size_t)h;
	unsigned char *raw = xmalloc(raw_n ? raw_n : 1);
	for (int y = 0; y < h; y++) {
		const uint32_t *src = (const uint32_t *)((const unsigned char *)pixels + (size_t)y * pitch);
		unsigned char *d = raw + (size_t)y * row;
		*d++ = 0;
		for (int x = 0; x < w; x++) {
			*d++ = src[x] >> 16;
			*d++ = src[x] >> 8;
			*d++ = src[x];
		}
	}
	/* zlib stream: header, stored blocks of at most 65535 bytes, Adler-32. */
	size_t blocks = raw_n / 65535 + 1;
	size_t z_n = 2 + raw_n + blocks * 5 + 4, at = 0;
	unsigned char *z = xmalloc(z_n);
	z[at++] = 0x78; /* deflate, 32K window */
	z[at++] = 0x01; /* no preset dictionary, fastest; (0x7801 % 31 == 0) */
	size_t left = raw_n, off = 0;
	do {
		size_t k = left < 65535 ? left : 65535;
		left -= k;
		z[at++] = left == 0; /* BFINAL on the last block, BTYPE 00 = stored */
		z[at++] = k & 0xff;
		z[at++] = k >> 8;
		z[at++] = ~k & 0xff;
		z[at++] = (~k >> 8) & 0xff;
		memcpy(z + at, raw + off, k);
		at += k;
		off += k;
	} while (left);
	put32(z + at, gfx_png_adler32(1, raw, raw_n));
	at += 4;
	free(raw);

	FILE *f = fopen(path, "wb");
	if (!f) {
		int e = errno;
		free(z);
		return -e;
	}
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	fwrite(sig, 1, 8, f);
	unsigned char ihdr[13];
	put32(ihdr, (uint32_t)w);
	put32(ihdr + 4, (uint32_t)h);
	ihdr[8] = 8;  /* bits per sample */
	ihdr[9] = 2;  /* colour type RGB */
	ihdr[10] = 0; /* deflate */
	ihdr[11] = 0; /* adaptive filtering */
	ihdr[12] = 0; /* no interlace */
	write_chunk(f, "IHDR", ihdr, sizeof ihdr);
	write_chunk(f, "IDAT", z, at);
	write_chunk(f, "IEND", sig, 0); /* any non-NULL pointer: no data */
	free(z);
	int bad = ferror(f);
	if (fclose(f) != 0 || bad)
		return -EIO;
	return 0;
}
