/* pdf_sheet — see pdf_sheet.h. libharu is used only here.
 *
 * Two passes: the layout pass walks the procedure and appends drawing
 * operations (text runs, rules, filled boxes) tagged with their page; only
 * when it is done is the page count M known, and the drawing pass creates the
 * pages, replays the operations and adds the footer "Trang N/M". Every
 * coordinate is in PDF points with the origin at the bottom left. */
#include "pdf_sheet.h"

#include <assert.h>
#include <errno.h>
#include <hpdf.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "i18n.h"
#include "paths.h"
#include "pdf_font.h"
#include "pdf_ttf.h"
#include "procedure_fields.h"
#include "qr.h"
#include "text.h"
#include "xalloc.h"


#define MM (72.0 / 25.4)
#define PAGE_W 595.276 /* HPDF_PAGE_SIZE_A4, portrait */
#define PAGE_H 841.89
#define MARGIN (20 * MM)
#define LEFT MARGIN
#define RIGHT (PAGE_W - MARGIN)
#define TOP (PAGE_H - MARGIN)
#define BOTTOM MARGIN
#define WIDTH (RIGHT - LEFT)

#define SIZE_BODY 10.5
#define SIZE_HEADING 11.5
#define SIZE_TITLE 14.0
#define SIZE_NAME 13.0
#define SIZE_MOTTO 11.0
#define SIZE_FOOT 8.0
/* Line pitch as a multiple of the size. Noto's ascent + descent is 1.36 em
 * (room for Vietnamese stacked marks: Ệ, Ộ), so anything less overlaps. */
#define LEADING 1.4

#define GAP_FIELD 7.0 /* before each heading */
#define GAP_ITEM 2.5  /* between the items of a list */
#define CELL_PAD_X 4.0
/* Room kept free at the right of a cell's text: with at least 1.5 em
 * between the columns' words, text extraction (pdftotext, copy and paste,
 * screen readers) reads a cell as one block instead of mixing rows'
 * neighbouring cells into each line. */
#define CELL_GUTTER (1.6 * SIZE_BODY - 2 * CELL_PAD_X)
#define CELL_PAD_Y 2.5
#define RULE 0.6
/* A table row up to this many lines moves whole to the next page instead of
 * being split: a short description is read as one piece. Taller rows are
 * split, or they would leave a large part of a page empty; each part has at
 * least ROW_MIN_PART lines. */
#define ROW_KEEP_LINES 6
#define ROW_MIN_PART 3
/* The QR code's modules are at least this wide, quiet zone not counted: a
 * phone at arm's length reads it off paper even from a worn printer. */
#define QR_MIN_CODE (25 * MM)

enum { REGULAR, BOLD };
typedef enum align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } align;

typedef enum op_kind { OP_TEXT, OP_LINE, OP_RECT } op_kind;

/* One drawing operation of the layout pass. */
typedef struct op {
	op_kind kind;
	int page;
	int font;    /* OP_TEXT: REGULAR or BOLD */
	double size; /* OP_TEXT: font size; OP_LINE: line width */
	double gray; /* OP_RECT: fill gray level (lines and text are black) */
	/* OP_TEXT: baseline start; OP_LINE: from (x, y) to (x + w, y + h);
	 * OP_RECT: lower left corner and size. */
	double x, y, w, h;
	char *text;
} op;

/* A font the sheet draws with: faces[REGULAR] and faces[BOLD] are Noto
 * Sans, the others fallback fonts for characters Noto Sans lacks. */
typedef struct face {
	pdf_font *f;
	uint32_t *cps; /* the characters drawn with it, to subset it to */
	size_t n_cps, cap_cps;
	HPDF_Font hfont; /* loaded into the document after the layout */
} face;

/* Which face draws a character: a small memo of the last answers for the
 * characters Noto Sans lacks (the fallback search reads many fonts). */
#define FACE_MEMO 64

typedef struct sheet {
	const procedure *p;
	const pdf_sheet_ctx *ctx;
	HPDF_Doc pdf;
	face *faces;
	size_t n_faces, cap_faces;
	struct {
		uint32_t cp;
		int weight;
		int face;
	} memo[FACE_MEMO];
	double ascent[2];  /* per point of font size */
	HPDF_STATUS error; /* the first libharu error, 0 when none */
	HPDF_STATUS error_detail;

	op *ops;
	size_t n_ops, cap_ops;
	int page;        /* the page being laid out, 0-based */
	double y;        /* top of its free space */
	bool page_empty; /* nothing laid out on it yet */
	double bottom;   /* lowest point body content may reach: the footer is below */

	char *hotline_lines[2]; /* the footer's hotline text, at most two lines */
	size_t n_hotline_lines;
	char printed[64]; /* "In lúc dd/mm/yyyy HH:MM" */
} sheet;

typedef struct measure_ctx {
	struct sheet *sh;
	int font; /* REGULAR or BOLD */
	double size;
} measure_ctx;

static void HPDF_STDCALL pdf_sheet_on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	sheet *sh = data;
	if (!sh->error) {
		sh->error = error;
		sh->error_detail = detail;
	}
}

const char *pdf_sheet_font_dir(void)
{
	return paths_fontdir();
}

/* --- measuring and wrapping ---------------------------------------------- */

/* --- fonts: which face draws a character, and how wide it is ------------- */

static int pdf_sheet_face_index(sheet *sh, pdf_font *f)
{
	for (size_t i = 0; i < sh->n_faces; i++)
		if (sh->faces[i].f == f)
			return (int)i;
	sh->faces = xgrow(sh->faces, &sh->cap_faces, sh->n_faces + 1, sizeof *sh->faces);
	sh->faces[sh->n_faces] = (face){.f = f};
	return (int)sh->n_faces++;
}

/* The face that draws cp in weight `font`, and in *w its width in
 * thousandths of an em. Noto Sans when it has the glyph (or cp draws
 * nothing), else the first fallback font that has it, else Noto Sans's
 * .notdef box, as before fallback fonts. */
static int pdf_sheet_face_for(sheet *sh, int font, uint32_t cp, int *w)
{
	pdf_font *primary = sh->faces[font].f;
	int pw = pdf_font_width(primary, cp);
	if (pw >= 0 || pdf_font_invisible(cp)) {
		*w = pw >= 0 ? pw : pdf_font_notdef_width(primary);
		return font;
	}
	unsigned slot = (cp * 2654435761u >> 26) % FACE_MEMO;
	int fi = -1;
	if (sh->memo[slot].cp == cp && sh->memo[slot].weight == font) {
		fi = sh->memo[slot].face;
	} else {
		pdf_font *fb = pdf_font_fallback(cp, font == BOLD);
		fi = fb ? pdf_sheet_face_index(sh, fb) : font;
		sh->memo[slot].cp = cp;
		sh->memo[slot].weight = font;
		sh->memo[slot].face = fi;
	}
	*w = fi == font ? pdf_font_notdef_width(primary) : pdf_font_width(sh->faces[fi].f, cp);
	return fi;
}

/* The next character of s[*i..n) (a stray byte counts as U+FFFD). */
static uint32_t pdf_sheet_next_cp(const char *s, size_t n, size_t *i)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + *i,
	                                      (utf8proc_ssize_t)(n - *i), &c);
	if (k <= 0) {
		(*i)++;
		return 0xFFFD;
	}
	*i += (size_t)k;
	return (uint32_t)c;
}

/* Width of s[0..n) in points: the sum of the glyphs' widths in thousandths
 * of an em, scaled once, as libharu's HPDF_Font_TextWidth did. */
static double pdf_sheet_measure_cb(void *c, const char *s, size_t n)
{
	const measure_ctx *m = c;
	long sum = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = pdf_sheet_next_cp(s, n, &i);
		int w;
		pdf_sheet_face_for(m->sh, m->font, cp, &w);
		sum += w;
	}
	return (double)sum * m->size / 1000.0;
}

static double pdf_sheet_width(sheet *sh, int font, double size, const char *s)
{
	measure_ctx m = {sh, font, size};
	return pdf_sheet_measure_cb(&m, s, strlen(s));
}

/* A copy of s fit for drawing: tabs and carriage returns become spaces (the
 * font has no glyph for them), line breaks stay for text_wrap. */
static char *pdf_sheet_clean(const char *s)
{
	char *c = xstrdup(s ? s : "");
	for (char *q = c; *q; q++)
		if (*q == '\t' || *q == '\r' || *q == '\v' || *q == '\f')
			*q = ' ';
	return c;
}

/* Wrapped lines of s as separate strings; returns the count. */
static size_t pdf_sheet_wrap(sheet *sh, const char *s, double width, int font, double size,
                             char ***out)
{
	char *c = pdf_sheet_clean(s);
	measure_ctx m = {sh, font, size};
	text_line *lines = NULL;
	size_t n = text_wrap(c, width, pdf_sheet_measure_cb, &m, &lines);
	char **v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = xstrndup(c + lines[i].start, lines[i].len);
	free(lines);
	free(c);
	*out = v;
	return n;
}

static void pdf_sheet_lines_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* --- the layout pass ----------------------------------------------------- */

