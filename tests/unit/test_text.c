/* text: what a citizen typing without diacritics, and a reader of wrapped
 * text, would notice. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "testlib.h"
#include "text.h"

/* --- folding ------------------------------------------------------------- */

/* clang-format off */
static const struct {
	const char *in, *want;
} fold_cases[] = {
	{ "Đăng ký", "dang ky" },
	{ "ĐĂNG KÝ KHAI SINH", "dang ky khai sinh" },
	{ "dang ky khai sinh", "dang ky khai sinh" },
	{ "Đăng ký  KHAI-SINH", "dang ky khai sinh" },
	{ "Thủ tục đăng ký kết hôn có yếu tố nước ngoài",
	  "thu tuc dang ky ket hon co yeu to nuoc ngoai" },
	{ "  ...Thủ tục, (đăng ký)!!  ", "thu tuc dang ky" },
	{ "Nghị định số 123/2015/NĐ-CP", "nghi dinh so 123 2015 nd cp" },
	{ "1.001193", "1 001193" },
	{ "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
	  "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd" },
	{ "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ",
	  "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd" },
	{ "\xC3\x90\xC4\x83ng k\xC3\xBD", "dang ky" }, /* Ð (U+00D0) from old encodings */
	{ "khai\xC2\xA0sinh", "khai sinh" },           /* no-break space */
	{ "khai\xE2\x80\x93sinh", "khai sinh" },       /* en dash */
	{ "khai\xC2\xADsinh", "khaisinh" },            /* soft hyphen is invisible */
	{ "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc" }, /* full-width ABC */
	{ "ab\xFF" "cd\xC3", "abcd" },                  /* invalid bytes dropped */
	{ "", "" },
	{ "   ", "" },
	{ "!!! --- ???", "" },
	{ "Hà Nội\t\n  Sơn La", "ha noi son la" },
	{ "Mộc Châu", "moc chau" },
};
/* clang-format on */

/* The same words written decomposed, as some keyboards and macOS produce:
 * base letters followed by combining marks (U+0300 grave, U+0301 acute,
 * U+0303 tilde, U+0306 breve, U+0309 hook, U+0323 dot below, U+0302
 * circumflex, U+031B horn). */
/* clang-format off */
static const struct {
	const char *nfd, *nfc;
} nfd_cases[] = {
	{ "\xC4\x90" "a\xCC\x86ng ky\xCC\x81", "Đăng ký" },
	{ "Thu\xCC\x89 tu\xCC\xA3" "c", "Thủ tục" },
	{ "ke\xCC\x82\xCC\x81t ho\xCC\x82n", "kết hôn" },
	{ "nu\xCC\x9B\xCC\x9B\xCC\x81" "c", NULL }, /* not a real word: fold only */
	{ "nu\xCC\x9Bo\xCC\x9B\xCC\x81" "c ngoa\xCC\x80i", "nước ngoài" },
	{ "Hi\xCC\x80nh Thu\xCC\x9B\xCC\x80", NULL },
	{ "Vie\xCC\xA3\xCC\x82t Nam", "Việt Nam" }, /* marks out of canonical order */
};
/* clang-format on */

static void test_fold(void)
{
	for (size_t i = 0; i < sizeof fold_cases / sizeof *fold_cases; i++) {
		char *got = text_fold(fold_cases[i].in);
		CHECK_STR(got, fold_cases[i].want);
		free(got);
	}
	for (size_t i = 0; i < sizeof nfd_cases / sizeof *nfd_cases; i++) {
		char *from_nfd = text_fold(nfd_cases[i].nfd);
		for (const char *p = from_nfd; *p; p++)
			CHECK((unsigned char)*p < 0x80); /* all Vietnamese folds to ASCII */
		if (nfd_cases[i].nfc) {
			char *from_nfc = text_fold(nfd_cases[i].nfc);
			CHECK_STR(from_nfd, from_nfc);
			free(from_nfc);
		}
		free(from_nfd);
	}
	/* Letters of other scripts stay letters, lower-cased. */
	char *g = text_fold("ΑΘΗΝΑ Москва");
	CHECK_STR(g, "αθηνα москва");
	free(g);
}

