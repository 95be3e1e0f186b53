/* bench_pdf [--store DIR --code CODE] [--trace FILE] [ROUNDS] — time and
 * size of a procedure sheet, against a bare libharu program drawing the same
 * page (pdf_bare.h).
 *
 * The sheet is what the kiosk makes when a citizen taps "In hướng dẫn":
 * pdf_sheet_write of a procedure built in code with the shape of a typical
 * published record (nine steps, two channels, a documents table with section
 * lines, fees, legal basis, FAQ, URL with QR code), sized to fill two pages;
 * or, with --store and --code, the full guide of that procedure of the
 * catalogue in the store DIR (with its FAQ and hotlines, as `motcua pdf`).
 * Reported: the median and p90 wall time of pdf_sheet_write over ROUNDS
 * (default 40) runs after two warm-ups, the median of the bare replay, their
 * ratio, and both file sizes. --trace writes the sheet's drawing calls to
 * FILE, for the whole-process floor (bench_pdf_bare).
 * Targets: median ≤ 1.5 × the bare libharu time, size ≤ 60 KB (two pages). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "model.h"
#include "pdf_bare.h"
#include "pdf_sheet.h"
#include "xalloc.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Page count of a libharu PDF: its page tree's /Count, written uncompressed. */
static int pdf_pages(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char *buf = xmalloc(1 << 22);
	size_t n = fread(buf, 1, (1 << 22) - 1, f);
	fclose(f);
	buf[n] = 0;
	int pages = -1;
	for (size_t i = 0; i + 12 < n; i++)
		if (!memcmp(buf + i, "/Type /Pages", 12)) {
			const char *c = strstr(buf + i, "/Count ");
			if (c)
				pages = atoi(c + 7);
			break;
		}
	free(buf);
	return pages;
}

static void build(procedure *p, int extra_steps)
{
	p->code = xstrdup("1.001193");
	p->name = xstrdup("Thủ tục đăng ký khai sinh");
	p->field = xstrdup("Hộ tịch");
	p->level = xstrdup("Cấp xã");
	static const char *const steps[] = {
	    "Người yêu cầu đăng ký khai sinh nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả "
	    "của Ủy ban nhân dân cấp xã hoặc nộp trực tuyến qua Cổng Dịch vụ công quốc gia.",
	    "Người tiếp nhận kiểm tra ngay toàn bộ hồ sơ, đối chiếu thông tin trong Tờ khai và "
	    "tính hợp lệ của giấy tờ trong hồ sơ do người yêu cầu nộp, xuất trình.",
	    "Trường hợp hồ sơ đầy đủ, hợp lệ, người tiếp nhận viết giấy tiếp nhận, trong đó "
	    "ghi rõ ngày, giờ trả kết quả; nếu hồ sơ chưa đầy đủ thì hướng dẫn bổ sung.",
	    "Ngay sau khi nhận đủ giấy tờ theo quy định, nếu thấy thông tin khai sinh đầy đủ "
	    "và phù hợp, công chức tư pháp - hộ tịch ghi nội dung khai sinh vào Sổ hộ tịch.",
	};
	for (int i = 0; i < 4 + extra_steps; i++)
		item_list_add(&p->steps, steps[i % 4], NULL);
	item_list_add(&p->channels, "Trực tiếp", "Thời hạn: ngay trong ngày; Lệ phí: miễn phí");
	item_list_add(&p->channels, "Trực tuyến", "Thời hạn: ngay trong ngày; Lệ phí: miễn phí");
	item_list_add(&p->documents, "* Giấy tờ phải nộp:", NULL);
	item_list_add(&p->documents, "Tờ khai đăng ký khai sinh theo mẫu", "01 bản chính");
	item_list_add(&p->documents,
	              "Bản chính giấy chứng sinh; trường hợp không có giấy chứng sinh thì nộp văn "
	              "bản của người làm chứng xác nhận về việc sinh",
	              "01 bản chính");
	item_list_add(&p->documents, "Văn bản ủy quyền được chứng thực (nếu ủy quyền)",
	              "01 bản chính");
	item_list_add(&p->documents, "* Giấy tờ phải xuất trình:", NULL);
	item_list_add(&p->documents, "Hộ chiếu, Thẻ căn cước hoặc giấy tờ tùy thân có ảnh",
	              "01 bản chính");
	item_list_add(&p->forms, "Tờ khai đăng ký khai sinh", "forms/tokhai.pdf");
	p->deadline =
	    xstrdup("Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ mà "
	            "không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.");
	p->fees = xstrdup("Miễn lệ phí đối với đăng ký khai sinh đúng hạn; 8.000 đồng/bản sao "
	                  "Trích lục nếu có yêu cầu.");
	p->subjects = xstrdup("Công dân Việt Nam");
	p->agency = xstrdup("Ủy ban nhân dân cấp xã");
	p->result = xstrdup("Giấy khai sinh (bản chính), bản sao Giấy khai sinh nếu có yêu cầu");
	item_list_add(&p->legal, "Luật Hộ tịch", "60/2014/QH13");
	item_list_add(&p->legal,
	              "Nghị định quy định chi tiết một số điều và biện pháp thi hành "
	              "Luật Hộ tịch",
	              "123/2015/NĐ-CP");
	p->decision = xstrdup("Quyết định số 1872/QĐ-BTP");
	p->url = xstrdup(
	    "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-9de5-75ef-95ab-c10482f48dc8");
}

