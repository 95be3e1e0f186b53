/* bench_pdf_bare TRACE OUT [FONT_DIR] — the bare libharu program as a whole
 * process: draws the page traced by `bench_pdf --trace TRACE` (pdf_bare.h)
 * into OUT, with the Noto Sans of FONT_DIR (default: the one the sheet
 * uses). The whole-process floor that tests/bench/run times `motcua pdf`
 * against. */
#include <stdio.h>
#include <stdlib.h>

#include "pdf_bare.h"
#include "pdf_sheet.h"
#include "xalloc.h"

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: bench_pdf_bare TRACE OUT [FONT_DIR]\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 3;
	}
	size_t n = 0, cap = 1 << 16, k;
	char *buf = xmalloc(cap);
	while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n < 2)
			buf = xgrow(buf, &cap, cap + 1, 1);
	}
	fclose(f);
	buf[n] = 0;
	int rc = pdf_bare_write(buf, argc > 3 ? argv[3] : pdf_sheet_font_dir(), argv[2]);
	free(buf);
	return rc ? 3 : 0;
}