static void test_nfc(void)
{
	for (size_t i = 0; i < sizeof nfd_cases / sizeof *nfd_cases; i++) {
		if (!nfd_cases[i].nfc)
			continue;
		char *got = text_nfc(nfd_cases[i].nfd);
		CHECK_STR(got, nfd_cases[i].nfc);
		free(got);
	}
	char *same = text_nfc("Thủ tục đăng ký kết hôn");
	CHECK_STR(same, "Thủ tục đăng ký kết hôn");
	free(same);
	char *ascii = text_nfc("plain ascii");
	CHECK_STR(ascii, "plain ascii");
	free(ascii);
	CHECK(text_nfc("bad \xC3(") == NULL);
	CHECK(text_nfc("\xED\xA0\x80") == NULL); /* a surrogate */
}

/* text_nfc copies strings it judges NFC already; compare it with utf8proc's
 * full normalisation on every code point below U+3000 alone, and on pairs of
 * letters, marks and composition partners (Latin, Vietnamese, Greek,
 * Cyrillic, Indic vowel signs, Hangul jamo). */
static bool nfc_matches_reference(const char *s)
{
	utf8proc_uint8_t *ref = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &ref,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	char *got = text_nfc(s);
	bool ok = n >= 0 && got && !strcmp(got, (const char *)ref);
	free(ref);
	free(got);
	return ok;
}

static void test_nfc_quick_check(void)
{
	utf8proc_int32_t set[1024];
	size_t n = 0;
	for (const char *a = "aeiouyAEIOUYdDnN"; *a; a++)
		set[n++] = *a;
	static const utf8proc_int32_t ranges[][3] = {
	    {0xC0, 0x24F, 3},    {0x300, 0x36F, 1},   {0x385, 0x3D4, 3},   {0x400, 0x4FF, 5},
	    {0x9BE, 0x9D7, 3},   {0xB3E, 0xB57, 1},   {0xBBE, 0xBD7, 2},   {0x1100, 0x1103, 1},
	    {0x1161, 0x1164, 1}, {0x11A8, 0x11AA, 1}, {0x1E00, 0x1EFF, 2}, {0x1F00, 0x1F22, 1},
	    {0x1FBF, 0x1FC1, 1}, {0x2126, 0x212B, 5}, {0xAC00, 0xAC01, 1},
	};
	for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++)
		for (utf8proc_int32_t c = ranges[r][0]; c <= ranges[r][1]; c += ranges[r][2])
			set[n++] = c;
	char buf[16];
	int bad = 0;
	for (utf8proc_int32_t c = 1; c < 0x3000; c++) {
		if (c >= 0xD800 && c < 0xE000)
			continue;
		buf[utf8proc_encode_char(c, (utf8proc_uint8_t *)buf)] = '\0';
		if (!nfc_matches_reference(buf) && bad++ < 5)
			fprintf(stderr, "text_nfc differs on U+%04X\n", (unsigned)c);
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			size_t k = (size_t)utf8proc_encode_char(set[i], (utf8proc_uint8_t *)buf);
			k += (size_t)utf8proc_encode_char(set[j], (utf8proc_uint8_t *)buf + k);
			buf[k] = '\0';
			if (!nfc_matches_reference(buf) && bad++ < 5)
				fprintf(stderr, "text_nfc differs on U+%04X U+%04X\n",
				        (unsigned)set[i], (unsigned)set[j]);
		}
	CHECK(bad == 0);
}

/* --- UTF-8 validity --------------------------------------------------------- */

