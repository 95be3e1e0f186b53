/* pdf_report — see pdf_report.h. libharu is used only in the pdf_ modules.
 *
 * One pass: text and shapes go straight onto the page in hand; a new page
 * is started when the next block does not fit. Pages are kept, so the
 * footer "Trang N/M" is added to each once the count is known. Every
 * coordinate is in PDF points with the origin at the bottom left; `y` is
 * the top of the free space. */
#include "pdf_report.h"

#include <assert.h>
#include <errno.h>
#include <hpdf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "pdf_sheet.h"
#include "pdf_ttf.h"
#include "text.h"
#include "xalloc.h"

#define MM (72.0 / 25.4)
#define PAGE_W 595.276
#define PAGE_H 841.89
#define MARGIN (20 * MM)
#define LEFT MARGIN
#define RIGHT (PAGE_W - MARGIN)
#define TOP (PAGE_H - MARGIN)
#define BOTTOM (MARGIN + 24) /* the footer is below */
#define WIDTH (RIGHT - LEFT)
#define LEADING 1.4 /* Noto's ascent + descent is 1.36 em */

#define SIZE_BODY 10.5
#define SIZE_SMALL 9.0
#define SIZE_HEADING 12.0
#define SIZE_TITLE 15.0
#define SIZE_FOOT 8.0

#define BAR_H 11.0
#define LABEL_W (62 * MM) /* a chart's labels, left of the bars */
#define TOP_N 20          /* procedures and failed searches listed */

enum { REGULAR, BOLD };
typedef enum align { ALIGN_LEFT, ALIGN_RIGHT } align;

typedef struct rp {
	const report *r;
	HPDF_Doc pdf;
	HPDF_Font font[2];
	double ascent[2];
	HPDF_STATUS error, error_detail;
	HPDF_Page *pages;
	size_t n_pages;
	HPDF_Page page;
	double y;
	int section;
} rp;

static void HPDF_STDCALL on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	rp *p = data;
	if (!p->error) {
		p->error = error;
		p->error_detail = detail;
	}
}

typedef struct measure_ctx {
	HPDF_Font font;
	double size;
} measure_ctx;

static double measure_cb(void *c, const char *s, size_t n)
{
	const measure_ctx *m = c;
	if (!n)
		return 0;
	HPDF_TextWidth tw = HPDF_Font_TextWidth(m->font, (const HPDF_BYTE *)s, (HPDF_UINT)n);
	return tw.width * m->size / 1000.0;
}

static double width(rp *p, int font, double size, const char *s)
{
	measure_ctx m = {p->font[font], size};
	return measure_cb(&m, s, strlen(s));
}

static double lh(double size) { return size * LEADING; }

static void new_page(rp *p)
{
	p->page = HPDF_AddPage(p->pdf);
	HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	p->pages = xrealloc(p->pages, (p->n_pages + 1) * sizeof *p->pages);
	p->pages[p->n_pages++] = p->page;
	p->y = TOP;
}

static void need(rp *p, double h)
{
	if (p->y - h < BOTTOM)
		new_page(p);
}

/* One line of text whose line box starts at top. */
static void text_at(rp *p, int font, double size, double x, double top, const char *s)
{
	/* the font has no glyph for a tab or a line break */
	char *c = xstrdup(s ? s : "");
	for (char *q = c; *q; q++)
		if (*q == '\t' || *q == '\r' || *q == '\n')
			*q = ' ';
	HPDF_Page_BeginText(p->page);
	HPDF_Page_SetFontAndSize(p->page, p->font[font], (HPDF_REAL)size);
	HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)(top - p->ascent[font] * size), c);
	HPDF_Page_EndText(p->page);
	free(c);
}

static void text_aligned(rp *p, int font, double size, double x, double w, double top, align a,
                         const char *s)
{
	text_at(p, font, size, a == ALIGN_RIGHT ? x + w - width(p, font, size, s) : x, top, s);
}

/* Wrapped lines of s, as strings; returns the count (at least 1). */
static size_t wrap(rp *p, const char *s, double w, int font, double size, char ***out)
{
	measure_ctx m = {p->font[font], size};
	text_line *lines = NULL;
	const char *t = s ? s : "";
	size_t n = text_wrap(t, w, measure_cb, &m, &lines);
	char **v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = xstrndup(t + lines[i].start, lines[i].len);
	if (!n)
		v[n++] = xstrdup("");
	free(lines);
	*out = v;
	return n;
}

