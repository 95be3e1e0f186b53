/* test_bundle — bundle_read, bundle_write and bundle_diff on real bundles.
 *
 * Every broken bundle is the good fixture (tests/fixtures/good, procedures
 * taken verbatim from data/motcua) with one change, made here in a temporary
 * copy; each case asserts the exact FILE:LINE a member of staff would be sent
 * to. The Windows-1258 and Excel (';', BOM, CRLF, Vietnamese headings,
 * upper-case names) variants are made from the good one too and must read
 * back as the same catalogue. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bundle.h"
#include "bundle_schema.h"
#include "catalog.h"
#include "csv.h"
#include "i18n.h"
#include "testlib.h"
#include "text.h"
#include "xalloc.h"

static char good_dir[4096];
static char tmp_root[] = "/tmp/test_bundle.XXXXXX";
static void diff_both(const catalog_data *old, const catalog_data *new_cat, bundle_diff *df);
static int tmp_seq;

/* --- files --- */

static char *slurp(const char *path, size_t *len)
{
	if (len)
		*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *buf = xmalloc(cap + 1);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, (cap *= 2) + 1);
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static void spit(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
		exit(3);
	}
}

static void copy_tree(const char *src, const char *dst)
{
	mkdir(dst, 0755);
	DIR *dp = opendir(src);
	if (!dp) {
		fprintf(stderr, "cannot open %s\n", src);
		exit(3);
	}
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		char *s = xasprintf("%s/%s", src, e->d_name),
		     *t = xasprintf("%s/%s", dst, e->d_name);
		struct stat st;
		stat(s, &st);
		if (S_ISDIR(st.st_mode)) {
			copy_tree(s, t);
		} else {
			size_t n;
			char *data = slurp(s, &n);
			spit(t, data, n);
			free(data);
		}
		free(s);
		free(t);
	}
	closedir(dp);
}

/* A fresh copy of the good bundle; the caller frees the path. */
static char *good_copy(void)
{
	char *dir = xasprintf("%s/b%d", tmp_root, ++tmp_seq);
	copy_tree(good_dir, dir);
	return dir;
}

/* Replaces the first occurrence of from by to in dir/file. */
static void replace(const char *dir, const char *file, const char *from, const char *to)
{
	char *path = xasprintf("%s/%s", dir, file);
	size_t n;
	char *s = slurp(path, &n);
	char *at = s ? strstr(s, from) : NULL;
	if (!at) {
		fprintf(stderr, "fixture changed? '%s' not in %s\n", from, path);
		exit(3);
	}
	size_t lf = strlen(from), lt = strlen(to);
	char *out = xmalloc(n - lf + lt + 1);
	size_t pre = (size_t)(at - s);
	memcpy(out, s, pre);
	memcpy(out + pre, to, lt);
	memcpy(out + pre + lt, at + lf, n - pre - lf);
	spit(path, out, n - lf + lt);
	free(out);
	free(s);
	free(path);
}

static void put(const char *dir, const char *file, const char *data)
{
	char *path = xasprintf("%s/%s", dir, file);
	spit(path, data, strlen(data));
	free(path);
}

/* --- diagnostics --- */

static void diag_dump(const diag_list *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		fprintf(stderr, "    | %s\n", s);
		free(s);
	}
}

/* True when d holds "FILE:LINE: error: ...NEEDLE..." (line 0: the whole file). */
static bool has(const diag_list *d, diag_level level, const char *file, int line,
                const char *needle)
{
	for (size_t i = 0; i < d->n; i++) {
		const diag_entry *e = &d->v[i];
		if (e->level == level && !strcmp(e->file, file) && e->line == line &&
		    strstr(e->message, needle))
			return true;
	}
	return false;
}

#define CHECK_DIAG(d, level, file, line, needle)                                                   \
	do {                                                                                       \
		if (!has((d), (level), (file), (line), (needle))) {                                \
			fprintf(stderr, "%s:%d: missing %s %s:%d: ...%s...; got:\n", __FILE__,     \
			        __LINE__, (level) == DIAG_ERROR ? "error" : "warning", (file),     \
			        (line), (needle));                                                 \
			diag_dump(d);                                                              \
			test_failures++;                                                           \
		}                                                                                  \
	} while (0)

static bool read_dir(const char *dir, const bundle_opts *opts, catalog_data *d, diag_list *diag)
{
	static const bundle_opts none = {0};
	return bundle_read(dir, opts ? opts : &none, d, diag);
}

/* --- the good bundle --- */

