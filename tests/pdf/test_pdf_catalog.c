/* test_pdf_catalog — the sheet of EVERY procedure of the sample catalogue
 * gives back its text (DESIGN §6: "pdftotext of the sheet gives back the
 * catalogue text").
 *
 * The expected text comes from the sample bundle itself (data/motcua, read
 * with the real bundle reader); the sheets come from the real binary
 * (`motcua pdf CODE -o FILE` on a fresh store filled from that bundle) and are
 * read back with poppler's pdftotext. For each procedure, in sheet order:
 * the name and code, every non-empty field's text (each list item, and its
 * second part where the sheet prints it), the FAQ, and the hotline in the
 * footer must all be found, each after the previous one. Both sides are NFC
 * and compared without white space and hyphens, so that line wrapping does
 * not matter but any lost, replaced or reordered character does. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bundle.h"
#include "model.h"
#include "procedure_fields.h"
#include "testlib.h"
#include "text.h"
#include "xalloc.h"
#include "pdf_testlib.h"

static char tmpdir[] = "/tmp/test_pdf_catalog.XXXXXX";


/* Length of the longest prefix of s of at most max bytes that ends on a
 * character boundary, for printing. */
static int clip(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return (int)max;
}

/* One text the sheet must show. */
typedef enum want_kind {
	WANT_ORDERED, /* after the previous ordered text */
	WANT_DOC,     /* a documents-table row: ordered, but a row split across
	               * two pages has its quantity (and the repeated header)
	               * between its halves */
	WANT_QTY,     /* a row's quantity: anywhere after the table's heading,
	               * as text extraction reads a column of short cells in its
	               * own order */
	WANT_TABLE,   /* the table's heading: remembered as where WANT_QTY looks */
} want_kind;

typedef struct want_item {
	const char *s;
	want_kind kind;
	const char *qty; /* WANT_DOC: the row's quantity */
} want_item;

typedef struct expect {
	want_item *v;
	size_t n, cap;
} expect;

static void want(expect *e, const char *s, want_kind kind, const char *qty)
{
	if (str_empty(s))
		return;
	e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof *e->v);
	e->v[e->n++] = (want_item){s, kind, qty};
}

/* The texts the sheet of p must show, in order. */
static void expected(const catalog_data *d, const procedure *p, expect *e)
{
	want(e, p->name, WANT_ORDERED, NULL);
	want(e, p->code, WANT_ORDERED, NULL);
	procedure_fields_iter it;
	procedure_field f;
	procedure_fields_begin(&it, p);
	while (procedure_fields_next(&it, &f)) {
		bool table = f.def->id == PROCEDURE_FIELD_DOCUMENTS;
		want(e, f.def->heading_vi, table ? WANT_TABLE : WANT_ORDERED, NULL);
		if (f.text) {
			want(e, f.text, WANT_ORDERED, NULL);
			continue;
		}
		for (size_t i = 0; i < f.items->n; i++) {
			const item *x = &f.items->v[i];
			if (table) {
				want(e, x->text, WANT_DOC, x->extra);
				want(e, x->extra, WANT_QTY, NULL);
				continue;
			}
			want(e, x->text, WANT_ORDERED, NULL);
			/* A form's file name inside the bundle is not printed; a
			 * legal text's code is, unless its name already has it. */
			if (f.def->id == PROCEDURE_FIELD_FORMS)
				continue;
			if (f.def->id == PROCEDURE_FIELD_LEGAL && x->extra &&
			    strstr(x->text, x->extra))
				continue;
			want(e, x->extra, WANT_ORDERED, NULL);
		}
	}
	for (size_t i = 0; i < d->n_faqs; i++)
		if (d->faqs[i].code && !strcmp(d->faqs[i].code, p->code)) {
			want(e, d->faqs[i].question, WANT_ORDERED, NULL);
			want(e, d->faqs[i].answer, WANT_ORDERED, NULL);
		}
}