static op *pdf_sheet_op(sheet *sh, op_kind kind)
{
	sh->ops = xgrow(sh->ops, &sh->cap_ops, sh->n_ops + 1, sizeof *sh->ops);
	op *o = &sh->ops[sh->n_ops++];
	*o = (op){.kind = kind, .page = sh->page};
	sh->page_empty = false;
	return o;
}

static void pdf_sheet_text_op(sheet *sh, int font, double size, double x, double baseline,
                              const char *text)
{
	if (!*text)
		return;
	op *o = pdf_sheet_op(sh, OP_TEXT);
	o->font = font;
	o->size = size;
	o->x = x;
	o->y = baseline;
	o->text = xstrdup(text);
}

static void pdf_sheet_line_op(sheet *sh, double x1, double y1, double x2, double y2, double width)
{
	op *o = pdf_sheet_op(sh, OP_LINE);
	o->size = width;
	o->x = x1;
	o->y = y1;
	o->w = x2 - x1;
	o->h = y2 - y1;
}

static void pdf_sheet_rect_op(sheet *sh, double x, double y, double w, double h, double gray)
{
	op *o = pdf_sheet_op(sh, OP_RECT);
	o->gray = gray;
	o->x = x;
	o->y = y;
	o->w = w;
	o->h = h;
}

static double pdf_sheet_lh(double size)
{
	return size * LEADING;
}

/* Baseline of a line whose box starts at top: the font's full ascent below
 * it, so accents on capitals stay inside the box (and the margins). */
static double pdf_sheet_baseline(sheet *sh, int font, double top, double size)
{
	return top - sh->ascent[font] * size;
}

static void pdf_sheet_new_page(sheet *sh)
{
	sh->page++;
	sh->y = TOP;
	sh->page_empty = true;
}

/* Makes sure h points are free on the current page, else starts a new one.
 * A fresh page is never left for another: what does not fit there is split
 * by the caller. */
static void pdf_sheet_need(sheet *sh, double h)
{
	if (sh->y - h < sh->bottom - 1e-6 && !sh->page_empty)
		pdf_sheet_new_page(sh);
}

/* Vertical space that disappears at the top of a page. */
static void pdf_sheet_gap(sheet *sh, double h)
{
	if (sh->page_empty)
		return;
	if (sh->y - h < sh->bottom)
		pdf_sheet_new_page(sh);
	else
		sh->y -= h;
}

/* Lays out s wrapped into [x, x + width), breaking pages between lines. When
 * label is non-NULL it is drawn at label_x on the first line (a number or
 * bullet with a hanging indent). */
static void pdf_sheet_paragraph(sheet *sh, const char *s, double x, double width, int font,
                                double size, align al, const char *label, int label_font,
                                double label_x)
{
	char **lines;
	size_t n = pdf_sheet_wrap(sh, s, width, font, size, &lines);
	double lh = pdf_sheet_lh(size);
	if (n == 0 && label) {
		pdf_sheet_need(sh, lh);
		pdf_sheet_text_op(sh, label_font, size, label_x,
		                  pdf_sheet_baseline(sh, font, sh->y, size), label);
		sh->y -= lh;
	}
	for (size_t i = 0; i < n; i++) {
		pdf_sheet_need(sh, lh);
		double base = pdf_sheet_baseline(sh, font, sh->y, size);
		double lx = x;
		if (al != ALIGN_LEFT) {
			double slack = width - pdf_sheet_width(sh, font, size, lines[i]);
			lx += al == ALIGN_CENTER ? slack / 2 : slack;
		}
		if (i == 0 && label)
			pdf_sheet_text_op(sh, label_font, size, label_x, base, label);
		pdf_sheet_text_op(sh, font, size, lx, base, lines[i]);
		sh->y -= lh;
	}
	pdf_sheet_lines_free(lines, n);
}

static void pdf_sheet_plain(sheet *sh, const char *s, double x, double width, int font, double size)
{
	pdf_sheet_paragraph(sh, s, x, width, font, size, ALIGN_LEFT, NULL, REGULAR, 0);
}

/* Height of the first two lines of body text: what a heading keeps with it. */
static double pdf_sheet_two_lines(void)
{
	return 2 * pdf_sheet_lh(SIZE_BODY);
}

/* A field heading; `after` is the height of what must follow it on the same
 * page, so that a heading is never the last thing on a page. */
static void pdf_sheet_heading(sheet *sh, const char *text, double after)
{
	pdf_sheet_gap(sh, GAP_FIELD);
	pdf_sheet_need(sh, pdf_sheet_lh(SIZE_HEADING) + 2 + after);
	pdf_sheet_plain(sh, text, LEFT, WIDTH, BOLD, SIZE_HEADING);
	sh->y -= 2;
}

/* True on a sheet in a content language when what (PDF_SHEET_VI bits) is
 * still in Vietnamese. */
static bool pdf_sheet_vi(const sheet *sh, unsigned long what)
{
	return !str_empty(sh->ctx->lang) && (sh->ctx->vi_fields & what);
}

static const char *pdf_sheet_mark(const sheet *sh)
{
	return !str_empty(sh->ctx->vi_mark) ? sh->ctx->vi_mark : "(Tiếng Việt)";
}

/* The Vietnamese heading of field d, with the mark after it when its text
 * is still Vietnamese on a translated sheet. Malloc'd. */
static char *pdf_sheet_field_heading(const sheet *sh, const procedure_field_def *d)
{
	if (pdf_sheet_vi(sh, PDF_SHEET_VI(d->id)))
		return xasprintf("%s %s", d->heading_vi, pdf_sheet_mark(sh));
	return xstrdup(d->heading_vi);
}

/* Under the name of a translated sheet: the mark when the name is still
 * Vietnamese. */
static void pdf_sheet_name_mark(sheet *sh)
{
	if (pdf_sheet_vi(sh, PDF_SHEET_VI_NAME))
		pdf_sheet_paragraph(sh, pdf_sheet_mark(sh), LEFT, WIDTH, REGULAR, SIZE_BODY,
		                    ALIGN_CENTER, NULL, REGULAR, 0);
}

/* Under the code of a translated sheet: which language it is in, in that
 * language's own name ("Bản dịch: Hmoob"). */
static void pdf_sheet_lang_line(sheet *sh)
{
	if (str_empty(sh->ctx->lang))
		return;
	char *t = xasprintf("Bản dịch: %s", i18n_autonym(sh->ctx->lang));
	pdf_sheet_paragraph(sh, t, LEFT, WIDTH, BOLD, SIZE_BODY, ALIGN_CENTER, NULL, REGULAR, 0);
	free(t);
}

/* Upper case of a UTF-8 string ("UBND xã Chiềng Sơn" → "UBND XÃ CHIỀNG SƠN"). */
static char *pdf_sheet_upper(const char *s)
{
	size_t len = strlen(s);
	char *out = xmalloc(len * 4 + 1), *o = out;
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	for (utf8proc_ssize_t i = 0; i < (utf8proc_ssize_t)len;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)len - i, &c);
		if (k <= 0) {
			i++;
			continue;
		}
		o += utf8proc_encode_char(utf8proc_toupper(c), (utf8proc_uint8_t *)o);
		i += k;
	}
	*o = 0;
	return out;
}

/* Two columns as on every Vietnamese administrative paper: the issuing unit
 * on the left, the national name and motto on the right, each with a short
 * rule under it. */
static void pdf_sheet_header_block(sheet *sh)
{
	double left_w = WIDTH * 0.40, right_x = LEFT + left_w, right_w = WIDTH - left_w;
	double top = sh->y;

	double left_bottom = top;
	if (!str_empty(sh->ctx->unit_name)) {
		char *unit = pdf_sheet_upper(sh->ctx->unit_name);
		pdf_sheet_paragraph(sh, unit, LEFT, left_w, BOLD, SIZE_MOTTO, ALIGN_CENTER, NULL,
		                    REGULAR, 0);
		free(unit);
		double rule = left_w * 0.3;
		double ry = sh->y - 3;
		pdf_sheet_line_op(sh, LEFT + (left_w - rule) / 2, ry, LEFT + (left_w + rule) / 2,
		                  ry, RULE);
		left_bottom = ry - 2;
	}

	sh->y = top;
	pdf_sheet_paragraph(sh, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_x, right_w, BOLD,
	                    SIZE_MOTTO, ALIGN_CENTER, NULL, REGULAR, 0);
	const char *motto = "Độc lập - Tự do - Hạnh phúc";
	pdf_sheet_paragraph(sh, motto, right_x, right_w, BOLD, SIZE_MOTTO + 0.5, ALIGN_CENTER, NULL,
	                    REGULAR, 0);
	double mw = pdf_sheet_width(sh, BOLD, SIZE_MOTTO + 0.5, motto);
	double ry = sh->y - 2.5;
	pdf_sheet_line_op(sh, right_x + (right_w - mw) / 2, ry, right_x + (right_w + mw) / 2, ry,
	                  RULE);
	sh->y = fmin(ry - 2, left_bottom);
}

/* A repealed procedure says so before anything else, with the code of the
 * one that replaces it, so a sheet printed from an old link is not followed. */
