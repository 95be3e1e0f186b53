/* fuzz_text — the UTF-8, NFC, folding, trimming and wrapping functions of
 * src/core/text.c on any bytes, against their documented promises and
 * against utf8proc's own NFC (text_nfc has a fast path of its own). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "fuzz_common.h"

static bool valid(const char *s)
{
	size_t n = strlen(s);
	return fuzz_utf8_bad_offset((const unsigned char *)s, n) == n;
}

static bool is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static void check_utf8_valid(const uint8_t *data, size_t size)
{
	size_t want = fuzz_utf8_bad_offset(data, size), bad = (size_t)-1;
	bool ok = text_utf8_valid((const char *)data, size, &bad);
	FUZZ_CHECK(ok == (want == size));
	if (!ok)
		FUZZ_CHECK(bad == want);
	FUZZ_CHECK(text_utf8_valid((const char *)data, size, NULL) == ok);
}

static char *reference_nfc(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0)
		return NULL;
	return (char *)out;
}

static char *nfd(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE) < 0)
		return NULL;
	return (char *)out;
}

static void check_fold(const char *s)
{
	char *f = text_fold(s);
	size_t n = strlen(f);
	FUZZ_CHECK(valid(f));
	FUZZ_CHECK(n == 0 || (f[0] != ' ' && f[n - 1] != ' '));
	FUZZ_CHECK(!strstr(f, "  "));
	for (const char *p = f; *p; p++) {
		/* ASCII in a key: lower-case letters, digits, single spaces */
		unsigned char c = (unsigned char)*p;
		FUZZ_CHECK(c >= 0x80 || c == ' ' || (c >= 'a' && c <= 'z') ||
		           (c >= '0' && c <= '9'));
	}
	char *ff = text_fold(f);
	FUZZ_CHECK(!strcmp(f, ff));
	free(ff);
	/* "NFD and NFC input give the same key" */
	if (valid(s)) {
		char *c = text_nfc(s), *d = nfd(s);
		FUZZ_CHECK(c && d);
		char *fc = text_fold(c), *fd = text_fold(d);
		FUZZ_CHECK(!strcmp(f, fc));
		/* Known, left as it is: U+0345 COMBINING GREEK YPOGEGRAMMENI is a
		 * mark (stripped) when decomposed, but case folding of a
		 * precomposed ᾎ gives a full ι. Polytonic Greek is not
		 * catalogue text. */
		if (!strstr(d, "\xcd\x85"))
			FUZZ_CHECK(!strcmp(f, fd));
		free(fc);
		free(fd);
		free(c);
		free(d);
	}
	free(f);
}

static void check_nfc(const char *s)
{
	char *c = text_nfc(s);
	FUZZ_CHECK((c != NULL) == valid(s));
	if (!c)
		return;
	char *r = reference_nfc(s);
	FUZZ_CHECK(r && !strcmp(c, r));
	char *cc = text_nfc(c);
	FUZZ_CHECK(cc && !strcmp(c, cc));
	/* text_cell() skips NFC for such text: NFC must not change it. */
	if (!text_nfc_needed(s))
		FUZZ_CHECK(!strcmp(c, s));
	free(cc);
	free(r);
	free(c);
}

static void check_trim_length(const char *s)
{
	char *t = xstrdup(s);
	text_trim(t);
	FUZZ_CHECK(strlen(t) <= strlen(s) && strstr(s, t));
	char *tt = xstrdup(t);
	text_trim(tt);
	FUZZ_CHECK(!strcmp(t, tt));
	size_t n = strlen(t);
	FUZZ_CHECK(n == 0 || (t[0] != ' ' && t[n - 1] != ' ' && t[n - 1] != '\n'));
	free(tt);
	free(t);

	size_t bytes = 0, chars = 0;
	for (const char *p = s; *p; chars++) {
		size_t k = text_char_len(p);
		FUZZ_CHECK(k >= 1 && k <= 4);
		for (size_t i = 1; i < k; i++)
			FUZZ_CHECK(p[i] != '\0');
		p += k;
		bytes += k;
	}
	FUZZ_CHECK(bytes == strlen(s));
	FUZZ_CHECK(text_length(s) == chars);
}

