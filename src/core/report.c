/* report — see report.h. */
#include "report.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "pdf_report.h"
#include "xalloc.h"

/* --- periods ------------------------------------------------------------- */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in(int y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool report_parse_date(const char *s, int *y, int *m, int *d)
{
	int dd, mm, yy, n = 0;
	if (!s || sscanf(s, "%2d/%2d/%4d%n", &dd, &mm, &yy, &n) != 3 || s[n] || yy < 1970 ||
	    yy > 9999 || mm < 1 || mm > 12 || dd < 1 || dd > days_in(yy, mm))
		return false;
	*y = yy;
	*m = mm;
	*d = dd;
	return true;
}

static long day_number(int y, int m, int d) { return (long)y * 10000 + m * 100 + d; }

bool report_period_days(report_period *p, const char *from, const char *to)
{
	report_period q = {0};
	if (!report_parse_date(from, &q.y1, &q.m1, &q.d1) ||
	    !report_parse_date(to, &q.y2, &q.m2, &q.d2) ||
	    day_number(q.y2, q.m2, q.d2) < day_number(q.y1, q.m1, q.d1))
		return false;
	*p = q;
	return true;
}

static void months(report_period *p, int year, int first, int last)
{
	*p = (report_period){.y1 = year, .m1 = first, .d1 = 1, .y2 = year, .m2 = last,
	                     .d2 = days_in(year, last)};
}

bool report_period_quarter(report_period *p, int year, int q)
{
	static const char *const roman[4] = {"I", "II", "III", "IV"};
	if (q < 1 || q > 4 || year < 1970 || year > 9999)
		return false;
	months(p, year, 3 * q - 2, 3 * q);
	snprintf(p->name, sizeof p->name, "Quý %s năm %d", roman[q - 1], year);
	return true;
}

bool report_period_half(report_period *p, int year, int h)
{
	if (h < 1 || h > 2 || year < 1970 || year > 9999)
		return false;
	months(p, year, h == 1 ? 1 : 7, h == 1 ? 6 : 12);
	snprintf(p->name, sizeof p->name, "6 tháng %s năm %d", h == 1 ? "đầu" : "cuối", year);
	return true;
}

bool report_period_year(report_period *p, int year)
{
	if (year < 1970 || year > 9999)
		return false;
	months(p, year, 1, 12);
	snprintf(p->name, sizeof p->name, "Năm %d", year);
	return true;
}

void report_period_choice(report_period *p, report_choice c, time_t now)
{
	struct tm tm;
	localtime_r(&now, &tm);
	int year = tm.tm_year + 1900, q = tm.tm_mon / 3 + 1;
	switch (c) {
	case REPORT_LAST_QUARTER:
		if (q == 1)
			report_period_quarter(p, year - 1, 4);
		else
			report_period_quarter(p, year, q - 1);
		break;
	case REPORT_THIS_HALF: report_period_half(p, year, tm.tm_mon < 6 ? 1 : 2); break;
	case REPORT_THIS_YEAR: report_period_year(p, year); break;
	default: report_period_quarter(p, year, q); break;
	}
}

static time_t local_midnight(int y, int m, int d)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1};
	return mktime(&tm);
}

time_t report_period_start(const report_period *p)
{
	return local_midnight(p->y1, p->m1, p->d1);
}

time_t report_period_end(const report_period *p)
{
	/* mktime normalises the day after the last one (31/12 + 1 = 1/1) */
	return local_midnight(p->y2, p->m2, p->d2 + 1);
}

void report_period_format(const report_period *p, char *from, char *to)
{
	snprintf(from, 11, "%02d/%02d/%04d", p->d1, p->m1, p->y1);
	snprintf(to, 11, "%02d/%02d/%04d", p->d2, p->m2, p->y2);
}

/* --- figures ------------------------------------------------------------- */

static const char no_longer[] = "(không còn trong danh mục)";

