/* fuzz_bundle — the whole bundle reader: the input is split into the files
 * of a bundle (fuzz_sections: a line "#@C" starts file C), read with
 * bundle_read, and when it reads clean export must be a fixed point:
 * bundle_write → bundle_read gives the same catalogue, and writing that
 * again gives the same bytes.
 *
 *	C = '0' bundle.ini  '1' procedures.csv  '2' hotlines.csv  '3' faq.csv
 *	    '4' feedback.csv  '5' indices.csv  '6' news.csv  '7' forms/a.pdf
 *	    '8' images/a.png  '9' forms/Đơn b.pdf
 *	    'A'..'J' the same names in upper case (FAT sticks from Windows)
 *	    'K' dia_ban.csv  'L' dich/hmn/procedures.csv  'M' dich/blt/procedures.csv
 *	    anything else: an unknown file "notes.txt" */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "fuzz_bundle_common.h"
#include "fuzz_common.h"

static const char *const names[] = {
    "bundle.ini",  "procedures.csv", "hotlines.csv", "faq.csv",      "feedback.csv",
    "indices.csv", "news.csv",       "forms/a.pdf",  "images/a.png", "forms/Đơn b.pdf",
};

static void add_file(void *ctx, unsigned char sel, const uint8_t *p, size_t n)
{
	const char *dir = ctx;
	if (sel >= '0' && sel <= '9') {
		fuzz_write_file(dir, names[sel - '0'], p, n);
	} else if (sel >= 'A' && sel <= 'J') {
		char *up = xstrdup(names[sel - 'A']);
		for (char *c = up; *c; c++)
			*c = (char)toupper((unsigned char)*c);
		fuzz_write_file(dir, up, p, n);
		free(up);
	} else if (sel >= 'K' && sel <= 'M') {
		static const char *const more[] = {"dia_ban.csv", "dich/hmn/procedures.csv",
		                                   "dich/blt/procedures.csv"};
		fuzz_write_file(dir, more[sel - 'K'], p, n);
	} else {
		fuzz_write_file(dir, "notes.txt", p, n);
	}
}

void fuzz_bundle_unpack(const uint8_t *data, size_t size, const char *dir)
{
	fuzz_sections(data, size, add_file, (void *)dir);
}

int fuzz_bundle_one(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_scratch("in");
	fuzz_bundle_unpack(data, size, dir);
	fuzz_bundle_roundtrip(dir, 0, false);
	return 0;
}

FUZZ_ENTRY(fuzz_bundle_one)