static void test_good(void)
{
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(read_dir(good_dir, NULL, &d, &diag));
	CHECK(diag.errors == 0 && diag.warnings == 0);
	diag_dump(&diag);
	CHECK_STR(d.info.unit, "UBND xã Chiềng Sơn");
	CHECK(d.info.version == 1);
	CHECK_STR(d.info.date, "24/11/2026");
	CHECK_STR(d.info.author, "Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn");
	CHECK(d.info.signer == NULL);

	CHECK(d.n_procs == 4);
	if (d.n_procs == 4) {
		const procedure *p = &d.procs[0];
		CHECK_STR(p->code, "1.001193");
		CHECK_STR(p->name, "Thủ tục đăng ký khai sinh");
		CHECK_STR(p->field, "Hộ tịch");
		CHECK_STR(p->level, "Cấp xã");
		CHECK(p->steps.n >= 3);
		CHECK(p->documents.n >= 2);
		CHECK(p->forms.n == 1);
		if (p->forms.n == 1) {
			CHECK_STR(p->forms.v[0].text, "Tờ khai đăng ký khai sinh");
			CHECK_STR(p->forms.v[0].extra, "forms/to_khai_khai_sinh.pdf");
		}
		const procedure *q = &d.procs[3];
		CHECK_STR(q->code, "1.002211");
		CHECK(q->channels.n == 3);
		if (q->channels.n == 3) {
			CHECK_STR(q->channels.v[1].text, "Trực tuyến");
			CHECK_STR(q->channels.v[1].extra,
			          "Thời hạn: 5 ngày làm việc; Phí, lệ phí: Miễn phí");
		}
		CHECK(q->legal.n == 3);
		if (q->legal.n == 3)
			CHECK_STR(q->legal.v[0].extra, "35/2013/QH13");
		CHECK_STR(q->deadline, "5 ngày làm việc");
		CHECK(q->status == NULL);
		CHECK_STR(q->url, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/"
		                  "019d2bfd-572d-77fe-b70b-93b6512c3170");
	}
	CHECK(d.n_faqs == 8);
	CHECK(d.n_feedbacks == 2);
	CHECK(d.n_hotlines == 7);
	if (d.n_hotlines == 7) {
		CHECK_STR(d.hotlines[2].phone, "1800 1096");
		CHECK(d.hotlines[2].order == 3);
		CHECK(d.hotlines[2].email == NULL);
	}
	CHECK(d.n_indices == 12);
	if (d.n_indices == 12) {
		CHECK_STR(d.indices[0].index, "PAPI");
		CHECK(d.indices[0].year == 2021);
		CHECK(d.indices[0].score == 40.14 && d.indices[0].max == 80);
		CHECK_STR(d.indices[0].rank, "53/63");
		CHECK(d.indices[0].dimension == NULL);
		CHECK_STR(d.indices[3].dimension, "Cung ứng dịch vụ công");
		CHECK_STR(d.indices[8].index, "PAR INDEX");
	}
	CHECK(d.n_news == 2);
	if (d.n_news == 2)
		CHECK_STR(d.news[0].image, "images/niem_yet.png");
	CHECK(d.n_blobs == 2);
	for (size_t i = 0; i < d.n_blobs; i++) {
		const blob *b = &d.blobs[i];
		if (!strcmp(b->name, "forms/to_khai_khai_sinh.pdf"))
			CHECK(b->size == 601 && !memcmp(b->data, "%PDF-", 5));
		else
			CHECK(!strcmp(b->name, "images/niem_yet.png") && b->size == 90);
	}
	catalog_data_clear(&d);
	diag_clear(&diag);
}

/* --- export: read → write → read → write gives the same catalogue and bytes --- */

static bool files_equal(const char *a, const char *b)
{
	size_t na, nb;
	char *x = slurp(a, &na), *y = slurp(b, &nb);
	bool eq = x && y && na == nb && !memcmp(x, y, na);
	free(x);
	free(y);
	return eq;
}

static bool catalogs_equal(const catalog_data *a, const catalog_data *b)
{
	bundle_diff df;
	bundle_diff_compute(a, b, &df);
	bool eq = !df.n_added && !df.n_changed && !df.n_removed && !df.hotlines_changed &&
	          !df.indices_changed && !df.news_changed && !df.faq_changed &&
	          !df.feedback_changed;
	bundle_diff_clear(&df);
	eq = eq && a->info.version == b->info.version && a->n_blobs == b->n_blobs;
	eq = eq && !strcmp(a->info.unit, b->info.unit) && !strcmp(a->info.date, b->info.date) &&
	     !strcmp(a->info.author, b->info.author);
	return eq;
}

static void test_roundtrip(void)
{
	catalog_data d = {0}, d2 = {0};
	diag_list diag = {0};
	char *a = xasprintf("%s/export_a", tmp_root), *b = xasprintf("%s/export_b", tmp_root);
	CHECK(read_dir(good_dir, NULL, &d, &diag));
	CHECK(bundle_write(a, &d, &diag) == 0);
	CHECK(read_dir(a, NULL, &d2, &diag));
	CHECK(diag.n == 0);
	diag_dump(&diag);
	CHECK(catalogs_equal(&d, &d2));
	CHECK(bundle_write(b, &d2, &diag) == 0);
	const char *files[] = {
	    "bundle.ini",         "procedures.csv", "faq.csv",  "hotlines.csv",
	    "feedback.csv",       "indices.csv",    "news.csv", "forms/to_khai_khai_sinh.pdf",
	    "images/niem_yet.png"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *pa = xasprintf("%s/%s", a, files[i]), *pb = xasprintf("%s/%s", b, files[i]);
		if (!files_equal(pa, pb)) {
			fprintf(stderr, "export differs: %s\n", files[i]);
			test_failures++;
		}
		free(pa);
		free(pb);
	}
	/* The good fixture is written the canonical way already. */
	char *pa = xasprintf("%s/procedures.csv", a),
	     *pg = xasprintf("%s/procedures.csv", good_dir);
	CHECK(files_equal(pa, pg));
	free(pa);
	free(pg);
	char *ini = xasprintf("%s/bundle.ini", a);
	char *text = slurp(ini, NULL);
	CHECK_STR(text, "[bundle]\ndon_vi = UBND xã Chiềng Sơn\nphien_ban = 1\n"
	                "ngay_ban_hanh = 24/11/2026\n"
	                "nguoi_lap = Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn\n");
	free(text);
	free(ini);
	/* Numbers come out in their shortest exact form. */
	char *ip = xasprintf("%s/indices.csv", a);
	text = slurp(ip, NULL);
	CHECK(text && strstr(text, "\nPAPI,2023,Tỉnh Sơn La,Cung ứng dịch vụ công,7.5906,10,,"));
	CHECK(text && strstr(text, "\nPAPI,2020,Toàn quốc,,42.105,80,,"));
	free(text);
	free(ip);
	free(a);
	free(b);
	catalog_data_clear(&d);
	catalog_data_clear(&d2);
	diag_clear(&diag);
}

/* --- broken bundles, one change each --- */

