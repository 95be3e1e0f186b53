/* bundle_diff — what an import would change, shown by `motcua check` and the
 * staff screen before anything is replaced. Procedures are matched by code;
 * the small tables are only flagged as changed or not. */
#include "bundle.h"

#include <stdlib.h>
#include <string.h>

#include "bundle_schema.h"
#include "catalog.h"
#include "text.h"
#include "xalloc.h"

typedef struct code_ref {
	const char *code;
	const procedure *p;
} code_ref;

static int code_ref_cmp(const void *a, const void *b)
{
	return strcmp(((const code_ref *)a)->code, ((const code_ref *)b)->code);
}

static code_ref *index_build(const catalog_data *d)
{
	code_ref *v = xcalloc(d->n_procs + 1, sizeof *v);
	for (size_t i = 0; i < d->n_procs; i++)
		v[i] = (code_ref){d->procs[i].code ? d->procs[i].code : "", &d->procs[i]};
	qsort(v, d->n_procs, sizeof *v, code_ref_cmp);
	return v;
}

static const procedure *index_find(const code_ref *v, size_t n, const char *code)
{
	code_ref key = {code ? code : "", NULL};
	const code_ref *hit = bsearch(&key, v, n, sizeof *v, code_ref_cmp);
	return hit ? hit->p : NULL;
}

static const blob *blob_find(const catalog_data *d, const char *name)
{
	for (size_t i = 0; i < d->n_blobs; i++)
		if (d->blobs[i].name && !strcmp(d->blobs[i].name, name))
			return &d->blobs[i];
	return NULL;
}

static bool blob_differs(const catalog_data *a, const catalog_data *b, const char *name)
{
	if (str_empty(name))
		return false;
	const blob *x = blob_find(a, name), *y = blob_find(b, name);
	if (!x != !y)
		return true;
	return x && (x->size != y->size || (x->size && memcmp(x->data, y->data, x->size)));
}

/* A new blank form or recording under the same file name changes the
 * procedure too: the citizen would print a different paper, or hear
 * different words. */
static bool list_blobs_differ(const catalog_data *a, const item_list *l, const catalog_data *b)
{
	for (size_t i = 0; i < l->n; i++)
		if (blob_differs(a, b, l->v[i].extra))
			return true;
	return false;
}

static bool table_differs(const catalog_data *a, const catalog_data *b, const char *file)
{
	const bundle_table *t = bundle_schema_table(file);
	size_t n = bundle_schema_count(a, t);
	if (n != bundle_schema_count(b, t))
		return true;
	for (size_t i = 0; i < n; i++)
		if (!bundle_schema_record_equal(bundle_schema_record(a, t, i),
		                                bundle_schema_record(b, t, i), t))
			return true;
	return false;
}

static void push(char ***v, size_t *n, size_t *cap, const procedure *p)
{
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	/* One procedure a line, the tab its only separator: whatever a name
	 * holds (an old catalogue's line break, a control character) is
	 * escaped. */
	char *code = text_escape(p->code, false), *name = text_escape(p->name, false);
	(*v)[(*n)++] = xasprintf("%s\t%s", code, name);
	free(code);
	free(name);
}

/* The titles of the fields of procedures o and p that differ, "; "-joined;
 * forms: a blank form's file changed under the same name. NULL when none. */
static char *fields_changed(const procedure *o, const procedure *p, const bundle_table *t,
                            bool forms, bool recs)
{
	char *s = NULL;
	for (size_t j = 0; j < t->n_columns; j++) {
		const bundle_column *c = &t->columns[j];
		if (bundle_schema_field_equal(o, p, c) && !(forms && c->kind == BUNDLE_FORMS) &&
		    !(recs && c->kind == BUNDLE_AUDIO))
			continue;
		char *n = s ? xasprintf("%s; %s", s, c->heading) : xstrdup(c->heading);
		free(s);
		s = n;
	}
	return s;
}

static void push_changed(bundle_diff *out, size_t *cap, size_t *cap_f, const procedure *p,
                         char *fields)
{
	push(&out->changed, &out->n_changed, cap, p);
	out->changed_fields = xgrow(out->changed_fields, cap_f, out->n_changed, sizeof(char *));
	out->changed_fields[out->n_changed - 1] = fields ? fields : xstrdup("");
}

