/* The catalogue file: what is written comes back, lists are in the order a
 * citizen expects, and search finds what a citizen types. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "procedure_fields.h"
#include "testlib.h"
#include "xalloc.h"

static char tmpdir[] = "/tmp/motcua-test-catalog-XXXXXX";

static void set(char **dst, const char *s)
{
	*dst = xstrdup(s);
}

static procedure *add_proc(catalog_data *d, const char *code, const char *name, const char *field,
                           const char *keywords)
{
	procedure *p = catalog_data_add_proc(d);
	set(&p->code, code);
	set(&p->name, name);
	set(&p->field, field);
	set(&p->keywords, keywords);
	set(&p->deadline, "5 ngày làm việc");
	item_list_add(&p->steps, "Nộp hồ sơ", NULL);
	item_list_add(&p->documents, "Tờ khai", "01 bản chính");
	return p;
}

static void build(catalog_data *d)
{
	set(&d->info.unit, "UBND xã Chiềng Sơn");
	d->info.version = 7;
	set(&d->info.date, "15/03/2024");
	set(&d->info.author, "Văn phòng UBND xã");
	/* signer left NULL on purpose: NULL must come back NULL. */

	procedure *p =
	    add_proc(d, "1.001193", "Đăng ký khai sinh", "Hộ tịch", "giấy khai sinh, sinh con");
	set(&p->level, "Cấp xã");
	item_list_add(&p->steps, "Công chức tư pháp - hộ tịch kiểm tra hồ sơ", NULL);
	item_list_add(&p->steps, "Trả kết quả\ncho người nộp", "");
	item_list_add(&p->channels, "Trực tiếp", "Tại Bộ phận một cửa");
	item_list_add(&p->channels, "Trực tuyến", "dichvucong.gov.vn");
	item_list_add(&p->documents, "Giấy chứng sinh", "01 bản chính");
	item_list_add(&p->documents, "Giấy tờ tùy thân", NULL);
	set(&p->doc_count, "01 bộ");
	set(&p->fees, "Miễn lệ phí");
	set(&p->subjects, "Công dân Việt Nam");
	set(&p->agency, "UBND cấp xã");
	set(&p->result, "Giấy khai sinh");
	set(&p->conditions, "");
	item_list_add(&p->legal, "Luật Hộ tịch 2014", NULL);
	item_list_add(&p->forms, "Tờ khai đăng ký khai sinh", "forms/tk_khai_sinh.pdf");
	set(&p->decision, "Quyết định 1872/QĐ-BTP");
	set(&p->effective_date, "01/01/2016");
	set(&p->online_level, "toàn trình");
	set(&p->url, "https://dichvucong.gov.vn/p/home/"
	             "dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193");

	add_proc(d, "1.000656", "Đăng ký kết hôn", "Hộ tịch", "lấy vợ lấy chồng");
	/* "khai sinh" only as a keyword: must rank below the name match. */
	add_proc(d, "2.000908", "Chứng thực bản sao từ bản chính", "Chứng thực",
	         "sao y bản khai sinh");
	p = add_proc(d, "1.004227.000.00.00.H52", "Cấp giấy phép xây dựng nhà ở riêng lẻ",
	             "Xây dựng", NULL);
	set(&p->status, "mới");
	p = add_proc(d, "1.004194", "Đăng ký thường trú", "cư trú", "hộ khẩu");
	set(&p->status, "sửa đổi");
	p = add_proc(d, "1.003583", "Đăng ký tạm trú", "Cư trú", "");
	set(&p->status, "bổ sung");
	/* Same words as 1.001193 plus more, and the words out of order: both
	 * must come after the exact name. */
	add_proc(d, "1.004884", "Đăng ký lại khai sinh", "Hộ tịch", NULL);
	add_proc(d, "1.003584", "Đăng ký khai sinh lưu động", "Hộ tịch", NULL);

	faq *f = catalog_data_add_faq(d);
	set(&f->code, "1.001193");
	set(&f->question, "Quá hạn 60 ngày có đăng ký được không?");
	set(&f->answer, "Được, theo thủ tục đăng ký khai sinh quá hạn.");
	f = catalog_data_add_faq(d);
	set(&f->code, "1.000656");
	set(&f->question, "Cần mang theo gì?");
	set(&f->answer, "Giấy xác nhận tình trạng hôn nhân.");
	f = catalog_data_add_faq(d);
	set(&f->code, "1.001193");
	set(&f->question, "Cha mẹ đi vắng thì ai đi khai sinh?");
	set(&f->answer, "Ông, bà hoặc người thân thích khác.");

	const struct {
		const char *agency;
		int order;
	} hl[] = {{"Công an xã", 0}, {"UBND xã", 2}, {"Trung tâm PVHCC", 1}, {"Đường dây nóng", 0}};
	for (size_t i = 0; i < 4; i++) {
		hotline *h = catalog_data_add_hotline(d);
		set(&h->agency, hl[i].agency);
		set(&h->phone, "0212 3866 123");
		h->order = hl[i].order;
	}
	const char *fb_dates[] = {"02/01/2023", "15/11/2023", "20/05/2023"};
	for (size_t i = 0; i < 3; i++) {
		feedback *b = catalog_data_add_feedback(d);
		set(&b->date, fb_dates[i]);
		b->content = xasprintf("Phản ánh %zu", i);
		set(&b->answer, "Đã trả lời");
	}
	index_row *x = catalog_data_add_index(d);
	set(&x->index, "PAPI");
	x->year = 2022;
	set(&x->unit, "Sơn La");
	x->score = 43.61;
	x->max = 80;
	set(&x->rank, "25/63");
	x = catalog_data_add_index(d);
	set(&x->index, "SIPAS");
	x->year = 2023;
	set(&x->unit, "Sơn La");
	set(&x->dimension, "Tiếp cận dịch vụ");
	x->score = 85.5;
	x->max = -1;
	const char *news_dates[] = {"01/02/2024", "10/03/2024"};
	for (size_t i = 0; i < 2; i++) {
		news *n = catalog_data_add_news(d);
		set(&n->date, news_dates[i]);
		n->title = xasprintf("Tin %zu", i);
		set(&n->body, "Nội dung");
	}
	blob *b = catalog_data_add_blob(d);
	set(&b->name, "forms/tk_khai_sinh.pdf");
	b->size = 300;
	b->data = xmalloc(b->size);
	for (size_t i = 0; i < b->size; i++)
		b->data[i] = (unsigned char)(i * 7); /* NUL bytes included */
	memcpy(b->data, "%PDF-", 5);
	b = catalog_data_add_blob(d);
	set(&b->name, "images/empty.png");
}