typedef struct broken_case {
	const char *name;
	const char *file, *from, *to; /* the change */
	diag_level level;
	const char *diag_file;
	int line;
	const char *message;
} broken_case;

static const broken_case broken_cases[] = {
    {"bad code", "procedures.csv", "\n1.002211,", "\n1.02211,", DIAG_ERROR, "procedures.csv", 163,
     "code '1.02211' is not of the form 1.234567"},
    {"duplicate code", "procedures.csv", "\n1.002211,", "\n1.001193,", DIAG_ERROR, "procedures.csv",
     163, "code '1.001193' is used twice: rows 2 and 5 in Excel (lines 2 and 163 of the file)"},
    {"local code suffix accepted (no error)", "procedures.csv", "\n1.002211,",
     "\n1.002211.000.00.00.H52,", DIAG_ERROR, NULL, 0, NULL},
    {"required cell empty", "procedures.csv", "1.002211,Thủ tục công nhận hòa giải viên (cấp xã),",
     "1.002211,  ,", DIAG_ERROR, "procedures.csv", 163,
     "'Tên thủ tục' (ten_thu_tuc) is required but empty"},
    {"empty list item", "procedures.csv", "quyết định;\nTrường hợp số người",
     "quyết định;\n \nTrường hợp số người", DIAG_ERROR, "procedures.csv", 163,
     "'Trình tự thực hiện' (trinh_tu): item 2 is empty"},
    {"bad status", "procedures.csv", ",QĐ2338-BTP,,", ",QĐ2338-BTP,cũ,", DIAG_ERROR,
     "procedures.csv", 163, "'cũ' is not one of 'mới', 'sửa đổi', 'bổ sung'"},
    {"impossible date", "procedures.csv", ",QĐ2338-BTP,,,", ",QĐ2338-BTP,,31/02/2024,", DIAG_ERROR,
     "procedures.csv", 163, "'31/02/2024' is not a real date"},
    {"bad url", "procedures.csv", "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-572d",
     "dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-572d", DIAG_ERROR, "procedures.csv", 163,
     "is not a web address"},
    {"missing required column", "procedures.csv", ",thoi_han,", ",thoi_han_giai_quyet_x,",
     DIAG_ERROR, "procedures.csv", 1,
     "required column 'Thời hạn giải quyết' (thoi_han) is missing"},
    {"unknown column warned", "procedures.csv", ",tu_khoa\n", ",Từ khóa mới\n", DIAG_WARNING,
     "procedures.csv", 1, "unknown column 'Từ khóa mới' (ignored)"},
    {"stray quote", "procedures.csv", "1.002211,Thủ tục", "1.002211,\"Thủ tục", DIAG_ERROR,
     "procedures.csv", 163, "text after the closing '\"' of a cell"},
    {"bad phone", "hotlines.csv", ",1800 1096,", ",1800 10x96,", DIAG_ERROR, "hotlines.csv", 4,
     "'1800 10x96' is not a phone number"},
    {"a phone number that lost its leading 0", "hotlines.csv", ",1800 1096,", ",2123852345,",
     DIAG_ERROR, "hotlines.csv", 4,
     "'2123852345' looks like a phone number whose leading 0 a spreadsheet program dropped "
     "(02123852345)"},
    {"a phone number with its 0 accepted (no error)", "hotlines.csv", ",1800 1096,",
     ",02123852345,", DIAG_ERROR, NULL, 0, NULL},
    {"too few digits", "hotlines.csv", ",115,", ",15,", DIAG_ERROR, "hotlines.csv", 8,
     "'15' is not a phone number"},
    {"invalid UTF-8", "hotlines.csv", "Cấp cứu y tế", "C\xe1p c\xe9u y t\xea", DIAG_ERROR,
     "hotlines.csv", 8, "CSV UTF-8 (Comma delimited)"},
    {"score above max", "indices.csv", "PAPI,2022,Tỉnh Sơn La,,40.87,80",
     "PAPI,2022,Tỉnh Sơn La,,90.87,80", DIAG_ERROR, "indices.csv", 3,
     "the score 90.87 is above the maximum 80"},
    {"score not a number", "indices.csv", ",40.87,", ",40.8.7,", DIAG_ERROR, "indices.csv", 3,
     "'40.8.7' is not a number"},
    {"year out of range", "indices.csv", "SIPAS,2022,", "SIPAS,1999,", DIAG_ERROR, "indices.csv",
     13, "'1999' is not a year from 2000 to 2100"},
    {"unknown index", "indices.csv", "SIPAS,2022,", "SIPASS,2022,", DIAG_ERROR, "indices.csv", 13,
     "'SIPASS' is not one of 'PAPI', 'SIPAS', 'PAR INDEX'"},
    {"faq of an unknown procedure", "faq.csv", "\n1.000656,", "\n1.999999,", DIAG_ERROR, "faq.csv",
     7, "there is no procedure with code '1.999999'"},
    {"feedback of an unknown procedure", "feedback.csv", ",2.000815\n", ",2.000816\n", DIAG_ERROR,
     "feedback.csv", 3, "there is no procedure with code '2.000816'"},
    {"a date that can only be month/day: the whole column, once", "feedback.csv", "16/06/2026",
     "06/16/2026", DIAG_ERROR, "feedback.csv", 3,
     "'Ngày' (ngay): 1 of the 2 dates of this column cannot be day/month/year but can be "
     "month/day/year, the first '06/16/2026': the computer that saved the file puts the month "
     "first"},
    {"a two-digit year: the whole column, once", "feedback.csv", "07/05/2026", "07/05/26",
     DIAG_ERROR, "feedback.csv", 2,
     "'Ngày' (ngay): 1 of the 2 dates of this column have a two-digit year, the first '07/05/26'"},
    {"a decimal read as thousands", "indices.csv", ",42.105,80,", ",42105,80,", DIAG_ERROR,
     "indices.csv", 9,
     "'Điểm' (diem): 42105 is above the maximum 80: it looks like 42.105, whose decimal point"},
    {"a decimal read as thousands, no maximum", "indices.csv", ",42.105,80,", ",42105,,",
     DIAG_ERROR, "indices.csv", 9,
     "'Điểm' (diem): 42105 is far above the other scores of the file (at most 90.13): it looks "
     "like 42.105"},
    {"a number with thousands separators", "indices.csv", ",40.87,", ",\"1.040,87\",", DIAG_ERROR,
     "indices.csv", 3, "'1.040,87' is written with thousands separators"},
    {"a code that lost its final zeros", "procedures.csv", "\n1.002211,", "\n1.00221,",
     DIAG_ERROR, "procedures.csv", 163,
     "code '1.00221' is not of the form 1.234567: a spreadsheet program may have read it as a "
     "number and dropped its final zeros (was it 1.002210?)"},
    {"bad feedback date", "feedback.csv", "07/05/2026", "29/02/2026", DIAG_ERROR, "feedback.csv", 2,
     "'29/02/2026' is not a real date"},
    {"missing form", "procedures.csv", "forms/to_khai_khai_sinh.pdf", "forms/khong_co.pdf",
     DIAG_ERROR, "procedures.csv", 2, "'forms/khong_co.pdf': there is no such file"},
    {"form outside forms/", "procedures.csv", "forms/to_khai_khai_sinh.pdf", "/etc/passwd",
     DIAG_ERROR, "procedures.csv", 2, "'/etc/passwd' must name a file in the forms/ folder"},
    {"form with ..", "procedures.csv", "forms/to_khai_khai_sinh.pdf", "forms/../bundle.ini",
     DIAG_ERROR, "procedures.csv", 2, "no sub-folder, no '..'"},
    {"image in the wrong folder", "news.csv", "images/niem_yet.png", "forms/niem_yet.png",
     DIAG_ERROR, "news.csv", 2, "must name a file in the images/ folder"},
    {"bad version", "bundle.ini", "phien_ban = 1", "phien_ban = 1a", DIAG_ERROR, "bundle.ini", 3,
     "'phien_ban' must be a whole number greater than 0, not '1a'"},
    {"bad issue date", "bundle.ini", "24/11/2026", "24/13/2026", DIAG_ERROR, "bundle.ini", 4,
     "'24/13/2026' is not a real date"},
    {"missing unit", "bundle.ini", "don_vi = UBND xã Chiềng Sơn\n", "", DIAG_ERROR, "bundle.ini", 0,
     "'don_vi' is missing"},
    {"bad encoding name", "bundle.ini", "[bundle]\n", "[bundle]\nma_hoa = latin-9\n", DIAG_ERROR,
     "bundle.ini", 2, "unknown encoding 'latin-9'"},
};

