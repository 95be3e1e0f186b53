/* search_words — what a citizen typed, understood as words. No SQL: the
 * catalogue (catalog.c) asks these questions and speaks to SQLite itself.
 *
 * Words are folded (text_fold) and then put in one canonical spelling:
 * final y after a consonant is written i (ký/kí, lý/lí, mỹ/mĩ, sỹ/sĩ) and
 * qui is written quy, so correct spelling variants are one word.
 *
 * The built-in dictionary (data/search/tu_dien.txt, compiled in) holds the
 * everyday words for procedures, the words that carry no meaning for the
 * search, and the words that mark a variant of a main procedure. */
#ifndef MOTCUA_SEARCH_WORDS_H
#define MOTCUA_SEARCH_WORDS_H

#include <stdbool.h>
#include <stddef.h>

/* A list of malloc'd words. */
typedef struct sw_list {
	char **v;
	size_t n, cap;
} sw_list;

void sw_list_push(sw_list *l, const char *w, size_t len);
void sw_list_free(sw_list *l);

/* Canonical spelling of one folded word, in place (never longer). */
void sw_canon(char *w);
/* The other spelling the index may hold for canonical word w ("ki" → "ky",
 * "quy" → "qui"), malloc'd, or NULL when there is none. */
char *sw_other_spelling(const char *w);

/* Splits text into canonical folded words (text_fold + sw_canon). */
void sw_split(const char *text, sw_list *out);

/* Splits text into case-folded NFC words that keep their diacritics (to tell
 * what was typed with marks: "hộ" prefers hộ to hồ and họ). */
void sw_split_marked(const char *text, sw_list *out);

/* Number of words of a meaningless phrase that starts at w[i] (0: none). */
size_t sw_stop_at(char *const *w, size_t n, size_t i);

/* Rewrites through the everyday-words dictionary: every phrase of the query
 * found on the left side of an entry is replaced by its right side. Returns
 * false when no entry applies; else *out holds the rewritten words. */
bool sw_rewrite(char *const *w, size_t n, sw_list *out);

/* Number of variant marks ("lại", "lưu động", "có yếu tố nước ngoài" …)
 * in the name words that the query words do not name. */
int sw_variant_marks(char *const *name, size_t n_name, char *const *query, size_t n_query);

/* True when t is what a speaker who confuses sounds, or a hurried typist,
 * may have meant by q: one of s/x, ch/tr, d/gi/r, l/n at the start, n/ng or
 * c/t at the end, or one letter dropped, doubled or added (words of three
 * letters or more). Both canonical; q != t. */
bool sw_near(const char *q, const char *t);

#endif