static void pdf_sheet_repealed(sheet *sh)
{
	const procedure *p = sh->p;
	if (!procedure_repealed(p->status))
		return;
	sh->y -= 12;
	pdf_sheet_paragraph(sh, "THỦ TỤC NÀY ĐÃ BÃI BỎ — KHÔNG THỰC HIỆN THEO HƯỚNG DẪN DƯỚI ĐÂY",
	                    LEFT, WIDTH, BOLD, SIZE_BODY + 1, ALIGN_CENTER, NULL, REGULAR, 0);
	if (!str_empty(p->replaced_by)) {
		char *r = xasprintf("Thay thế bởi thủ tục mã số %s.", p->replaced_by);
		pdf_sheet_paragraph(sh, r, LEFT, WIDTH, REGULAR, SIZE_BODY, ALIGN_CENTER, NULL,
		                    REGULAR, 0);
		free(r);
	}
}

static void pdf_sheet_title(sheet *sh)
{
	const procedure *p = sh->p;
	pdf_sheet_repealed(sh);
	sh->y -= 18;
	pdf_sheet_paragraph(sh, "HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH", LEFT, WIDTH, BOLD,
	                    SIZE_TITLE, ALIGN_CENTER, NULL, REGULAR, 0);
	sh->y -= 4;
	pdf_sheet_paragraph(sh, p->name ? p->name : "", LEFT + 20, WIDTH - 40, BOLD, SIZE_NAME,
	                    ALIGN_CENTER, NULL, REGULAR, 0);
	pdf_sheet_name_mark(sh);
	sh->y -= 2;
	char *code = xasprintf("%s: %s", PROCEDURE_FIELDS_CODE_HEADING_VI, p->code ? p->code : "");
	pdf_sheet_paragraph(sh, code, LEFT, WIDTH, REGULAR, SIZE_BODY, ALIGN_CENTER, NULL, REGULAR,
	                    0);
	free(code);
	pdf_sheet_lang_line(sh);
	sh->y -= 4;
}

/* A short text field: "Heading: value" on one line when it fits, else the
 * heading above a paragraph. */
static void pdf_sheet_text_field(sheet *sh, const char *heading, const char *text)
{
	char *label = xasprintf("%s: ", heading);
	double lw = pdf_sheet_width(sh, BOLD, SIZE_BODY, label);
	char **lines;
	size_t n = pdf_sheet_wrap(sh, text, WIDTH - lw, REGULAR, SIZE_BODY, &lines);
	pdf_sheet_lines_free(lines, n);
	if (n == 1 && !strchr(text, '\n')) {
		pdf_sheet_gap(sh, GAP_FIELD);
		pdf_sheet_paragraph(sh, text, LEFT + lw, WIDTH - lw, REGULAR, SIZE_BODY, ALIGN_LEFT,
		                    label, BOLD, LEFT);
	} else {
		pdf_sheet_heading(sh, heading, pdf_sheet_two_lines());
		pdf_sheet_plain(sh, text, LEFT, WIDTH, REGULAR, SIZE_BODY);
	}
	free(label);
}

static bool pdf_sheet_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A sub-item inside a list ("- Trường hợp …", "+ …"): indented, not numbered. */
static bool pdf_sheet_is_subitem(const char *s)
{
	return pdf_sheet_starts_with(s, "-") || pdf_sheet_starts_with(s, "+") ||
	       pdf_sheet_starts_with(s, "*") || pdf_sheet_starts_with(s, "•") ||
	       pdf_sheet_starts_with(s, "–");
}

/* "text" or "text – extra": the second part of a list line is kept, never lost. */
static char *pdf_sheet_item_text(const item *it, const char *sep)
{
	if (str_empty(it->extra))
		return xstrdup(it->text ? it->text : "");
	return xasprintf("%s%s%s", it->text ? it->text : "", sep, it->extra);
}

/* Steps: "Bước 1.", "Bước 2." in a hanging column, unless the catalogue text
 * already numbers them ("Bước 1: …"), which most published records do. */
static void pdf_sheet_steps(sheet *sh, const char *heading, const item_list *l)
{
	bool numbered = false;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].text && (pdf_sheet_starts_with(l->v[i].text, "Bước") ||
		                     pdf_sheet_starts_with(l->v[i].text, "BƯỚC") ||
		                     pdf_sheet_starts_with(l->v[i].text, "bước")))
			numbered = true;
	double label_w = numbered ? 0 : pdf_sheet_width(sh, BOLD, SIZE_BODY, "Bước 00. ");
	pdf_sheet_heading(sh, heading, pdf_sheet_two_lines());
	int num = 0;
	for (size_t i = 0; i < l->n; i++) {
		char *t = pdf_sheet_item_text(&l->v[i], " – ");
		if (i)
			pdf_sheet_gap(sh, GAP_ITEM);
		if (pdf_sheet_is_subitem(t)) {
			pdf_sheet_plain(sh, t, LEFT + label_w + 10, WIDTH - label_w - 10, REGULAR,
			                SIZE_BODY);
		} else if (numbered) {
			pdf_sheet_plain(sh, t, LEFT, WIDTH, REGULAR, SIZE_BODY);
		} else {
			char label[32];
			snprintf(label, sizeof label, "Bước %d.", ++num);
			pdf_sheet_paragraph(sh, t, LEFT + label_w, WIDTH - label_w, REGULAR,
			                    SIZE_BODY, ALIGN_LEFT, label, BOLD, LEFT);
		}
		free(t);
	}
}

/* A bulleted or numbered list; `number` gives "1.", "2." labels. An item's
 * second part follows its text after sep, or in parentheses when
 * extra_in_parens, or is left out when neither (a form's file name). */
static void pdf_sheet_list(sheet *sh, const char *heading, const item_list *l, bool number,
                           const char *sep, bool extra_in_parens)
{
	pdf_sheet_heading(sh, heading, pdf_sheet_two_lines());
	double label_w = number ? pdf_sheet_width(sh, BOLD, SIZE_BODY, "00. ")
	                        : pdf_sheet_width(sh, REGULAR, SIZE_BODY, "•  ");
	for (size_t i = 0; i < l->n; i++) {
		const item *it = &l->v[i];
		char *t;
		/* A legal text's code is shown after its name unless the name already has it. */
		if (!sep && !extra_in_parens)
			t = xstrdup(it->text ? it->text : "");
		else if (extra_in_parens && !str_empty(it->extra) && !strstr(it->text, it->extra))
			t = xasprintf("%s (%s)", it->text, it->extra);
		else if (extra_in_parens)
			t = xstrdup(it->text);
		else
			t = pdf_sheet_item_text(it, sep);
		char label[32];
		if (number)
			snprintf(label, sizeof label, "%zu.", i + 1);
		else
			snprintf(label, sizeof label, "•");
		if (i)
			pdf_sheet_gap(sh, GAP_ITEM);
		pdf_sheet_paragraph(sh, t, LEFT + label_w, WIDTH - label_w, REGULAR, SIZE_BODY,
		                    ALIGN_LEFT, label, number ? BOLD : REGULAR, LEFT);
		free(t);
	}
}

/* Channels: the channel in bold, its description under it. */
static void pdf_sheet_channels(sheet *sh, const char *heading, const item_list *l)
{
	pdf_sheet_heading(sh, heading, pdf_sheet_two_lines());
	double indent = pdf_sheet_width(sh, REGULAR, SIZE_BODY, "•  ");
	for (size_t i = 0; i < l->n; i++) {
		const item *it = &l->v[i];
		if (i)
			pdf_sheet_gap(sh, GAP_ITEM);
		if (!str_empty(it->extra))
			pdf_sheet_need(sh, pdf_sheet_lh(SIZE_BODY) + pdf_sheet_two_lines());
		pdf_sheet_paragraph(sh, it->text ? it->text : "", LEFT + indent, WIDTH - indent,
		                    BOLD, SIZE_BODY, ALIGN_LEFT, "•", REGULAR, LEFT);
		if (!str_empty(it->extra))
			pdf_sheet_plain(sh, it->extra, LEFT + indent, WIDTH - indent, REGULAR,
			                SIZE_BODY);
	}
}

/* --- the documents table ------------------------------------------------- */

#define TABLE_COLS 3

typedef struct table {
	int cols;                 /* 2, or 3 when some document has a form */
	double x[TABLE_COLS + 1]; /* column edges */
	const char *head[TABLE_COLS];
	double head_h;
} table;

typedef struct table_row {
	char **cell[TABLE_COLS];
	size_t n[TABLE_COLS];
	size_t lines; /* the tallest cell */
	bool span;    /* one cell across the table (a section line) */
	int font;
} table_row;

static void pdf_sheet_row_wrap(sheet *sh, const table *t, table_row *r, const char *const *texts,
                               bool span, int font)
{
	memset(r, 0, sizeof *r);
	r->span = span;
	r->font = font;
	for (int c = 0; c < (span ? 1 : t->cols); c++) {
		double w = (span ? t->x[t->cols] : t->x[c + 1]) - t->x[c] - 2 * CELL_PAD_X -
		           (span || c + 1 == t->cols ? 0 : CELL_GUTTER);
		r->n[c] =
		    pdf_sheet_wrap(sh, texts[c] ? texts[c] : "", w, font, SIZE_BODY, &r->cell[c]);
		if (r->n[c] > r->lines)
			r->lines = r->n[c];
	}
	if (!r->lines)
		r->lines = 1;
}