static void test_broken(void)
{
	for (size_t i = 0; i < sizeof broken_cases / sizeof *broken_cases; i++) {
		const broken_case *t = &broken_cases[i];
		char *dir = good_copy();
		replace(dir, t->file, t->from, t->to);
		catalog_data d = {0};
		diag_list diag = {0};
		bool ok = read_dir(dir, NULL, &d, &diag);
		if (!t->message) {
			if (!ok || diag.n) {
				fprintf(stderr, "case '%s': expected no problem, got:\n", t->name);
				diag_dump(&diag);
				test_failures++;
			}
		} else {
			if (ok == (t->level == DIAG_ERROR)) {
				fprintf(stderr, "case '%s': bundle_read returned %d\n", t->name,
				        ok);
				test_failures++;
			}
			if (!has(&diag, t->level, t->diag_file, t->line, t->message)) {
				fprintf(stderr, "case '%s': want %s:%d: %s: ...%s...; got:\n",
				        t->name, t->diag_file, t->line,
				        t->level == DIAG_ERROR ? "error" : "warning", t->message);
				diag_dump(&diag);
				test_failures++;
			}
		}
		catalog_data_clear(&d);
		diag_clear(&diag);
		free(dir);
	}
}

/* A record after cells with line breaks: its entries carry its spreadsheet
 * row and its procedure, and diag_format names both after FILE:LINE:. */
static void test_rows(void)
{
	char *dir = good_copy();
	replace(dir, "procedures.csv", "1.002211,Thủ tục công nhận hòa giải viên (cấp xã),",
	        "1.002211,  ,");
	replace(dir, "procedures.csv", "Thủ tục đăng ký khai sinh,", ",");
	replace(dir, "feedback.csv", "16/06/2026", "31/06/2026");
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK(diag.errors == 3);
	const char *want[] = {
	    "procedures.csv:2: error: procedure 1.001193: 'Tên thủ tục' (ten_thu_tuc) is required "
	    "but empty",
	    "procedures.csv:163: error: row 5 in Excel, line 163 of the file, procedure 1.002211: "
	    "'Tên thủ tục' (ten_thu_tuc) is required but empty",
	    "feedback.csv:3: error: procedure 2.000815: 'Ngày' (ngay): '31/06/2026' is not a real "
	    "date written dd/mm/yyyy",
	};
	for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
		bool found = false;
		for (size_t i = 0; i < diag.n && !found; i++) {
			char *s = diag_format(&diag.v[i]);
			found = !strcmp(s, want[k]);
			free(s);
		}
		if (!found) {
			fprintf(stderr, "test_rows: missing %s; got:\n", want[k]);
			diag_dump(&diag);
			test_failures++;
		}
	}
	for (size_t i = 0; i < diag.n; i++)
		if (diag.v[i].line == 163)
			CHECK(diag.v[i].row == 5 && diag.v[i].code && !strcmp(diag.v[i].code, "1.002211"));
		else
			CHECK(diag.v[i].row == 0);
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);
}

