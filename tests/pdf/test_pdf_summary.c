/* test_pdf_summary — the one-page summary (`motcua pdf CODE --summary`) of
 * EVERY procedure of the sample catalogue (issue 15 item 5).
 *
 * The sheets come from the real binary on a fresh store filled from
 * data/motcua; the expectations from the sample bundle itself (read with the
 * real bundle reader). For each procedure: exactly one page (pdfinfo), the
 * heading "Giấy tờ cần mang theo", the code line, the start of the name, of
 * the deadline and of the first document to bring, "Trang 1/1" and the
 * first hotline; and the QR code, read at 150 dpi with zbarimg as a phone
 * would, gives back the procedure's URL. The kết hôn guide (1.000894), six
 * pages in full, is checked against its full sheet too: the summary is one
 * of its pages' worth, the full guide still more than one. Text is compared
 * NFC and without white space and hyphens, so line wrapping does not matter. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bundle.h"
#include "model.h"
#include "testlib.h"
#include "text.h"
#include "xalloc.h"
#include "pdf_testlib.h"

static char tmpdir[] = "/tmp/test_pdf_summary.XXXXXX";

/* The first at most max bytes of norm(s), ending on a character boundary:
 * the part of a long text that a summary keeps whatever it cuts. */
static char *norm_start(const char *s, size_t max)
{
	char *n = norm(s);
	size_t len = strlen(n);
	if (len > max) {
		while (max > 0 && ((unsigned char)n[max] & 0xC0) == 0x80)
			max--;
		n[max] = 0;
	}
	return n;
}

static int pages_of(const char *pdf)
{
	int st;
	char *info = run(&st, "pdfinfo '%s' 2>/dev/null", pdf);
	const char *pg = strstr(info, "Pages:");
	int pages = pg ? atoi(pg + 6) : 0;
	free(info);
	return pages;
}

/* The first document a citizen brings, as the catalogue lists it: a line
 * with a quantity of at least one paper that is not an indented sub-item. */
static const char *first_document(const procedure *p)
{
	for (size_t i = 0; i < p->documents.n; i++) {
		const item *it = &p->documents.v[i];
		if (str_empty(it->text) || str_empty(it->extra) || strchr("-+*", it->text[0]) ||
		    !strncmp(it->text, "•", strlen("•")) || !strncmp(it->text, "–", strlen("–")))
			continue;
		if (strpbrk(it->extra, "123456789"))
			return it->text;
	}
	return NULL;
}

/* want: a text the summary must show (its normalised start). */
static int expect_text(const procedure *p, const char *text, const char *s, size_t max,
                       const char *what)
{
	if (str_empty(s))
		return 0;
	char *w = norm_start(s, max);
	int bad = !strstr(text, w);
	if (bad)
		fprintf(stderr, "%s: the summary lacks %s \"%s\"\n", p->code, what, w);
	free(w);
	return bad;
}

static int check_summary(const catalog_data *d, const procedure *p, const char *bin)
{
	int bad = 0, st;
	char *pdf = xasprintf("%s/%s.pdf", tmpdir, p->code);
	free(run(&st, "'%s' pdf '%s' --summary -o '%s' 2>&1", bin, p->code, pdf));
	if (st != 0) {
		fprintf(stderr, "%s: motcua pdf --summary exited %d\n", p->code, st);
		free(pdf);
		return 1;
	}
	int pages = pages_of(pdf);
	if (pages != 1) {
		fprintf(stderr, "%s: the summary has %d pages, want 1\n", p->code, pages);
		bad++;
	}
	char *raw = run(&st, "pdftotext -enc UTF-8 '%s' - 2>/dev/null", pdf);
	char *text = norm(raw);
	bad += expect_text(p, text, "Giấy tờ cần mang theo", 100, "the documents heading");
	char *code = xasprintf("Mã thủ tục: %s", p->code);
	bad += expect_text(p, text, code, 100, "the code line");
	free(code);
	bad += expect_text(p, text, p->name, 30, "the name");
	bad += expect_text(p, text, "Thời hạn giải quyết", 100, "the deadline heading");
	bad += expect_text(p, text, p->deadline, 24, "the deadline");
	bad += expect_text(p, text, first_document(p), 24, "the first document");
	bad += expect_text(p, text, "Trang 1/1", 100, "the page number");
	if (d->n_hotlines)
		bad += expect_text(p, text, d->hotlines[0].phone, 100, "the first hotline");
	if (!str_empty(p->url)) {
		char *got = run(&st,
		                "pdftoppm -r 150 -gray -png '%s' '%s/qr' 2>/dev/null && "
		                "zbarimg -q --raw '%s'/qr-*.png 2>/dev/null; rm -f '%s'/qr-*.png",
		                pdf, tmpdir, tmpdir, tmpdir);
		size_t len = strlen(got);
		while (len && got[len - 1] == '\n')
			got[--len] = 0;
		if (strcmp(got, p->url)) {
			fprintf(stderr, "%s: the QR code reads \"%s\", want \"%s\"\n", p->code, got,
			        p->url);
			bad++;
		}
		free(got);
	} else {
		bad += expect_text(p, text, "xin hỏi cán bộ tại quầy", 100,
		                   "where to ask for the full guide");
	}
	free(text);
	free(raw);
	if (!bad)
		unlink(pdf);
	free(pdf);
	return bad;
}