static void pdf_sheet_row_free(table_row *r)
{
	for (int c = 0; c < TABLE_COLS; c++)
		pdf_sheet_lines_free(r->cell[c], r->n[c]);
}

static double pdf_sheet_row_h(size_t lines)
{
	return 2 * CELL_PAD_Y + (double)lines * pdf_sheet_lh(SIZE_BODY);
}

/* Draws lines [from, from + k) of row r at the cursor, ruled all round. */
static void pdf_sheet_row_slice(sheet *sh, const table *t, const table_row *r, size_t from,
                                size_t k, double fill)
{
	double h = pdf_sheet_row_h(k), top = sh->y, bot = top - h;
	double x0 = t->x[0], x1 = t->x[t->cols];
	if (fill < 1)
		pdf_sheet_rect_op(sh, x0, bot, x1 - x0, h, fill);
	double lh = pdf_sheet_lh(SIZE_BODY);
	for (int c = 0; c < (r->span ? 1 : t->cols); c++)
		for (size_t i = from; i < from + k && i < r->n[c]; i++)
			pdf_sheet_text_op(
			    sh, r->font, SIZE_BODY, t->x[c] + CELL_PAD_X,
			    pdf_sheet_baseline(
			        sh, r->font, top - CELL_PAD_Y - (double)(i - from) * lh, SIZE_BODY),
			    r->cell[c][i]);
	pdf_sheet_line_op(sh, x0, top, x1, top, RULE);
	pdf_sheet_line_op(sh, x0, bot, x1, bot, RULE);
	pdf_sheet_line_op(sh, x0, top, x0, bot, RULE);
	pdf_sheet_line_op(sh, x1, top, x1, bot, RULE);
	if (!r->span)
		for (int c = 1; c < t->cols; c++)
			pdf_sheet_line_op(sh, t->x[c], top, t->x[c], bot, RULE);
	sh->y = bot;
}

static void pdf_sheet_table_head(sheet *sh, const table *t)
{
	table_row r;
	pdf_sheet_row_wrap(sh, t, &r, t->head, false, BOLD);
	pdf_sheet_row_slice(sh, t, &r, 0, r.lines, 0.88);
	pdf_sheet_row_free(&r);
}

/* The height that must fit under the cursor before row i is started: the
 * whole row when it is short enough to move whole (ROW_KEEP_LINES), else its
 * first ROW_MIN_PART lines; and for a section line, also that of the row after it,
 * so that it never ends a page. */
static double pdf_sheet_row_keep(const table_row *rows, size_t n, size_t i)
{
	size_t lines = rows[i].lines <= ROW_KEEP_LINES ? rows[i].lines : ROW_MIN_PART;
	double h = pdf_sheet_row_h(lines);
	if (rows[i].span && i + 1 < n && !rows[i + 1].span)
		h += pdf_sheet_row_keep(rows, n, i + 1);
	return h;
}

/* The table continues on a new page, under its header row again. */
static void pdf_sheet_table_break(sheet *sh, const table *t)
{
	pdf_sheet_new_page(sh);
	pdf_sheet_table_head(sh, t);
}

/* The form column of a document: "Mẫu số k" for each form of the procedure
 * whose name the document's text contains (the forms are listed, numbered,
 * in the next field); NULL when none. */
static char *pdf_sheet_doc_forms(const procedure *p, const char *doc)
{
	if (!p->forms.n || str_empty(doc))
		return NULL;
	char *fdoc = text_fold(doc);
	char *out = NULL;
	for (size_t i = 0; i < p->forms.n; i++) {
		char *fname = text_fold(p->forms.v[i].text);
		if (*fname && strstr(fdoc, fname)) {
			char *next =
			    xasprintf("%s%sMẫu số %zu", out ? out : "", out ? ", " : "", i + 1);
			free(out);
			out = next;
		}
		free(fname);
	}
	free(fdoc);
	return out;
}

/* Documents as a ruled table (name, quantity, and the form when any document
 * has one) that continues across pages with its header row repeated. A line
 * without a quantity is a section line ("* Giấy tờ phải nộp:"): it spans the
 * row and stays with the row after it. A tall row is split between pages
 * (see ROW_KEEP_LINES). */
static void pdf_sheet_documents(sheet *sh, const procedure_field_def *def, const char *heading,
                                const item_list *l)
{
	const procedure_field_def *forms = procedure_fields_def(PROCEDURE_FIELD_FORMS);
	table t = {.cols = 2,
	           .head = {def->text_heading_vi, def->extra_heading_vi, forms->heading_vi}};
	char **form = xcalloc(l->n, sizeof *form);
	for (size_t i = 0; i < l->n; i++) {
		if (!str_empty(l->v[i].extra))
			form[i] = pdf_sheet_doc_forms(sh->p, l->v[i].text);
		if (form[i])
			t.cols = 3;
	}
	/* The narrow columns are as wide as their headings (and "01 bản chính"),
	 * the document name takes the rest. */
	double pad = 2 * CELL_PAD_X + 1 + CELL_GUTTER;
	double qty_w = fmax(pdf_sheet_width(sh, BOLD, SIZE_BODY, t.head[1]),
	                    pdf_sheet_width(sh, REGULAR, SIZE_BODY, "01 bản chính")) +
	               pad;
	double form_w = fmax(pdf_sheet_width(sh, BOLD, SIZE_BODY, t.head[2]),
	                     pdf_sheet_width(sh, REGULAR, SIZE_BODY, "Mẫu số 10")) +
	                pad;
	/* The outer rules' centres half a rule inside, so their ink is too. */
	t.x[0] = LEFT + RULE / 2;
	t.x[t.cols] = RIGHT - RULE / 2;
	if (t.cols == 3)
		t.x[2] = RIGHT - fmin(form_w, WIDTH / 4);
	t.x[1] = (t.cols == 3 ? t.x[2] : RIGHT) - fmin(qty_w, WIDTH / 4);
	table_row head;
	pdf_sheet_row_wrap(sh, &t, &head, t.head, false, BOLD);
	t.head_h = pdf_sheet_row_h(head.lines);
	pdf_sheet_row_free(&head);

	table_row *rows = xcalloc(l->n, sizeof *rows);
	for (size_t i = 0; i < l->n; i++) {
		const item *it = &l->v[i];
		bool span = str_empty(it->extra);
		const char *texts[TABLE_COLS] = {it->text, it->extra, form[i]};
		pdf_sheet_row_wrap(sh, &t, &rows[i], texts, span, span ? BOLD : REGULAR);
	}
	pdf_sheet_heading(sh, heading, t.head_h + pdf_sheet_row_keep(rows, l->n, 0));
	pdf_sheet_table_head(sh, &t);
	double lh = pdf_sheet_lh(SIZE_BODY);
	bool fresh = true; /* only the header row is on this page so far */
	for (size_t i = 0; i < l->n; i++) {
		const table_row *r = &rows[i];
		if (!fresh && sh->y - pdf_sheet_row_keep(rows, l->n, i) < sh->bottom - 1e-6) {
			pdf_sheet_table_break(sh, &t);
			fresh = true;
		}
		for (size_t from = 0; from < r->lines;) {
			size_t left = r->lines - from;
			double avail = sh->y - sh->bottom - 2 * CELL_PAD_Y;
			size_t k = avail > 0 ? (size_t)floor(avail / lh + 1e-9) : 0;
			size_t take = left;
			if (k < left) /* a tall row: split, never leaving a line or two alone */
				take = left > ROW_MIN_PART && k > left - ROW_MIN_PART
				           ? left - ROW_MIN_PART
				           : k;
			if (take == 0)
				take =
				    1; /* cannot happen on A4; a fresh page always makes progress */
			pdf_sheet_row_slice(sh, &t, r, from, take, r->span ? 0.95 : 1);
			fresh = false;
			from += take;
			if (from < r->lines) {
				pdf_sheet_table_break(sh, &t);
				fresh = true;
			}
		}
	}
	for (size_t i = 0; i < l->n; i++) {
		pdf_sheet_row_free(&rows[i]);
		free(form[i]);
	}
	free(rows);
	free(form);
	/* Air under the table, so the next field does not read as its last row
	 * (by eye, and by text extraction, which would put the field between
	 * the last row's columns). */
	pdf_sheet_gap(sh, GAP_FIELD);
}

/* --- QR code and FAQ ----------------------------------------------------- */

/* The online-service address with its QR code on the left; the code's
 * dark modules are merged into horizontal runs, one rectangle each. */
/* The dark modules of q as filled rectangles, one per horizontal run, with
 * the quiet zone: the code's top left corner at (x, top), m points a module. */
static void pdf_sheet_qr_ops(sheet *sh, const qr_code *q, double x, double top, double m)
{
	for (int row = 0; row < q->size; row++) {
		for (int col = 0; col < q->size;) {
			if (!qr_dark(q, col, row)) {
				col++;
				continue;
			}
			int run = col;
			while (run < q->size && qr_dark(q, run, row))
				run++;
			pdf_sheet_rect_op(sh, x + (col + QR_QUIET_ZONE) * m,
			                  top - (row + QR_QUIET_ZONE + 1) * m, (run - col) * m, m, 0);
			col = run;
		}
	}
}

