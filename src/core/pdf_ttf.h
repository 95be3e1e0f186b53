/* pdf_ttf — a TrueType font for libharu's UTF-8 text, with a ToUnicode map
 * that text extractors read.
 *
 * With HPDF_UseUTFEncodings, libharu 2.3 writes each character as its
 * Unicode code point in two bytes (Identity-H; outside the BMP, a space) and
 * adds a /ToUnicode stream made by the code that writes CID CMaps
 * (hpdf_font_cid.c CreateCMap): "begincidrange <0000> <FFFF> 0", a mapping
 * to CIDs, which a ToUnicode map cannot hold (it takes bfchar/bfrange):
 * poppler warns "Invalid 'begincidrange' operator in ToUnicode CMap" for
 * every font on every page and guesses the text from the font's own cmap.
 * pdf_ttf_font replaces that stream's content with the map the codes
 * really are, code = Unicode, one bfchar for each BMP character the font
 * file maps (a subset's few hundred; a whole Noto Sans adds ~12 KB to a
 * PDF), so nothing is guessed; the glyphs and the page are untouched
 * (pdftoppm renders the same pixels, pdftotext reads the same text).
 * libharu upstream still writes the CID map (2.4.x); the fix uses only its
 * installed headers (hpdf_objects.h: the font's dictionary, its stream). */
#ifndef MOTCUA_PDF_TTF_H
#define MOTCUA_PDF_TTF_H

#include <hpdf.h>

/* The TrueType font in the file at path, embedded, for UTF-8 text (the
 * caller has called HPDF_UseUTFEncodings), its ToUnicode map corrected.
 * NULL when libharu cannot load it (the document's error handler was told). */
HPDF_Font pdf_ttf_font(HPDF_Doc pdf, const char *path);

#endif
