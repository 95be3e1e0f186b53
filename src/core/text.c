#include "text.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <utf8proc.h>

#include "xalloc.h"

/* Decodes the code point at s[0..len); returns its byte length, or 0 when the
 * bytes there are not a valid UTF-8 sequence. len < 0 means NUL-terminated
 * (utf8proc then stops at the NUL, which is never a continuation byte). */
static size_t text_decode(const char *s, utf8proc_ssize_t len, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, len, cp);
	return n > 0 ? (size_t)n : 0;
}

bool text_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	size_t i = 0;
	while (i < len) {
		/* Bundle CSV files are mostly ASCII: skip it eight bytes at a time. */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		size_t n = text_decode(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (!n) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* NFC quick check. Catalogue text is nearly always NFC already, and
 * utf8proc_map decomposes and recomposes everything (~25 MB/s), so a string
 * made only of "inert" code points is copied as it is. A code point is inert
 * when no neighbour can change it under NFC: combining class 0, NFC of it
 * alone is itself, and neither it nor the first code point of its
 * decomposition can be the second element of a composition. The table covers
 * the scripts below U+2000 (Latin with all of Vietnamese, Greek, Cyrillic);
 * anything else takes the full path. */
#define NFC_TABLE_END 0x2000
static unsigned char nfc_inert[NFC_TABLE_END];
static once_flag nfc_table_once = ONCE_FLAG_INIT;

static size_t text_canonical_decompose(utf8proc_int32_t c, utf8proc_int32_t buf[static 8])
{
	utf8proc_int32_t boundclass = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(c, buf, 8, UTF8PROC_DECOMPOSE, &boundclass);
	return n > 0 && n <= 8 ? (size_t)n : 0;
}

static void text_nfc_table_init(void)
{
	static unsigned char second[NFC_TABLE_END];
	utf8proc_int32_t buf[8];
	/* Canonical decompositions exist only in planes 0 and 1 and in the CJK
	 * compatibility block of plane 2; utf8proc decomposes Hangul syllables
	 * by algorithm here too, which marks the vowel and final jamo. */
	for (utf8proc_int32_t c = 0; c < 0x30000; c++) {
		if (c == 0xD800)
			c = 0xE000;
		if (c == 0x20000)
			c = 0x2F800;
		size_t n = text_canonical_decompose(c, buf);
		for (size_t i = 1; i < n; i++)
			if (buf[i] < NFC_TABLE_END)
				second[buf[i]] = 1;
	}
	for (utf8proc_int32_t c = 0; c < NFC_TABLE_END; c++) {
		if (utf8proc_get_property(c)->combining_class || second[c])
			continue;
		size_t n = text_canonical_decompose(c, buf);
		if (n == 1 && buf[0] == c) {
			nfc_inert[c] = 1;
			continue;
		}
		if (!n || buf[0] >= NFC_TABLE_END || second[buf[0]])
			continue;
		utf8proc_uint8_t one[8];
		utf8proc_ssize_t k = utf8proc_encode_char(c, one);
		one[k] = 0;
		utf8proc_uint8_t *back = NULL;
		utf8proc_int32_t again;
		if (utf8proc_map(one, 0, &back,
		                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE) == k &&
		    utf8proc_iterate(back, k, &again) == k && again == c)
			nfc_inert[c] = 1;
		free(back);
	}
}

char *text_nfc(const char *s)
{
	assert(s);
	call_once(&nfc_table_once, text_nfc_table_init);
	for (const char *p = s; *p;) {
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		utf8proc_int32_t c;
		size_t k = text_decode(p, -1, &c);
		if (!k || c >= NFC_TABLE_END || !nfc_inert[c])
			goto full;
		p += k;
	}
	return xstrdup(s);
full:;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n == UTF8PROC_ERROR_NOMEM) {
		fputs("motcua: out of memory\n", stderr);
		abort();
	}
	if (n < 0)
		return NULL;
	return (char *)out;
}

/* --- folding --------------------------------------------------------------
 *
 * The search key is built code point by code point: decomposed with
 * compatibility mappings (so "ﬁ" and full-width letters match their plain
 * forms), case-folded, marks stripped, default-ignorables (soft hyphen,
 * zero-width joiners) dropped. Marks are stripped anyway, so composing to NFC
 * first would change nothing; NFD and NFC input give the same key.
 *
 * Vietnamese text is ~25 % non-ASCII code points, nearly all in Latin-1,
 * Latin Extended-A/B and Latin Extended Additional (U+1E00..U+1EFF). Their
 * folds are computed once with utf8proc into a small table, so the per-key
 * cost there is a table load rather than a decomposition. */

#define FOLD_OPTS                                                                                  \
	(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |           \
	 UTF8PROC_IGNORE)

/* Table entries: a letter/digit byte < 0x80, FOLD_SEP (becomes a space),
 * FOLD_DROP (vanishes, like a combining mark) or FOLD_SLOW (fold it with
 * utf8proc each time: the result is not one ASCII character). */
enum { FOLD_SEP = 0x80, FOLD_DROP = 0x81, FOLD_SLOW = 0x82 };
#define FOLD_TABLE_END 0x2000
static unsigned char fold_table[FOLD_TABLE_END];
static once_flag fold_table_once = ONCE_FLAG_INIT;

/* đ and Đ have no decomposition in Unicode, so no mark stripping turns them
 * into d; the Icelandic eth (U+00D0/U+00F0) stands in for Đ in text converted
 * from old Vietnamese encodings, so it folds to d as well. */
static bool text_fold_is_d(utf8proc_int32_t c)
{
	return c == 0x111 || c == 0x110 || c == 0xF0 || c == 0xD0;
}

static bool text_fold_keeps(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	       cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NL ||
	       cat == UTF8PROC_CATEGORY_NO;
}

/* Folds one code point into out[] (code points already folded; d-mapped;
 * separators as ' '); returns how many, 0 when it vanishes. */
static size_t text_fold_char(utf8proc_int32_t c, utf8proc_int32_t out[static 24])
{
	utf8proc_int32_t buf[24];
	utf8proc_int32_t boundclass = 0;
	utf8proc_ssize_t n =
	    utf8proc_decompose_char(c, buf, 24, (utf8proc_option_t)FOLD_OPTS, &boundclass);
	if (n < 0 || n > 24) /* not a valid code point, or a decomposition longer than any known */
		return 0;
	size_t k = 0;
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		utf8proc_int32_t d = buf[i];
		if (text_fold_is_d(d))
			out[k++] = 'd';
		else if (text_fold_keeps(d))
			out[k++] = d;
		else
			out[k++] = ' ';
	}
	return k;
}

