/* test_pdf_sheet — pdf_sheet_write on procedures built in memory, read back
 * with poppler's pdftotext / pdfinfo: what a citizen holding the paper sees.
 *
 * Covers the layout rules of DESIGN §6 without the catalogue: the heading
 * block, every field's text, a documents table that continues on the next
 * page with its header row, a heading never alone at the bottom of a page,
 * "Trang N/M" on every page, the footer's print time, nothing outside the
 * 20 mm margins, and the errors for a missing font or an unwritable file. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model.h"
#include "pdf_sheet.h"
#include "qr.h"
#include "testlib.h"
#include "xalloc.h"

static char tmpdir[] = "/tmp/test_pdf_sheet.XXXXXX";

/* Output of a shell command, as a malloc'd string. */
static char *run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *run(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *cmd = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(cmd, (size_t)len + 1, fmt, ap);
	va_end(ap);
	FILE *f = popen(cmd, "r");
	free(cmd);
	if (!f)
		return xstrdup("");
	size_t n = 0, cap = 4096;
	char *buf = xmalloc(cap);
	size_t k;
	while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n < 2)
			buf = xgrow(buf, &cap, cap + 1, 1);
	}
	buf[n] = 0;
	pclose(f);
	return buf;
}

/* s with every white space removed: line breaks and wrapping do not matter. */
static char *squash(const char *s)
{
	char *o = xmalloc(strlen(s) + 1), *q = o;
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r' && *s != '\f')
			*q++ = *s;
	*q = 0;
	return o;
}

/* Every needle found in hay, each after the previous one. */
static int in_order(const char *hay, const char *const *needles, size_t n)
{
	char *h = squash(hay);
	const char *at = h;
	int ok = 1;
	for (size_t i = 0; i < n; i++) {
		char *nd = squash(needles[i]);
		const char *f = strstr(at, nd);
		if (!f) {
			fprintf(stderr, "  not found (in order): \"%s\"\n", needles[i]);
			ok = 0;
		} else {
			at = f + strlen(nd);
		}
		free(nd);
	}
	free(h);
	return ok;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static int page_count(const char *pdf)
{
	char *info = run("pdfinfo '%s' 2>/dev/null", pdf);
	const char *p = strstr(info, "Pages:");
	int n = p ? atoi(p + 6) : -1;
	free(info);
	return n;
}

/* Text of one page (1-based). */
static char *page_text(const char *pdf, int page)
{
	return run("pdftotext -enc UTF-8 -f %d -l %d '%s' - 2>/dev/null", page, page, pdf);
}

/* Every word box of pdftotext -bbox inside the 20 mm margins of A4. */
static int words_inside_margins(const char *pdf)
{
	char *xml = run("pdftotext -bbox '%s' - 2>/dev/null", pdf);
	int bad = 0, words = 0;
	for (const char *p = strstr(xml, "<word "); p; p = strstr(p + 1, "<word ")) {
		double x0, y0, x1, y1;
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x0, &y0,
		           &x1, &y1) != 4)
			continue;
		words++;
		if (x0 < 56.69 || x1 > 538.59 || y0 < 56.69 || y1 > 785.2) {
			if (bad < 5)
				fprintf(stderr, "  word outside the margins: %.200s\n", p);
			bad++;
		}
	}
	free(xml);
	return words > 0 && bad == 0;
}