static void pdf_sheet_url(sheet *sh, const char *heading, const char *url)
{
	qr_code *q = qr_encode(url);
	if (!q) {
		pdf_sheet_text_field(sh, heading, url);
		return;
	}
	double m = QR_MIN_CODE / q->size; /* one module */
	double side = m * (q->size + 2 * QR_QUIET_ZONE);
	pdf_sheet_heading(sh, heading, side);
	pdf_sheet_need(sh, side);
	double top = sh->y;
	pdf_sheet_qr_ops(sh, q, LEFT, top, m);
	qr_free(q);
	double tx = LEFT + side + 8, tw = RIGHT - tx;
	sh->y = top - QR_QUIET_ZONE * m;
	pdf_sheet_plain(sh, url, tx, tw, REGULAR, SIZE_BODY);
	sh->y -= 3;
	pdf_sheet_plain(sh,
	                "Quét mã QR bằng điện thoại để mở trang nộp hồ sơ trực tuyến của thủ tục "
	                "này trên Cổng Dịch vụ công.",
	                tx, tw, REGULAR, SIZE_BODY - 1);
	sh->y = fmin(sh->y, top - side);
}

static void pdf_sheet_faqs(sheet *sh)
{
	const pdf_sheet_ctx *ctx = sh->ctx;
	if (!ctx->n_faqs)
		return;
	pdf_sheet_heading(sh, PROCEDURE_FIELDS_FAQ_HEADING_VI, 2 * pdf_sheet_two_lines());
	char *q_label = xasprintf("%s:", PROCEDURE_FIELDS_QUESTION_VI);
	char *a_label = xasprintf("%s:", PROCEDURE_FIELDS_ANSWER_VI);
	double lw = fmax(pdf_sheet_width(sh, BOLD, SIZE_BODY, q_label),
	                 pdf_sheet_width(sh, BOLD, SIZE_BODY, a_label)) +
	            5;
	for (size_t i = 0; i < ctx->n_faqs; i++) {
		const faq *f = &ctx->faqs[i];
		if (i)
			pdf_sheet_gap(sh, GAP_ITEM * 2);
		/* The question keeps with the start of its answer. */
		pdf_sheet_need(sh, pdf_sheet_lh(SIZE_BODY) + pdf_sheet_two_lines());
		pdf_sheet_paragraph(sh, f->question ? f->question : "", LEFT + lw, WIDTH - lw, BOLD,
		                    SIZE_BODY, ALIGN_LEFT, q_label, BOLD, LEFT);
		pdf_sheet_paragraph(sh, f->answer ? f->answer : "", LEFT + lw, WIDTH - lw, REGULAR,
		                    SIZE_BODY, ALIGN_LEFT, a_label, BOLD, LEFT);
	}
	free(q_label);
	free(a_label);
}

/* --- the footer ---------------------------------------------------------- */

/* The hotlines "Cơ quan: số; …" on at most two lines: as many whole entries as fit. */
static void pdf_sheet_footer_prepare(sheet *sh)
{
	const pdf_sheet_ctx *ctx = sh->ctx;
	char *text = NULL;
	for (size_t i = 0; i < ctx->n_hotlines; i++) {
		const hotline *h = &ctx->hotlines[i];
		if (str_empty(h->phone))
			continue;
		char *entry = str_empty(h->agency) ? xstrdup(h->phone)
		                                   : xasprintf("%s: %s", h->agency, h->phone);
		char *next = text ? xasprintf("%s; %s", text, entry)
		                  : xasprintf("Đường dây nóng: %s", entry);
		free(entry);
		char **lines;
		size_t n = pdf_sheet_wrap(sh, next, WIDTH, REGULAR, SIZE_FOOT, &lines);
		pdf_sheet_lines_free(lines, n);
		if (n > 2 && text) {
			free(next);
			break;
		}
		free(text);
		text = next;
	}
	if (text) {
		char **lines;
		size_t n = pdf_sheet_wrap(sh, text, WIDTH, REGULAR, SIZE_FOOT, &lines);
		for (size_t i = 0; i < n; i++) {
			if (i < 2)
				sh->hotline_lines[sh->n_hotline_lines++] = lines[i];
			else
				free(lines[i]);
		}
		free(lines);
		free(text);
	}
	/* A date known to be wrong is worse on an administrative paper than
	 * none: the line is left out (the space stays, the pages do not move). */
	sh->printed[0] = '\0';
	if (!ctx->clock_wrong) {
		struct tm tm;
		time_t t = ctx->printed_at;
		char when[32] = "";
		if (localtime_r(&t, &tm))
			strftime(when, sizeof when, "%d/%m/%Y %H:%M", &tm);
		snprintf(sh->printed, sizeof sh->printed, "In lúc %s", when);
	}
	/* The rule, the hotline lines and the print-time line, above the bottom margin. */
	double lh = pdf_sheet_lh(SIZE_FOOT);
	sh->bottom = BOTTOM + (double)(sh->n_hotline_lines + 1) * lh + 4 + 6;
}

/* --- the drawing pass ---------------------------------------------------- */

/* s in runs of one face each: calls run(sh, face, s + start, len, x, arg)
 * with x advanced by the runs before it (from x0, in points at size). */
typedef void (*pdf_sheet_run_fn)(sheet *sh, int face, const char *s, size_t len, double x,
                                 void *arg);

static void pdf_sheet_runs(sheet *sh, int font, double size, double x0, const char *s,
                           pdf_sheet_run_fn run, void *arg)
{
	size_t n = strlen(s), start = 0;
	int cur = -1;
	long before = 0, width = 0; /* thousandths of an em: before the run, in it */
	for (size_t i = 0; i < n;) {
		size_t at = i;
		uint32_t cp = pdf_sheet_next_cp(s, n, &i);
		int w;
		int fi = pdf_sheet_face_for(sh, font, cp, &w);
		if (fi != cur) {
			if (cur >= 0)
				run(sh, cur, s + start, at - start, x0 + (double)before * size / 1000.0,
				    arg);
			before += width;
			width = 0;
			cur = fi;
			start = at;
		}
		width += w;
	}
	if (cur >= 0)
		run(sh, cur, s + start, n - start, x0 + (double)before * size / 1000.0, arg);
}

/* The collecting pass: which characters each face draws. */
static void pdf_sheet_collect_run(sheet *sh, int fi, const char *s, size_t len, double x,
                                  void *arg)
{
	face *f = &sh->faces[fi];
	for (size_t i = 0; i < len;) {
		uint32_t cp = pdf_sheet_next_cp(s, len, &i);
		f->cps = xgrow(f->cps, &f->cap_cps, f->n_cps + 1, sizeof *f->cps);
		f->cps[f->n_cps++] = cp;
	}
}

typedef struct draw_run_ctx {
	HPDF_Page page;
	double size, y;
} draw_run_ctx;

static void pdf_sheet_draw_run(sheet *sh, int fi, const char *s, size_t len, double x,
                               void *arg)
{
	const draw_run_ctx *d = arg;
	char *t = xstrndup(s, len);
	HPDF_Page_SetFontAndSize(d->page, sh->faces[fi].hfont, (HPDF_REAL)d->size);
	HPDF_Page_TextOut(d->page, (HPDF_REAL)x, (HPDF_REAL)d->y, t);
	free(t);
}

static void pdf_sheet_draw_text(sheet *sh, HPDF_Page page, int font, double size, double x,
                                double y, const char *s)
{
	if (!page) {
		pdf_sheet_runs(sh, font, size, x, s, pdf_sheet_collect_run, NULL);
		return;
	}
	if (sh->ctx->trace)
		fprintf(sh->ctx->trace, "T %d %g %g %g %s\n", font, size, x, y, s);
	draw_run_ctx d = {page, size, y};
	HPDF_Page_BeginText(page);
	pdf_sheet_runs(sh, font, size, x, s, pdf_sheet_draw_run, &d);
	HPDF_Page_EndText(page);
}

/* A rule, traced for the benchmark's floor (pdf_sheet_ctx.trace). */
static void pdf_sheet_draw_line(sheet *sh, HPDF_Page page, double width, double x, double y,
                                double w, double h)
{
	if (sh->ctx->trace)
		fprintf(sh->ctx->trace, "L %g %g %g %g %g\n", width, x, y, w, h);
	HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
	HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
	HPDF_Page_LineTo(page, (HPDF_REAL)(x + w), (HPDF_REAL)(y + h));
	HPDF_Page_Stroke(page);
}

/* page NULL: only collects the characters (see pdf_sheet_draw). */
static void pdf_sheet_draw_footer(sheet *sh, HPDF_Page page, int n, int m)
{
	double lh = pdf_sheet_lh(SIZE_FOOT);
	double top = BOTTOM + (double)(sh->n_hotline_lines + 1) * lh + 4;
	if (page) {
		HPDF_Page_SetGrayStroke(page, 0.3);
		pdf_sheet_draw_line(sh, page, 0.5, LEFT, top, RIGHT - LEFT, 0);
	}
	double y = top - 3;
	for (size_t i = 0; i < sh->n_hotline_lines; i++) {
		pdf_sheet_draw_text(sh, page, REGULAR, SIZE_FOOT, LEFT,
		                    pdf_sheet_baseline(sh, REGULAR, y, SIZE_FOOT),
		                    sh->hotline_lines[i]);
		y -= lh;
	}
	double base = pdf_sheet_baseline(sh, REGULAR, y, SIZE_FOOT);
	if (sh->printed[0])
		pdf_sheet_draw_text(sh, page, REGULAR, SIZE_FOOT, LEFT, base, sh->printed);
	char pg[32];
	snprintf(pg, sizeof pg, "Trang %d/%d", n, m);
	pdf_sheet_draw_text(sh, page, BOLD, SIZE_FOOT,
	                    RIGHT - pdf_sheet_width(sh, BOLD, SIZE_FOOT, pg), base, pg);
}