static int by_views(const void *a, const void *b)
{
	const report_field *x = a, *y = b;
	if (x->views != y->views)
		return x->views < y->views ? 1 : -1;
	if (x->prints != y->prints)
		return x->prints < y->prints ? 1 : -1;
	return strcmp(x->field, y->field);
}

int report_build(report *r, events *ev, catalog *cat, const report_period *p,
                 const char *unit_name, time_t made_at, char **err)
{
	assert(r && ev && p);
	r->period = *p;
	r->unit_name = xstrdup(unit_name ? unit_name : "");
	r->made_at = made_at;
	if (events_figures_get(ev, report_period_start(p), report_period_end(p), &r->f, err) < 0)
		return -EIO;
	r->procs = xcalloc(r->f.n_procs ? r->f.n_procs : 1, sizeof *r->procs);
	r->n_procs = r->f.n_procs;
	for (size_t i = 0; i < r->n_procs; i++) {
		const events_tally *t = &r->f.procs[i];
		report_proc *rp = &r->procs[i];
		procedure *pr = cat ? catalog_get(cat, t->key) : NULL;
		rp->code = xstrdup(t->key);
		rp->name = xstrdup(pr && pr->name ? pr->name : "");
		rp->field = xstrdup(pr && pr->field && *pr->field ? pr->field : no_longer);
		rp->views = t->n;
		rp->prints = t->m;
		procedure_free(pr);
		report_field *f = NULL;
		for (size_t k = 0; k < r->n_fields && !f; k++)
			if (!strcmp(r->fields[k].field, rp->field))
				f = &r->fields[k];
		if (!f) {
			r->fields = xrealloc(r->fields, (r->n_fields + 1) * sizeof *r->fields);
			f = &r->fields[r->n_fields++];
			*f = (report_field){.field = xstrdup(rp->field)};
		}
		f->views += rp->views;
		f->prints += rp->prints;
	}
	if (r->n_fields)
		qsort(r->fields, r->n_fields, sizeof *r->fields, by_views);
	return 0;
}

void report_clear(report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_procs; i++) {
		free(r->procs[i].code);
		free(r->procs[i].name);
		free(r->procs[i].field);
	}
	free(r->procs);
	for (size_t i = 0; i < r->n_fields; i++)
		free(r->fields[i].field);
	free(r->fields);
	free(r->unit_name);
	events_figures_clear(&r->f);
	memset(r, 0, sizeof *r);
}

static double share(long part, long whole)
{
	return whole > 0 ? (double)part * 100.0 / (double)whole : -1;
}

double report_share_satisfied(const report *r)
{
	return share(r->f.by_level[4] + r->f.by_level[5], r->f.ratings);
}

double report_share_overdue(const report *r)
{
	return share(r->f.lookups_overdue, r->f.lookups);
}

void report_format_share(double s, char *buf, size_t size)
{
	if (s < 0) {
		snprintf(buf, size, "—");
		return;
	}
	snprintf(buf, size, "%.1f %%", s);
	char *dot = strchr(buf, '.');
	if (dot)
		*dot = ',';
}

const char *report_level_label(int level)
{
	static const char *const v[6] = {"", "Rất không hài lòng", "Không hài lòng",
	                                  "Bình thường", "Hài lòng", "Rất hài lòng"};
	return level >= 1 && level <= 5 ? v[level] : "";
}

const char *report_reason_label(rating_reason reason)
{
	static const char *const v[RATING_REASON_COUNT] = {
	    [RATING_REASON_NONE] = "Không nêu lý do",
	    [RATING_REASON_TIME] = "Thời gian giải quyết",
	    [RATING_REASON_PAPERS] = "Giấy tờ phải nộp",
	    [RATING_REASON_ATTITUDE] = "Thái độ của cán bộ",
	    [RATING_REASON_BACK_AND_FORTH] = "Phải đi lại nhiều lần",
	    [RATING_REASON_OTHER] = "Lý do khác",
	};
	return reason < RATING_REASON_COUNT ? v[reason] : "";
}

