/* pdf_font — the fonts of the PDF sheet, read with HarfBuzz: advance widths
 * from a table built once per font, which characters a font has, the font's
 * subset to the characters a sheet uses (hb-subset), and the fallback font
 * for a character Noto Sans lacks (Tai Viet, any other script).
 *
 * Widths are in thousandths of an em, rounded down per glyph, exactly as
 * libharu 2.3 counts them (HPDF_Font_TextWidth), so a sheet measured here
 * breaks its lines where libharu's own measure did.
 *
 * Fallback fonts: the first font, in this order, that has a glyph for the
 * character and TrueType outlines (libharu embeds no CFF): every
 * *-Regular.ttf of the fallback folders, NotoSans* before the others, each
 * folder sorted by name. The folders are $MOTCUA_FALLBACK_FONTDIRS
 * (colon-separated; set but empty: none), else PDF_FONT_FALLBACK_DIRS:
 * Debian's fonts-noto-core (Noto Sans Tai Viet and ~130 other scripts) and
 * fonts-sil-taiheritagepro (Tai Heritage Pro). A fixed list, not fontconfig:
 * the sheet must not depend on a font cache or on whatever a desktop package
 * dropped into /usr/share/fonts; the same list and order as the kiosk's
 * font_fallback (src/core/font_fallback.h), whose font_fallback_walk lists
 * them for both, so paper and screen agree. The
 * bold face is the "-Bold.ttf" beside a "-Regular.ttf", when there is one.
 *
 * Every font opened stays open (memory-mapped, shared with the page cache)
 * until the process ends, so the second sheet costs no font parsing. All
 * functions may be called from any one thread at a time (a mutex guards the
 * cache). */
#ifndef MOTCUA_PDF_FONT_H
#define MOTCUA_PDF_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PDF_FONT_FALLBACK_DIRS \
	"/usr/share/fonts/truetype/noto:/usr/share/fonts/truetype/taiheritagepro"

typedef struct pdf_font pdf_font;

/* The font in the file at path, opened on first use and kept; NULL when the
 * file cannot be read or is not a font. */
pdf_font *pdf_font_get(const char *path);

/* The file the font was read from. Owned by f. */
const char *pdf_font_path(const pdf_font *f);

/* Width of cp's glyph in thousandths of an em (rounded down, as libharu);
 * -1 when the font has no glyph for cp. */
int pdf_font_width(pdf_font *f, uint32_t cp);

/* Width of the font's .notdef glyph (what libharu draws for a character the
 * font lacks), in thousandths of an em. */
int pdf_font_notdef_width(const pdf_font *f);

/* The hhea ascender in thousandths of an em, as libharu reads it. */
int pdf_font_ascent(const pdf_font *f);

/* The font reduced to the glyphs of the n characters cps (plus .notdef and
 * the glyphs they are built from), without hinting or layout tables: a
 * malloc'd TrueType file in *out and its length in *len. Returns 0, or -1
 * when HarfBuzz cannot subset the font (the caller embeds the whole font). */
int pdf_font_subset(pdf_font *f, const uint32_t *cps, size_t n, unsigned char **out,
                    size_t *len);

/* The characters of the Basic Multilingual Plane (surrogates excepted) that
 * the font file at path maps to a glyph, ascending, in a malloc'd *out.
 * Read afresh, not kept (path may name one sheet's subset). Returns how many;
 * 0 (and *out NULL) when the file is not a font. */
size_t pdf_font_file_bmp(const char *path, uint32_t **out);

/* True when cp draws nothing of its own (controls, format characters,
 * variation selectors): it never asks for a fallback font. */
bool pdf_font_invisible(uint32_t cp);

/* The first fallback font with a glyph for cp (see above), bold: its bold
 * face when it has one, else its regular face. NULL when none has it. */
pdf_font *pdf_font_fallback(uint32_t cp, bool bold);

#endif