/* Removes every occurrence of pat from s, in place. */
static void strip_all(char *s, const char *pat)
{
	size_t n = strlen(pat);
	if (!n)
		return;
	char *p;
	while ((p = strstr(s, pat)))
		memmove(p, p + n, strlen(p + n) + 1);
}

/* The documents table's header row, as norm() gives it, with and without
 * the form column: it repeats on every page the table continues on. */
static char *table_headers[2];

static void table_headers_init(void)
{
	const procedure_field_def *doc = procedure_fields_def(PROCEDURE_FIELD_DOCUMENTS);
	const procedure_field_def *form = procedure_fields_def(PROCEDURE_FIELD_FORMS);
	char *h =
	    xasprintf("%s%s%s", doc->text_heading_vi, doc->extra_heading_vi, form->heading_vi);
	table_headers[0] = norm(h);
	free(h);
	h = xasprintf("%s%s", doc->text_heading_vi, doc->extra_heading_vi);
	table_headers[1] = norm(h);
	free(h);
}

/* norm() without the table's header rows. */
static char *norm_body(const char *s)
{
	char *n = norm(s);
	strip_all(n, table_headers[0]);
	strip_all(n, table_headers[1]);
	return n;
}

/* Finds w at or after *at; for a documents row also across a page break
 * (its quantity between the halves). Advances *at past it. */