/* Problems in several files are all reported, each at its own line. */
static void test_many_errors(void)
{
	char *dir = good_copy();
	replace(dir, "procedures.csv", "\n1.002211,", "\n1.02211,");
	replace(dir, "procedures.csv", "\n1.000656,", "\n1.001193,");
	replace(dir, "hotlines.csv", ",1800 1096,", ",18OO 1096,");
	replace(dir, "indices.csv", "SIPAS,2022,", "SIPAS,20222,");
	replace(dir, "faq.csv", "\n2.000815,Bản sao", "\n2.000899,Bản sao");
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK(diag.errors == 6);
	CHECK_DIAG(&diag, DIAG_ERROR, "procedures.csv", 163, "'1.02211'");
	CHECK_DIAG(&diag, DIAG_ERROR, "procedures.csv", 77, "used twice: rows 2 and 3 in Excel (lines 2 and 77");
	CHECK_DIAG(&diag, DIAG_ERROR, "hotlines.csv", 4, "not a phone number");
	CHECK_DIAG(&diag, DIAG_ERROR, "indices.csv", 13, "not a year");
	CHECK_DIAG(&diag, DIAG_ERROR, "faq.csv", 9, "'2.000899'");
	/* the FAQ of the procedure whose code was overwritten now has no procedure */
	CHECK_DIAG(&diag, DIAG_ERROR, "faq.csv", 7, "'1.000656'");
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);
}

/* Files that are not what they say, or not files at all. */
static void test_blobs(void)
{
	char *dir = good_copy();
	char *p = xasprintf("%s/forms/to_khai_khai_sinh.pdf", dir);
	spit(p, "<html>not a pdf</html>", 22);
	free(p);
	p = xasprintf("%s/images/niem_yet.png", dir);
	unlink(p);
	CHECK(symlink("/etc/passwd", p) == 0);
	free(p);
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "procedures.csv", 2,
	           "forms/to_khai_khai_sinh.pdf: is not a PDF");
	CHECK_DIAG(&diag, DIAG_ERROR, "news.csv", 2, "images/niem_yet.png: is a symbolic link");
	CHECK(d.n_blobs == 0);
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);

	/* A form over 20 MiB (sparse, so the test stays cheap). */
	dir = good_copy();
	p = xasprintf("%s/forms/to_khai_khai_sinh.pdf", dir);
	CHECK(truncate(p, (off_t)BUNDLE_MAX_FORM + 1) == 0);
	free(p);
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "procedures.csv", 2, "larger than the limit");
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);

	/* A CSV over 32 MiB. */
	dir = good_copy();
	p = xasprintf("%s/news.csv", dir);
	CHECK(truncate(p, (off_t)BUNDLE_MAX_CSV + 1) == 0);
	free(p);
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "news.csv", 0, "larger than the limit");
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);

	/* A cell over 64 KiB. */
	dir = good_copy();
	char *big = xmalloc(BUNDLE_MAX_CELL + 100);
	memset(big, 'a', BUNDLE_MAX_CELL + 99);
	big[BUNDLE_MAX_CELL + 99] = '\0';
	memcpy(big, "Cấp cứu y tế,", strlen("Cấp cứu y tế,"));
	replace(dir, "hotlines.csv", "Cấp cứu y tế,", big);
	free(big);
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "hotlines.csv", 8, "longer than the limit of 64 KiB");
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);
}

static void test_files(void)
{
	catalog_data d = {0};
	diag_list diag = {0};
	char *dir = good_copy();
	char *p = xasprintf("%s/hotlines.csv", dir);
	unlink(p);
	free(p);
	put(dir, "procedure.csv", "ma_thu_tuc\n");
	put(dir, "SHA256SUMS", "0000  bundle.ini\n");
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "hotlines.csv", 0, "required file is missing");
	CHECK_DIAG(&diag, DIAG_WARNING, "procedure.csv", 0, "unknown file");
	CHECK_DIAG(&diag, DIAG_WARNING, "SHA256SUMS", 0, "signature was not checked");
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);

	/* Two spellings of one name: which one would Windows show? */
	dir = good_copy();
	put(dir, "Hotlines.CSV", "co_quan,dien_thoai\nA,113\n");
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK(has(&diag, DIAG_ERROR, "Hotlines.CSV", 0, "differ only in upper/lower case") ||
	      has(&diag, DIAG_ERROR, "hotlines.csv", 0, "differ only in upper/lower case"));
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);

	/* A quote opened on line 3 and never closed */
	dir = good_copy();
	put(dir, "feedback.csv", "ngay,noi_dung\n01/01/2026,Tốt\n02/01/2026,\"Chưa đóng\n\n");
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "feedback.csv", 3, "never closed");
	CHECK(d.n_feedbacks == 1);
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);

	/* An empty procedures.csv */
	dir = good_copy();
	put(dir, "procedures.csv", "");
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "procedures.csv", 0, "the file is empty");
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);

	CHECK(!read_dir("/nonexistent/motcua", NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "/nonexistent/motcua", 0, "cannot open the bundle folder");
	catalog_data_clear(&d);
	diag_clear(&diag);
}