static int same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

#define CHECK_SAME(a, b)                                                                           \
	do {                                                                                       \
		if (!same((a), (b))) {                                                             \
			fprintf(stderr, "%s:%d: differ: %s: \"%s\" vs \"%s\"\n", __FILE__,         \
			        __LINE__, #a, (a) ? (a) : "(null)", (b) ? (b) : "(null)");         \
			test_failures++;                                                           \
		}                                                                                  \
	} while (0)

static void check_list(const item_list *a, const item_list *b)
{
	CHECK(a->n == b->n);
	for (size_t i = 0; i < a->n && i < b->n; i++) {
		CHECK_SAME(a->v[i].text, b->v[i].text);
		CHECK_SAME(a->v[i].extra, b->v[i].extra);
	}
}

static void check_proc(const procedure *a, const procedure *b)
{
	CHECK_SAME(a->code, b->code);
	CHECK_SAME(a->name, b->name);
	CHECK_SAME(a->field, b->field);
	CHECK_SAME(a->level, b->level);
	check_list(&a->steps, &b->steps);
	check_list(&a->channels, &b->channels);
	check_list(&a->documents, &b->documents);
	CHECK_SAME(a->doc_count, b->doc_count);
	CHECK_SAME(a->deadline, b->deadline);
	CHECK_SAME(a->fees, b->fees);
	CHECK_SAME(a->subjects, b->subjects);
	CHECK_SAME(a->agency, b->agency);
	CHECK_SAME(a->result, b->result);
	CHECK_SAME(a->conditions, b->conditions);
	check_list(&a->legal, &b->legal);
	check_list(&a->forms, &b->forms);
	CHECK_SAME(a->decision, b->decision);
	CHECK_SAME(a->status, b->status);
	CHECK_SAME(a->effective_date, b->effective_date);
	CHECK_SAME(a->online_level, b->online_level);
	CHECK_SAME(a->url, b->url);
	CHECK_SAME(a->keywords, b->keywords);
}

static void check_load(catalog *c, const catalog_data *w)
{
	catalog_data r = {0};
	CHECK(catalog_load(c, &r) == 0);
	CHECK_SAME(r.info.unit, w->info.unit);
	CHECK(r.info.version == w->info.version);
	CHECK_SAME(r.info.date, w->info.date);
	CHECK_SAME(r.info.author, w->info.author);
	CHECK_SAME(r.info.signer, w->info.signer);
	CHECK(r.n_procs == w->n_procs);
	for (size_t i = 0; i < r.n_procs && i < w->n_procs; i++)
		check_proc(&r.procs[i], &w->procs[i]);
	CHECK(r.n_faqs == w->n_faqs);
	for (size_t i = 0; i < r.n_faqs && i < w->n_faqs; i++) {
		CHECK_SAME(r.faqs[i].code, w->faqs[i].code);
		CHECK_SAME(r.faqs[i].question, w->faqs[i].question);
		CHECK_SAME(r.faqs[i].answer, w->faqs[i].answer);
	}
	CHECK(r.n_hotlines == w->n_hotlines);
	for (size_t i = 0; i < r.n_hotlines && i < w->n_hotlines; i++) {
		CHECK_SAME(r.hotlines[i].agency, w->hotlines[i].agency);
		CHECK_SAME(r.hotlines[i].phone, w->hotlines[i].phone);
		CHECK_SAME(r.hotlines[i].email, w->hotlines[i].email);
		CHECK(r.hotlines[i].order == w->hotlines[i].order);
	}
	CHECK(r.n_feedbacks == w->n_feedbacks);
	for (size_t i = 0; i < r.n_feedbacks && i < w->n_feedbacks; i++) {
		CHECK_SAME(r.feedbacks[i].date, w->feedbacks[i].date);
		CHECK_SAME(r.feedbacks[i].content, w->feedbacks[i].content);
		CHECK_SAME(r.feedbacks[i].answer, w->feedbacks[i].answer);
		CHECK_SAME(r.feedbacks[i].agency, w->feedbacks[i].agency);
	}
	CHECK(r.n_indices == w->n_indices);
	for (size_t i = 0; i < r.n_indices && i < w->n_indices; i++) {
		CHECK_SAME(r.indices[i].index, w->indices[i].index);
		CHECK(r.indices[i].year == w->indices[i].year);
		CHECK_SAME(r.indices[i].unit, w->indices[i].unit);
		CHECK_SAME(r.indices[i].dimension, w->indices[i].dimension);
		CHECK(r.indices[i].score == w->indices[i].score);
		CHECK(r.indices[i].max == w->indices[i].max);
		CHECK_SAME(r.indices[i].rank, w->indices[i].rank);
	}
	CHECK(r.n_news == w->n_news);
	for (size_t i = 0; i < r.n_news && i < w->n_news; i++) {
		CHECK_SAME(r.news[i].date, w->news[i].date);
		CHECK_SAME(r.news[i].title, w->news[i].title);
	}
	CHECK(r.n_blobs == w->n_blobs);
	for (size_t i = 0; i < r.n_blobs && i < w->n_blobs; i++) {
		CHECK_SAME(r.blobs[i].name, w->blobs[i].name);
		CHECK(r.blobs[i].size == w->blobs[i].size);
		CHECK(r.blobs[i].size == 0 ||
		      memcmp(r.blobs[i].data, w->blobs[i].data, r.blobs[i].size) == 0);
	}
	catalog_data_clear(&r);
}

/* First result's code for a query, or "" when none. Static buffer. */
static const char *first(catalog *c, const char *q)
{
	static char code[64];
	proc_summary *r = NULL;
	size_t n = catalog_search(c, q, 10, &r);
	snprintf(code, sizeof code, "%s", n ? r[0].code : "");
	catalog_summaries_free(r, n);
	return code;
}

/* Position of code in the results of q, or -1. */
static int position(catalog *c, const char *q, const char *code)
{
	proc_summary *r = NULL;
	size_t n = catalog_search(c, q, 50, &r);
	int pos = -1;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(r[i].code, code) && pos < 0)
			pos = (int)i;
	catalog_summaries_free(r, n);
	return pos;
}