static void lines_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* A wrapped paragraph from y down, over pages when it must. */
static void para(rp *p, const char *s, double x, double w, int font, double size, bool centre)
{
	char **v;
	size_t n = wrap(p, s, w, font, size, &v);
	for (size_t i = 0; i < n; i++) {
		need(p, lh(size));
		double lx = centre ? x + (w - width(p, font, size, v[i])) / 2 : x;
		text_at(p, font, size, lx, p->y, v[i]);
		p->y -= lh(size);
	}
	lines_free(v, n);
}

static void fill_rect(rp *p, double x, double y, double w, double h, double r, double g, double b)
{
	HPDF_Page_SetRGBFill(p->page, (HPDF_REAL)r, (HPDF_REAL)g, (HPDF_REAL)b);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
	HPDF_Page_Fill(p->page);
	HPDF_Page_SetRGBFill(p->page, 0, 0, 0);
}

static void rule(rp *p, double x1, double x2, double y, double w)
{
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)w);
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)y);
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x2, (HPDF_REAL)y);
	HPDF_Page_Stroke(p->page);
}

/* "N. Title", kept with at least `keep` points of what follows. */
static void heading(rp *p, const char *title, double keep)
{
	p->y -= 8;
	need(p, lh(SIZE_HEADING) + keep);
	char *t = xasprintf("%d. %s", ++p->section, title);
	text_at(p, BOLD, SIZE_HEADING, LEFT, p->y, t);
	free(t);
	p->y -= lh(SIZE_HEADING) + 2;
}

/* A figure: label on the left, the value at the right edge. */
static void figure(rp *p, const char *label, const char *value, bool bold, double indent)
{
	need(p, lh(SIZE_BODY));
	text_at(p, bold ? BOLD : REGULAR, SIZE_BODY, LEFT + indent, p->y, label);
	text_aligned(p, BOLD, SIZE_BODY, LEFT, WIDTH, p->y, ALIGN_RIGHT, value);
	HPDF_Page_SetGrayStroke(p->page, 0.8);
	rule(p, LEFT + indent, RIGHT, p->y - lh(SIZE_BODY) + 1.5, 0.3);
	HPDF_Page_SetGrayStroke(p->page, 0);
	p->y -= lh(SIZE_BODY);
}

static void figure_n(rp *p, const char *label, long n, bool bold, double indent)
{
	char t[32];
	snprintf(t, sizeof t, "%ld", n);
	figure(p, label, t, bold, indent);
}

static void note(rp *p, const char *s)
{
	para(p, s, LEFT, WIDTH, REGULAR, SIZE_SMALL, false);
}

/* A horizontal bar chart: each label (wrapped to two lines at most) on the
 * left, a bar as long as its value against the largest, the value after
 * it. Drawn with filled paths. */
static void bars(rp *p, size_t n, const char *const *labels, const long *values)
{
	long max = 0;
	for (size_t i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	double x0 = LEFT + LABEL_W + 6;
	double span = RIGHT - x0 - 40;
	double axis_top = p->y;
	for (size_t i = 0; i < n; i++) {
		char **v;
		size_t nl = wrap(p, labels[i], LABEL_W, REGULAR, SIZE_SMALL, &v);
		size_t shown = nl > 2 ? 2 : nl; /* the tables and CSV files have the whole name */
		double h = shown * lh(SIZE_SMALL) + 4;
		if (h < BAR_H + 6)
			h = BAR_H + 6;
		if (p->y - h < BOTTOM) {
			new_page(p);
			axis_top = p->y;
		}
		/* label, bar and value share one centre line; 0.72 em above it
		 * is the top of a line whose letters are centred on it */
		double c = p->y - h / 2;
		double first = c + 0.72 * SIZE_SMALL + (shown - 1) * lh(SIZE_SMALL) / 2;
		for (size_t k = 0; k < shown; k++)
			text_at(p, REGULAR, SIZE_SMALL, LEFT, first - k * lh(SIZE_SMALL), v[k]);
		lines_free(v, nl);
		double len = max > 0 ? span * (double)values[i] / (double)max : 0;
		if (len > 0)
			fill_rect(p, x0, c - BAR_H / 2, len < 1 ? 1 : len, BAR_H, 0.043, 0.239, 0.569);
		char t[32];
		snprintf(t, sizeof t, "%ld", values[i]);
		text_at(p, BOLD, SIZE_SMALL, x0 + len + 4, c + 0.72 * SIZE_SMALL, t);
		p->y -= h;
		/* the axis, on each page the chart reaches */
		HPDF_Page_SetGrayStroke(p->page, 0.3);
		HPDF_Page_SetLineWidth(p->page, 0.8);
		HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)axis_top);
		HPDF_Page_LineTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)p->y);
		HPDF_Page_Stroke(p->page);
		HPDF_Page_SetGrayStroke(p->page, 0);
	}
	p->y -= 4;
}