static void test_version(void)
{
	catalog_data d = {0};
	diag_list diag = {0};
	bundle_opts opts = {.installed_version = 1};
	CHECK(!read_dir(good_dir, &opts, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "bundle.ini", 3, "--allow-downgrade");
	catalog_data_clear(&d);
	diag_clear(&diag);
	opts.allow_downgrade = true;
	CHECK(read_dir(good_dir, &opts, &d, &diag));
	CHECK(diag.n == 0);
	catalog_data_clear(&d);
	diag_clear(&diag);
	opts = (bundle_opts){.installed_version = 0};
	CHECK(read_dir(good_dir, &opts, &d, &diag));
	catalog_data_clear(&d);
	diag_clear(&diag);
}

/* --- other encodings and spreadsheet dialects --- */

static char *to_cp1258(const char *utf8, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("WINDOWS-1258", "UTF-8");
	CHECK(cd != (iconv_t)-1);
	size_t cap = len + 16;
	char *out = xmalloc(cap), *op = out, *in = (char *)utf8;
	size_t in_left = len, out_left = cap;
	CHECK(iconv(cd, &in, &in_left, &op, &out_left) != (size_t)-1);
	CHECK(iconv(cd, NULL, NULL, &op, &out_left) != (size_t)-1);
	iconv_close(cd);
	*out_len = (size_t)(op - out);
	return out;
}

static void test_cp1258(const catalog_data *good)
{
	char *dir = good_copy();
	const char *files[] = {"procedures.csv", "faq.csv",     "hotlines.csv",
	                       "feedback.csv",   "indices.csv", "news.csv"};
	bool decomposed = false;
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *p = xasprintf("%s/%s", dir, files[i]);
		size_t n, m;
		char *s = slurp(p, &n);
		char *c = to_cp1258(s, n, &m);
		/* Windows-1258 has no "ệ": it is "ê" plus a combining dot below (0xF2). */
		decomposed = decomposed || memchr(c, 0xF2, m);
		spit(p, c, m);
		free(s);
		free(c);
		free(p);
	}
	CHECK(decomposed);
	replace(dir, "bundle.ini", "[bundle]\n", "[bundle]\nma_hoa = Windows-1258\n");
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(read_dir(dir, NULL, &d, &diag));
	CHECK(diag.n == 0);
	diag_dump(&diag);
	CHECK(catalogs_equal(good, &d));
	if (d.n_procs)
		CHECK_STR(d.procs[0].name, "Thủ tục đăng ký khai sinh");
	catalog_data_clear(&d);
	diag_clear(&diag);

	/* Without ma_hoa the same files are refused, with the way out. */
	replace(dir, "bundle.ini", "ma_hoa = Windows-1258\n", "");
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "procedures.csv", 2, "ma_hoa = windows-1258");
	CHECK_DIAG(&diag, DIAG_ERROR, "hotlines.csv", 2, "\"CSV UTF-8 (Comma delimited)\"");
	catalog_data_clear(&d);
	diag_clear(&diag);

	/* 0x81 is not a character in Windows-1258 either. */
	replace(dir, "bundle.ini", "[bundle]\n", "[bundle]\nma_hoa = cp1258\n");
	put(dir, "hotlines.csv", "co_quan,dien_thoai\nC\xf4ng an x\xe3,113\n\x81,114\n");
	CHECK(!read_dir(dir, NULL, &d, &diag));
	CHECK_DIAG(&diag, DIAG_ERROR, "hotlines.csv", 3, "byte 0x81 is not Windows-1258 text");
	CHECK(diag.errors == 1);
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);
}

/* What Excel on a Vietnamese Windows saves: ';', BOM, CRLF, the Vietnamese
 * headings (some in capitals without diacritics), and FAT's upper case. */
static void excel_file(const char *src_dir, const char *dst_dir, const char *name,
                       const char *new_name, bool plain_headings)
{
	char *p = xasprintf("%s/%s", src_dir, name);
	size_t n;
	char *s = slurp(p, &n);
	free(p);
	csv_table t = {0};
	int line;
	CHECK(csv_parse(s, n, 0, &t, &line) == CSV_OK);
	free(s);
	const bundle_table *schema = bundle_schema_table(name);
	char *out = NULL;
	size_t len = 0, cap = 0;
	out = xgrow(out, &cap, 1, 1);
	for (size_t r = 0; r < t.n_rows; r++) {
		/* Columns in reverse order: they are found by name, not place. */
		for (size_t k = t.rows[r].n; k-- > 0;) {
			const char *cell = t.rows[r].cells[k];
			char *heading = NULL;
			if (r == 0) {
				for (size_t j = 0; j < schema->n_columns; j++)
					if (!strcmp(schema->columns[j].key, cell))
						heading =
						    plain_headings
						        ? text_fold(schema->columns[j].heading)
						        : xstrdup(schema->columns[j].heading);
				if (heading && plain_headings)
					for (char *h = heading; *h; h++)
						if (*h >= 'a' && *h <= 'z')
							*h = (char)(*h - 'a' + 'A');
			}
			csv_write_cell(&out, &len, &cap, heading ? heading : cell, ';');
			free(heading);
			out = xgrow(out, &cap, len + 3, 1);
			if (k)
				out[len++] = ';';
		}
		out = xgrow(out, &cap, len + 3, 1);
		out[len++] = '\r';
		out[len++] = '\n';
	}
	csv_table_free(&t);
	char *with_bom = xmalloc(len + 3);
	memcpy(with_bom, "\xEF\xBB\xBF", 3);
	memcpy(with_bom + 3, out, len);
	p = xasprintf("%s/%s", dst_dir, new_name);
	spit(p, with_bom, len + 3);
	free(p);
	free(with_bom);
	free(out);
}

