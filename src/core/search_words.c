/* search_words — see search_words.h. */
#include "search_words.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "xalloc.h"

/* data/search/tu_dien.txt, compiled in by meson (tools/embed_text.py). */
extern const char *const motcua_tu_dien[];

void sw_list_push(sw_list *l, const char *w, size_t len)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = xstrndup(w, len);
}

void sw_list_free(sw_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (sw_list){0};
}

static bool is_vowel(char c) { return c && strchr("aeiouy", c); }

void sw_canon(char *w)
{
	size_t n = strlen(w);
	if (n >= 3 && !strcmp(w + n - 3, "qui")) {
		w[n - 1] = 'y';
		return;
	}
	if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2]) && w[n - 2] >= 'a' && w[n - 2] <= 'z')
		w[n - 1] = 'i';
}

char *sw_other_spelling(const char *w)
{
	size_t n = strlen(w);
	if (n >= 3 && !strcmp(w + n - 3, "quy")) {
		char *o = xstrdup(w);
		o[n - 1] = 'i';
		return o;
	}
	if (n >= 2 && w[n - 1] == 'i' && !is_vowel(w[n - 2]) && w[n - 2] >= 'a' && w[n - 2] <= 'z') {
		char *o = xstrdup(w);
		o[n - 1] = 'y';
		return o;
	}
	return NULL;
}

void sw_split(const char *text, sw_list *out)
{
	char *f = text_fold(text ? text : "");
	if (!f)
		return;
	for (char *save = NULL, *t = strtok_r(f, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		sw_canon(t);
		sw_list_push(out, t, strlen(t));
	}
	free(f);
}

void sw_split_marked(const char *text, sw_list *out)
{
	utf8proc_uint8_t *f = NULL;
	if (!text || utf8proc_map((const utf8proc_uint8_t *)text, 0, &f,
	                          UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                              UTF8PROC_CASEFOLD) < 0)
		return;
	/* Words are runs of letters and digits; ASCII punctuation and spaces
	 * split them (enough for names and queries). */
	const char *s = (const char *)f;
	while (*s) {
		while (*s && (unsigned char)*s < 0x80 && !isalnum((unsigned char)*s))
			s++;
		const char *b = s;
		while (*s && ((unsigned char)*s >= 0x80 || isalnum((unsigned char)*s)))
			s++;
		if (s > b)
			sw_list_push(out, b, (size_t)(s - b));
	}
	free(f);
}

/* ---- the dictionary ---- */

typedef struct entry {
	sw_list left, right;
} entry;

static struct {
	entry *rewrites;
	size_t n_rewrites, cap_rewrites;
	sw_list *stops, *marks;
	size_t n_stops, cap_stops, n_marks, cap_marks;
} dict;
static pthread_once_t dict_once = PTHREAD_ONCE_INIT;

static sw_list *push_phrase(sw_list **v, size_t *n, size_t *cap, const char *text)
{
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	sw_list *l = &(*v)[(*n)++];
	*l = (sw_list){0};
	sw_split(text, l);
	return l;
}

static void dict_load(void)
{
	enum { NONE, REWRITE, STOP, MARK } section = NONE;
	for (const char *const *p = motcua_tu_dien; *p; p++) {
		char *line = xstrdup(*p);
		text_trim(line);
		if (!*line || *line == '#') {
			free(line);
			continue;
		}
		if (!strcmp(line, "[doi_tu]"))
			section = REWRITE;
		else if (!strcmp(line, "[bo_qua]"))
			section = STOP;
		else if (!strcmp(line, "[bien_the]"))
			section = MARK;
		else if (section == STOP)
			push_phrase(&dict.stops, &dict.n_stops, &dict.cap_stops, line);
		else if (section == MARK)
			push_phrase(&dict.marks, &dict.n_marks, &dict.cap_marks, line);
		else if (section == REWRITE && strchr(line, '=')) {
			char *eq = strchr(line, '=');
			*eq = 0;
			dict.rewrites = xgrow(dict.rewrites, &dict.cap_rewrites, dict.n_rewrites + 1,
			                      sizeof *dict.rewrites);
			entry *en = &dict.rewrites[dict.n_rewrites++];
			*en = (entry){0};
			sw_split(line, &en->left);
			sw_split(eq + 1, &en->right);
		}
		free(line);
	}
}

static void dict_ready(void) { pthread_once(&dict_once, dict_load); }

/* True when phrase ph stands at w[i..]. */
static bool phrase_at(const sw_list *ph, char *const *w, size_t n, size_t i)
{
	if (ph->n == 0 || i + ph->n > n)
		return false;
	for (size_t k = 0; k < ph->n; k++)
		if (strcmp(ph->v[k], w[i + k]))
			return false;
	return true;
}

size_t sw_stop_at(char *const *w, size_t n, size_t i)
{
	dict_ready();
	size_t best = 0;
	for (size_t s = 0; s < dict.n_stops; s++)
		if (dict.stops[s].n > best && phrase_at(&dict.stops[s], w, n, i))
			best = dict.stops[s].n;
	return best;
}

bool sw_rewrite(char *const *w, size_t n, sw_list *out)
{
	dict_ready();
	bool any = false;
	for (size_t i = 0; i < n;) {
		const entry *best = NULL;
		for (size_t r = 0; r < dict.n_rewrites; r++)
			if ((!best || dict.rewrites[r].left.n > best->left.n) &&
			    phrase_at(&dict.rewrites[r].left, w, n, i))
				best = &dict.rewrites[r];
		if (best) {
			for (size_t k = 0; k < best->right.n; k++)
				sw_list_push(out, best->right.v[k], strlen(best->right.v[k]));
			i += best->left.n;
			any = true;
		} else {
			sw_list_push(out, w[i], strlen(w[i]));
			i++;
		}
	}
	if (!any)
		sw_list_free(out);
	return any;
}

static bool contains_phrase(const sw_list *ph, char *const *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (phrase_at(ph, w, n, i))
			return true;
	return false;
}

static bool has_word(char *const *w, size_t n, const char *x)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(w[i], x))
			return true;
	return false;
}