/* Median of n timings (sorts them). */
static double median(double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	return t[n / 2];
}

static long long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

int main(int argc, char **argv)
{
	const char *store = NULL, *code = NULL, *trace_path = NULL;
	int rounds = 40;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--store") && i + 1 < argc)
			store = argv[++i];
		else if (!strcmp(argv[i], "--code") && i + 1 < argc)
			code = argv[++i];
		else if (!strcmp(argv[i], "--trace") && i + 1 < argc)
			trace_path = argv[++i];
		else
			rounds = atoi(argv[i]);
	}
	if (rounds < 1)
		rounds = 40;
	char dir[] = "/tmp/bench_pdf.XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 3;
	}
	char *path = xasprintf("%s/sheet.pdf", dir);
	hotline hl[] = {
	    {.agency = "Bộ phận một cửa xã Chiềng Sơn", .phone = "0212 000 0001"},
	    {.agency = "Tổng đài Dịch vụ công quốc gia", .phone = "1800 1096"},
	};
	faq fq[] = {{.code = "1.001193",
	             .question = "Sinh con bao lâu thì phải đi đăng ký khai sinh?",
	             .answer =
	                 "Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm "
	                 "đăng ký khai sinh cho con."}};
	pdf_sheet_ctx ctx = {.unit_name = "UBND xã Chiềng Sơn",
	                     .hotlines = hl,
	                     .n_hotlines = 2,
	                     .faqs = fq,
	                     .n_faqs = 1,
	                     .printed_at = 1700000000};

	procedure p = {0};
	int extra = 0, pages = 0;
	catalog *cat = NULL;
	faq *faqs = NULL;
	size_t n_faqs = 0;
	catalog_data extras = {0};
	if (store || code) {
		char *cpath = xasprintf("%s/catalog.sqlite", store ? store : ".");
		char *err = NULL;
		cat = catalog_open(cpath, &err);
		free(cpath);
		procedure *q = cat && code ? catalog_get(cat, code) : NULL;
		if (!q) {
			fprintf(stderr, "bench: no procedure %s in %s (%s)\n", code ? code : "?",
			        store ? store : ".", err ? err : "not found");
			return 3;
		}
		p = *q;
		free(q);
		n_faqs = catalog_faqs(cat, code, &faqs);
		catalog_load_extras(cat, &extras);
		const bundle_info *info = catalog_info(cat);
		ctx.unit_name = info ? info->unit : NULL;
		ctx.hotlines = extras.hotlines;
		ctx.n_hotlines = extras.n_hotlines;
		ctx.faqs = faqs;
		ctx.n_faqs = n_faqs;
		goto measure;
	}
	/* Grow the steps until the sheet takes two pages, so the figure is for
	 * what the target names whatever the layout's spacing. */
	for (; extra < 40; extra++) {
		procedure_clear(&p);
		memset(&p, 0, sizeof p);
		build(&p, extra);
		char *err = NULL;
		if (pdf_sheet_write(&p, &ctx, path, &err) < 0) {
			fprintf(stderr, "bench: %s\n", err);
			return 3;
		}
		pages = pdf_pages(path);
		if (pages >= 2)
			break;
	}
	/* The fullest two-page sheet: one step more would make three. */
	for (;;) {
		procedure q = {0};
		build(&q, extra + 1);
		pdf_sheet_write(&q, &ctx, path, NULL);
		int n = pdf_pages(path);
		procedure_clear(&q);
		if (n != 2)
			break;
		extra++;
	}
	procedure_clear(&p);
	memset(&p, 0, sizeof p);
	build(&p, extra);