/* Draws the pages; with collect, draws nothing but notes which characters
 * each face will draw (the fonts are subset to them before drawing). */
static void pdf_sheet_draw(sheet *sh, bool collect)
{
	int pages = sh->page + 1;
	size_t k = 0;
	for (int pg = 0; pg < pages; pg++) {
		HPDF_Page page = NULL;
		if (!collect) {
			page = HPDF_AddPage(sh->pdf);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
			if (sh->ctx->trace)
				fprintf(sh->ctx->trace, "P\n");
		}
		size_t first = k;
		/* Fills first, so the rules and text of a shaded row stay on top. */
		for (size_t i = first; page && i < sh->n_ops && sh->ops[i].page == pg; i++) {
			const op *o = &sh->ops[i];
			if (o->kind != OP_RECT)
				continue;
			if (sh->ctx->trace)
				fprintf(sh->ctx->trace, "R %g %g %g %g %g\n", o->gray, o->x, o->y,
				        o->w, o->h);
			HPDF_Page_SetGrayFill(page, (HPDF_REAL)o->gray);
			HPDF_Page_Rectangle(page, (HPDF_REAL)o->x, (HPDF_REAL)o->y, (HPDF_REAL)o->w,
			                    (HPDF_REAL)o->h);
			HPDF_Page_Fill(page);
		}
		if (page) {
			HPDF_Page_SetGrayStroke(page, 0);
			HPDF_Page_SetGrayFill(page, 0);
		}
		for (k = first; k < sh->n_ops && sh->ops[k].page == pg; k++) {
			const op *o = &sh->ops[k];
			if (o->kind == OP_LINE && page)
				pdf_sheet_draw_line(sh, page, o->size, o->x, o->y, o->w, o->h);
			else if (o->kind == OP_TEXT)
				pdf_sheet_draw_text(sh, page, o->font, o->size, o->x, o->y,
				                    o->text);
		}
		pdf_sheet_draw_footer(sh, page, pg + 1, pages);
	}
}

/* --- the one-page summary ------------------------------------------------ */

/* How hard the summary is squeezed: each level keeps fewer lines of every
 * part; the documents list is cut inside each level first. */
enum { SUMMARY_LEVELS = 3 };
static const int summary_doc_lines[SUMMARY_LEVELS] = {2, 2, 1};
static const int summary_fact_lines[SUMMARY_LEVELS] = {3, 2, 1};
static const int summary_name_lines[SUMMARY_LEVELS] = {3, 2, 2};

/* A copy of s on one line: line breaks and runs of spaces become one space. */
static char *pdf_sheet_one_line(const char *s)
{
	char *c = pdf_sheet_clean(s), *o = c;
	bool space = true; /* drops leading spaces */
	for (const char *q = c; *q; q++) {
		bool sp = *q == '\n' || *q == ' ';
		if (sp && space)
			continue;
		*o++ = sp ? ' ' : *q;
		space = sp;
	}
	while (o > c && o[-1] == ' ')
		o--;
	*o = 0;
	return c;
}

/* Wrapped lines of s, at most max of them: when s needs more, the last one
 * ends in "…" after the last whole word that fits with it. Returns the count. */
static size_t pdf_sheet_clip(sheet *sh, const char *s, double width, int font, double size,
                             size_t max, char ***out)
{
	char **lines;
	size_t n = pdf_sheet_wrap(sh, s, width, font, size, &lines);
	if (n <= max) {
		*out = lines;
		return n;
	}
	for (size_t i = max; i < n; i++)
		free(lines[i]);
	char *last = lines[max - 1];
	size_t len = strlen(last);
	for (;;) {
		/* No dangling punctuation or space before the ellipsis. */
		while (len && strchr(" ,;:.-–(", last[len - 1]))
			len--;
		char *t = xasprintf("%.*s…", (int)len, last);
		if (pdf_sheet_width(sh, font, size, t) <= width || !len) {
			free(last);
			lines[max - 1] = t;
			break;
		}
		free(t);
		/* Back to the previous space, else one character (a long word). */
		size_t cut = len;
		while (cut && last[cut - 1] != ' ')
			cut--;
		if (cut)
			len = cut - 1;
		else
			do
				len--;
			while (len && ((unsigned char)last[len] & 0xC0) == 0x80);
	}
	*out = lines;
	return max;
}

/* Lays out up to max lines of s in [x, x + width), with label drawn at
 * label_x on the first line. */
static void pdf_sheet_clipped(sheet *sh, const char *s, double x, double width, int font,
                              double size, size_t max, align al, const char *label, double label_x)
{
	char **lines;
	size_t n = pdf_sheet_clip(sh, s, width, font, size, max, &lines);
	double lh = pdf_sheet_lh(size);
	for (size_t i = 0; i < n; i++) {
		pdf_sheet_need(sh, lh);
		double base = pdf_sheet_baseline(sh, font, sh->y, size);
		double lx = x;
		if (al == ALIGN_CENTER)
			lx += (width - pdf_sheet_width(sh, font, size, lines[i])) / 2;
		if (i == 0 && label)
			pdf_sheet_text_op(sh, BOLD, size, label_x, base, label);
		pdf_sheet_text_op(sh, font, size, lx, base, lines[i]);
		sh->y -= lh;
	}
	pdf_sheet_lines_free(lines, n);
}

/* True when a quantity ("1 bản chính", "0 bản chính, 1 bản sao") asks
 * for at least one paper: a line with only zeros is a note, not a document. */
static bool pdf_sheet_quantity_nonzero(const char *q)
{
	for (const char *s = q; *s; s++)
		if (*s >= '1' && *s <= '9')
			return true;
	return false;
}

/* The documents a citizen brings, out of the catalogue's list: not the
 * section lines (no quantity), not the indented sub-items and not the
 * notes on special cases (quantity 0). When that leaves nothing, every
 * line that is not a section line or a sub-item. Fills idx (l->n slots);
 * returns the count, and in *notes how many other lines are not shown. */
static size_t pdf_sheet_summary_docs(const item_list *l, size_t *idx, size_t *notes)
{
	size_t n = 0;
	for (int pass = 0; pass < 2 && !n; pass++) {
		for (size_t i = 0; i < l->n; i++) {
			const item *it = &l->v[i];
			if (str_empty(it->extra) || str_empty(it->text) ||
			    pdf_sheet_is_subitem(it->text))
				continue;
			if (pass == 1 || pdf_sheet_quantity_nonzero(it->extra))
				idx[n++] = i;
		}
	}
	size_t other = 0;
	for (size_t i = 0; i < l->n; i++)
		if (!str_empty(l->v[i].extra) && !str_empty(l->v[i].text))
			other++;
	*notes = other - n;
	return n;
}

/* "Heading: value" with the labels in one column, the value cut to max lines. */
static void pdf_sheet_summary_fact(sheet *sh, const char *heading, const char *value,
                                   double label_w, size_t max)
{
	char *v = pdf_sheet_one_line(value);
	char *label = xasprintf("%s:", heading);
	pdf_sheet_gap(sh, GAP_ITEM * 2);
	pdf_sheet_clipped(sh, v, LEFT + label_w, WIDTH - label_w, REGULAR, SIZE_BODY, max,
	                  ALIGN_LEFT, label, LEFT);
	free(label);
	free(v);
}

/* The QR code of the full guide online with what it is for beside it; or,
 * without an address, where to ask. */
static void pdf_sheet_summary_qr(sheet *sh, const char *url, size_t max)
{
	pdf_sheet_heading(sh, "Hướng dẫn đầy đủ", pdf_sheet_two_lines());
	qr_code *q = str_empty(url) ? NULL : qr_encode(url);
	if (!q) {
		pdf_sheet_clipped(sh,
		                  "Hướng dẫn đầy đủ (trình tự, giấy tờ, căn cứ pháp lý) có tại bộ "
		                  "phận một cửa: xin hỏi cán bộ tại quầy, hoặc in bản đầy đủ tại "
		                  "kiosk.",
		                  LEFT, WIDTH, REGULAR, SIZE_BODY, 3, ALIGN_LEFT, NULL, 0);
		return;
	}
	double m = QR_MIN_CODE / q->size;
	double side = m * (q->size + 2 * QR_QUIET_ZONE);
	pdf_sheet_need(sh, side);
	double top = sh->y;
	pdf_sheet_qr_ops(sh, q, LEFT, top, m);
	qr_free(q);
	double tx = LEFT + side + 8, tw = RIGHT - tx;
	sh->y = top - QR_QUIET_ZONE * m;
	pdf_sheet_clipped(sh,
	                  "Quét mã QR bằng điện thoại để đọc hướng dẫn đầy đủ (trình tự, giấy "
	                  "tờ cho từng trường hợp, căn cứ pháp lý) và nộp hồ sơ trực tuyến trên "
	                  "Cổng Dịch vụ công. Bản đầy đủ cũng in được tại kiosk.",
	                  tx, tw, REGULAR, SIZE_BODY, max + 1, ALIGN_LEFT, NULL, 0);
	sh->y -= 3;
	pdf_sheet_clipped(sh, url, tx, tw, REGULAR, SIZE_BODY - 1.5, 2, ALIGN_LEFT, NULL, 0);
	sh->y = fmin(sh->y, top - side);
}

