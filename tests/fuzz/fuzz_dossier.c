/* fuzz_dossier — dossier_list_parse on any bytes (ho_so.csv from a stick,
 * issue 13): no crash, leak, UB or hang; every diagnostic one line of
 * valid UTF-8; a list accepted holds only valid receipt codes (letters,
 * digits and . - / _, 4 to 64 characters, no control character), unique
 * as matched, real dates with the due date not before the received one,
 * and every dossier's text valid UTF-8. */
#include <stdlib.h>
#include <string.h>

#include "core/dossier.h"
#include "core/text.h"
#include "fuzz_common.h"

int fuzz_dossier_one(const uint8_t *data, size_t size)
{
	diag_list diag = {0};
	dossier_list l = {0};
	bool ok = dossier_list_parse("ho_so.csv", (const char *)data, size, NULL, &l, &diag);
	FUZZ_CHECK(ok == (diag.errors == 0));
	fuzz_check_diags(&diag);
	FUZZ_CHECK(l.n <= DOSSIER_MAX_RECORDS);
	for (size_t i = 0; ok && i < l.n; i++) {
		const dossier *d = &l.v[i];
		size_t n = strlen(d->code), alnum = 0;
		FUZZ_CHECK(n <= 64);
		for (const char *p = d->code; *p; p++) {
			bool an = (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
			FUZZ_CHECK(an || strchr(".-/_", *p));
			alnum += an;
		}
		FUZZ_CHECK(alnum >= 4);
		FUZZ_CHECK(d->due >= d->received);
		FUZZ_CHECK(d->status < DOSSIER_STATUS_COUNT);
		FUZZ_CHECK(text_utf8_valid(d->proc_code, strlen(d->proc_code), NULL));
		FUZZ_CHECK(text_utf8_valid(d->note, strlen(d->note), NULL));
		unsigned cp;
		FUZZ_CHECK(!text_find_control(d->proc_code, false, &cp));
		FUZZ_CHECK(!text_find_control(d->note, true, &cp));
		char date[11];
		dossier_date_format(d->due, date);
		FUZZ_CHECK(strlen(date) == 10);
		for (size_t j = 0; j < i; j++) {
			char *a = dossier_code_key(d->code), *b = dossier_code_key(l.v[j].code);
			FUZZ_CHECK(strcmp(a, b) != 0);
			free(a);
			free(b);
		}
	}
	dossier_list_clear(&l);
	diag_clear(&diag);
	return 0;
}
FUZZ_ENTRY(fuzz_dossier_one)