static void check_search(catalog *c)
{
	/* Name match above keyword match. */
	int by_name = position(c, "khai sinh", "1.001193");
	int by_kw = position(c, "khai sinh", "2.000908");
	CHECK(by_name == 0);
	CHECK(by_kw > by_name);

	/* All words in the name, in the order typed, the shortest name first. */
	proc_summary *o = NULL;
	size_t no = catalog_search(c, "dang ky khai sinh", 10, &o);
	CHECK(no == 3);
	if (no == 3) {
		CHECK_STR(o[0].code, "1.001193");
		CHECK_STR(o[1].code, "1.003584"); /* ... lưu động: in order, longer */
		CHECK_STR(o[2].code, "1.004884"); /* lại: shorter, but out of order */
	}
	catalog_summaries_free(o, no);

	/* Type-as-you-go: the last word is a prefix, earlier words are whole. */
	static const struct {
		const char *q, *want;
	} cases[] = {
	    {"dang ky khai s", "1.001193"},
	    {"dang ky khai", "1.001193"},
	    {"dang ky ket", "1.000656"},
	    {"ket hon", "1.000656"},
	    {"giay phep xay", "1.004227.000.00.00.H52"},
	    {"lay vo", "1.000656"},          /* keyword */
	    {"chung thuc", "2.000908"},      /* field and name */
	    {"giay chung sinh", "1.001193"}, /* a document */
	    {"1.001193", "1.001193"},        /* code in full */
	    {"001193", "1.001193"},          /* code without its prefix */
	    {"1.0011", "1.001193"},          /* code in part */
	    {"1001193", "1.001193"},         /* code without the dot */
	    {"1.004227.000.00.00.H52", "1.004227.000.00.00.H52"},
	    {"1.004227", "1.004227.000.00.00.H52"},
	    {"dang ky kahi sinh", "1.001193"}, /* typo: falls back to any word */
	    {"Tạm trú", "1.003583"},
	    {"xyzzy", ""},
	    {"dang ky khai x", "1.001193"}, /* last word wrong: still the best */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *got = first(c, cases[i].q);
		if (strcmp(got, cases[i].want) != 0) {
			fprintf(stderr, "search \"%s\": first \"%s\", want \"%s\"\n", cases[i].q,
			        got, cases[i].want);
			test_failures++;
		}
	}
	CHECK(position(c, "dang k", "1.000656") >= 0);
	CHECK(position(c, "dang k", "1.001193") >= 0);
	CHECK(position(c, "dang ky khai sinh", "1.000656") < 0);

	/* The three spellings give identical lists. */
	const char *spellings[] = {"dang ky khai sinh", "Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH",
	                           "  đăng   KÝ, khai-sinh "};
	proc_summary *ref = NULL;
	size_t n_ref = catalog_search(c, spellings[0], 50, &ref);
	CHECK(n_ref >= 1);
	for (size_t s = 1; s < sizeof spellings / sizeof *spellings; s++) {
		proc_summary *r = NULL;
		size_t n = catalog_search(c, spellings[s], 50, &r);
		CHECK(n == n_ref);
		for (size_t i = 0; i < n && i < n_ref; i++)
			CHECK_STR(r[i].code, ref[i].code);
		catalog_summaries_free(r, n);
	}
	CHECK_STR(ref[0].name, "Đăng ký khai sinh");
	CHECK_STR(ref[0].field, "Hộ tịch");
	catalog_summaries_free(ref, n_ref);

	/* Hostile input: FTS syntax is never interpreted, and nothing errors. */
	const char *hostile[] = {
	    "\"",       "AND (",      "*",     "NEAR",      "NEAR(dang ky)",  "dang OR", "OR",
	    "NOT khai", "-",          "^dang", "name:dang", "{name code}: 1", "'",       ")",
	    "dang\"ky", "\"\"\"",     "+",     "khai*",     "a\tb\nc",        "%_",      "\xff\xfe",
	    "AND",      "dang AND ky"};
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		/* The same matches as the query's words alone, punctuation blanked:
		 * quotes, brackets, stars and colons are never syntax. */
		char plain[64];
		snprintf(plain, sizeof plain, "%s", hostile[i]);
		for (char *p = plain; *p; p++)
			if ((unsigned char)*p < 0x80 && !isalnum((unsigned char)*p))
				*p = ' ';
		proc_summary *r = NULL, *w = NULL;
		size_t n = catalog_search(c, hostile[i], 50, &r), nw = catalog_search(c, plain, 50, &w);
		if (n != nw)
			fprintf(stderr, "hostile query \"%s\": %zu matches, its words \"%s\": %zu\n", hostile[i], n, plain, nw);
		CHECK(n == nw);
		for (size_t k = 0; k < n && k < nw; k++)
			CHECK_STR(r[k].code, w[k].code);
		catalog_summaries_free(r, n);
		catalog_summaries_free(w, nw);
	}
	/* The limit holds: "dang" matches more than two. */
	{
		proc_summary *r = NULL;
		size_t n_all = catalog_search(c, "dang", 50, &r);
		catalog_summaries_free(r, n_all);
		CHECK(n_all > 2);
		size_t n = catalog_search(c, "dang", 2, &r);
		CHECK(n == 2);
		catalog_summaries_free(r, n);
	}
	CHECK(position(c, "(dang ky)", "1.001193") >= 0); /* words still searched */
	CHECK(position(c, "(dang ky)", "1.000656") >= 0);
	CHECK(position(c, "(dang ky)", "2.000908") < 0);
	CHECK_STR(first(c, "name:dang ky khai"), "1.001193");

	/* Empty queries find nothing. */
	const char *empty[] = {"", "   ", "...", "--", NULL};
	for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
		proc_summary *r = (proc_summary *)&r;
		CHECK(catalog_search(c, empty[i], 50, &r) == 0);
		CHECK(r == NULL);
	}
	/* The limit holds. */
	proc_summary *r = NULL;
	size_t n = catalog_search(c, "d", 2, &r);
	CHECK(n == 2);
	catalog_summaries_free(r, n);
}