static void text_fold_table_init(void)
{
	for (utf8proc_int32_t c = 0; c < FOLD_TABLE_END; c++) {
		utf8proc_int32_t out[24];
		size_t n = text_fold_char(c, out);
		if (n == 0)
			fold_table[c] = FOLD_DROP;
		else if (n == 1 && out[0] == ' ')
			fold_table[c] = FOLD_SEP;
		else if (n == 1 && out[0] < 0x80)
			fold_table[c] = (unsigned char)out[0];
		else
			fold_table[c] = FOLD_SLOW;
	}
}

typedef struct fold_buf {
	char *s;
	size_t len, cap;
	bool pending_space;
} fold_buf;

static void fold_buf_reserve(fold_buf *b, size_t more)
{
	if (b->len + more + 1 > b->cap) {
		b->cap = (b->len + more + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
}

static void fold_buf_sep(fold_buf *b)
{
	b->pending_space = b->len > 0; /* no leading space: the key comes out trimmed */
}

static void fold_buf_put(fold_buf *b, utf8proc_int32_t c)
{
	fold_buf_reserve(b, 5);
	if (b->pending_space) {
		b->s[b->len++] = ' ';
		b->pending_space = false;
	}
	if (c < 0x80)
		b->s[b->len++] = (char)c;
	else
		b->len += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)b->s + b->len);
}

char *text_fold(const char *s)
{
	assert(s);
	call_once(&fold_table_once, text_fold_table_init);
	size_t n = strlen(s);
	fold_buf b = {.s = xmalloc(n + 1), .cap = n + 1};
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p < 0x80) {
			unsigned char c = *p++;
			if (c >= 'A' && c <= 'Z')
				fold_buf_put(&b, c + ('a' - 'A'));
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				fold_buf_put(&b, c);
			else
				fold_buf_sep(&b);
			continue;
		}
		utf8proc_int32_t c;
		size_t k = text_decode((const char *)p, -1, &c);
		if (!k) { /* invalid byte: dropped, as the header promises */
			p++;
			continue;
		}
		p += k;
		unsigned char t = c < FOLD_TABLE_END ? fold_table[c] : FOLD_SLOW;
		if (t < 0x80) {
			fold_buf_put(&b, t);
		} else if (t == FOLD_SEP) {
			fold_buf_sep(&b);
		} else if (t == FOLD_SLOW) {
			utf8proc_int32_t out[24];
			size_t m = text_fold_char(c, out);
			for (size_t i = 0; i < m; i++) {
				if (out[i] == ' ')
					fold_buf_sep(&b);
				else
					fold_buf_put(&b, out[i]);
			}
		}
	}
	b.s[b.len] = '\0';
	return b.s;
}

/* --- trimming, lengths ----------------------------------------------------- */