/* A ruled table: a shaded header row (repeated on a new page), then rows
 * of wrapped cells. */
typedef struct table {
	size_t n;
	const double *w;
	const align *al;
	const char *const *head;
} table;

static double row_height(rp *p, const table *t, const char *const *cells, int font)
{
	size_t most = 1;
	for (size_t c = 0; c < t->n; c++) {
		char **v;
		size_t nl = wrap(p, cells[c], t->w[c] - 8, font, SIZE_SMALL, &v);
		lines_free(v, nl);
		if (nl > most)
			most = nl;
	}
	return most * lh(SIZE_SMALL) + 5;
}

static void row(rp *p, const table *t, const char *const *cells, int font, bool shade)
{
	double h = row_height(p, t, cells, font);
	if (shade)
		fill_rect(p, LEFT, p->y - h, WIDTH, h, 0.9, 0.9, 0.9);
	double x = LEFT;
	for (size_t c = 0; c < t->n; c++) {
		char **v;
		size_t nl = wrap(p, cells[c], t->w[c] - 8, font, SIZE_SMALL, &v);
		for (size_t k = 0; k < nl; k++)
			text_aligned(p, font, SIZE_SMALL, x + 4, t->w[c] - 8,
			             p->y - 2.5 - k * lh(SIZE_SMALL), t->al[c], v[k]);
		lines_free(v, nl);
		x += t->w[c];
	}
	p->y -= h;
	HPDF_Page_SetGrayStroke(p->page, 0.5);
	rule(p, LEFT, RIGHT, p->y, 0.4);
	HPDF_Page_SetGrayStroke(p->page, 0);
}

static void table_row(rp *p, const table *t, const char *const *cells, bool bold)
{
	double h = row_height(p, t, cells, bold ? BOLD : REGULAR);
	if (p->y - h < BOTTOM) {
		new_page(p);
		row(p, t, t->head, BOLD, true);
	}
	row(p, t, cells, bold ? BOLD : REGULAR, false);
}

static void table_head(rp *p, const table *t, double keep)
{
	need(p, row_height(p, t, t->head, BOLD) + keep);
	row(p, t, t->head, BOLD, true);
}

/* --- the sections -------------------------------------------------------- */