static void check_lists(catalog *c)
{
	field_count *f = NULL;
	size_t n = catalog_fields(c, &f);
	/* Alphabetical by folded name; "cư trú" and "Cư trú" as published stay
	 * distinct values but sort together. */
	CHECK(n == 5);
	if (n == 5) {
		CHECK_STR(f[0].field, "Chứng thực");
		CHECK(f[0].count == 1);
		CHECK(!strcmp(f[1].field, "Cư trú") || !strcmp(f[1].field, "cư trú"));
		CHECK_STR(f[3].field, "Hộ tịch");
		CHECK(f[3].count == 4);
		CHECK_STR(f[4].field, "Xây dựng");
	}
	catalog_fields_free(f, n);

	proc_summary *s = NULL;
	n = catalog_list_field(c, "Hộ tịch", &s);
	CHECK(n == 4);
	if (n == 4) {
		CHECK_STR(s[0].name, "Đăng ký kết hôn"); /* "ket" < "khai" */
		CHECK_STR(s[1].name, "Đăng ký khai sinh");
		CHECK_STR(s[2].name, "Đăng ký khai sinh lưu động");
		CHECK_STR(s[3].name, "Đăng ký lại khai sinh");
	}
	catalog_summaries_free(s, n);
	n = catalog_list_field(c, "Không có", &s);
	CHECK(n == 0);
	catalog_summaries_free(s, n);

	n = catalog_list_changed(c, &s);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(s[0].status, "mới");
		CHECK_STR(s[1].status, "sửa đổi");
		CHECK_STR(s[2].status, "bổ sung");
	}
	catalog_summaries_free(s, n);

	faq *q = NULL;
	n = catalog_faqs(c, "1.001193", &q);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(q[0].question, "Quá hạn 60 ngày có đăng ký được không?");
		CHECK_STR(q[1].answer, "Ông, bà hoặc người thân thích khác.");
	}
	catalog_faqs_free(q, n);
	n = catalog_faqs(c, "9.999999", &q);
	CHECK(n == 0);
	catalog_faqs_free(q, n);

	catalog_data x = {0};
	CHECK(catalog_load_extras(c, &x) == 0);
	CHECK(x.n_procs == 0 && x.n_blobs == 0);
	CHECK(x.n_hotlines == 4);
	if (x.n_hotlines == 4) {
		CHECK_STR(x.hotlines[0].agency, "Trung tâm PVHCC"); /* thu_tu 1 */
		CHECK_STR(x.hotlines[1].agency, "UBND xã");         /* thu_tu 2 */
		CHECK_STR(x.hotlines[2].agency, "Công an xã");      /* unnumbered, bundle order */
		CHECK_STR(x.hotlines[3].agency, "Đường dây nóng");
	}
	CHECK(x.n_feedbacks == 3);
	if (x.n_feedbacks == 3) {
		CHECK_STR(x.feedbacks[0].date, "15/11/2023");
		CHECK_STR(x.feedbacks[1].date, "20/05/2023");
		CHECK_STR(x.feedbacks[2].date, "02/01/2023");
	}
	CHECK(x.n_news == 2 && !strcmp(x.news[0].date, "10/03/2024") && !strcmp(x.news[1].date, "01/02/2024")); /* newest first */
	CHECK(x.n_indices == 2 && !strcmp(x.indices[0].index, "PAPI"));
	catalog_data_clear(&x);

	size_t size = 1;
	unsigned char *b = catalog_blob(c, "forms/tk_khai_sinh.pdf", &size);
	CHECK(b && size == 300 && !memcmp(b, "%PDF-", 5) && b[299] == (unsigned char)(299 * 7));
	free(b);
	b = catalog_blob(c, "forms/missing.pdf", &size);
	CHECK(!b && size == 0);
	b = catalog_blob(c, "images/empty.png", &size);
	CHECK(b && size == 0);
	free(b);
}