static void fill_long(procedure *p)
{
	p->code = xstrdup("9.999999");
	p->name = xstrdup("Thủ tục thử nghiệm rất dài để kiểm tra việc ngắt trang, lặp lại tiêu đề "
	                  "bảng và số trang của phiếu hướng dẫn");
	p->field = xstrdup("Hộ tịch");
	p->level = xstrdup("Cấp xã");
	char buf[512];
	for (int i = 1; i <= 60; i++) {
		snprintf(buf, sizeof buf,
		         "Công dân thực hiện bước thứ %d: nộp hồ sơ tại Bộ phận tiếp nhận và trả "
		         "kết quả của Ủy ban nhân dân xã, kiểm tra kỹ giấy tờ số %d.",
		         i, i);
		item_list_add(&p->steps, buf, NULL);
	}
	item_list_add(&p->documents, "* Giấy tờ phải nộp:", NULL);
	for (int i = 1; i <= 40; i++) {
		snprintf(buf, sizeof buf,
		         "Giấy tờ thứ %d: bản sao có chứng thực giấy tờ tùy thân của người yêu cầu "
		         "đăng ký (hộ chiếu, căn cước) số %d",
		         i, i);
		item_list_add(&p->documents, buf, i % 3 ? "01 bản chính" : "01 bản sao");
		if (i == 20)
			item_list_add(&p->documents, "* Giấy tờ phải xuất trình:", NULL);
	}
	item_list_add(&p->documents, "Tờ khai đăng ký khai sinh theo mẫu", "01 bản chính");
	item_list_add(&p->forms, "Tờ khai đăng ký khai sinh", "forms/tokhai.pdf");
	p->deadline = xstrdup("Ngay trong ngày tiếp nhận hồ sơ");
	p->fees = xstrdup("Miễn lệ phí đăng ký khai sinh đúng hạn; 8.000 đồng đối với việc cấp "
	                  "bản sao Trích lục hộ tịch.");
	p->agency = xstrdup("Ủy ban nhân dân cấp xã");
	p->result = xstrdup("Giấy khai sinh (bản chính)");
	item_list_add(&p->legal, "Luật Hộ tịch", "60/2014/QH13");
	item_list_add(&p->legal, "Nghị định quy định chi tiết Luật Hộ tịch", "123/2015/NĐ-CP");
	p->url = xstrdup("https://dichvucong.gov.vn/p/home/"
	                 "dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.001193");
}

