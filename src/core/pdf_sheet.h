/* pdf_sheet — the printed guidance sheet of one procedure (DESIGN §6).
 *
 * A4 portrait, 20 mm margins. The heading block
 * of a Vietnamese administrative paper, the title, the procedure name and
 * code, then every non-empty field in the order of procedure_fields.h under
 * its Vietnamese heading (steps numbered, documents as a ruled table whose
 * header row repeats on each page it continues on), the FAQ, a QR code of the
 * online-service URL; a footer with the hotlines, the print time and
 * "Trang N/M" on every page. The sheet is an administrative paper: its
 * heading block, title, section headings, code and QR code are Vietnamese
 * whatever language the kiosk screen is in. Printed in a content language
 * (ctx->lang, issue 12.4), it carries the procedure's translated text, says
 * "Bản dịch: <the language's own name>" under the code, and marks each field
 * still in Vietnamese (ctx->vi_fields) with ctx->vi_mark after its heading
 * (and under the name, when the name is).
 *
 * The summary (ctx->summary) is one A4 page, never more: the same heading
 * block and title, then the documents to bring (the top-level documents,
 * each cut to two lines with "…"; as many as fit, then "… và N giấy tờ
 * khác — xem hướng dẫn đầy đủ"), the deadline, the fees, where to file,
 * and the QR code of the full text online; the same footer.
 *
 * Fonts: Noto Sans, regular and bold; a character it lacks (Tai Viet, any
 * other script) is drawn with the first fallback font that has it
 * (pdf_font.h), else as Noto Sans's .notdef box. Text is measured from
 * advance tables built once per font (pdf_font.h), with the same widths as
 * libharu's own measure. Each font is embedded as HarfBuzz's subset to the
 * characters the sheet draws with it (MOTCUA_PDF_SUBSET=0 in the
 * environment: the whole font, as libharu alone embeds it; for tests).
 *
 * libharu is used only in pdf_sheet.c. */
#ifndef MOTCUA_PDF_SHEET_H
#define MOTCUA_PDF_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "model.h"
#include "procedure_fields.h"

/* pdf_sheet_ctx.vi_fields: field id left in Vietnamese; the name. */
#define PDF_SHEET_VI(id) (1ul << (id))
#define PDF_SHEET_VI_NAME (1ul << PROCEDURE_FIELD_COUNT)

/* What the sheet needs besides the procedure. Nothing is kept after
 * pdf_sheet_write returns; every pointer may be NULL / every count 0. */
typedef struct pdf_sheet_ctx {
	const char *unit_name;   /* header, left, shown upper case ("UBND xã Chiềng Sơn") */
	const hotline *hotlines; /* footer, in this order; as many as fit on two lines */
	size_t n_hotlines;
	const faq *faqs; /* the procedure's questions and answers, in this order */
	size_t n_faqs;
	time_t printed_at;    /* "In lúc dd/mm/yyyy HH:MM", local time; injected for tests */
	bool clock_wrong;     /* printed_at is known to be wrong (wallclock.h): no "In lúc" line */
	const char *font_dir; /* holds NotoSans-Regular.ttf and NotoSans-Bold.ttf;
	                       * NULL = pdf_sheet_font_dir() */
	bool summary; /* the one-page summary instead of the full guide */
	/* The sheet in a content language: the caller has put the translated
	 * fields into the procedure (catalog_translate; sheet_lang.h does it
	 * all). NULL or "": the Vietnamese sheet, byte for byte as always. */
	const char *lang;        /* ISO 639 code, named in itself (i18n_autonym) */
	unsigned long vi_fields; /* PDF_SHEET_VI(id) | PDF_SHEET_VI_NAME: still Vietnamese */
	const char *vi_mark;     /* after such a field's heading; NULL: "(Tiếng Việt)" */
	/* For the benchmark's bare-libharu floor (tests/bench): when non-NULL,
	 * every drawing call is also written here, one a line: "P" a new page,
	 * "T font size x y text", "L width x y dx dy", "R gray x y w h". */
	FILE *trace;
} pdf_sheet_ctx;

/* Writes the sheet of p to path (replacing any file there). Returns 0, or a
 * negative errno with *err (when err is non-NULL) set to a malloc'd message
 * in plain words: -ENOENT when a font is missing, -EIO when the file cannot
 * be written, -EINVAL when libharu rejects the document. */
int pdf_sheet_write(const procedure *p, const pdf_sheet_ctx *ctx, const char *path, char **err);

/* The default font folder: paths_fontdir() ($MOTCUA_FONTDIR when set, the
 * source tree's fonts/ when this executable runs from its build folder, else
 * the installed font folder). Static string. */
const char *pdf_sheet_font_dir(void);

#endif