static void check_get(catalog *c, const catalog_data *w)
{
	procedure *p = catalog_get(c, "1.001193");
	CHECK(p != NULL);
	if (p) {
		check_proc(p, &w->procs[0]);
		/* Walking the fields in sheet order gives what show and the sheet print. */
		procedure_fields_iter it;
		procedure_field f;
		procedure_fields_begin(&it, p);
		size_t n = 0;
		const char *first_vi = NULL, *last_vi = NULL;
		while (procedure_fields_next(&it, &f)) {
			if (!n++)
				first_vi = f.def->heading_vi;
			last_vi = f.def->heading_vi;
			CHECK(f.text || f.items);
			CHECK(f.def->id != PROCEDURE_FIELD_CONDITIONS); /* "" is empty */
		}
		CHECK(n == 17); /* 19 fields; conditions "" and status NULL are empty */
		CHECK_STR(first_vi, "Lĩnh vực");
		CHECK_STR(last_vi, "Đường dẫn dịch vụ công");
	}
	procedure_free(p);
	p = catalog_get(c, "1.004227.000.00.00.h52"); /* typed in lower case */
	CHECK(p && !strcmp(p->name, "Cấp giấy phép xây dựng nhà ở riêng lẻ"));
	procedure_free(p);
	CHECK(catalog_get(c, "9.999999") == NULL);
	CHECK(catalog_get(c, "") == NULL);
	CHECK(catalog_get(c, "1.00119") == NULL); /* a prefix is not a code */
}