int sw_variant_marks(char *const *name, size_t n_name, char *const *query, size_t n_query)
{
	dict_ready();
	int marks = 0;
	for (size_t m = 0; m < dict.n_marks; m++) {
		const sw_list *ph = &dict.marks[m];
		/* A query names the variant by the mark's last word ("lại",
		 * "động", "ngoài", "giới", "hạn" …). */
		if (ph->n && contains_phrase(ph, name, n_name) &&
		    !has_word(query, n_query, ph->v[ph->n - 1]))
			marks++;
	}
	return marks;
}

/* ---- what speakers confuse ---- */

static bool starts(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

static bool ends(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && !memcmp(s + n - k, p, k);
}

/* One letter deleted from the longer word gives the shorter one; for a
 * word of two letters only a doubled letter ("hoo" → "ho"), since any
 * other letter added to two makes too many words. */
static bool one_letter_apart(const char *a, size_t na, const char *b, size_t nb)
{
	if (na < nb) {
		const char *t = a;
		a = b;
		b = t;
		size_t tn = na;
		na = nb;
		nb = tn;
	}
	if (na != nb + 1 || nb < 2)
		return false;
	size_t i = 0;
	while (i < nb && a[i] == b[i])
		i++;
	if (strcmp(a + i + 1, b + i))
		return false;
	return nb >= 3 || (i > 0 && a[i] == a[i - 1]) || a[i] == a[i + 1];
}

bool sw_near(const char *q, const char *t)
{
	static const char *const initial[][2] = {
	    {"s", "x"}, {"x", "s"}, {"ch", "tr"}, {"tr", "ch"}, {"d", "gi"}, {"gi", "d"},
	    {"d", "r"}, {"r", "d"}, {"gi", "r"}, {"r", "gi"}, {"l", "n"}, {"n", "l"},
	};
	static const char *const final[][2] = {
	    {"ng", "n"}, {"n", "ng"}, {"c", "t"}, {"t", "c"},
	};
	size_t nq = strlen(q), nt = strlen(t);
	if (!strcmp(q, t) || nq < 2)
		return false;
	for (size_t i = 0; i < sizeof initial / sizeof *initial; i++) {
		const char *a = initial[i][0], *b = initial[i][1];
		/* "gi" begins with g, not d: "d" must not also match "gi…" words here. */
		if (starts(q, a) && starts(t, b) && !strcmp(q + strlen(a), t + strlen(b)))
			return true;
	}
	for (size_t i = 0; i < sizeof final / sizeof *final; i++) {
		const char *a = final[i][0], *b = final[i][1];
		size_t la = strlen(a), lb = strlen(b);
		if (ends(q, nq, a) && ends(t, nt, b) && nq - la == nt - lb && nq > la &&
		    !memcmp(q, t, nq - la))
			return true;
	}
	return one_letter_apart(q, nq, t, nt);
}