/* One attempt at the summary: at squeeze level `level`, with the first
 * `max_docs` documents. The caller checks that it stayed on one page. */
static void pdf_sheet_summary_try(sheet *sh, int level, size_t max_docs)
{
	const procedure *p = sh->p;
	sh->page = 0;
	sh->y = TOP;
	sh->page_empty = true;
	pdf_sheet_header_block(sh);
	pdf_sheet_repealed(sh);

	sh->y -= 18;
	pdf_sheet_paragraph(sh, "HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH", LEFT, WIDTH, BOLD,
	                    SIZE_TITLE, ALIGN_CENTER, NULL, REGULAR, 0);
	pdf_sheet_paragraph(sh, "(Bản tóm tắt một trang)", LEFT, WIDTH, REGULAR, SIZE_BODY,
	                    ALIGN_CENTER, NULL, REGULAR, 0);
	sh->y -= 4;
	char *name = pdf_sheet_one_line(p->name ? p->name : "");
	pdf_sheet_clipped(sh, name, LEFT + 20, WIDTH - 40, BOLD, SIZE_NAME,
	                  (size_t)summary_name_lines[level], ALIGN_CENTER, NULL, 0);
	free(name);
	pdf_sheet_name_mark(sh);
	sh->y -= 2;
	char *code = xasprintf("%s: %s", PROCEDURE_FIELDS_CODE_HEADING_VI, p->code ? p->code : "");
	pdf_sheet_paragraph(sh, code, LEFT, WIDTH, REGULAR, SIZE_BODY, ALIGN_CENTER, NULL, REGULAR,
	                    0);
	free(code);
	pdf_sheet_lang_line(sh);

	/* The documents: text on the left, the quantity on the right. */
	const item_list *l = &p->documents;
	size_t *idx = xcalloc(l->n ? l->n : 1, sizeof *idx);
	size_t notes = 0;
	size_t n = pdf_sheet_summary_docs(l, idx, &notes);
	if (pdf_sheet_vi(sh, PDF_SHEET_VI(PROCEDURE_FIELD_DOCUMENTS))) {
		char *h = xasprintf("Giấy tờ cần mang theo %s", pdf_sheet_mark(sh));
		pdf_sheet_heading(sh, h, pdf_sheet_two_lines());
		free(h);
	} else {
		pdf_sheet_heading(sh, "Giấy tờ cần mang theo", pdf_sheet_two_lines());
	}
	if (!n) {
		pdf_sheet_clipped(
		    sh, "Không có giấy tờ nào được ghi trong danh mục — xin hỏi cán bộ tại quầy.",
		    LEFT, WIDTH, REGULAR, SIZE_BODY, 2, ALIGN_LEFT, NULL, 0);
	} else {
		double bullet = pdf_sheet_width(sh, REGULAR, SIZE_BODY, "•  ");
		double qty_w = 0;
		for (size_t i = 0; i < n; i++)
			qty_w = fmax(qty_w,
			             pdf_sheet_width(sh, REGULAR, SIZE_BODY, l->v[idx[i]].extra));
		qty_w = fmin(qty_w, WIDTH / 4);
		double text_w = WIDTH - bullet - qty_w - 12;
		size_t shown = n < max_docs ? n : max_docs;
		for (size_t i = 0; i < shown; i++) {
			const item *it = &l->v[idx[i]];
			char *t = pdf_sheet_one_line(it->text);
			if (i)
				pdf_sheet_gap(sh, GAP_ITEM);
			double top = sh->y;
			pdf_sheet_clipped(sh, t, LEFT + bullet, text_w, REGULAR, SIZE_BODY,
			                  (size_t)summary_doc_lines[level], ALIGN_LEFT, NULL, 0);
			double bottom = sh->y;
			sh->y = top;
			pdf_sheet_text_op(sh, REGULAR, SIZE_BODY, LEFT,
			                  pdf_sheet_baseline(sh, REGULAR, top, SIZE_BODY), "•");
			pdf_sheet_clipped(sh, it->extra, RIGHT - qty_w, qty_w, REGULAR, SIZE_BODY,
			                  2, ALIGN_LEFT, NULL, 0);
			sh->y = fmin(sh->y, bottom);
			free(t);
		}
		if (shown < n) {
			char *more =
			    xasprintf("… và %zu giấy tờ khác — xem hướng dẫn đầy đủ", n - shown);
			pdf_sheet_gap(sh, GAP_ITEM);
			pdf_sheet_clipped(sh, more, LEFT + bullet, WIDTH - bullet, BOLD, SIZE_BODY,
			                  1, ALIGN_LEFT, NULL, 0);
			free(more);
		}
	}
	if (notes) {
		char *t =
		    xasprintf("Có thêm %zu ghi chú về giấy tờ cho từng trường hợp riêng — xem "
		              "hướng dẫn đầy đủ.",
		              notes);
		pdf_sheet_gap(sh, GAP_ITEM * 2);
		pdf_sheet_clipped(sh, t, LEFT, WIDTH, REGULAR, SIZE_BODY - 1, 2, ALIGN_LEFT, NULL,
		                  0);
		free(t);
	}
	free(idx);

	/* Deadline, fees, where to file, in one column of labels (each with
	 * the mark on a translated sheet when its text is still Vietnamese). */
	char *deadline = pdf_sheet_field_heading(sh, procedure_fields_def(PROCEDURE_FIELD_DEADLINE)),
	     *fees = pdf_sheet_field_heading(sh, procedure_fields_def(PROCEDURE_FIELD_FEES)),
	     *agency = pdf_sheet_field_heading(sh, procedure_fields_def(PROCEDURE_FIELD_AGENCY)),
	     *channels = pdf_sheet_field_heading(sh, procedure_fields_def(PROCEDURE_FIELD_CHANNELS)),
	     *lvl = pdf_sheet_field_heading(sh, procedure_fields_def(PROCEDURE_FIELD_LEVEL)),
	     *addr = pdf_sheet_field_heading(sh, procedure_fields_def(PROCEDURE_FIELD_ADDRESS));
	pdf_sheet_heading(sh, "Thời hạn, phí và nơi nộp", pdf_sheet_two_lines());
	double label_w = 0;
	const char *labels[] = {deadline, fees, agency, channels, "Nơi nộp hồ sơ", lvl, addr};
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		char *t = xasprintf("%s: ", labels[i]);
		label_w = fmax(label_w, pdf_sheet_width(sh, BOLD, SIZE_BODY, t));
		free(t);
	}
	/* However long a translator's mark, the values keep half the width. */
	label_w = fmin(label_w, WIDTH / 2);
	size_t fact = (size_t)summary_fact_lines[level];
	if (!str_empty(p->level))
		pdf_sheet_summary_fact(sh, lvl, p->level, label_w, 1);
	if (!str_empty(p->deadline))
		pdf_sheet_summary_fact(sh, deadline, p->deadline, label_w, fact);
	if (!str_empty(p->fees))
		pdf_sheet_summary_fact(sh, fees, p->fees, label_w, fact);
	if (!str_empty(p->agency))
		pdf_sheet_summary_fact(sh, agency, p->agency, label_w, fact < 2 ? fact : 2);
	if (!str_empty(p->address))
		pdf_sheet_summary_fact(sh, addr, p->address, label_w, fact < 2 ? fact : 2);
	/* The ways to file, by name; their descriptions repeat the deadline and fees. */
	char *ways = NULL;
	for (size_t i = 0; i < p->channels.n; i++) {
		const char *c = p->channels.v[i].text;
		if (str_empty(c))
			continue;
		char *next = ways ? xasprintf("%s; %s", ways, c) : xstrdup(c);
		free(ways);
		ways = next;
	}
	if (ways)
		pdf_sheet_summary_fact(sh, channels, ways, label_w, fact < 2 ? fact : 2);
	else if (str_empty(p->agency) && str_empty(p->address))
		pdf_sheet_summary_fact(sh, "Nơi nộp hồ sơ",
		                       "bộ phận một cửa — xin hỏi cán bộ tại quầy.", label_w, 2);
	free(ways);
	free(deadline);
	free(fees);
	free(agency);
	free(channels);
	free(lvl);
	free(addr);

	pdf_sheet_summary_qr(sh, p->url, fact);
}

static void pdf_sheet_ops_clear(sheet *sh)
{
	for (size_t i = 0; i < sh->n_ops; i++)
		free(sh->ops[i].text);
	sh->n_ops = 0;
}