static bool text_is_space(utf8proc_int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	switch (c) {
	case 0x85:   /* next line */
	case 0x180E: /* Mongolian vowel separator, white space before Unicode 6.3 */
	case 0x200B: /* zero width space */
	case 0x2060: /* word joiner */
	case 0xFEFF: /* BOM / zero width no-break space: Notepad puts one at the start */
		return true;
	default:;
	}
	utf8proc_category_t cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

void text_trim(char *s)
{
	assert(s);
	size_t len = strlen(s);
	size_t end = len;
	while (end > 0) {
		size_t start = end - 1;
		while (start > 0 && end - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
			start--;
		utf8proc_int32_t c;
		size_t k = text_decode(s + start, (utf8proc_ssize_t)(end - start), &c);
		if (k != end - start || !text_is_space(c))
			break;
		end = start;
	}
	size_t begin = 0;
	while (begin < end) {
		utf8proc_int32_t c;
		size_t k = text_decode(s + begin, (utf8proc_ssize_t)(end - begin), &c);
		if (!k || !text_is_space(c))
			break;
		begin += k;
	}
	memmove(s, s + begin, end - begin);
	s[end - begin] = '\0';
}

size_t text_char_len(const char *s)
{
	assert(s);
	if ((unsigned char)*s < 0x80)
		return 1;
	utf8proc_int32_t c;
	size_t k = text_decode(s, -1, &c);
	return k ? k : 1;
}

size_t text_length(const char *s)
{
	assert(s);
	size_t n = 0;
	while (*s) {
		s += text_char_len(s);
		n++;
	}
	return n;
}

/* --- wrapping --------------------------------------------------------------
 *
 * Greedy: each word is measured as part of the line being built, so the
 * measure sees real kerning and shaping of the whole line. Each word is
 * measured at most twice (once at the end of a line it then overflows, once
 * at the start of the next); a word wider than a line costs one call per
 * character. So a paragraph costs O(n) measure calls. */

typedef struct wrap_ctx {
	const char *s;
	double max;
	text_measure_fn measure;
	void *mctx;
	text_line *lines;
	size_t n, cap;
} wrap_ctx;

static bool wrap_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void wrap_emit(wrap_ctx *w, size_t start, size_t end)
{
	w->lines = xgrow(w->lines, &w->cap, w->n + 1, sizeof *w->lines);
	w->lines[w->n++] = (text_line){start, end - start};
}

static double wrap_measure(wrap_ctx *w, size_t start, size_t end)
{
	return w->measure(w->mctx, w->s + start, end - start);
}

/* Decodes one code point of s[i..end); an invalid byte counts as U+FFFD. */
static size_t wrap_decode(const char *s, size_t i, size_t end, utf8proc_int32_t *c)
{
	size_t k = text_decode(s + i, (utf8proc_ssize_t)(end - i), c);
	if (!k) {
		*c = 0xFFFD;
		k = 1;
	}
	return k;
}

/* End of the grapheme cluster (base letter plus its marks) starting at i. */
static size_t wrap_cluster_end(const char *s, size_t i, size_t end)
{
	utf8proc_int32_t prev, c, state = 0;
	i += wrap_decode(s, i, end, &prev);
	while (i < end) {
		size_t k = wrap_decode(s, i, end, &c);
		if (utf8proc_grapheme_break_stateful(prev, c, &state))
			break;
		prev = c;
		i += k;
	}
	return i;
}

/* Splits the too-wide run [start, end) between clusters. Every full piece
 * becomes a line; returns the start of the last piece, which stays open so
 * the words after it can join its line. Each piece takes at least one
 * cluster, so a line narrower than one letter still makes progress. */
static size_t wrap_split(wrap_ctx *w, size_t start, size_t end)
{
	size_t piece = start, fit = start;
	for (size_t i = start; i < end;) {
		size_t next = wrap_cluster_end(w->s, i, end);
		if (fit > piece && wrap_measure(w, piece, next) > w->max) {
			wrap_emit(w, piece, fit);
			piece = fit;
		}
		fit = next;
		i = next;
	}
	return piece;
}

static void wrap_paragraph(wrap_ctx *w, size_t a, size_t b)
{
	size_t last = b;
	while (last > a && wrap_is_space(w->s[last - 1]))
		last--;
	/* Most labels fit: one call settles them. */
	if (last == a || wrap_measure(w, a, last) <= w->max) {
		wrap_emit(w, a, last);
		return;
	}
	size_t ls = a, fit = a, i = a;
	for (;;) {
		size_t ws = i;
		while (ws < b && wrap_is_space(w->s[ws]))
			ws++;
		if (ws == b)
			break;
		size_t we = ws;
		while (we < b && !wrap_is_space(w->s[we]))
			we++;
		if (wrap_measure(w, ls, we) <= w->max) {
			fit = i = we;
		} else if (fit > ls) {
			wrap_emit(w, ls, fit); /* the word starts the next line */
			ls = fit = i = ws;
		} else if (ls < ws) {
			ls = fit = i = ws; /* indentation that leaves no room goes */
		} else {
			ls = wrap_split(w, ls, we);
			fit = i = we;
		}
	}
	wrap_emit(w, ls, fit);
}

size_t text_wrap(const char *s, double max_width, text_measure_fn measure, void *ctx,
                 text_line **lines)
{
	assert(s && measure);
	wrap_ctx w = {.s = s, .max = max_width, .measure = measure, .mctx = ctx};
	size_t len = strlen(s);
	for (size_t pos = 0; pos < len;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t pend = nl ? (size_t)(nl - s) : len;
		wrap_paragraph(&w, pos, pend);
		pos = pend + 1; /* a final '\n' ends the last line; it opens no empty one */
	}
	if (lines)
		*lines = w.lines;
	else
		free(w.lines);
	return w.n;
}

bool text_is_control(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
	       cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

const char *text_find_control(const char *s, bool allow_newline, unsigned *cp)
{
	for (const char *p = s; *p;) {
		utf8proc_int32_t c = (unsigned char)*p;
		size_t n = 1;
		if (c >= 0x80) {
			n = text_decode(p, -1, &c);
			if (!n) {
				p++;
				continue;
			}
		}
		if (text_is_control((unsigned)c) && !(allow_newline && c == '\n')) {
			if (cp)
				*cp = (unsigned)c;
			return p;
		}
		p += n;
	}
	return NULL;
}

char *text_escape(const char *s, bool keep_newlines)
{
	if (!s)
		return xstrdup("");
	/* Nearly every message is clean: copy it without building anything. */
	const char *p = s;
	while (*p) {
		unsigned char b = (unsigned char)*p;
		if (b >= 0x20 && b < 0x7F) {
			p++;
			continue;
		}
		if (b == '\n' && keep_newlines) {
			p++;
			continue;
		}
		if (b < 0x80)
			break;
		utf8proc_int32_t c;
		size_t n = text_decode(p, -1, &c);
		if (!n || text_is_control((unsigned)c))
			break;
		p += n;
	}
	if (!*p)
		return xstrdup(s);

	/* At most 6 bytes out ("\u202e") for each byte or code point in. */
	size_t len = strlen(s);
	char *out = xmalloc(len * 6 + 1), *w = out;
	size_t head = (size_t)(p - s);
	memcpy(w, s, head);
	w += head;
	while (*p) {
		unsigned char b = (unsigned char)*p;
		utf8proc_int32_t c = b;
		size_t n = 1;
		if (b >= 0x80) {
			n = text_decode(p, -1, &c);
			if (!n) {
				w += sprintf(w, "\\x%02x", b);
				p++;
				continue;
			}
		}
		if (!text_is_control((unsigned)c) || (c == '\n' && keep_newlines)) {
			memcpy(w, p, n);
			w += n;
		} else if (c == '\n') {
			w += sprintf(w, "\\n");
		} else if (c == '\r') {
			w += sprintf(w, "\\r");
		} else if (c == '\t') {
			w += sprintf(w, "\\t");
		} else if (c < 0x80) {
			w += sprintf(w, "\\x%02x", (unsigned)c);
		} else {
			w += sprintf(w, "\\u%04x", (unsigned)c);
		}
		p += n;
	}
	*w = '\0';
	return out;
}

/* --- cells ------------------------------------------------------------------ */

/* Normalising every cell with text_nfc() was half the time of reading a
 * large bundle, and nearly all cells are precomposed Vietnamese: code points
 * below U+0300 (ASCII, Latin-1, Latin Extended-A/B), the Latin Extended
 * Additional block U+1E00–U+1EFF (ạ…ỹ), general punctuation U+2010–U+2027
 * and the currency signs; none of these has a canonical decomposition that
 * NFC would undo, and none combines with a neighbour unless a combining mark
 * (U+0300 and up) follows. Anything else takes the full text_nfc(). */
bool text_nfc_needed(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		unsigned cp;
		if ((*p & 0xE0) == 0xC0) {
			cp = (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else if ((*p & 0xF0) == 0xE0) {
			cp = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 |
			     (p[2] & 0x3F);
			p += 3;
		} else {
			return true;
		}
		if (!(cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) ||
		      (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x20A0 && cp <= 0x20C0)))
			return true;
	}
	return false;
}

char *text_cell(const char *cell)
{
	char *s = text_nfc_needed(cell) ? text_nfc(cell) : NULL;
	if (!s)
		s = xstrdup(cell);
	char *w = s;
	for (const char *q = s; *q; q++) {
		if (*q == '\r') {
			*w++ = '\n';
			if (q[1] == '\n')
				q++;
		} else if (*q == '\t') {
			*w++ = ' ';
		} else {
			*w++ = *q;
		}
	}
	*w = '\0';
	text_trim(s);
	return s;
}
