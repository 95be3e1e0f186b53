#include "speech_text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "procedure_fields.h"
#include "xalloc.h"

/* A growing string. */
typedef struct sbuf {
	char *s;
	size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s)
{
	size_t k = strlen(s);
	if (b->n + k + 1 > b->cap) {
		b->cap = (b->n + k + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, k + 1);
	b->n += k;
}

/* Adds s as a sentence: line breaks become pauses, and it ends with a
 * full stop unless it already ends with punctuation. */
static void sb_sentence(sbuf *b, const char *s)
{
	while (*s == ' ' || *s == '\n')
		s++;
	size_t k = strlen(s);
	while (k && (s[k - 1] == ' ' || s[k - 1] == '\n' || s[k - 1] == '\r'))
		k--;
	if (!k)
		return;
	if (b->n)
		sb_add(b, " ");
	char *c = xmalloc(k + 1);
	for (size_t i = 0; i < k; i++)
		c[i] = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
	c[k] = 0;
	/* A line break inside a cell separates items: a pause, as a comma. */
	for (size_t i = 0; i + 1 < k; i++)
		if (s[i] == '\n' && i > 0 && !strchr(".,;:!?", s[i - 1]))
			c[i] = ',';
	sb_add(b, c);
	free(c);
	if (!strchr(".!?:;", s[k - 1]))
		sb_add(b, ".");
}

void speech_text_add(speech_text *t, const char *s)
{
	if (!s || !*s)
		return;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->part = xrealloc(t->part, t->cap * sizeof *t->part);
	}
	t->part[t->n++] = xstrdup(s);
}

static void add_field(speech_text *t, const procedure_field *f)
{
	sbuf b = {0};
	sb_sentence(&b, _(f->def->heading));
	if (f->text) {
		sb_sentence(&b, f->text);
	} else {
		for (size_t i = 0; i < f->items->n; i++) {
			const item *it = &f->items->v[i];
			char num[32] = "";
			if (f->def->kind == PROCEDURE_FIELD_NUMBERED) {
				snprintf(num, sizeof num, "%zu.", i + 1);
				sb_add(&b, b.n ? " " : "");
				sb_add(&b, num);
			}
			sb_sentence(&b, it->text ? it->text : "");
			if (f->def->kind == PROCEDURE_FIELD_PAIRS && it->extra && *it->extra &&
			    f->def->id != PROCEDURE_FIELD_FORMS) { /* a form's file name is not for the ear */
				char *e = xasprintf("%s: %s", _(f->def->extra_heading), it->extra);
				sb_sentence(&b, e);
				free(e);
			}
		}
	}
	speech_text_add(t, b.s);
	free(b.s);
}

void speech_text_procedure(speech_text *t, const procedure *p, const faq *faqs, size_t n_faqs)
{
	sbuf b = {0};
	sb_sentence(&b, p->name ? p->name : "");
	char *code = xasprintf("%s: %s", _(PROCEDURE_FIELDS_CODE_HEADING), p->code ? p->code : "");
	sb_sentence(&b, code);
	free(code);
	speech_text_add(t, b.s);
	free(b.s);

	procedure_fields_iter it;
	procedure_field f;
	procedure_fields_begin(&it, p);
	while (procedure_fields_next(&it, &f))
		if (f.def->id != PROCEDURE_FIELD_URL)
			add_field(t, &f);
	if (n_faqs) {
		sbuf q = {0};
		sb_sentence(&q, _(PROCEDURE_FIELDS_FAQ_HEADING));
		for (size_t i = 0; i < n_faqs; i++) {
			char *s = xasprintf("%s: %s", _(PROCEDURE_FIELDS_QUESTION), faqs[i].question ? faqs[i].question : "");
			sb_sentence(&q, s);
			free(s);
			s = xasprintf("%s: %s", _(PROCEDURE_FIELDS_ANSWER), faqs[i].answer ? faqs[i].answer : "");
			sb_sentence(&q, s);
			free(s);
		}
		speech_text_add(t, q.s);
		free(q.s);
	}
}

void speech_text_news(speech_text *t, const news *n)
{
	sbuf b = {0};
	sb_sentence(&b, n->title ? n->title : "");
	sb_sentence(&b, n->date ? n->date : "");
	speech_text_add(t, b.s);
	free(b.s);
	sbuf body = {0};
	sb_sentence(&body, n->body ? n->body : "");
	speech_text_add(t, body.s);
	free(body.s);
}

char *speech_text_join(const speech_text *t)
{
	sbuf b = {0};
	sb_add(&b, "");
	for (size_t i = 0; i < t->n; i++)
		sb_sentence(&b, t->part[i]);
	return b.s;
}

void speech_text_clear(speech_text *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->part[i]);
	free(t->part);
	*t = (speech_text){0};
}