/* The summary on one page: every document first, then fewer, then each
 * squeeze level in turn, until it fits. Whatever still does not fit at the
 * last level with no document is cut off: the page count is 1, always. */
static void pdf_sheet_summary_layout(sheet *sh)
{
	size_t idx_n = sh->p->documents.n, notes;
	size_t *idx = xcalloc(idx_n ? idx_n : 1, sizeof *idx);
	size_t n = pdf_sheet_summary_docs(&sh->p->documents, idx, &notes);
	free(idx);
	for (int level = 0; level < SUMMARY_LEVELS; level++) {
		for (size_t k = n + 1; k-- > 0;) {
			pdf_sheet_ops_clear(sh);
			pdf_sheet_summary_try(sh, level, k);
			if (sh->page == 0)
				return;
		}
	}
	/* Cannot happen with A4 and the clipped parts above, but a page is a page. */
	size_t keep = 0;
	for (size_t i = 0; i < sh->n_ops; i++) {
		if (sh->ops[i].page == 0)
			sh->ops[keep++] = sh->ops[i];
		else
			free(sh->ops[i].text);
	}
	sh->n_ops = keep;
	sh->page = 0;
}

/* --- putting it together ------------------------------------------------- */

static void pdf_sheet_layout(sheet *sh)
{
	const procedure *p = sh->p;
	sh->page = 0;
	sh->y = TOP;
	sh->page_empty = true;
	pdf_sheet_header_block(sh);
	pdf_sheet_title(sh);

	procedure_fields_iter it;
	procedure_field f;
	procedure_fields_begin(&it, p);
	while (procedure_fields_next(&it, &f)) {
		const procedure_field_def *d = f.def;
		char *h = pdf_sheet_field_heading(sh, d);
		switch (d->id) {
		case PROCEDURE_FIELD_STEPS:
			pdf_sheet_steps(sh, h, f.items);
			break;
		case PROCEDURE_FIELD_DOCUMENTS:
			pdf_sheet_documents(sh, d, h, f.items);
			break;
		case PROCEDURE_FIELD_CHANNELS:
			pdf_sheet_channels(sh, h, f.items);
			break;
		case PROCEDURE_FIELD_FORMS:
			/* Numbered, as the documents table refers to "Mẫu số k";
			 * the file name inside the bundle means nothing on paper. */
			pdf_sheet_list(sh, h, f.items, true, NULL, false);
			break;
		case PROCEDURE_FIELD_LEGAL:
			pdf_sheet_list(sh, h, f.items, false, NULL, true);
			break;
		case PROCEDURE_FIELD_URL:
			pdf_sheet_url(sh, h, f.text);
			break;
		default:
			if (d->kind == PROCEDURE_FIELD_TEXT)
				pdf_sheet_text_field(sh, h, f.text);
			else
				pdf_sheet_list(sh, h, f.items,
				               d->kind == PROCEDURE_FIELD_NUMBERED, " – ", false);
			break;
		}
		free(h);
	}
	pdf_sheet_faqs(sh);
}

static int pdf_sheet_cmp_cp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* MOTCUA_PDF_SUBSET=0 embeds the whole fonts (libharu keeps only the
 * glyphs' outlines, not the tables), as before subsetting: the tests compare
 * the two sheets. */
static bool pdf_sheet_subset_wanted(void)
{
	const char *e = getenv("MOTCUA_PDF_SUBSET");
	return !e || strcmp(e, "0") != 0;
}

static bool pdf_sheet_write_all(int fd, const unsigned char *data, size_t len)
{
	while (len) {
		ssize_t k = write(fd, data, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		data += k;
		len -= (size_t)k;
	}
	return true;
}

/* Loads face f into the document: HarfBuzz's subset of it to the characters
 * it draws, handed to libharu as a file (libharu 2.3 reads fonts only from
 * files): an anonymous memory file (memfd), or where /proc is not mounted a
 * temporary file removed as soon as libharu has opened it. The whole font
 * when subsetting is off or HarfBuzz cannot subset it. False when libharu
 * cannot load it. */
static bool pdf_sheet_load_face(sheet *sh, face *f, bool subset)
{
	const char *path = pdf_font_path(f->f);
	unsigned char *data = NULL;
	size_t len = 0;
	int fd = -1;
	char proc[64];
	char *tmp = NULL;
	qsort(f->cps, f->n_cps, sizeof *f->cps, pdf_sheet_cmp_cp);
	if (subset && pdf_font_subset(f->f, f->cps, f->n_cps, &data, &len) == 0) {
		fd = memfd_create("motcua-font", MFD_CLOEXEC);
		if (fd >= 0) {
			snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
			if (pdf_sheet_write_all(fd, data, len) && access(proc, R_OK) == 0)
				path = proc;
		}
		if (path != proc) {
			if (fd >= 0)
				close(fd);
			const char *dir = getenv("TMPDIR");
			tmp = xasprintf("%s/motcua-font-XXXXXX", dir && *dir ? dir : "/tmp");
			fd = mkstemp(tmp);
			if (fd >= 0 && pdf_sheet_write_all(fd, data, len))
				path = tmp;
		}
	}
	f->hfont = pdf_ttf_font(sh->pdf, path);
	if (tmp && fd >= 0)
		unlink(tmp);
	if (fd >= 0)
		close(fd);
	free(tmp);
	free(data);
	return f->hfont != NULL;
}

static int pdf_sheet_fail(char **err, int rc, char *msg)
{
	if (err)
		*err = msg;
	else
		free(msg);
	return rc;
}

int pdf_sheet_write(const procedure *p, const pdf_sheet_ctx *ctx, const char *path, char **err)
{
	assert(p && ctx && path);
	if (err)
		*err = NULL;
	const char *dir = ctx->font_dir ? ctx->font_dir : pdf_sheet_font_dir();
	static const char *const files[2] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"};
	char *font_path[2];
	for (int i = 0; i < 2; i++) {
		font_path[i] = xasprintf("%s/%s", dir, files[i]);
		if (access(font_path[i], R_OK) != 0) {
			char *msg = xasprintf(_("cannot read the font %s"), font_path[i]);
			free(font_path[0]);
			if (i)
				free(font_path[1]);
			return pdf_sheet_fail(err, -ENOENT, msg);
		}
	}

	sheet sh = {.p = p, .ctx = ctx};
	int rc = 0;
	char *msg = NULL;
	sh.pdf = HPDF_New(pdf_sheet_on_error, &sh);
	if (!sh.pdf) {
		rc = -ENOMEM;
		msg = xstrdup(_("the PDF library could not start"));
		goto end;
	}
	HPDF_SetCompressionMode(sh.pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(sh.pdf);
	HPDF_SetCurrentEncoder(sh.pdf, "UTF-8");
	for (int i = 0; i < 2; i++) {
		pdf_font *f = pdf_font_get(font_path[i]);
		if (!f) {
			rc = -EINVAL;
			msg = xasprintf(_("cannot load the font %s"), font_path[i]);
			goto end;
		}
		pdf_sheet_face_index(&sh, f);
		sh.ascent[i] = pdf_font_ascent(f) / 1000.0;
	}
	HPDF_SetInfoAttr(sh.pdf, HPDF_INFO_CREATOR, "motcua");
	if (p->code)
		HPDF_SetInfoAttr(sh.pdf, HPDF_INFO_SUBJECT, p->code);

	pdf_sheet_footer_prepare(&sh);
	if (ctx->summary)
		pdf_sheet_summary_layout(&sh);
	else
		pdf_sheet_layout(&sh);
	/* The summary is one page, whatever the catalogue holds. */
	assert(!ctx->summary || sh.page == 0);
	/* Only now is every character known: each face is subset to its own. */
	pdf_sheet_draw(&sh, true);
	bool subset = pdf_sheet_subset_wanted();
	for (size_t i = 0; i < sh.n_faces && !sh.error; i++) {
		if (sh.faces[i].n_cps && !pdf_sheet_load_face(&sh, &sh.faces[i], subset) &&
		    !sh.error) {
			rc = -EINVAL;
			msg = xasprintf(_("cannot load the font %s"), pdf_font_path(sh.faces[i].f));
			goto end;
		}
	}
	if (!sh.error)
		pdf_sheet_draw(&sh, false);
	if (sh.error) {
		rc = -EINVAL;
		msg = xasprintf(_("the PDF library failed (error 0x%04X, detail %u)"),
		                (unsigned)sh.error, (unsigned)sh.error_detail);
		goto end;
	}
	if (HPDF_SaveToFile(sh.pdf, path) != HPDF_OK) {
		rc = -EIO;
		msg = xasprintf(_("cannot write the sheet to %s"), path);
		unlink(path);
	}
end:
	if (sh.pdf)
		HPDF_Free(sh.pdf);
	for (size_t i = 0; i < sh.n_ops; i++)
		free(sh.ops[i].text);
	free(sh.ops);
	for (size_t i = 0; i < sh.n_faces; i++)
		free(sh.faces[i].cps);
	free(sh.faces);
	for (size_t i = 0; i < sh.n_hotline_lines; i++)
		free(sh.hotline_lines[i]);
	free(font_path[0]);
	free(font_path[1]);
	if (rc)
		return pdf_sheet_fail(err, rc, msg);
	return 0;
}