/* clang-format off */
static const struct {
	const char *s;
	size_t len; /* 0 = strlen */
	bool valid;
	size_t bad;
} utf8_cases[] = {
	{ "abc", 0, true, 0 },
	{ "Đăng ký khai sinh", 0, true, 0 },
	{ "\xF0\x9F\x98\x80 emoji", 0, true, 0 },
	{ "a\0b", 3, true, 0 },
	{ "ab\xC3", 0, false, 2 },               /* truncated 2-byte */
	{ "ab\xE1\xBA", 0, false, 2 },           /* truncated 3-byte */
	{ "ab\xF0\x9F\x98", 0, false, 2 },       /* truncated 4-byte */
	{ "\xC4\x90", 1, false, 0 },             /* cut by the length */
	{ "\xC0\xAF", 0, false, 0 },             /* overlong '/' */
	{ "\xC1\xBF", 0, false, 0 },             /* overlong */
	{ "\xE0\x80\xAF", 0, false, 0 },         /* overlong 3-byte */
	{ "\xF0\x80\x80\xAF", 0, false, 0 },     /* overlong 4-byte */
	{ "x\xED\xA0\x80", 0, false, 1 },        /* high surrogate U+D800 */
	{ "xy\xED\xBF\xBF", 0, false, 2 },       /* low surrogate U+DFFF */
	{ "\xF4\x90\x80\x80", 0, false, 0 },     /* above U+10FFFF */
	{ "abc\x80", 0, false, 3 },              /* stray continuation */
	{ "ok\xFF", 0, false, 2 },
	{ "aaaaaaaaaaaaaaaaaaaa\xC3(", 0, false, 20 }, /* after the 8-byte fast path */
	{ "aaaaaaaađaaaaaaaaaaa\xE1\xBA", 0, false, 21 },
	{ "aaaaaaa\xFF", 0, false, 7 },                 /* last byte of an 8-byte word */
	{ "aaaaaaaaaaaaaaa\xC3", 0, false, 15 },
	{ "", 0, true, 0 },
};
/* clang-format on */

static void test_utf8_valid(void)
{
	for (size_t i = 0; i < sizeof utf8_cases / sizeof *utf8_cases; i++) {
		size_t len = utf8_cases[i].len ? utf8_cases[i].len : strlen(utf8_cases[i].s);
		size_t bad = 9999;
		bool ok = text_utf8_valid(utf8_cases[i].s, len, &bad);
		if (ok != utf8_cases[i].valid || (!ok && bad != utf8_cases[i].bad)) {
			fprintf(stderr, "utf8 case %zu: valid=%d bad=%zu, want valid=%d bad=%zu\n",
			        i, ok, bad, utf8_cases[i].valid, utf8_cases[i].bad);
			test_failures++;
		}
	}
	CHECK(!text_utf8_valid("\xFF", 1, NULL)); /* bad_offset may be NULL */
}

/* --- trim, lengths ---------------------------------------------------------- */

static void test_trim_lengths(void)
{
	static const struct {
		const char *in, *want;
	} trims[] = {
	    {"  \t x y \r\n", "x y"},
	    {"\xC2\xA0\xE2\x80\x8Bx\xEF\xBB\xBF", "x"}, /* NBSP, ZWSP, BOM */
	    {"\xEF\xBB\xBFkey = value", "key = value"},
	    {"x\xE3\x80\x80", "x"}, /* ideographic space */
	    {"Đ ", "Đ"},
	    {" ký", "ký"},
	    {"   ", ""},
	    {"", ""},
	    {"x \xC3", "x \xC3"}, /* a broken last byte is not white space */
	    {" \xC3x", "\xC3x"},
	};
	for (size_t i = 0; i < sizeof trims / sizeof *trims; i++) {
		char buf[64];
		strcpy(buf, trims[i].in);
		text_trim(buf);
		CHECK_STR(buf, trims[i].want);
	}
	CHECK(text_length("Đăng ký") == 7);
	CHECK(text_length("a\xCC\x86") == 2);
	CHECK(text_length("") == 0);
	CHECK(text_length("\xF0\x9F\x98\x80!") == 2);
	CHECK(text_char_len("Đ") == 2);
	CHECK(text_char_len("a") == 1);
	CHECK(text_char_len("€") == 3);
	CHECK(text_char_len("\xF0\x9F\x98\x80") == 4);
	CHECK(text_char_len("\xFF") == 1);
	CHECK(text_char_len("\xC3") == 1);
	CHECK(text_char_len("\xE1\xBA"
	                    "a") == 1);
}

/* --- wrapping --------------------------------------------------------------- */

/* A monospace font: every code point is one unit wide, combining marks zero. */
static int measure_calls;
static double mono(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	measure_calls++;
	double w = 0;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0) { /* measure was handed a cut sequence */
			test_failures++;
			fprintf(stderr, "measure got a broken UTF-8 range\n");
			return 1e9;
		}
		utf8proc_category_t cat = utf8proc_category(c);
		if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC)
			w += 1;
		i += (size_t)k;
	}
	return w;
}

static double width(const char *s, size_t n)
{
	int calls = measure_calls;
	double w = mono(NULL, s, n);
	measure_calls = calls;
	return w;
}