/* text_escape: valid UTF-8 with no control character left (but the line
 * breaks it was asked to keep), idempotent, and the identity on clean text. */
static void check_escape(const char *s)
{
	for (int keep = 0; keep < 2; keep++) {
		char *e = text_escape(s, keep);
		FUZZ_CHECK(valid(e));
		FUZZ_CHECK(!text_find_control(e, keep, NULL));
		char *ee = text_escape(e, keep);
		FUZZ_CHECK(!strcmp(e, ee));
		if (valid(s) && !text_find_control(s, keep, NULL))
			FUZZ_CHECK(!strcmp(e, s));
		free(ee);
		free(e);
	}
}

typedef struct measure_ctx {
	const char *s;
	size_t len;
	size_t calls;
} measure_ctx;

static double measure_bytes(void *ctx, const char *s, size_t n)
{
	measure_ctx *m = ctx;
	m->calls++;
	FUZZ_CHECK(s >= m->s && s + n <= m->s + m->len);
	return (double)n;
}

/* One grapheme cluster exactly: what a line wider than the maximum may hold. */
static bool one_cluster(const char *s, size_t n)
{
	utf8proc_int32_t prev, c, state = 0;
	utf8proc_ssize_t k =
	    utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &prev);
	if (k <= 0)
		return n == 1; /* an invalid byte is a character of its own */
	size_t i = (size_t)k;
	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i),
		                     &c);
		if (k <= 0)
			return false;
		if (utf8proc_grapheme_break_stateful(prev, c, &state))
			return false;
		prev = c;
		i += (size_t)k;
	}
	return true;
}

static void check_wrap(const char *s, double max)
{
	size_t len = strlen(s);
	measure_ctx m = {s, len, 0};
	text_line *lines = NULL;
	size_t n = text_wrap(s, max, measure_bytes, &m, &lines);
	FUZZ_CHECK(len ? n >= 1 : n == 0);
	FUZZ_CHECK(n == 0 || lines);
	/* The measure is called O(n) times (text.c's promise). */
	FUZZ_CHECK(m.calls <= 4 * len + 4);
	bool utf8 = valid(s);
	size_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		const text_line *l = &lines[i];
		FUZZ_CHECK(l->start >= pos && l->start <= len && l->len <= len - l->start);
		/* what lies between lines is only spaces and line breaks */
		for (size_t k = pos; k < l->start; k++)
			FUZZ_CHECK(strchr(" \t\r\n", s[k]));
		for (size_t k = l->start; k < l->start + l->len; k++)
			FUZZ_CHECK(s[k] != '\n');
		if (l->len) {
			char last = s[l->start + l->len - 1];
			FUZZ_CHECK(last != ' ' && last != '\t' && last != '\r');
		}
		if (utf8) {
			FUZZ_CHECK(!is_cont((unsigned char)s[l->start]) || l->len == 0);
			FUZZ_CHECK(!is_cont((unsigned char)s[l->start + l->len]));
		}
		if (utf8 && l->len && (double)l->len > max)
			FUZZ_CHECK(one_cluster(s + l->start, l->len));
		pos = l->start + l->len;
	}
	for (size_t k = pos; k < len; k++)
		FUZZ_CHECK(strchr(" \t\r\n", s[k]));
	/* lines == NULL counts the same lines */
	measure_ctx m2 = {s, len, 0};
	FUZZ_CHECK(text_wrap(s, max, measure_bytes, &m2, NULL) == n);
	free(lines);
}

int fuzz_text_one(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	double max = data[0] < 250 ? (double)(data[0] % 50) : -1.0 + (data[0] - 250) * 0.5;
	data++, size--;
	check_utf8_valid(data, size);
	char *s = xstrndup((const char *)data, size);
	check_nfc(s);
	check_fold(s);
	check_trim_length(s);
	check_wrap(s, max);
	check_escape(s);
	free(s);
	return 0;
}

FUZZ_ENTRY(fuzz_text_one)
