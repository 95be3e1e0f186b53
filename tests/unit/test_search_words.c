/* search_words: one spelling for i/y, what speakers confuse, the built-in
 * dictionary (everyday words, words without meaning, variant marks). */
#include <stdlib.h>
#include <string.h>

#include "search_words.h"
#include "testlib.h"

/* The words of text joined by single spaces, canonical. Static buffer. */
static const char *canon(const char *text)
{
	static char out[256];
	sw_list l = {0};
	sw_split(text, &l);
	out[0] = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, l.v[i]);
	}
	sw_list_free(&l);
	return out;
}

static const char *rewrite(const char *text)
{
	static char out[256];
	sw_list w = {0}, r = {0};
	sw_split(text, &w);
	out[0] = 0;
	if (sw_rewrite(w.v, w.n, &r))
		for (size_t i = 0; i < r.n; i++) {
			if (i)
				strcat(out, " ");
			strcat(out, r.v[i]);
		}
	sw_list_free(&w);
	sw_list_free(&r);
	return out;
}

static int marks(const char *name, const char *query)
{
	sw_list n = {0}, q = {0};
	sw_split(name, &n);
	sw_split(query, &q);
	int m = sw_variant_marks(n.v, n.n, q.v, q.n);
	sw_list_free(&n);
	sw_list_free(&q);
	return m;
}

int main(void)
{
	/* i/y: the standard spelling variants are one word; y as a vowel of
	 * its own, and uy, stay. */
	CHECK_STR(canon("Đăng ký / đăng kí"), "dang ki dang ki");
	CHECK_STR(canon("lý lịch, Mỹ, sỹ quan, quý, quí"), "li lich mi si quan quy quy");
	CHECK_STR(canon("y tế, thủy, huy"), "y te thuy huy");
	char *o = sw_other_spelling("ki");
	CHECK_STR(o, "ky");
	free(o);
	o = sw_other_spelling("quy");
	CHECK_STR(o, "qui");
	free(o);
	CHECK(sw_other_spelling("khai") == NULL);

	/* What speakers confuse, and what they do not. */
	static const struct {
		const char *q, *t;
		bool near;
	} cases[] = {
	    {"xinh", "sinh", true},   {"chu", "tru", true},    {"dup", "giup", true},
	    {"rang", "dang", true},   {"nam", "lam", true},    {"hong", "hon", true},
	    {"viec", "viet", true},   {"khaii", "khai", true}, {"hoo", "ho", true},
	    {"dog", "dong", true},    {"chuct", "chuc", true}, {"sinh", "sinh", false},
	    {"xe", "xa", false},      {"ma", "may", false},    {"ket", "kham", false},
	    {"sinh", "tinh", false},  {"ho", "hon", false},    {"tam", "tram", true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (sw_near(cases[i].q, cases[i].t) != cases[i].near) {
			fprintf(stderr, "sw_near(%s, %s) should be %d\n", cases[i].q, cases[i].t,
			        cases[i].near);
			test_failures++;
		}

	/* Everyday words become the words official names use; the longest
	 * phrase wins; nothing to rewrite gives false. */
	CHECK_STR(rewrite("giấy độc thân"), "xac nhan tinh trang hon nhan");
	CHECK_STR(rewrite("bao tu"), "dang ki khai tu");
	CHECK_STR(rewrite("đk kết hôn"), "dang ki ket hon");
	CHECK_STR(rewrite("sao y ban chinh"), "chung thuc ban sao tu ban chinh");
	CHECK_STR(rewrite("dang ky khai sinh"), "");

	/* Words without meaning, by phrase. */
	sw_list w = {0};
	sw_split("toi muon lam thu tuc khai sinh", &w);
	CHECK(sw_stop_at(w.v, w.n, 0) == 1); /* tôi */
	CHECK(sw_stop_at(w.v, w.n, 3) == 2); /* thủ tục */
	CHECK(sw_stop_at(w.v, w.n, 5) == 0); /* khai */
	sw_list_free(&w);

	/* Variant marks count unless the query names the variant. */
	CHECK(marks("Thủ tục đăng ký khai tử", "khai tu") == 0);
	CHECK(marks("Đăng ký lại khai tử", "khai tu") == 1);
	CHECK(marks("Đăng ký lại khai tử", "dang ky lai khai tu") == 0);
	CHECK(marks("Thủ tục đăng ký kết hôn lưu động", "ket hon luu dong") == 0);
	CHECK(marks("Thủ tục đăng ký kết hôn có yếu tố nước ngoài", "ket hon") >= 1);
	CHECK(marks("Thủ tục đăng ký kết hôn có yếu tố nước ngoài", "ket hon nuoc ngoai") == 0);
	return TEST_DONE();
}
