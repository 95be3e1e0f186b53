/* bench_pdf_bare TRACE OUT FONT_DIR — the bare libharu program as a whole
 * process, linked with libharu alone: draws the page traced by
 * `bench_pdf --trace TRACE` (pdf_bare.h) into OUT, with the Noto Sans of
 * FONT_DIR. The whole-process floor that tests/bench/run times `motcua pdf`
 * against. */
#include <stdio.h>
#include <stdlib.h>

#include "pdf_bare.h"

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: bench_pdf_bare TRACE OUT FONT_DIR\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 3;
	}
	size_t n = 0, cap = 1 << 16, k;
	char *buf = malloc(cap);
	while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n < 2)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		return 3;
	buf[n] = 0;
	int rc = pdf_bare_write(buf, argv[3], argv[2]);
	free(buf);
	return rc ? 3 : 0;
}