static void test_long_sheet(void)
{
	procedure p = {0};
	fill_long(&p);
	hotline hl[2] = {
	    {.agency = "UBND xã Chiềng Sơn", .phone = "0212 3866 123"},
	    {.agency = "Tổng đài Dịch vụ công quốc gia", .phone = "18001096"},
	};
	faq fq[1] = {{.code = "9.999999",
	              .question = "Có phải nộp lệ phí không?",
	              .answer = "Không, đăng ký khai sinh đúng hạn được miễn lệ phí."}};
	pdf_sheet_ctx ctx = {
	    .unit_name = "UBND xã Chiềng Sơn",
	    .hotlines = hl,
	    .n_hotlines = 2,
	    .faqs = fq,
	    .n_faqs = 1,
	    .printed_at = 1700000000, /* 14/11/2023 22:13 UTC */
	};
	char *path = xasprintf("%s/long.pdf", tmpdir);
	char *err = NULL;
	CHECK(pdf_sheet_write(&p, &ctx, path, &err) == 0);
	CHECK(err == NULL);
	int pages = page_count(path);
	CHECK(pages >= 3);

	char *all = run("pdftotext -enc UTF-8 '%s' - 2>/dev/null", path);
	CHECK(strstr(all, "UBND XÃ CHIỀNG SƠN") != NULL);
	CHECK(strstr(all, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != NULL);
	CHECK(strstr(all, "Độc lập - Tự do - Hạnh phúc") != NULL);
	CHECK(strstr(all, "HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH") != NULL);
	CHECK(strstr(all, "Mã thủ tục: 9.999999") != NULL);
	CHECK(strstr(all, "In lúc 14/11/2023 22:13") != NULL);
	CHECK(strstr(all, "Bước 60.") != NULL);
	CHECK(strstr(all, "Luật Hộ tịch (60/2014/QH13)") != NULL);
	CHECK(strstr(all, "Mẫu số 1") != NULL);
	CHECK(strstr(all, "\xEF\xBF\xBD") == NULL); /* U+FFFD */
	const char *order[] = {p.name,
	                       "Lĩnh vực",
	                       "Hộ tịch",
	                       "Trình tự thực hiện",
	                       p.steps.v[0].text,
	                       p.steps.v[59].text,
	                       "Thành phần hồ sơ",
	                       p.documents.v[1].text,
	                       p.documents.v[40].text,
	                       "Thời hạn giải quyết",
	                       p.deadline,
	                       p.fees,
	                       "Căn cứ pháp lý",
	                       "Nghị định quy định chi tiết",
	                       "Câu hỏi thường gặp",
	                       "Có phải nộp lệ phí không?",
	                       "Không, đăng ký khai sinh đúng hạn"};
	CHECK(in_order(all, order, sizeof order / sizeof *order));
	free(all);

	/* Per page: the page number, the footer, and the table header on every
	 * page the documents table is on. */
	int table_pages = 0;
	for (int pg = 1; pg <= pages; pg++) {
		char *t = page_text(path, pg);
		char want[32];
		snprintf(want, sizeof want, "Trang %d/%d", pg, pages);
		if (!strstr(t, want)) {
			fprintf(stderr, "  page %d lacks \"%s\"\n", pg, want);
			CHECK(0);
		}
		CHECK(strstr(t, "Đường dây nóng: UBND xã Chiềng Sơn: 0212 3866 123") != NULL);
		int docs = count(t, "Giấy tờ thứ");
		if (docs) {
			table_pages++;
			if (!strstr(t, "Tên giấy tờ") || !strstr(t, "Số lượng")) {
				fprintf(stderr, "  page %d has table rows but no header row\n", pg);
				CHECK(0);
			}
		}
		free(t);
	}
	CHECK(table_pages >= 2);
	CHECK(words_inside_margins(path));
	free(path);
	procedure_clear(&p);
}

/* A heading is never the last line of a page: fill a page up to just above
 * its bottom with steps, for every possible remainder, and check that the
 * next heading always comes with text under it. */
static void test_heading_keeps_with_text(void)
{
	int bad = 0;
	for (int n = 30; n <= 46; n++) {
		procedure p = {0};
		p.code = xstrdup("1.000001");
		p.name = xstrdup("Thủ tục ngắn");
		for (int i = 0; i < n; i++)
			item_list_add(&p.steps, "Nộp hồ sơ.", NULL);
		p.conditions = xstrdup("Người yêu cầu phải có mặt khi nhận kết quả; mang theo "
		                       "giấy tờ tùy thân còn hiệu lực để đối chiếu. Trường hợp ủy "
		                       "quyền thì phải có văn bản ủy quyền được chứng thực.");
		char *path = xasprintf("%s/keep%d.pdf", tmpdir, n);
		pdf_sheet_ctx ctx = {.printed_at = 0};
		CHECK(pdf_sheet_write(&p, &ctx, path, NULL) == 0);
		int pages = page_count(path);
		for (int pg = 1; pg <= pages; pg++) {
			char *t = page_text(path, pg);
			/* The last body line of the page comes before the footer. */
			char *foot = strstr(t, "In lúc");
			if (foot) {
				*foot = 0;
				size_t len = strlen(t);
				while (len && (t[len - 1] == '\n' || t[len - 1] == ' ' ||
				               t[len - 1] == '\f'))
					t[--len] = 0;
				const char *last = strrchr(t, '\n');
				last = last ? last + 1 : t;
				if (!strcmp(last, "Yêu cầu, điều kiện")) {
					fprintf(
					    stderr,
					    "  %d steps: heading alone at the bottom of page %d\n",
					    n, pg);
					bad++;
				}
			}
			free(t);
		}
		unlink(path);
		free(path);
		procedure_clear(&p);
	}
	CHECK(bad == 0);
}

static void test_errors(void)
{
	procedure p = {0};
	p.code = xstrdup("1.000001");
	p.name = xstrdup("Thủ tục");
	char *err = NULL;
	pdf_sheet_ctx ctx = {.font_dir = "/nonexistent-fonts"};
	char *path = xasprintf("%s/x.pdf", tmpdir);
	CHECK(pdf_sheet_write(&p, &ctx, path, &err) == -ENOENT);
	CHECK(err && strstr(err, "/nonexistent-fonts/NotoSans-Regular.ttf"));
	free(err);
	err = NULL;
	CHECK(access(path, F_OK) != 0);
	ctx.font_dir = NULL;
	CHECK(pdf_sheet_write(&p, &ctx, "/nonexistent-dir/x.pdf", &err) == -EIO);
	CHECK(err && strstr(err, "/nonexistent-dir/x.pdf"));
	free(err);
	free(path);
	procedure_clear(&p);
}

/* The QR matrix: standard sizes (21 + 4 per version), the three finder
 * patterns in their corners, light outside the matrix, NULL when empty. */
static void test_qr(void)
{
	CHECK(qr_encode(NULL) == NULL);
	CHECK(qr_encode("") == NULL);
	qr_code *q = qr_encode("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html");
	CHECK(q != NULL);
	if (!q)
		return;
	CHECK(q->size >= 21 && (q->size - 21) % 4 == 0);
	int corners[3][2] = {{0, 0}, {q->size - 7, 0}, {0, q->size - 7}};
	for (int c = 0; c < 3; c++) {
		int x = corners[c][0], y = corners[c][1];
		CHECK(qr_dark(q, x, y) && qr_dark(q, x + 6, y + 6)); /* outer ring */
		CHECK(!qr_dark(q, x + 1, y + 1));                    /* light ring */
		CHECK(qr_dark(q, x + 3, y + 3));                     /* centre */
	}
	CHECK(!qr_dark(q, -1, 0) && !qr_dark(q, 0, q->size) && !qr_dark(q, q->size, 3));
	qr_free(q);
	qr_free(NULL);
}

/* A clock known to be wrong (issue 10): the sheet leaves the print time
 * out, and nothing else moves (the same pages, the footer still there). */
static void test_clock_wrong(void)
{
	procedure p = {0};
	fill_long(&p);
	int pages[2] = {0, 0};
	for (int wrong = 0; wrong < 2; wrong++) {
		pdf_sheet_ctx ctx = {.unit_name = "UBND xã Chiềng Sơn", .printed_at = 1577848620, .clock_wrong = wrong};
		char *path = xasprintf("%s/clock-%d.pdf", tmpdir, wrong);
		CHECK(pdf_sheet_write(&p, &ctx, path, NULL) == 0);
		pages[wrong] = page_count(path);
		char *all = run("pdftotext -enc UTF-8 '%s' - 2>/dev/null", path);
		if (wrong) {
			CHECK(strstr(all, "In lúc") == NULL);
			CHECK(strstr(all, "01/01/2020") == NULL);
		} else {
			CHECK(strstr(all, "In lúc 01/01/2020 03:17") != NULL);
		}
		CHECK(strstr(all, "Trang 1/") != NULL);
		free(all);
		free(path);
	}
	CHECK(pages[0] >= 3 && pages[0] == pages[1]);
	procedure_clear(&p);
}

/* The one-page summary of an extreme procedure (a 600-character name, 41
 * long documents with sub-items, a 2000-character deadline and fees, no
 * URL): still one page inside the margins, the first documents cut with
 * "…", the rest counted, and no QR code but where to ask. */
static void test_summary_extreme(void)
{
	procedure p = {0};
	fill_long(&p);
	free(p.url);
	p.url = NULL;
	char *big = xmalloc(4096);
	big[0] = 0;
	for (int i = 0; i < 20; i++)
		strcat(big, "Thời hạn rất dài được ghi đầy đủ từng trường hợp riêng biệt; ");
	free(p.deadline);
	p.deadline = xstrdup(big);
	free(p.fees);
	p.fees = xstrdup(big);
	free(p.name);
	p.name = xstrdup(big);
	for (int i = 0; i < 5; i++)
		item_list_add(&p.documents, "+ Trường hợp riêng: xuất trình thêm giấy tờ",
		              "0 bản chính");
	hotline hl[1] = {{.agency = "UBND xã Chiềng Sơn", .phone = "0212 3866 123"}};
	pdf_sheet_ctx ctx = {.unit_name = "UBND xã Chiềng Sơn",
	                     .hotlines = hl,
	                     .n_hotlines = 1,
	                     .printed_at = 1700000000,
	                     .summary = true};
	char *path = xasprintf("%s/summary.pdf", tmpdir);
	CHECK(pdf_sheet_write(&p, &ctx, path, NULL) == 0);
	CHECK(page_count(path) == 1);
	CHECK(words_inside_margins(path));
	char *all = run("pdftotext -enc UTF-8 '%s' - 2>/dev/null", path);
	char *sq = squash(all);
	CHECK(strstr(all, "Giấy tờ cần mang theo") != NULL);
	CHECK(strstr(all, "Giấy tờ thứ 1:") != NULL);
	CHECK(strstr(all, "…") != NULL);
	CHECK(strstr(sq, "giấytờkhác—xemhướngdẫnđầyđủ") != NULL);
	CHECK(strstr(sq, "Cóthêm5ghichú") != NULL);
	CHECK(strstr(sq, "xinhỏicánbộtạiquầy") != NULL);
	CHECK(strstr(all, "Mã thủ tục: 9.999999") != NULL);
	CHECK(strstr(all, "0212 3866 123") != NULL);
	CHECK(strstr(all, "Trang 1/1") != NULL);
	/* No document appears twice, none past the count. */
	CHECK(strstr(all, "Giấy tờ thứ 40:") == NULL);
	free(sq);
	free(all);
	free(path);
	free(big);
	procedure_clear(&p);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 3;
	}
	test_qr();
	test_long_sheet();
	test_heading_keeps_with_text();
	test_errors();
	test_clock_wrong();
	test_summary_extreme();
	if (!test_failures && !getenv("MOTCUA_KEEP_TMP"))
		free(run("rm -rf '%s'", tmpdir));
	else
		fprintf(stderr, "sheets kept in %s\n", tmpdir);
	return TEST_DONE();
}
