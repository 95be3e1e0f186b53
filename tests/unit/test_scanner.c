/* scanner: a receipt scanner's fast keys ending in Enter are a scan, in
 * whatever case and with Shift pressed for capitals; a person's typing, a
 * lone Enter (a keypad's), too few characters or another key in the
 * middle are not. Times are passed in, as the kiosk does. */
#include <string.h>

#include "testlib.h"
#include "ui/scanner.h"

#define SHIFT 0x400000E1
#define KP_ENTER 0x40000058
#define KP_1 0x40000059

/* Feeds text as keys gap ms apart from t, then `end` (a key) gap later;
 * returns whether that made a scan, the code in out. */
static bool feed(scanner *s, const char *text, int gap, int end, int64_t *t, char *out)
{
	bool scan = false;
	for (const char *c = text; *c; c++) {
		if (*c == '^') /* Shift, as scanners press it for a capital */
			scan |= scanner_key(s, SHIFT, *t, out);
		else
			scan |= scanner_key(s, (unsigned char)*c, *t, out);
		*t += gap;
	}
	return scanner_key(s, end, *t, out) || scan;
}

int main(void)
{
	scanner s = {0};
	char out[SCANNER_MAX_CHARS + 1];
	int64_t t = 1000;
	CHECK(feed(&s, "000.00.21.h52-261201-0001", 10, '\r', &t, out));
	CHECK_STR(out, "000.00.21.h52-261201-0001");
	t += 5000;
	CHECK(feed(&s, "^t^e^s^t-0001", 8, KP_ENTER, &t, out));
	CHECK_STR(out, "test-0001");
	/* A person typing the same code on a keyboard: no scan. */
	t += 5000;
	CHECK(!feed(&s, "test-0001", 150, '\r', &t, out));
	/* Enter alone (a keypad's OK), or after a pause: no scan. */
	t += 5000;
	CHECK(!scanner_key(&s, '\r', t, out));
	/* Another key in the middle (an arrow) starts again: two characters
	 * after it are too few. */
	t += 5000;
	CHECK(!feed(&s, "te", 10, 0x40000050, &t, out));
	t += 10;
	CHECK(!feed(&s, "st", 10, '\r', &t, out));
	/* Too short. */
	t += 5000;
	CHECK(!feed(&s, "ab1", 10, '\r', &t, out));
	/* A key long before does not belong to the scan that follows. */
	t += 5000;
	CHECK(!scanner_key(&s, 'x', t, out));
	t += 500;
	CHECK(feed(&s, "abc12", 10, '\r', &t, out));
	CHECK_STR(out, "abc12");
	/* Keypad digits count as digits. */
	t += 5000;
	for (int i = 0; i < 4; i++, t += 5)
		scanner_key(&s, KP_1 + i, t, out);
	CHECK(scanner_key(&s, '\r', t, out));
	CHECK_STR(out, "1234");

	/* A fast run longer than any receipt code (a QR code of a long text,
	 * a "scanner" typing 10,000 characters) is no code: its tail must not
	 * be looked up as one. A real scan right after it still works. */
	t += 5000;
	char longrun[10001];
	for (int i = 0; i < 10000; i++)
		longrun[i] = (char)('a' + i % 26);
	longrun[10000] = 0;
	CHECK(!feed(&s, longrun, 5, '\r', &t, out));
	char exact[SCANNER_MAX_CHARS + 2];
	memset(exact, '7', SCANNER_MAX_CHARS + 1);
	exact[SCANNER_MAX_CHARS + 1] = 0;
	CHECK(!feed(&s, exact, 5, '\r', &t, out)); /* 65 characters: one too many */
	exact[SCANNER_MAX_CHARS] = 0;
	CHECK(feed(&s, exact, 5, '\r', &t, out)); /* 64: the longest code */
	CHECK(strlen(out) == SCANNER_MAX_CHARS);
	CHECK(feed(&s, "test-0001", 5, '\r', &t, out));
	CHECK_STR(out, "test-0001");
	return TEST_DONE();
}