static bool is_mark_at(const char *s)
{
	utf8proc_int32_t c;
	if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c) <= 0)
		return false;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_MN;
}

/* A NUL-terminated copy of s[0..n), valid until the next call. */
static const char *strndup_tmp(const char *s, size_t n)
{
	static char buf[4096];
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* A cruder font where a combining mark takes room too: the wrapper must still
 * keep it with its letter. */
static double per_code_point(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	return (double)text_length(strndup_tmp(s, n));
}

/* Wraps s and compares the lines with want[] (NULL-terminated). */
static void check_wrap_with(text_measure_fn measure, const char *s, double max,
                            const char *const *want, int line)
{
	text_line *lines;
	size_t n = text_wrap(s, max, measure, NULL, &lines);
	size_t nwant = 0;
	while (want[nwant])
		nwant++;
	bool ok = n == nwant;
	for (size_t i = 0; ok && i < n; i++)
		ok = lines[i].len == strlen(want[i]) &&
		     !memcmp(s + lines[i].start, want[i], lines[i].len);
	if (!ok) {
		fprintf(stderr, "%s:%d: wrap of \"%s\" at %g gave %zu line(s):\n", __FILE__, line,
		        s, max, n);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "  [%.*s]\n", (int)lines[i].len, s + lines[i].start);
		test_failures++;
	}
	free(lines);
}
#define WRAP(s, max, ...)                                                                          \
	check_wrap_with(mono, (s), (max), (const char *const[]){__VA_ARGS__, NULL}, __LINE__)
#define WRAP_CP(s, max, ...)                                                                       \
	check_wrap_with(per_code_point, (s), (max), (const char *const[]){__VA_ARGS__, NULL},      \
	                __LINE__)

static void test_wrap_cases(void)
{
	text_line *lines = (text_line *)1;
	CHECK(text_wrap("", 10, mono, NULL, &lines) == 0);
	free(lines);
	CHECK(text_wrap("abc", 10, mono, NULL, NULL) == 1);
	WRAP("hello", 10, "hello");
	WRAP("the quick brown fox jumps over the lazy dog", 10, "the quick", "brown fox",
	     "jumps over", "the lazy", "dog");
	WRAP("abcdefghijklmnopqrstuvwxyz", 10, "abcdefghij", "klmnopqrst", "uvwxyz");
	WRAP("aaaaaaaaaaaaa bb cc dd", 10, "aaaaaaaaaa", "aaa bb cc", "dd");
	WRAP("xx aaaaaaaaaaaaa", 10, "xx", "aaaaaaaaaa", "aaa");
	WRAP("ab\ncd", 10, "ab", "cd");
	WRAP("ab\n\ncd", 10, "ab", "", "cd");
	WRAP("ab\n", 10, "ab");
	WRAP("\n", 10, "");
	WRAP("a b   \nc", 10, "a b", "c");
	WRAP("line one\r\nline two", 20, "line one", "line two");
	WRAP("one    two", 5, "one", "two");
	WRAP("abc", 0.5, "a", "b", "c"); /* narrower than a letter: one letter a line */
	WRAP("Đăng ký khai sinh", 8, "Đăng ký", "khai", "sinh");
	WRAP("đđđđđđđđđđđđ", 5, "đđđđđ", "đđđđđ", "đđ");
	/* NFD: the mark travels with its letter (e + circumflex + acute = ế). */
	WRAP("e\xCC\x82\xCC\x81"
	     "e\xCC\x82\xCC\x81"
	     "e\xCC\x82\xCC\x81",
	     2,
	     "e\xCC\x82\xCC\x81"
	     "e\xCC\x82\xCC\x81",
	     "e\xCC\x82\xCC\x81");
	WRAP("  indented text", 100, "  indented text");
	WRAP("      indented", 10, "indented");
	/* Each cluster is 3 code points wide here: one a line, never cut. */
	WRAP_CP("e\xCC\x82\xCC\x81"
	        "e\xCC\x82\xCC\x81"
	        "a\xCC\x80",
	        2, "e\xCC\x82\xCC\x81", "e\xCC\x82\xCC\x81", "a\xCC\x80");
	WRAP_CP("nghie\xCC\xA3\xCC\x82m", 5, "nghi", "e\xCC\xA3\xCC\x82m");
}

/* Random paragraphs: every line fits (unless it is one cluster), no line
 * begins with a mark or a space or ends with a space, and the lines hold
 * every non-space byte of the input in order. */