int main(void)
{
	const char *bin = getenv("MOTCUA_BIN"), *src = getenv("MOTCUA_SRC");
	if (!bin || !src) {
		fprintf(stderr, "MOTCUA_BIN and MOTCUA_SRC must be set (meson test does)\n");
		return 2;
	}
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 3;
	}
	char *store = xasprintf("%s/store", tmpdir), *conf = xasprintf("%s/none.conf", tmpdir);
	FILE *f = fopen(conf, "w");
	if (f)
		fclose(f);
	setenv("MOTCUA_STORE", store, 1);
	setenv("MOTCUA_CONFIG", conf, 1);

	char *sample = xasprintf("%s/data/motcua", src);
	catalog_data d = {0};
	diag_list diag = {0};
	bundle_opts opts = {0};
	CHECK(bundle_read(sample, &opts, &d, &diag));
	diag_print(&diag, stderr);
	CHECK(d.n_procs >= 76);
	size_t failed = 0, with_url = 0;
	bool ket_hon = false;
	for (size_t i = 0; i < d.n_procs; i++) {
		if (check_summary(&d, &d.procs[i], bin))
			failed++;
		if (!str_empty(d.procs[i].url))
			with_url++;
		if (!strcmp(d.procs[i].code, "1.000894"))
			ket_hon = true;
	}
	fprintf(stderr,
	        "%zu of %zu summaries are one page with what they must show (%zu QR codes)\n",
	        d.n_procs - failed, d.n_procs, with_url);
	CHECK(failed == 0);

	/* Kết hôn: the guide that printed six pages. The full guide is still
	 * there, unchanged in length; the summary names the marriage form. */
	CHECK(ket_hon);
	int st;
	free(run(&st, "'%s' pdf 1.000894 -o '%s/full.pdf' 2>&1", bin, tmpdir));
	CHECK(st == 0);
	char *full = xasprintf("%s/full.pdf", tmpdir);
	int full_pages = pages_of(full);
	fprintf(stderr, "1.000894: the full guide has %d pages\n", full_pages);
	CHECK(full_pages >= 5);
	free(full);
	free(run(&st, "'%s' pdf 1.000894 --summary -o '%s/kh.pdf' 2>&1", bin, tmpdir));
	CHECK(st == 0);
	char *raw = run(&st, "pdftotext -enc UTF-8 '%s/kh.pdf' - 2>/dev/null", tmpdir);
	char *text = norm(raw);
	char *w = norm("Tờ khai đăng ký kết hôn");
	CHECK(strstr(text, w) != NULL);
	free(w);
	w = norm("Thủ tục đăng ký kết hôn");
	CHECK(strstr(text, w) != NULL);
	free(w);
	free(text);
	free(raw);
	/* Both from the CLI, the summary with the full guide's other options. */
	free(run(&st, "'%s' pdf 1.000894 --summary 2>/dev/null", bin));
	CHECK(st == 2);

	diag_clear(&diag);
	catalog_data_clear(&d);
	if (!test_failures)
		free(run(NULL, "rm -rf '%s'", tmpdir));
	else
		fprintf(stderr, "failing summaries kept in %s\n", tmpdir);
	free(sample);
	free(store);
	free(conf);
	return TEST_DONE();
}