measure:;
	/* The drawing calls of this sheet, for the bare libharu replay. */
	char *trace = NULL;
	size_t trace_len = 0;
	ctx.trace = open_memstream(&trace, &trace_len);
	if (pdf_sheet_write(&p, &ctx, path, NULL) < 0)
		return 3;
	fclose(ctx.trace);
	ctx.trace = NULL;
	if (trace_path) {
		FILE *f = fopen(trace_path, "w");
		if (!f || fwrite(trace, 1, trace_len, f) != trace_len || fclose(f) != 0) {
			perror(trace_path);
			return 3;
		}
	}
	char *bare_path = xasprintf("%s/bare.pdf", dir);
	const char *font_dir = pdf_sheet_font_dir();

	double *t = xcalloc((size_t)rounds, sizeof *t);
	double *b = xcalloc((size_t)rounds, sizeof *b);
	/* Interleaved, so that a busy machine slows both alike. */
	for (int i = -2; i < rounds; i++) {
		double t0 = now_ms();
		if (pdf_sheet_write(&p, &ctx, path, NULL) < 0)
			return 3;
		double t1 = now_ms();
		if (pdf_bare_write(trace, font_dir, bare_path) < 0) {
			fprintf(stderr, "bench: the bare libharu replay failed\n");
			return 3;
		}
		double t2 = now_ms();
		if (i >= 0) {
			t[i] = t1 - t0;
			b[i] = t2 - t1;
		}
	}
	double p90 = 0;
	{
		double *c = xcalloc((size_t)rounds, sizeof *c);
		memcpy(c, t, (size_t)rounds * sizeof *c);
		qsort(c, (size_t)rounds, sizeof *c, cmp_double);
		p90 = c[rounds * 9 / 10];
		free(c);
	}
	double tm = median(t, rounds), bm = median(b, rounds);
	long long size = file_size(path), bare_size = file_size(bare_path);
	pages = pdf_pages(path);
	printf("pdf_sheet_write, %d-page sheet %s (%zu steps, %zu documents): median %.2f ms, "
	       "p90 %.2f ms over %d runs\n",
	       pages, p.code ? p.code : "", p.steps.n, p.documents.n, tm, p90, rounds);
	printf("bare libharu, same page: median %.2f ms; ratio %.2f (target <= 1.5)\n", bm,
	       tm / bm);
	printf("file size: %lld bytes = %.1f KB (target <= 60 KB for two pages); bare libharu "
	       "%.1f KB\n",
	       size, (double)size / 1024, (double)bare_size / 1024);
	unlink(path);
	unlink(bare_path);
	rmdir(dir);
	free(path);
	free(bare_path);
	free(trace);
	free(t);
	free(b);
	procedure_clear(&p);
	catalog_faqs_free(faqs, n_faqs);
	catalog_data_clear(&extras);
	if (cat)
		catalog_close(cat);
	return pages == 2 || code ? 0 : 1;
}