void bundle_diff_compute(const catalog_data *old_cat, const catalog_data *new_cat, bundle_diff *out)
{
	memset(out, 0, sizeof *out);
	size_t cap_a = 0, cap_c = 0, cap_r = 0, cap_f = 0;
	const bundle_table *procs = bundle_schema_table("procedures.csv");
	code_ref *old_ix = index_build(old_cat), *new_ix = index_build(new_cat);
	for (size_t i = 0; i < new_cat->n_procs; i++) {
		const procedure *p = &new_cat->procs[i];
		const procedure *o = index_find(old_ix, old_cat->n_procs, p->code);
		if (!o) {
			push(&out->added, &out->n_added, &cap_a, p);
		} else {
			bool forms = list_blobs_differ(new_cat, &p->forms, old_cat);
			bool recs = list_blobs_differ(new_cat, &p->recordings, old_cat);
			if (forms || recs || !bundle_schema_record_equal(o, p, procs))
				push_changed(out, &cap_c, &cap_f, p,
				             fields_changed(o, p, procs, forms, recs));
		}
	}
	for (size_t i = 0; i < old_cat->n_procs; i++) {
		const procedure *o = &old_cat->procs[i];
		if (!index_find(new_ix, new_cat->n_procs, o->code))
			push(&out->removed, &out->n_removed, &cap_r, o);
	}
	free(old_ix);
	free(new_ix);
	out->hotlines_changed = table_differs(old_cat, new_cat, "hotlines.csv");
	out->indices_changed = table_differs(old_cat, new_cat, "indices.csv");
	out->news_changed = table_differs(old_cat, new_cat, "news.csv");
	for (size_t i = 0; i < new_cat->n_news && !out->news_changed; i++)
		out->news_changed = blob_differs(new_cat, old_cat, new_cat->news[i].image) ||
		                    list_blobs_differ(new_cat, &new_cat->news[i].recordings, old_cat);
	out->faq_changed = table_differs(old_cat, new_cat, "faq.csv");
	out->feedback_changed = table_differs(old_cat, new_cat, "feedback.csv");
	out->places_changed = table_differs(old_cat, new_cat, "dia_ban.csv");
}

/* --- against the installed catalogue, read one record at a time --- */

typedef struct old_blob {
	char *name;
	bool same; /* the new catalogue holds the same bytes under this name */
} old_blob;

typedef struct stream {
	const catalog_data *new_cat;
	code_ref *new_ix;
	bool *seen;           /* by index of the new procedure */
	char **changed;       /* by index of the new procedure: fields_changed */
	bundle_diff *out;
	size_t cap_r;
	const bundle_table *procs;
	old_blob *old;
	size_t n_old, cap_old;
} stream;

static void stream_proc(const procedure *o, void *ctx)
{
	stream *s = ctx;
	const procedure *p = index_find(s->new_ix, s->new_cat->n_procs, o->code);
	if (!p) {
		push(&s->out->removed, &s->out->n_removed, &s->cap_r, o);
		return;
	}
	size_t i = (size_t)(p - s->new_cat->procs);
	s->seen[i] = true;
	if (!bundle_schema_record_equal(o, p, s->procs)) {
		free(s->changed[i]);
		s->changed[i] = fields_changed(o, p, s->procs, false, false);
	}
}

static void stream_blob(const char *name, const void *data, size_t size, void *ctx)
{
	stream *s = ctx;
	if (!name)
		return;
	const blob *b = blob_find(s->new_cat, name);
	s->old = xgrow(s->old, &s->cap_old, s->n_old + 1, sizeof *s->old);
	s->old[s->n_old++] = (old_blob){
	    xstrdup(name), b && b->size == size && (!size || !memcmp(b->data, data, size))};
}

static bool stream_blob_differs(const stream *s, const char *name)
{
	if (str_empty(name))
		return false;
	const blob *b = blob_find(s->new_cat, name);
	for (size_t i = 0; i < s->n_old; i++)
		if (!strcmp(s->old[i].name, name))
			return !b || !s->old[i].same;
	return b != NULL;
}