static void test_wrap_random(void)
{
	static const char *const words[] = {
	    "Thủ",
	    "tục",
	    "đăng",
	    "ký",
	    "khai",
	    "sinh",
	    "kết",
	    "hôn",
	    "Nghị-định-số-123/2015/NĐ-CP-ngày-15/11/2015",
	    "a",
	    "nu\xCC\x9Bo\xCC\x9B\xCC\x81"
	    "c",
	    "ngoa\xCC\x80i",
	    "\n",
	    "UBND",
	    "xã",
	    "Chiềng",
	    "Sơn",
	    "e\xCC\x82\xCC\x81"
	    "e\xCC\x82\xCC\x81"
	    "e\xCC\x82\xCC\x81"
	    "e\xCC\x82\xCC\x81"
	    "e\xCC\x82\xCC\x81",
	};
	uint32_t seed = 12345;
	char s[2048];
	for (int iter = 0; iter < 2000; iter++) {
		size_t len = 0;
		int nw = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
		for (int k = 0; k < nw; k++) {
			const char *w = words[((seed = seed * 1103515245u + 12345u) >> 16) %
			                      (sizeof words / sizeof *words)];
			int spaces = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 3;
			if (len + strlen(w) + 4 >= sizeof s)
				break;
			memcpy(s + len, w, strlen(w));
			len += strlen(w);
			for (int j = 0; j < spaces + (k + 1 < nw && w[0] != '\n'); j++)
				s[len++] = ' ';
		}
		s[len] = '\0';
		double max = 1 + ((seed = seed * 1103515245u + 12345u) >> 16) % 30;
		text_line *lines;
		measure_calls = 0;
		size_t n = text_wrap(s, max, mono, NULL, &lines);
		int calls = measure_calls;
		size_t pos = 0;
		bool ok = true;
		for (size_t i = 0; i < n && ok; i++) {
			size_t st = lines[i].start, ll = lines[i].len;
			const char *l = s + st;
			bool para_start = st == 0 || s[st - 1] == '\n';
			ok = st >= pos && st + ll <= len;
			for (; ok && pos < st; pos++)
				ok = s[pos] == ' ' ||
				     s[pos] == '\n'; /* nothing but spaces skipped */
			if (ok && ll)
				ok = l[ll - 1] != ' ' && (l[0] != ' ' || para_start) &&
				     !is_mark_at(l);
			if (ok && ll && width(l, ll) > max) { /* only one cluster may overflow */
				size_t c = text_char_len(l);
				while (c < ll && is_mark_at(l + c))
					c += text_char_len(l + c);
				ok = c == ll;
			}
			pos = st + ll;
		}
		for (; ok && pos < len; pos++)
			ok = s[pos] == ' ' || s[pos] == '\n';
		/* O(n) measure calls: a few per word, one per letter of a split word. */
		if (calls > 3 * (int)len + 2)
			ok = false;
		if (!ok) {
			fprintf(stderr, "random wrap %d failed at %g (%d calls) for \"%s\":\n",
			        iter, max, calls, s);
			for (size_t i = 0; i < n; i++)
				fprintf(stderr, "  [%.*s]\n", (int)lines[i].len,
				        s + lines[i].start);
			test_failures++;
			free(lines);
			break;
		}
		free(lines);
	}
}

/* A long paragraph costs a number of measure calls proportional to its words,
 * not to their square. */
static void test_wrap_cost(void)
{
	size_t words = 5000;
	char *s = malloc(words * 8 + 1);
	if (!s)
		abort();
	size_t len = 0;
	for (size_t i = 0; i < words; i++)
		len += (size_t)sprintf(s + len, "%s ", i % 3 ? "thủ" : "tục");
	s[len] = '\0';
	measure_calls = 0;
	text_line *lines;
	size_t n = text_wrap(s, 40, mono, NULL, &lines);
	CHECK(n >= 500);
	CHECK(measure_calls <= (int)(2 * words + n + 1));
	free(lines);
	free(s);
}

int main(void)
{
	test_fold();
	test_nfc();
	test_nfc_quick_check();
	test_utf8_valid();
	test_trim_lengths();
	test_wrap_cases();
	test_wrap_random();
	test_wrap_cost();
	return TEST_DONE();
}
