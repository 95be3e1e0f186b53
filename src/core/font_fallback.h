/* font_fallback — which installed font can draw a character.
 *
 * The kiosk draws with Noto Sans (the font folder's NotoSans-Regular.ttf);
 * a character it lacks (Tai Viet, the Thái script; any other script) is
 * drawn with the first fallback font that has a glyph for it. The same
 * answer serves the kiosk's text, `motcua check` (which warns about
 * characters no font has) and the PDF sheet. No SDL: FreeType reads the
 * fonts' character maps.
 *
 * The fonts, in the order they are tried:
 *   0. NotoSans-Regular.ttf in the font folder (paths_fontdir());
 *   1. every *-Regular.ttf / *-Regular.otf of the fallback folders, NotoSans*
 *      before the others, each folder sorted by name. The folders are
 *      $MOTCUA_FALLBACK_FONTDIRS (colon-separated; set but empty: none), else
 *      FONT_FALLBACK_DIRS below: Debian's fonts-noto-core (Noto Sans Tai Viet
 *      and ~130 other scripts) and fonts-sil-taiheritagepro (Tai Heritage Pro).
 * A fixed list, not fontconfig: what the kiosk can draw does not depend on a
 * font cache or on whatever a desktop package dropped into /usr/share/fonts.
 *
 * Usage:
 *   font_fallback *ff = font_fallback_new(paths_fontdir());
 *   int i = font_fallback_find(ff, 0xAA80);   // 1..n: a fallback; -1: none
 *   const char *file = font_fallback_path(ff, i);
 *   font_fallback_free(ff);
 * Not thread-safe: one instance a thread. */
#ifndef MOTCUA_FONT_FALLBACK_H
#define MOTCUA_FONT_FALLBACK_H

#include <stddef.h>
#include <stdint.h>

#define FONT_FALLBACK_DIRS "/usr/share/fonts/truetype/noto:/usr/share/fonts/opentype/noto:" \
	"/usr/share/fonts/truetype/taiheritagepro"

typedef struct font_fallback font_fallback;

/* Lists the fonts (primary_dir holds NotoSans-Regular.ttf; NULL: none) without
 * opening them; they are opened when first asked. Never fails. */
font_fallback *font_fallback_new(const char *primary_dir);
/* The one walk of the fallback folders, shared with the PDF's fonts
 * (pdf_font.c): fn(ctx, dir, name) for every file named *-Regular.ttf or
 * *-Regular.otf of each folder of $MOTCUA_FALLBACK_FONTDIRS (colon-separated;
 * set but empty: none), else of default_dirs, folder by folder, NotoSans*
 * first, then by name. */
typedef void (*font_fallback_visit)(void *ctx, const char *dir, const char *name);
void font_fallback_walk(const char *default_dirs, font_fallback_visit fn, void *ctx);

/* Closes every font; font_fallback_free(NULL) is a no-op. */
void font_fallback_free(font_fallback *ff);

/* Number of fonts listed (the primary counts when it exists). */
int font_fallback_count(const font_fallback *ff);
/* The file of font i (0 <= i < count). Owned by ff. */
const char *font_fallback_path(const font_fallback *ff, int i);
/* The bold face beside font i ("X-Bold.ttf" for "X-Regular.ttf"), or NULL
 * when there is none. Owned by ff. */
const char *font_fallback_bold_path(const font_fallback *ff, int i);

/* The first font that has a glyph for cp: 0 the primary, > 0 a fallback,
 * -1 none. Characters that draw nothing (controls, line breaks, zero-width
 * and variation selectors) count as the primary's. Remembered for the Basic
 * Multilingual Plane, so asking again costs an array read. */
int font_fallback_find(font_fallback *ff, uint32_t cp);

/* True when font i has a glyph for cp (invisible characters: always). */
int font_fallback_has(font_fallback *ff, int i, uint32_t cp);

/* True when cp draws nothing of its own (see font_fallback_find). */
int font_fallback_invisible(uint32_t cp);

/* The English name of the script (Unicode block) of cp, e.g. "Tai Viet", or
 * NULL when the table does not know it. Static string. */
const char *font_fallback_script(uint32_t cp);

#endif