static bool stream_list_differs(const stream *s, const item_list *l)
{
	for (size_t k = 0; k < l->n; k++)
		if (stream_blob_differs(s, l->v[k].extra))
			return true;
	return false;
}

int bundle_diff_catalog(catalog *old_cat, const catalog_data *new_cat, bundle_diff *out)
{
	memset(out, 0, sizeof *out);
	stream s = {.new_cat = new_cat,
	            .new_ix = index_build(new_cat),
	            .seen = xcalloc(new_cat->n_procs + 1, sizeof(bool)),
	            .changed = xcalloc(new_cat->n_procs + 1, sizeof(char *)),
	            .out = out,
	            .procs = bundle_schema_table("procedures.csv")};
	catalog_data rest = {0}; /* the small tables */
	int rc = old_cat ? catalog_load_each(old_cat, &rest, stream_proc, stream_blob, &s) : 0;
	size_t cap_a = 0, cap_c = 0, cap_f = 0;
	const bundle_column *forms_col = NULL, *recs_col = NULL;
	for (size_t j = 0; j < s.procs->n_columns; j++) {
		if (s.procs->columns[j].kind == BUNDLE_FORMS)
			forms_col = &s.procs->columns[j];
		if (s.procs->columns[j].kind == BUNDLE_AUDIO)
			recs_col = &s.procs->columns[j];
	}
	for (size_t i = 0; i < new_cat->n_procs; i++) {
		const procedure *p = &new_cat->procs[i];
		bool forms = s.seen[i] && stream_list_differs(&s, &p->forms);
		bool recs = s.seen[i] && stream_list_differs(&s, &p->recordings);
		if (!s.seen[i]) {
			push(&out->added, &out->n_added, &cap_a, p);
		} else if (s.changed[i] || forms || recs) {
			char *f = s.changed[i];
			s.changed[i] = NULL;
			/* a form's or a recording's file changed, its name did not:
			 * its column is named too, once */
			const bundle_column *cols[2] = {forms ? forms_col : NULL, recs ? recs_col : NULL};
			for (int k = 0; k < 2; k++) {
				if (!cols[k] || (f && strstr(f, cols[k]->heading)))
					continue;
				char *n = f ? xasprintf("%s; %s", f, cols[k]->heading)
				            : xstrdup(cols[k]->heading);
				free(f);
				f = n;
			}
			push_changed(out, &cap_c, &cap_f, p, f);
		}
	}
	out->hotlines_changed = table_differs(&rest, new_cat, "hotlines.csv");
	out->indices_changed = table_differs(&rest, new_cat, "indices.csv");
	out->news_changed = table_differs(&rest, new_cat, "news.csv");
	for (size_t i = 0; i < new_cat->n_news && !out->news_changed; i++)
		out->news_changed = stream_blob_differs(&s, new_cat->news[i].image) ||
		                    stream_list_differs(&s, &new_cat->news[i].recordings);
	out->faq_changed = table_differs(&rest, new_cat, "faq.csv");
	out->feedback_changed = table_differs(&rest, new_cat, "feedback.csv");
	out->places_changed = table_differs(&rest, new_cat, "dia_ban.csv");
	catalog_data_clear(&rest);
	for (size_t i = 0; i < s.n_old; i++)
		free(s.old[i].name);
	free(s.old);
	free(s.seen);
	for (size_t i = 0; i < new_cat->n_procs; i++)
		free(s.changed[i]);
	free(s.changed);
	free(s.new_ix);
	return rc;
}

void bundle_diff_clear(bundle_diff *d)
{
	for (size_t i = 0; i < d->n_added; i++)
		free(d->added[i]);
	for (size_t i = 0; i < d->n_changed; i++) {
		free(d->changed[i]);
		free(d->changed_fields[i]);
	}
	free(d->changed_fields);
	for (size_t i = 0; i < d->n_removed; i++)
		free(d->removed[i]);
	free(d->added);
	free(d->changed);
	free(d->removed);
	memset(d, 0, sizeof *d);
}
