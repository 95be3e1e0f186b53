/* The one escaping seam (issue 9, break 9): text_escape in src/core/text.c
 * and every diagnostic made by diag_add. A table of hostile inputs and what
 * staff see instead: visible escapes, one line, valid UTF-8. */
#include <stdlib.h>

#include "core/diag.h"
#include "core/i18n.h"
#include "core/text.h"
#include "testlib.h"

static const struct {
	const char *in;
	bool keep_newlines;
	const char *want;
} cases[] = {
    {"Đăng ký khai sinh", false, "Đăng ký khai sinh"},
    {"C:\\Users\\forms\\to_khai.pdf", false, "C:\\Users\\forms\\to_khai.pdf"},
    {"a\x1b[2Kb", false, "a\\x1b[2Kb"},
    {"\x1b]0;pwned\x07", false, "\\x1b]0;pwned\\x07"},
    {"x\nfaq.csv:3: error: forged", false, "x\\nfaq.csv:3: error: forged"},
    {"x\nfaq.csv:3: error: forged", true, "x\nfaq.csv:3: error: forged"},
    {"a\r\nb\tc", false, "a\\r\\nb\\tc"},
    {"a\r\nb", true, "a\\r\nb"},
    {"del\x7f", false, "del\\x7f"},
    {"csi\xc2\x9b" "2J", false, "csi\\u009b2J"},
    {"nel\xc2\x85", true, "nel\\u0085"},
    {"ls\xe2\x80\xa8ps\xe2\x80\xa9", true, "ls\\u2028ps\\u2029"},
    {"rlo\xe2\x80\xae" "cod.exe", false, "rlo\\u202ecod.exe"},
    {"fsi\xe2\x81\xa8pdi\xe2\x81\xa9", false, "fsi\\u2068pdi\\u2069"},
    {"lrm\xe2\x80\x8e", false, "lrm\\u200e"},
    {"bad\xff\xc3", false, "bad\\xff\\xc3"},
    {"over\xc0\xaf", false, "over\\xc0\\xaf"},
    {"", false, ""},
};

int main(void)
{
	i18n_init();
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *e = text_escape(cases[i].in, cases[i].keep_newlines);
		CHECK_STR(e, cases[i].want);
		char *again = text_escape(e, cases[i].keep_newlines);
		CHECK_STR(again, e); /* escaping twice changes nothing */
		free(again);
		free(e);
	}
	char *null = text_escape(NULL, false);
	CHECK_STR(null, "");
	free(null);

	unsigned cp = 0;
	CHECK(text_find_control("ab\ncd", true, &cp) == NULL);
	const char *s = "ab\ncd\x1b";
	CHECK(text_find_control(s, false, &cp) == s + 2 && cp == '\n');
	CHECK(text_find_control(s, true, &cp) == s + 5 && cp == 0x1b);

	/* A diagnostic names a hostile file and quotes a hostile cell: one line,
	 * nothing a terminal acts on, escapes visible. */
	diag_list d = {0};
	diag_error(&d, "x\nfaq.csv:3: error: forged", 0, "'%s' is not a date", "1\x1b[2J\x07");
	diag_warning(&d, "\xe2\x80\xaeisc.csv", 4, "cell %s", "\xc2\x9b" "31m");
	CHECK(d.n == 2 && d.errors == 1 && d.warnings == 1);
	if (d.n == 2) {
		char *a = diag_format(&d.v[0]), *b = diag_format(&d.v[1]);
		CHECK_STR(a, "x\\nfaq.csv:3: error: forged: error: '1\\x1b[2J\\x07' is not a date");
		CHECK_STR(b, "\\u202eisc.csv:4: warning: cell \\u009b31m");
		CHECK(!text_find_control(a, false, NULL) && !text_find_control(b, false, NULL));
		free(a);
		free(b);
	}
	diag_clear(&d);
	return TEST_DONE();
}