static bool find(const char **at, const char *w, const want_item *x)
{
	const char *f = strstr(*at, w);
	if (f) {
		*at = f + strlen(w);
		return true;
	}
	if (x->kind != WANT_DOC || str_empty(x->qty))
		return false;
	char *q = norm_body(x->qty);
	size_t qn = strlen(q), wn = strlen(w);
	bool ok = false;
	/* Try each occurrence of the quantity as the one that splits the row. */
	for (const char *qp = qn ? strstr(*at, q) : NULL; qp && !ok; qp = strstr(qp + 1, q)) {
		size_t before = (size_t)(qp - *at);
		char *joined = xasprintf("%.*s%s", (int)before, *at, qp + qn);
		const char *g = strstr(joined, w);
		if (g && (size_t)(g - joined) < before && (size_t)(g - joined) + wn > before) {
			*at += (size_t)(g - joined) + wn + qn;
			ok = true;
		}
		free(joined);
	}
	free(q);
	return ok;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Checks one procedure's sheet; returns the number of problems. */
static int check_sheet(const catalog_data *d, const procedure *p, const char *bin)
{
	int bad = 0, st;
	char *pdf = xasprintf("%s/%s.pdf", tmpdir, p->code);
	free(run(&st, "'%s' pdf '%s' -o '%s' 2>&1", bin, p->code, pdf));
	if (st != 0) {
		fprintf(stderr, "%s: motcua pdf exited %d\n", p->code, st);
		free(pdf);
		return 1;
	}
	char *raw = run(&st, "pdftotext -enc UTF-8 '%s' - 2>/dev/null", pdf);
	CHECK(st == 0);
	/* The body without the footers, so that a paragraph running on to the
	 * next page reads on: everything above 100 pt from the bottom (the
	 * footer is at most three 8 pt lines above the 20 mm margin). */
	char *body =
	    run(&st, "pdftotext -enc UTF-8 -x 0 -y 0 -W 596 -H 742 '%s' - 2>/dev/null", pdf);
	char *text = norm_body(body);
	free(body);

	expect e = {0};
	expected(d, p, &e);
	const char *at = text, *table_at = text;
	int question_marks = 0;
	for (size_t i = 0; i < e.n; i++) {
		const want_item *x = &e.v[i];
		char *w = norm_body(x->s);
		question_marks += count(w, "?");
		bool ok;
		if (x->kind == WANT_QTY) {
			ok = strstr(table_at, w) != NULL;
		} else {
			ok = find(&at, w, x);
			if (x->kind == WANT_TABLE)
				table_at = at;
		}
		if (!ok) {
			const char *anywhere = strstr(text, w);
			fprintf(stderr, "%s: %s: \"%.*s\"\n", p->code,
			        anywhere ? "out of order" : "missing from the sheet",
			        clip(x->s, 160), x->s);
			bad++;
		}
		free(w);
	}
	if (strstr(raw, "\xEF\xBF\xBD")) {
		fprintf(stderr, "%s: the sheet has U+FFFD replacement characters\n", p->code);
		bad++;
	}
	/* A character the font could not show comes back as "?". */
	if (count(raw, "?") > question_marks + count(p->url ? p->url : "", "?")) {
		fprintf(stderr, "%s: the sheet has %d \"?\", the catalogue text %d\n", p->code,
		        count(raw, "?"), question_marks);
		bad++;
	}
	if (d->n_hotlines && !strstr(raw, d->hotlines[0].phone)) {
		fprintf(stderr, "%s: the footer lacks the first hotline %s\n", p->code,
		        d->hotlines[0].phone);
		bad++;
	}
	/* "Trang N/M" on every page. */
	char *info = run(&st, "pdfinfo '%s' 2>/dev/null", pdf);
	const char *pg = strstr(info, "Pages:");
	int pages = pg ? atoi(pg + 6) : 0;
	free(info);
	for (int i = 1; i <= pages; i++) {
		char want_pg[32];
		snprintf(want_pg, sizeof want_pg, "Trang %d/%d", i, pages);
		if (!strstr(raw, want_pg)) {
			fprintf(stderr, "%s: no \"%s\"\n", p->code, want_pg);
			bad++;
		}
	}
	if (pages < 1)
		bad++;
	/* The QR code of the first few sheets with a URL reads back as the URL,
	 * at 200 dpi as a phone camera would see the paper. */
	static int qr_checked;
	if (!str_empty(p->url) && qr_checked < 3) {
		qr_checked++;
		int qr_page = 0;
		for (int i = pages; i >= 1 && !qr_page; i--) {
			char *t = run(&st, "pdftotext -enc UTF-8 -f %d -l %d '%s' - 2>/dev/null", i,
			              i, pdf);
			if (strstr(t, procedure_fields_def(PROCEDURE_FIELD_URL)->heading_vi))
				qr_page = i;
			free(t);
		}
		char *got = run(&st,
		                "pdftoppm -r 200 -png -f %d -l %d '%s' '%s/qr' 2>/dev/null && "
		                "zbarimg -q --raw '%s'/qr-*.png 2>/dev/null; rm -f '%s'/qr-*.png",
		                qr_page, qr_page, pdf, tmpdir, tmpdir, tmpdir);
		size_t len = strlen(got);
		while (len && got[len - 1] == '\n')
			got[--len] = 0;
		if (!qr_page || strcmp(got, p->url)) {
			fprintf(stderr, "%s: the QR code (page %d) reads \"%s\", want \"%s\"\n",
			        p->code, qr_page, got, p->url);
			bad++;
		}
		free(got);
	}
	free(e.v);
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

	table_headers_init();
	char *sample = xasprintf("%s/data/motcua", src);
	catalog_data d = {0};
	diag_list diag = {0};
	bundle_opts opts = {0};
	CHECK(bundle_read(sample, &opts, &d, &diag));
	diag_print(&diag, stderr);
	CHECK(d.n_procs > 0);
	size_t failed = 0;
	for (size_t i = 0; i < d.n_procs; i++)
		if (check_sheet(&d, &d.procs[i], bin))
			failed++;
	fprintf(stderr, "%zu of %zu sheets give back their catalogue text\n", d.n_procs - failed,
	        d.n_procs);
	CHECK(failed == 0);

	diag_clear(&diag);
	catalog_data_clear(&d);
	if (!test_failures)
		free(run(NULL, "rm -rf '%s'", tmpdir));
	else
		fprintf(stderr, "failing sheets kept in %s\n", tmpdir);
	free(table_headers[0]);
	free(table_headers[1]);
	free(sample);
	free(store);
	free(conf);
	return TEST_DONE();
}