const char *report_complaint_label(complaint_kind k)
{
	switch (k) {
	case COMPLAINT_PROCEDURE: return "Quy định, thủ tục hành chính";
	case COMPLAINT_CONDUCT: return "Hành vi công chức";
	default: return "";
	}
}

const char *report_status_label(const char *key)
{
	static const struct {
		const char *key, *label;
	} v[] = {
	    {"da_tiep_nhan", "Đã tiếp nhận"},   {"dang_xu_ly", "Đang xử lý"},
	    {"cho_bo_sung", "Chờ bổ sung"},     {"da_co_ket_qua", "Đã có kết quả"},
	    {"da_tra_ket_qua", "Đã trả kết quả"}, {"khong_tim_thay", "Không tìm thấy mã"},
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		if (key && !strcmp(key, v[i].key))
			return v[i].label;
	return key && *key ? key : "(không rõ)";
}

/* --- CSV ----------------------------------------------------------------- */

typedef struct out_buf {
	char *s;
	size_t len, cap;
	int cells; /* in the current row */
} out_buf;

static void out_raw(out_buf *b, const char *s)
{
	size_t n = strlen(s);
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

/* A cell. What citizens typed may start with "=", "+", "-" or "@", which
 * Excel would run as a formula: it gets a leading apostrophe. */
static void out_cell(out_buf *b, const char *cell, bool typed)
{
	if (b->cells++)
		out_raw(b, ";");
	if (typed && cell && cell[0] && strchr("=+-@\t\r", cell[0])) {
		char *safe = xasprintf("'%s", cell);
		csv_write_cell(&b->s, &b->len, &b->cap, safe, ';');
		free(safe);
		return;
	}
	csv_write_cell(&b->s, &b->len, &b->cap, cell ? cell : "", ';');
}

static void out_num(out_buf *b, long n)
{
	char t[32];
	snprintf(t, sizeof t, "%ld", n);
	out_cell(b, t, false);
}

static void out_share(out_buf *b, double s)
{
	char t[32];
	if (s < 0)
		t[0] = 0;
	else
		report_format_share(s, t, sizeof t);
	char *pc = strstr(t, " %");
	if (pc)
		*pc = 0; /* the heading says "(%)": Excel reads "62,5" as a number */
	out_cell(b, t, false);
}

static void out_end(out_buf *b)
{
	out_raw(b, "\r\n");
	b->cells = 0;
}

static void out_row(out_buf *b, const char *const *cells)
{
	for (; *cells; cells++)
		out_cell(b, *cells, false);
	out_end(b);
}

static void file_add(report_file **v, size_t *n, const char *name, out_buf *b)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[*n] = (report_file){.name = xstrdup(name), .data = b->s, .len = b->len};
	(*n)++;
	*b = (out_buf){0};
}

static out_buf out_new(void)
{
	out_buf b = {0};
	out_raw(&b, "\xEF\xBB\xBF"); /* Excel reads UTF-8, not windows-1258 */
	return b;
}

static void csv_summary(const report *r, report_file **v, size_t *n)
{
	out_buf b = out_new();
	char from[16], to[16], s1[32], s2[32];
	report_period_format(&r->period, from, to);
	report_format_share(report_share_satisfied(r), s1, sizeof s1);
	report_format_share(report_share_overdue(r), s2, sizeof s2);
	out_row(&b, (const char *const[]){"Chỉ tiêu", "Số liệu", NULL});
	out_row(&b, (const char *const[]){"Đơn vị", r->unit_name, NULL});
	out_row(&b, (const char *const[]){"Kỳ báo cáo", r->period.name, NULL});
	out_row(&b, (const char *const[]){"Từ ngày", from, NULL});
	out_row(&b, (const char *const[]){"Đến ngày", to, NULL});
	const struct {
		const char *label;
		long n;
	} nums[] = {
	    {"Lượt sử dụng kiosk", r->f.sessions},
	    {"Lượt xem thủ tục", r->f.views},
	    {"Phiếu in", r->f.prints},
	    {"- Hướng dẫn đầy đủ", r->f.prints_sheet},
	    {"- Tóm tắt 1 trang", r->f.prints_summary},
	    {"- Biểu mẫu", r->f.prints_form},
	    {"Tìm kiếm không có kết quả", r->f.no_result},
	    {"Lượt đánh giá", r->f.ratings},
	    {"Lượt tra cứu hồ sơ", r->f.lookups},
	    {"Tra cứu hồ sơ quá hạn", r->f.lookups_overdue},
	};
	for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
		out_cell(&b, nums[i].label, false);
		out_num(&b, nums[i].n);
		out_end(&b);
	}
	out_cell(&b, "Tỷ lệ hài lòng (%)", false);
	out_share(&b, report_share_satisfied(r));
	out_end(&b);
	out_cell(&b, "Tỷ lệ hồ sơ quá hạn khi tra cứu (%)", false);
	out_share(&b, report_share_overdue(r));
	out_end(&b);
	file_add(v, n, "tong_hop.csv", &b);
}