static void check_failures(const catalog_data *w)
{
	char *err = NULL;
	char *path = xasprintf("%s/missing.sqlite", tmpdir);
	CHECK(catalog_open(path, &err) == NULL);
	CHECK(err && *err);
	free(err);
	err = NULL;

	/* Something that is not a catalogue. */
	FILE *f = fopen(path, "w");
	fputs("tên,mã\n", f);
	fclose(f);
	CHECK(catalog_open(path, &err) == NULL);
	CHECK(err && *err);
	free(err);
	err = NULL;

	/* Duplicate codes: the write fails and leaves no file behind. */
	catalog_data d = {0};
	add_proc(&d, "1.000001", "A", "X", NULL);
	add_proc(&d, "1.000001", "B", "X", NULL);
	CHECK(catalog_write(path, &d, &err) == -1);
	CHECK(err && strstr(err, "1.000001"));
	CHECK(access(path, F_OK) != 0);
	free(err);
	err = NULL;
	catalog_data_clear(&d);

	/* An empty catalogue is valid; writing over an existing file replaces it. */
	CHECK(catalog_write(path, &d, &err) == 0);
	catalog *c = catalog_open(path, &err);
	CHECK(c && catalog_count(c) == 0 && catalog_info(c)->version == 0);
	proc_summary *r = NULL;
	CHECK(c && catalog_search(c, "dang", 10, &r) == 0);
	catalog_close(c);
	CHECK(catalog_write(path, w, &err) == 0);
	c = catalog_open(path, &err);
	CHECK(c && catalog_count(c) == w->n_procs);
	catalog_close(c);
	catalog_close(NULL);
	unlink(path);
	free(path);
	free(err);
}

