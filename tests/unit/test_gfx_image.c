/* gfx_image_new: pictures decoded with SDL_image only after their header
 * passed, shrunk to what the screen needs, held within bounds (issue 15.3). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gfx/gfx.h"
#include "core/xalloc.h"
#include "gfx/gfx_png.h"
#include "testlib.h"

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *b = malloc(len > 0 ? (size_t)len : 1);
	*n = fread(b, 1, len > 0 ? (size_t)len : 0, f);
	fclose(f);
	return b;
}

int main(void)
{
	setenv("SDL_VIDEODRIVER", "offscreen", 0);
	gfx *g = gfx_open(&(gfx_options){.width = 1280, .height = 800, .headless = true});
	CHECK(g != NULL);
	if (!g)
		return TEST_DONE();

	/* A 3000 x 1500 picture, larger than the screen. */
	int w = 3000, h = 1500;
	uint32_t *px = malloc((size_t)w * h * 4);
	for (size_t i = 0; i < (size_t)w * h; i++)
		px[i] = 0xFF8CC814u;
	char path[] = "/tmp/motcua-gfx-image-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	CHECK(gfx_png_write(path, w, h, px, (size_t)w * 4) == 0);
	free(px);
	size_t n = 0;
	unsigned char *big = slurp(path, &n);
	unlink(path);
	CHECK(big && n > 100);

	gfx_stats st;
	const char *why = NULL;
	int pw = 0, ph = 0;
	int id = gfx_image_new(g, big, n, 800, 600, &pw, &ph, &why);
	CHECK(id > 0);
	CHECK(pw == 3000 && ph == 1500); /* its own size */
	gfx_get_stats(g, &st);
	CHECK(st.images_decoded == 1 && st.images_held == 1);
	/* Held at the size asked for, not 3000 x 1500 (18 MB). */
	CHECK(st.image_bytes == (size_t)800 * 400 * 4);
	gfx_begin(g, (gfx_color){255, 255, 255, 255});
	gfx_image(g, id, (gfx_rect){10, 10, 400, 200});
	gfx_image(g, 12345, (gfx_rect){10, 10, 400, 200}); /* unknown: nothing */
	gfx_image_free(g, id);
	gfx_image_free(g, id); /* twice: a no-op */
	gfx_get_stats(g, &st);
	CHECK(st.images_held == 0 && st.image_bytes == 0);

	/* Refused before decoding: a 60000 x 60000 header, a cut file, junk. */
	unsigned char huge[64];
	memcpy(huge, big, sizeof huge);
	memcpy(huge + 16, "\x00\x00\xEA\x60\x00\x00\xEA\x60", 8);
	why = NULL;
	CHECK(gfx_image_new(g, huge, sizeof huge, 800, 600, &pw, &ph, &why) == 0);
	CHECK(why != NULL && pw == 60000 && ph == 60000);
	why = NULL;
	CHECK(gfx_image_new(g, big, n / 2, 800, 600, &pw, &ph, &why) == 0 && why);
	why = NULL;
	CHECK(gfx_image_new(g, (const unsigned char *)"not a picture", 13, 800, 600, &pw, &ph,
	                    &why) == 0 &&
	      why);
	/* A PNG whose IDAT is damaged (structure whole): the decoder fails, safely. */
	unsigned char *bad = malloc(n);
	memcpy(bad, big, n);
	for (size_t i = 41; i < n - 12; i++)
		bad[i] ^= 0x5A;
	why = NULL;
	CHECK(gfx_image_new(g, bad, n, 800, 600, &pw, &ph, &why) == 0 && why);
	free(bad);
	/* A progressive JPEG of 4096 x 4096 whose 3000 scans carry nothing
	 * (150 KB): libjpeg decoded every scan over the whole picture, so the
	 * kiosk's screen froze for over a minute when the article opened (hours
	 * for a 20 MiB one). Refused from its header now, at once. */
	char *jp = xasprintf("%s/tests/fuzz/regressions/fuzz_image/many-scans.jpg",
	                     getenv("MOTCUA_SRC") ? getenv("MOTCUA_SRC") : ".");
	size_t jn = 0;
	unsigned char *small = slurp(jp, &jn);
	free(jp);
	CHECK(small && jn > 8000);
	/* The kept 1024 x 1024 one (8 KiB), grown to 4096 x 4096 and 3000
	 * scans: the frame size, then the last AC scan (12 bytes at this size,
	 * 40 at 4096 x 4096) repeated. */
	if (small) {
		size_t scan_at = jn - 2 - 12; /* the last scan: SOS segment and data */
		CHECK(small[scan_at] == 0xFF && small[scan_at + 1] == 0xDA);
		size_t head = 0;
		for (size_t i = 2; i + 1 < jn && !head; i++)
			if (small[i] == 0xFF && small[i + 1] == 0xDA)
				head = i; /* the DC scan */
		size_t dc = 32768, per = 10 + 30, cap = head + 10 + dc + 3000 * per + 2;
		unsigned char *pj = calloc(1, cap), *q = pj;
		memcpy(q, small, head + 10);
		for (size_t i = 0; i + 1 < head; i++)
			if (q[i] == 0xFF && q[i + 1] == 0xC2) {
				q[i + 5] = 0x10, q[i + 6] = 0x00; /* 4096 lines */
				q[i + 7] = 0x10, q[i + 8] = 0x00; /* of 4096 */
			}
		q += head + 10 + dc; /* DC scan: a '0' bit a block */
		for (int k = 0; k < 3000; k++) {
			memcpy(q, small + scan_at, 10);
			memset(q + 10, 0, 30); /* 16 EOB runs of 2^14 blocks */
			q += per;
		}
		*q++ = 0xFF, *q++ = 0xD9;
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		why = NULL;
		CHECK(gfx_image_new(g, pj, (size_t)(q - pj), 800, 600, &pw, &ph, &why) == 0);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
		CHECK(why != NULL);
		if (secs > 0.5)
			fprintf(stderr, "a picture of 3000 empty scans took %.1f s\n", secs);
		CHECK(secs < 0.5);
		free(pj);
	}
	free(small);
	gfx_get_stats(g, &st);
	CHECK(st.images_decoded == 1 && st.images_held == 0);

	/* Bounded: GFX_MAX_IMAGES at once, then refused until one is freed. */
	int ids[GFX_MAX_IMAGES];
	for (int i = 0; i < GFX_MAX_IMAGES; i++) {
		ids[i] = gfx_image_new(g, big, n, 80, 60, &pw, &ph, &why);
		CHECK(ids[i] > 0);
	}
	why = NULL;
	CHECK(gfx_image_new(g, big, n, 80, 60, &pw, &ph, &why) == 0 && why);
	gfx_image_free(g, ids[3]);
	int again = gfx_image_new(g, big, n, 80, 60, &pw, &ph, &why);
	CHECK(again > 0 && again != ids[3]); /* ids are never reused */
	free(big);
	gfx_close(g); /* frees what is still held (LSan) */
	return TEST_DONE();
}