static void csv_fields(const report *r, report_file **v, size_t *n)
{
	out_buf b = out_new();
	out_row(&b, (const char *const[]){"STT", "Lĩnh vực", "Lượt xem", "Lượt in", NULL});
	long tv = 0, tp = 0;
	for (size_t i = 0; i < r->n_fields; i++) {
		out_num(&b, (long)i + 1);
		out_cell(&b, r->fields[i].field, false);
		out_num(&b, r->fields[i].views);
		out_num(&b, r->fields[i].prints);
		out_end(&b);
		tv += r->fields[i].views;
		tp += r->fields[i].prints;
	}
	out_cell(&b, "", false);
	out_cell(&b, "Tổng cộng", false);
	out_num(&b, tv);
	out_num(&b, tp);
	out_end(&b);
	file_add(v, n, "luot_xem_theo_linh_vuc.csv", &b);
}

static void csv_procs(const report *r, report_file **v, size_t *n)
{
	out_buf b = out_new();
	out_row(&b, (const char *const[]){"STT", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Lượt xem",
	                                  "Lượt in", NULL});
	long tv = 0, tp = 0;
	for (size_t i = 0; i < r->n_procs; i++) {
		const report_proc *p = &r->procs[i];
		out_num(&b, (long)i + 1);
		out_cell(&b, p->code, false);
		out_cell(&b, p->name, false);
		out_cell(&b, p->field, false);
		out_num(&b, p->views);
		out_num(&b, p->prints);
		out_end(&b);
		tv += p->views;
		tp += p->prints;
	}
	out_cell(&b, "", false);
	out_cell(&b, "", false);
	out_cell(&b, "Tổng cộng", false);
	out_cell(&b, "", false);
	out_num(&b, tv);
	out_num(&b, tp);
	out_end(&b);
	file_add(v, n, "luot_xem_theo_thu_tuc.csv", &b);
}

static void csv_queries(const report *r, report_file **v, size_t *n)
{
	out_buf b = out_new();
	out_row(&b, (const char *const[]){"STT", "Từ khóa người dân đã tìm", "Số lần", NULL});
	for (size_t i = 0; i < r->f.n_queries; i++) {
		out_num(&b, (long)i + 1);
		out_cell(&b, r->f.queries[i].text, true);
		out_num(&b, r->f.queries[i].n);
		out_end(&b);
	}
	out_cell(&b, "", false);
	out_cell(&b, "Tổng cộng", false);
	out_num(&b, r->f.no_result);
	out_end(&b);
	file_add(v, n, "tim_kiem_khong_co_ket_qua.csv", &b);
}

