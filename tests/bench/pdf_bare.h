/* pdf_bare — the floor of the PDF benchmark: a bare libharu program drawing
 * the same page. It replays a trace of pdf_sheet_write's drawing calls
 * (pdf_sheet_ctx.trace: the same text runs, rules and fills at the same
 * places) with nothing but libharu: Noto Sans loaded with
 * HPDF_LoadTTFontFromFile and embedded the way libharu alone does it, no
 * layout, no measuring, no fallback fonts. */
#ifndef MOTCUA_PDF_BARE_H
#define MOTCUA_PDF_BARE_H

/* Writes the traced drawing (a NUL-terminated text) to out with the fonts
 * of font_dir. Returns 0, or -1 when libharu fails. */
int pdf_bare_write(const char *trace, const char *font_dir, const char *out);

#endif
