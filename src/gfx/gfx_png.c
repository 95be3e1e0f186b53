#include "gfx_png.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

/* libpng's messages would go to stderr mid-script; the caller reports the
 * failure with the file name instead. */
static void png_error_quiet(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static void png_warning_quiet(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

int gfx_png_write(const char *path, int w, int h, const uint32_t *pixels, size_t pitch)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -errno;
	png_structp png =
	    png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, png_error_quiet, png_warning_quiet);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	volatile int rc = -EIO;
	if (info && !setjmp(png_jmpbuf(png))) {
		png_init_io(png, f);
		/* Screens are flat colours and text: the fastest level already
		 * makes a 1080p shot ~30 times smaller than stored blocks. */
		png_set_compression_level(png, 1);
		png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
		             PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
		png_write_info(png, info);
		/* 0xAARRGGBB in memory: B, G, R, A on little-endian machines, A, R,
		 * G, B on big-endian ones; libpng drops the alpha byte. */
		const uint32_t probe = 1;
		if (*(const unsigned char *)&probe) {
			png_set_bgr(png);
			png_set_filler(png, 0, PNG_FILLER_AFTER);
		} else {
			png_set_filler(png, 0, PNG_FILLER_BEFORE);
		}
		for (int y = 0; y < h; y++)
			png_write_row(png, (png_const_bytep)pixels + (size_t)y * pitch);
		png_write_end(png, NULL);
		rc = 0;
	}
	png_destroy_write_struct(&png, info ? &info : NULL);
	if (fclose(f) != 0 && rc == 0)
		rc = -EIO;
	return rc;
}