static void test_excel(const catalog_data *good)
{
	char *dir = xasprintf("%s/excel", tmp_root);
	mkdir(dir, 0755);
	excel_file(good_dir, dir, "procedures.csv", "PROCEDURES.CSV", false);
	excel_file(good_dir, dir, "faq.csv", "Faq.csv", false);
	excel_file(good_dir, dir, "hotlines.csv", "HOTLINES.CSV", true);
	excel_file(good_dir, dir, "feedback.csv", "FEEDBACK.CSV", true);
	excel_file(good_dir, dir, "indices.csv", "Indices.Csv", false);
	excel_file(good_dir, dir, "news.csv", "NEWS.CSV", false);
	char *src = xasprintf("%s/bundle.ini", good_dir);
	size_t n;
	char *ini = slurp(src, &n);
	char *dst = xasprintf("%s/BUNDLE.INI", dir);
	spit(dst, ini, n);
	free(ini);
	free(src);
	free(dst);
	char *sub = xasprintf("%s/FORMS", dir), *sub2 = xasprintf("%s/Images", dir);
	mkdir(sub, 0755);
	mkdir(sub2, 0755);
	src = xasprintf("%s/forms/to_khai_khai_sinh.pdf", good_dir);
	dst = xasprintf("%s/To_Khai_Khai_Sinh.PDF", sub);
	char *data = slurp(src, &n);
	spit(dst, data, n);
	free(data);
	free(src);
	free(dst);
	src = xasprintf("%s/images/niem_yet.png", good_dir);
	dst = xasprintf("%s/niem_yet.png", sub2);
	data = slurp(src, &n);
	spit(dst, data, n);
	free(data);
	free(src);
	free(dst);
	free(sub);
	free(sub2);

	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(read_dir(dir, NULL, &d, &diag));
	CHECK(diag.n == 0);
	diag_dump(&diag);
	CHECK(d.n_procs == 4 && d.n_hotlines == 7 && d.n_feedbacks == 2 && d.n_faqs == 8);
	/* The form is found whatever the case, and stored under its own name. */
	if (d.n_procs)
		CHECK_STR(d.procs[0].forms.n ? d.procs[0].forms.v[0].extra : NULL,
		          "forms/To_Khai_Khai_Sinh.PDF");
	bundle_diff df;
	diff_both(good, &d, &df);
	CHECK(!df.n_added && !df.n_removed && !df.hotlines_changed && !df.indices_changed &&
	      !df.news_changed && !df.faq_changed && !df.feedback_changed);
	/* only the form's file name changed */
	CHECK(df.n_changed == 1);
	if (df.n_changed == 1)
		CHECK_STR(df.changed[0], "1.001193\tThủ tục đăng ký khai sinh");
	bundle_diff_clear(&df);
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);
}

/* --- what an import would change --- */

static bool lists_equal(char **a, size_t na, char **b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]))
			return false;
	return true;
}

/* bundle_diff_compute(old, new), checked against bundle_diff_catalog, which
 * reads old from a catalogue file one record at a time: both must agree. */
static void diff_both(const catalog_data *old, const catalog_data *new_cat, bundle_diff *df)
{
	bundle_diff_compute(old, new_cat, df);
	char *path = xasprintf("%s/diff.sqlite", tmp_root);
	char *err = NULL;
	catalog *c = NULL;
	if (old->n_procs || old->n_hotlines) {
		CHECK(catalog_write(path, old, &err) == 0);
		free(err);
		c = catalog_open(path, NULL);
		CHECK(c != NULL);
	}
	bundle_diff s;
	CHECK(bundle_diff_catalog(c, new_cat, &s) == 0);
	CHECK(lists_equal(df->added, df->n_added, s.added, s.n_added));
	CHECK(lists_equal(df->changed, df->n_changed, s.changed, s.n_changed));
	CHECK(lists_equal(df->removed, df->n_removed, s.removed, s.n_removed));
	/* Both name the same changed fields. */
	CHECK(lists_equal(df->changed_fields, df->n_changed, s.changed_fields, s.n_changed));
	CHECK(df->hotlines_changed == s.hotlines_changed &&
	      df->indices_changed == s.indices_changed && df->news_changed == s.news_changed &&
	      df->faq_changed == s.faq_changed && df->feedback_changed == s.feedback_changed);
	bundle_diff_clear(&s);
	catalog_close(c);
	unlink(path);
	free(path);
}

static void test_diff(const catalog_data *good)
{
	char *dir = good_copy();
	replace(dir, "procedures.csv", "\n1.002211,Thủ tục công nhận hòa giải viên (cấp xã),",
	        "\n1.002212,Thủ tục công nhận hòa giải viên (cấp xã),");
	replace(dir, "procedures.csv", "Thủ tục đăng ký khai tử,",
	        "Thủ tục đăng ký khai tử (sửa),");
	replace(dir, "procedures.csv", "Thủ tục đăng ký khai tử (sửa),Hộ tịch,Cấp xã,",
	        "Thủ tục đăng ký khai tử (sửa),Hộ tịch,Cấp huyện,");
	replace(dir, "hotlines.csv", ",115,", ",116,");
	char *p = xasprintf("%s/images/niem_yet.png", dir);
	size_t n;
	char *png = slurp(p, &n);
	png[n - 13] ^= 1; /* a different picture under the same name */
	spit(p, png, n);
	free(png);
	free(p);
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(read_dir(dir, NULL, &d, &diag));
	bundle_diff df;
	diff_both(good, &d, &df);
	CHECK(df.n_added == 1 && df.n_changed == 1 && df.n_removed == 1);
	if (df.n_added == 1)
		CHECK_STR(df.added[0], "1.002212\tThủ tục công nhận hòa giải viên (cấp xã)");
	if (df.n_changed == 1) {
		CHECK_STR(df.changed[0], "1.000656\tThủ tục đăng ký khai tử (sửa)");
		/* what changed, by the column titles staff see in Excel */
		CHECK_STR(df.changed_fields[0], "Tên thủ tục; Cấp thực hiện");
	}
	if (df.n_removed == 1)
		CHECK_STR(df.removed[0], "1.002211\tThủ tục công nhận hòa giải viên (cấp xã)");
	CHECK(df.hotlines_changed && df.news_changed);
	CHECK(!df.indices_changed && !df.faq_changed && !df.feedback_changed);
	bundle_diff_clear(&df);
	bundle_diff_clear(&df); /* clearing twice is harmless */

	/* Against an empty store everything is new. */
	catalog_data empty = {0};
	diff_both(&empty, good, &df);
	CHECK(df.n_added == 4 && !df.n_changed && !df.n_removed && df.hotlines_changed);
	bundle_diff_clear(&df);
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);
}

