/* text — UTF-8 checking, NFC normalisation, search folding and word wrapping.
 *
 * Built on utf8proc, not hand-written tables. Every function takes and returns
 * UTF-8; returned strings are owned by the caller (free()). */
#ifndef MOTCUA_TEXT_H
#define MOTCUA_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is valid UTF-8 (no overlongs, no surrogates). When it is
 * not and bad_offset is non-NULL, *bad_offset gets the byte offset of the
 * first invalid sequence. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* NFC form of a valid UTF-8 string. Returns NULL only when s is not valid UTF-8. */
char *text_nfc(const char *s);

/* Search key of s: NFC, lower case, combining marks removed, đ/Đ → d, every
 * run of characters that are not letters or digits → one space, trimmed.
 * "Đăng ký  KHAI-SINH" → "dang ky khai sinh". Invalid UTF-8 bytes are dropped. */
char *text_fold(const char *s);

/* True when NFC may change s (valid UTF-8): false for text made only of
 * code points that NFC leaves alone (ASCII, Latin-1, Latin Extended-A/B and
 * Additional, general punctuation, currency signs). A quick check before
 * text_nfc() on many short strings. */
bool text_nfc_needed(const char *s);

/* A spreadsheet cell (valid UTF-8) as stored: NFC, line breaks as LF, a tab
 * (pasted from Word) as a space, trimmed. Caller frees. */
char *text_cell(const char *cell);

/* Trims ASCII and Unicode white space (incl. NBSP) at both ends, in place. */
void text_trim(char *s);

/* Number of code points in s. */
size_t text_length(const char *s);

/* Byte length of the UTF-8 sequence that starts at s (1..4; 1 for invalid). */
size_t text_char_len(const char *s);

/* True for a code point that must never reach a terminal or a screen as it
 * is: C0 controls (U+0000–U+001F), DEL, C1 controls (U+0080–U+009F), the
 * line and paragraph separators U+2028/U+2029, and the invisible marks that
 * change the direction of text (U+061C, U+200E/F, U+202A–U+202E,
 * U+2066–U+2069). ESC, BEL or CSI can erase lines or retitle a terminal; a
 * line break can forge a diagnostic; a bidi override makes text read
 * differently from what it is. */
bool text_is_control(unsigned cp);

/* The first control character of s (text_is_control) other than '\n' when
 * allow_newline; NULL when there is none. *cp gets its code point. s is
 * valid UTF-8 (an invalid byte is skipped). */
const char *text_find_control(const char *s, bool allow_newline, unsigned *cp);

/* s made safe to print: every control character (text_is_control) and
 * every byte that is not valid UTF-8 becomes a visible escape — "\n", "\r",
 * "\t", "\x1b" for C0 and DEL, "\xff" for an invalid byte, "\u009b" or
 * "\u202e" for the others — except '\n' when keep_newlines. The result is
 * valid UTF-8 and escaping it again changes nothing (a backslash is kept as
 * it is, so Windows paths stay readable). Caller frees; s NULL gives "". */
char *text_escape(const char *s, bool keep_newlines);

/* Word wrapping by measured width.
 *
 * measure(ctx, s, n) returns the display width of the first n bytes of s in
 * whatever unit the caller uses (pixels, PDF points). text_wrap breaks s into
 * lines no wider than max_width: at spaces, keeping explicit '\n' breaks; a
 * word wider than the line is split between characters. Each line is reported
 * as a byte range [start, start+len) of s, trailing spaces excluded. Returns
 * the number of lines (≥ 1 for a non-empty string, 0 for ""). When lines is
 * non-NULL it receives a malloc'd array the caller frees. */
typedef double (*text_measure_fn)(void *ctx, const char *s, size_t n);
typedef struct text_line {
	size_t start, len;
} text_line;
size_t text_wrap(const char *s, double max_width, text_measure_fn measure, void *ctx,
		 text_line **lines);

#endif