static void csv_ratings(const report *r, report_file **v, size_t *n)
{
	out_buf b = out_new();
	out_row(&b, (const char *const[]){"Mức độ", "Số lượt", "Tỷ lệ (%)", NULL});
	for (int l = 5; l >= 1; l--) {
		out_cell(&b, report_level_label(l), false);
		out_num(&b, r->f.by_level[l]);
		out_share(&b, share(r->f.by_level[l], r->f.ratings));
		out_end(&b);
	}
	out_cell(&b, "Tổng cộng", false);
	out_num(&b, r->f.ratings);
	out_share(&b, r->f.ratings ? 100.0 : -1);
	out_end(&b);
	file_add(v, n, "danh_gia_theo_muc_do.csv", &b);

	b = out_new();
	out_row(&b, (const char *const[]){"Lý do chưa hài lòng", "Loại phản ánh (QĐ 766/QĐ-TTg)",
	                                  "Số lượt", NULL});
	long total = 0;
	for (int i = 1; i <= RATING_REASON_COUNT; i++) {
		rating_reason rr = i == RATING_REASON_COUNT ? RATING_REASON_NONE : (rating_reason)i;
		out_cell(&b, report_reason_label(rr), false);
		out_cell(&b, report_complaint_label(events_reason_complaint(rr)), false);
		out_num(&b, r->f.by_reason[rr]);
		out_end(&b);
		total += r->f.by_reason[rr];
	}
	out_cell(&b, "Tổng cộng", false);
	out_cell(&b, "", false);
	out_num(&b, total);
	out_end(&b);
	file_add(v, n, "danh_gia_ly_do.csv", &b);
}

static void csv_lookups(const report *r, report_file **v, size_t *n)
{
	out_buf b = out_new();
	out_row(&b, (const char *const[]){"Trạng thái hồ sơ", "Lượt tra cứu", "Quá hạn", NULL});
	for (size_t i = 0; i < r->f.n_statuses; i++) {
		out_cell(&b, report_status_label(r->f.statuses[i].key), false);
		out_num(&b, r->f.statuses[i].n);
		out_num(&b, r->f.statuses[i].m);
		out_end(&b);
	}
	out_cell(&b, "Tổng cộng", false);
	out_num(&b, r->f.lookups);
	out_num(&b, r->f.lookups_overdue);
	out_end(&b);
	file_add(v, n, "tra_cuu_ho_so.csv", &b);
}

size_t report_csv(const report *r, report_file **out)
{
	report_file *v = NULL;
	size_t n = 0;
	csv_summary(r, &v, &n);
	csv_fields(r, &v, &n);
	csv_procs(r, &v, &n);
	csv_queries(r, &v, &n);
	csv_ratings(r, &v, &n);
	csv_lookups(r, &v, &n);
	*out = v;
	return n;
}

void report_files_free(report_file *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].data);
	}
	free(v);
}

int report_export(const report *r, const char *font_dir, export_dir *dir, diag_list *diag)
{
	assert(r && dir && diag);
	unsigned char *pdf = NULL;
	size_t len = 0;
	char *err = NULL;
	int rc = pdf_report_make(r, font_dir, &pdf, &len, &err);
	if (rc < 0) {
		diag_error(diag, "bao_cao.pdf", 0, "%s", err ? err : _("the report could not be made"));
		free(err);
		return rc;
	}
	rc = export_dir_write(dir, "bao_cao.pdf", pdf, len, diag);
	free(pdf);
	report_file *files = NULL;
	size_t n = rc == 0 ? report_csv(r, &files) : 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = export_dir_write(dir, files[i].name, files[i].data, files[i].len, diag);
	report_files_free(files, n);
	return rc;
}

void report_folder_name(const report_period *p, char *buf, size_t size)
{
	snprintf(buf, size, "motcua-bao-cao-%04d%02d%02d-%04d%02d%02d", p->y1, p->m1, p->d1, p->y2,
	         p->m2, p->d2);
}