/* Lists sort by the words after "Thủ tục" (issue 15): it opens most
 * official names and would bury them after every other name. */
static void check_list_order(void)
{
	static const char *const names[] = {"Xóa đăng ký thường trú", "Thủ tục đăng ký khai sinh",
	                                    "Cấp bản sao trích lục", "Thủ tục cấp giấy xác nhận",
	                                    "Đăng ký tạm trú"};
	catalog_data d = {0};
	d.info.version = 1;
	d.info.unit = xstrdup("UBND xã Chiềng Sơn");
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		procedure *p = catalog_data_add_proc(&d);
		p->code = xasprintf("1.%06zu", i + 1);
		p->name = xstrdup(names[i]);
		p->field = xstrdup("Hộ tịch");
	}
	char *path = xasprintf("%s/order.sqlite", tmpdir);
	CHECK(catalog_write(path, &d, NULL) == 0);
	catalog *c = catalog_open(path, NULL);
	CHECK(c != NULL);
	proc_summary *s = NULL;
	size_t n = c ? catalog_list_field(c, "Hộ tịch", &s) : 0;
	static const char *const want[] = {"Cấp bản sao trích lục", "Thủ tục cấp giấy xác nhận",
	                                   "Thủ tục đăng ký khai sinh", "Đăng ký tạm trú",
	                                   "Xóa đăng ký thường trú"};
	CHECK(n == 5);
	for (size_t i = 0; i < n && i < 5; i++)
		CHECK_STR(s[i].name, want[i]);
	catalog_summaries_free(s, n);
	catalog_close(c);
	catalog_data_clear(&d);
	unlink(path);
	free(path);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 3;
	}
	catalog_data w = {0};
	build(&w);
	char *path = xasprintf("%s/catalog.sqlite", tmpdir);
	char *err = NULL;
	CHECK(catalog_write(path, &w, &err) == 0);
	if (err)
		fprintf(stderr, "catalog_write: %s\n", err);
	free(err);
	err = NULL;
	catalog *c = catalog_open(path, &err);
	CHECK(c != NULL);
	if (!c) {
		fprintf(stderr, "catalog_open: %s\n", err ? err : "?");
		return 1;
	}
	CHECK(catalog_count(c) == 8);
	CHECK_STR(catalog_info(c)->unit, "UBND xã Chiềng Sơn");
	CHECK(catalog_info(c)->version == 7);
	CHECK(strlen(catalog_id(c)) == 32);

	/* Every write gets a new id. */
	char *path2 = xasprintf("%s/catalog2.sqlite", tmpdir);
	CHECK(catalog_write(path2, &w, NULL) == 0);
	catalog *c2 = catalog_open(path2, NULL);
	CHECK(c2 && strcmp(catalog_id(c), catalog_id(c2)) != 0);
	catalog_close(c2);
	unlink(path2);
	free(path2);

	check_load(c, &w);
	check_get(c, &w);
	check_lists(c);
	check_search(c);
	catalog_close(c);
	check_list_order();
	check_failures(&w);

	unlink(path);
	free(path);
	rmdir(tmpdir);
	catalog_data_clear(&w);
	return TEST_DONE();
}