static void title_block(rp *p)
{
	const report *r = p->r;
	double half = WIDTH / 2;
	const char *unit = r->unit_name && *r->unit_name ? r->unit_name : "Bộ phận một cửa";
	double top = p->y;
	para(p, unit, LEFT, half - 10, BOLD, SIZE_BODY, true);
	double left_end = p->y;
	p->y = top;
	para(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", LEFT + half, half, BOLD, SIZE_BODY, true);
	para(p, "Độc lập - Tự do - Hạnh phúc", LEFT + half, half, BOLD, SIZE_BODY, true);
	if (left_end < p->y)
		p->y = left_end;
	p->y -= 16;
	para(p, "BÁO CÁO", LEFT, WIDTH, BOLD, SIZE_TITLE, true);
	para(p, "Kết quả sử dụng kiosk thủ tục hành chính tại Bộ phận Một cửa",
	     LEFT, WIDTH, BOLD, SIZE_BODY + 1, true);
	char from[16], to[16];
	report_period_format(&r->period, from, to);
	char *period = r->period.name[0]
	                   ? xasprintf("%s (từ ngày %s đến ngày %s)", r->period.name, from, to)
	                   : xasprintf("Từ ngày %s đến ngày %s", from, to);
	para(p, period, LEFT, WIDTH, REGULAR, SIZE_BODY, true);
	free(period);
	p->y -= 6;
}

static void summary(rp *p)
{
	const report *r = p->r;
	char s1[32], s2[32];
	report_format_share(report_share_satisfied(r), s1, sizeof s1);
	report_format_share(report_share_overdue(r), s2, sizeof s2);
	heading(p, "Tổng hợp", 6 * lh(SIZE_BODY));
	figure_n(p, "Lượt sử dụng kiosk (phiên của người dân)", r->f.sessions, false, 0);
	figure_n(p, "Lượt xem thủ tục", r->f.views, false, 0);
	figure_n(p, "Phiếu in (hướng dẫn, tóm tắt, biểu mẫu)", r->f.prints, false, 0);
	figure_n(p, "Tìm kiếm không có kết quả", r->f.no_result, false, 0);
	figure_n(p, "Lượt đánh giá mức độ hài lòng", r->f.ratings, false, 0);
	figure(p, "Tỷ lệ hài lòng (mức 4 và 5)", s1, false, 0);
	figure_n(p, "Lượt tra cứu hồ sơ", r->f.lookups, false, 0);
	figure(p, "Tỷ lệ hồ sơ quá hạn khi tra cứu", s2, false, 0);
}

static void views_by_field(rp *p)
{
	const report *r = p->r;
	heading(p, "Lượt xem thủ tục theo lĩnh vực", 2 * (BAR_H + 6));
	if (!r->n_fields) {
		note(p, "Không có lượt xem nào trong kỳ.");
		return;
	}
	const char **labels = xcalloc(r->n_fields, sizeof *labels);
	long *values = xcalloc(r->n_fields, sizeof *values);
	for (size_t i = 0; i < r->n_fields; i++) {
		labels[i] = r->fields[i].field;
		values[i] = r->fields[i].views;
	}
	bars(p, r->n_fields, labels, values);
	free(labels);
	free(values);
}

static void top_procs(rp *p)
{
	const report *r = p->r;
	static const double w[4] = {28, WIDTH - 28 - 62 - 62, 62, 62};
	static const align al[4] = {ALIGN_RIGHT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT};
	static const char *const head[4] = {"STT", "Thủ tục (mã)", "Lượt xem", "Lượt in"};
	table t = {4, w, al, head};
	char *title = xasprintf("%d thủ tục được xem nhiều nhất", TOP_N);
	heading(p, title, 3 * lh(SIZE_SMALL));
	free(title);
	if (!r->n_procs) {
		note(p, "Không có lượt xem nào trong kỳ.");
		return;
	}
	table_head(p, &t, 2 * lh(SIZE_SMALL));
	for (size_t i = 0; i < r->n_procs && i < TOP_N; i++) {
		const report_proc *pr = &r->procs[i];
		char no[16], v[32], pn[32];
		snprintf(no, sizeof no, "%zu", i + 1);
		snprintf(v, sizeof v, "%ld", pr->views);
		snprintf(pn, sizeof pn, "%ld", pr->prints);
		char *name = *pr->name ? xasprintf("%s (%s)", pr->name, pr->code)
		                       : xasprintf("%s %s", pr->code, pr->field);
		table_row(p, &t, (const char *const[]){no, name, v, pn}, false);
		free(name);
	}
}

static void prints(rp *p)
{
	const report *r = p->r;
	heading(p, "Phiếu in và biểu mẫu", 3 * (BAR_H + 6));
	const char *labels[4] = {"Hướng dẫn đầy đủ", "Tóm tắt 1 trang", "Biểu mẫu (tờ khai)",
	                         "Không rõ loại (số liệu cũ)"};
	long values[4] = {r->f.prints_sheet, r->f.prints_summary, r->f.prints_form,
	                  r->f.prints_unknown};
	bars(p, r->f.prints_unknown ? 4 : 3, labels, values);
	figure_n(p, "Tổng số phiếu in", r->f.prints, true, 0);
}

static void no_result(rp *p)
{
	const report *r = p->r;
	static const double w[3] = {28, WIDTH - 28 - 62, 62};
	static const align al[3] = {ALIGN_RIGHT, ALIGN_LEFT, ALIGN_RIGHT};
	static const char *const head[3] = {"STT", "Người dân đã tìm", "Số lần"};
	table t = {3, w, al, head};
	heading(p, "Tìm kiếm không có kết quả", 3 * lh(SIZE_SMALL));
	note(p, "Những gì người dân tìm mà danh mục chưa có (gộp theo cách viết không dấu), nhiều "
	        "nhất trước:");
	if (!r->f.n_queries) {
		note(p, "Không có lượt tìm kiếm nào không có kết quả.");
		return;
	}
	table_head(p, &t, 2 * lh(SIZE_SMALL));
	for (size_t i = 0; i < r->f.n_queries && i < TOP_N; i++) {
		char no[16], n[32];
		snprintf(no, sizeof no, "%zu", i + 1);
		snprintf(n, sizeof n, "%ld", r->f.queries[i].n);
		table_row(p, &t, (const char *const[]){no, r->f.queries[i].text, n}, false);
	}
	char n[32];
	snprintf(n, sizeof n, "%ld", r->f.no_result);
	table_row(p, &t, (const char *const[]){"", "Tổng cộng", n}, true);
}

static void ratings(rp *p)
{
	const report *r = p->r;
	heading(p, "Đánh giá mức độ hài lòng", 5 * (BAR_H + 6));
	const char *labels[5];
	long values[5];
	for (int l = 5; l >= 1; l--) {
		labels[5 - l] = report_level_label(l);
		values[5 - l] = r->f.by_level[l];
	}
	bars(p, 5, labels, values);
	char s[32];
	report_format_share(report_share_satisfied(r), s, sizeof s);
	figure_n(p, "Tổng số lượt đánh giá", r->f.ratings, true, 0);
	figure(p, "Tỷ lệ hài lòng (mức 4 và 5)", s, true, 0);
	figure_n(p, "Đánh giá gắn với mã hồ sơ", r->f.with_dossier, false, 0);
	p->y -= 6;

	static const double w[3] = {WIDTH - 170 - 62, 170, 62};
	static const align al[3] = {ALIGN_LEFT, ALIGN_LEFT, ALIGN_RIGHT};
	static const char *const head[3] = {"Lý do chưa hài lòng (mức 1 và 2)",
	                                    "Loại phản ánh (QĐ 766/QĐ-TTg)", "Số lượt"};
	table t = {3, w, al, head};
	table_head(p, &t, 6 * lh(SIZE_SMALL));
	long kinds[3] = {0};
	for (int i = 1; i <= RATING_REASON_COUNT; i++) {
		rating_reason rr = i == RATING_REASON_COUNT ? RATING_REASON_NONE : (rating_reason)i;
		char n[32];
		snprintf(n, sizeof n, "%ld", r->f.by_reason[rr]);
		complaint_kind k = events_reason_complaint(rr);
		kinds[k] += r->f.by_reason[rr];
		table_row(p, &t,
		          (const char *const[]){report_reason_label(rr), report_complaint_label(k), n},
		          false);
	}
	for (complaint_kind k = COMPLAINT_PROCEDURE; k <= COMPLAINT_CONDUCT; k++) {
		char n[32], *label = xasprintf("Cộng: %s", report_complaint_label(k));
		snprintf(n, sizeof n, "%ld", kinds[k]);
		table_row(p, &t, (const char *const[]){label, "", n}, true);
		free(label);
	}
}

static void lookups(rp *p)
{
	const report *r = p->r;
	heading(p, "Tra cứu tình trạng hồ sơ", 2 * (BAR_H + 6));
	if (r->f.n_statuses) {
		const char **labels = xcalloc(r->f.n_statuses, sizeof *labels);
		long *values = xcalloc(r->f.n_statuses, sizeof *values);
		for (size_t i = 0; i < r->f.n_statuses; i++) {
			labels[i] = report_status_label(r->f.statuses[i].key);
			values[i] = r->f.statuses[i].n;
		}
		bars(p, r->f.n_statuses, labels, values);
		free(labels);
		free(values);
	} else {
		note(p, "Không có lượt tra cứu hồ sơ nào trong kỳ.");
	}
	char s[32];
	report_format_share(report_share_overdue(r), s, sizeof s);
	figure_n(p, "Tổng số lượt tra cứu hồ sơ", r->f.lookups, true, 0);
	figure_n(p, "Hồ sơ quá hạn khi tra cứu", r->f.lookups_overdue, false, 0);
	figure(p, "Tỷ lệ quá hạn", s, true, 0);
}

static void footers(rp *p)
{
	char made[64] = "";
	struct tm tm;
	if (localtime_r(&p->r->made_at, &tm))
		strftime(made, sizeof made, "Lập lúc %d/%m/%Y %H:%M", &tm);
	for (size_t i = 0; i < p->n_pages; i++) {
		p->page = p->pages[i];
		double top = MARGIN + lh(SIZE_FOOT) + 2;
		HPDF_Page_SetGrayStroke(p->page, 0.3);
		rule(p, LEFT, RIGHT, top, 0.5);
		HPDF_Page_SetGrayStroke(p->page, 0);
		text_at(p, REGULAR, SIZE_FOOT, LEFT, top - 2, made);
		char pg[32];
		snprintf(pg, sizeof pg, "Trang %zu/%zu", i + 1, p->n_pages);
		text_aligned(p, BOLD, SIZE_FOOT, LEFT, WIDTH, top - 2, ALIGN_RIGHT, pg);
	}
}

static int fail(char **err, int rc, char *msg)
{
	if (err)
		*err = msg;
	else
		free(msg);
	return rc;
}

int pdf_report_make(const report *r, const char *font_dir, unsigned char **data, size_t *len,
                    char **err)
{
	assert(r && data && len);
	*data = NULL;
	*len = 0;
	if (err)
		*err = NULL;
	const char *dir = font_dir ? font_dir : pdf_sheet_font_dir();
	static const char *const files[2] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"};
	char *path[2] = {xasprintf("%s/%s", dir, files[0]), xasprintf("%s/%s", dir, files[1])};
	rp p = {.r = r};
	int rc = 0;
	char *msg = NULL;
	for (int i = 0; i < 2 && !rc; i++)
		if (access(path[i], R_OK) != 0) {
			rc = -ENOENT;
			msg = xasprintf(_("cannot read the font %s"), path[i]);
		}
	if (rc)
		goto end;
	p.pdf = HPDF_New(on_error, &p);
	if (!p.pdf) {
		rc = -ENOMEM;
		msg = xstrdup(_("the PDF library could not start"));
		goto end;
	}
	HPDF_SetCompressionMode(p.pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p.pdf);
	HPDF_SetCurrentEncoder(p.pdf, "UTF-8");
	for (int i = 0; i < 2; i++) {
		p.font[i] = pdf_ttf_font(p.pdf, path[i]);
		if (!p.font[i]) {
			rc = -EINVAL;
			msg = xasprintf(_("cannot load the font %s"), path[i]);
			goto end;
		}
		p.ascent[i] = HPDF_Font_GetAscent(p.font[i]) / 1000.0;
	}
	HPDF_SetInfoAttr(p.pdf, HPDF_INFO_CREATOR, "motcua");
	HPDF_SetInfoAttr(p.pdf, HPDF_INFO_TITLE, "Báo cáo kết quả sử dụng kiosk");

	new_page(&p);
	title_block(&p);
	summary(&p);
	views_by_field(&p);
	top_procs(&p);
	prints(&p);
	no_result(&p);
	ratings(&p);
	lookups(&p);
	footers(&p);
	if (!p.error && HPDF_SaveToStream(p.pdf) == HPDF_OK) {
		HPDF_UINT32 size = HPDF_GetStreamSize(p.pdf);
		*data = xmalloc(size ? size : 1);
		HPDF_UINT32 got = size;
		if (HPDF_ReadFromStream(p.pdf, *data, &got) == HPDF_OK || got == size)
			*len = got;
	}
	if (p.error || !*len) {
		rc = -EINVAL;
		msg = xasprintf(_("the PDF library failed (error 0x%04X, detail %u)"),
		                (unsigned)p.error, (unsigned)p.error_detail);
		free(*data);
		*data = NULL;
		*len = 0;
	}
end:
	if (p.pdf)
		HPDF_Free(p.pdf);
	free(p.pages);
	free(path[0]);
	free(path[1]);
	return rc ? fail(err, rc, msg) : 0;
}