/* --- size: 10,000 procedures (~30 MB) read and checked in about a second --- */

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_large(void)
{
	char *dir = good_copy();
	char *path = xasprintf("%s/procedures.csv", dir);
	size_t n;
	char *s = slurp(path, &n);
	csv_table t = {0};
	int line;
	CHECK(csv_parse(s, n, 0, &t, &line) == CSV_OK && t.n_rows == 5);
	free(s);
	char *out = NULL;
	size_t len = 0, cap = 0;
	for (size_t k = 0; k < t.rows[0].n; k++) {
		out = xgrow(out, &cap, len + 2, 1);
		if (k)
			out[len++] = ',';
		csv_write_cell(&out, &len, &cap, t.rows[0].cells[k], ',');
	}
	out = xgrow(out, &cap, len + 2, 1);
	out[len++] = '\n';
	/* the record of 1.002211 (about 3 KB) 10,000 times with new codes and names */
	const csv_row *row = &t.rows[4];
	for (int i = 0; i < 10000; i++) {
		char code[32], name[256];
		snprintf(code, sizeof code, "%d.%06d", 1 + i % 3, 100000 + i);
		snprintf(name, sizeof name, "%s số %d", row->cells[1], i);
		for (size_t k = 0; k < row->n; k++) {
			if (k) {
				out = xgrow(out, &cap, len + 2, 1);
				out[len++] = ',';
			}
			csv_write_cell(&out, &len, &cap,
			               k == 0   ? code
			               : k == 1 ? name
			                        : row->cells[k],
			               ',');
		}
		out = xgrow(out, &cap, len + 2, 1);
		out[len++] = '\n';
	}
	csv_table_free(&t);
	spit(path, out, len);
	free(out);
	free(path);
	/* the FAQ and feedback refer to procedures this bundle no longer has */
	put(dir, "faq.csv", "ma_thu_tuc,cau_hoi,tra_loi\n");
	put(dir, "feedback.csv", "ngay,noi_dung\n");

	catalog_data d = {0};
	diag_list diag = {0};
	double t0 = now_s();
	bool ok = read_dir(dir, NULL, &d, &diag);
	double dt = now_s() - t0;
	CHECK(ok && d.n_procs == 10000);
	diag_dump(&diag);
	fprintf(stderr, "10,000 procedures, %.1f MB: read and checked in %.3f s\n",
	        (double)len / 1e6, dt);
#if !defined(__SANITIZE_ADDRESS__)
	CHECK(dt < 1.5 * test_time_scale());
#endif
	/* ... and exported again in the same canonical form */
	char *a = xasprintf("%s/large_export", tmp_root);
	t0 = now_s();
	CHECK(bundle_write(a, &d, &diag) == 0);
	fprintf(stderr, "exported in %.3f s\n", now_s() - t0);
	char *pa = xasprintf("%s/procedures.csv", a), *pb = xasprintf("%s/procedures.csv", dir);
	CHECK(files_equal(pa, pb));
	free(pa);
	free(pb);
	free(a);
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);
}

static void test_too_many(void)
{
	char *dir = good_copy();
	size_t cap = 0, len = 0;
	char *out = NULL;
	const char *head = "ma_thu_tuc,ten_thu_tuc,linh_vuc,trinh_tu,thanh_phan_ho_so,thoi_han\n";
	out = xgrow(out, &cap, strlen(head) + 1, 1);
	strcpy(out, head);
	len = strlen(head);
	for (int i = 0; i <= BUNDLE_MAX_PROCS; i++) {
		char row[160];
		int k = snprintf(row, sizeof row,
		                 "1.%06d,Thủ tục %d,Hộ tịch,Nộp hồ sơ,Tờ khai,5 ngày\n", i, i);
		out = xgrow(out, &cap, len + (size_t)k + 1, 1);
		memcpy(out + len, row, (size_t)k + 1);
		len += (size_t)k;
	}
	char *p = xasprintf("%s/procedures.csv", dir);
	spit(p, out, len);
	free(p);
	free(out);
	put(dir, "faq.csv", "ma_thu_tuc,cau_hoi,tra_loi\n");
	put(dir, "feedback.csv", "ngay,noi_dung\n");
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(!read_dir(dir, NULL, &d, &diag));
	/* reported at the first record over the limit (line 1 is the header) */
	CHECK_DIAG(&diag, DIAG_ERROR, "procedures.csv", BUNDLE_MAX_PROCS + 2,
	           "more than the limit of 20000 procedures");
	catalog_data_clear(&d);
	diag_clear(&diag);
	free(dir);
}

int main(void)
{
	i18n_init();
	const char *src = getenv("MOTCUA_SRC");
	snprintf(good_dir, sizeof good_dir, "%s/tests/fixtures/good", src ? src : ".");
	if (!mkdtemp(tmp_root)) {
		perror("mkdtemp");
		return 3;
	}
	catalog_data good = {0};
	diag_list diag = {0};
	if (!read_dir(good_dir, NULL, &good, &diag)) {
		diag_dump(&diag);
		fprintf(stderr, "the good fixture does not read\n");
		return 1;
	}
	diag_clear(&diag);

	test_good();
	test_roundtrip();
	test_broken();
	test_rows();
	test_many_errors();
	test_blobs();
	test_files();
	test_version();
	test_cp1258(&good);
	test_excel(&good);
	test_diff(&good);
	test_too_many();
	test_large();

	catalog_data_clear(&good);
	char *cmd = xasprintf("rm -rf '%s'", tmp_root);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp_root);
	free(cmd);
	return TEST_DONE();
}
