#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void item_list_add(item_list *l, const char *text, const char *extra)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n].text = xstrdup(text ? text : "");
	l->v[l->n].extra = xstrdup(extra);
	l->n++;
}

void item_list_clear(item_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].text);
		free(l->v[i].extra);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void procedure_clear(procedure *p)
{
	char **strs[] = {&p->code, &p->name, &p->field, &p->level, &p->doc_count, &p->deadline,
			 &p->fees, &p->subjects, &p->agency, &p->result, &p->conditions,
			 &p->decision, &p->status, &p->effective_date, &p->online_level, &p->url,
			 &p->keywords, &p->address, &p->replaced_by};
	for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
		free(*strs[i]);
	item_list_clear(&p->steps);
	item_list_clear(&p->channels);
	item_list_clear(&p->documents);
	item_list_clear(&p->legal);
	item_list_clear(&p->forms);
	item_list_clear(&p->recordings);
	memset(p, 0, sizeof *p);
}

void procedure_free(procedure *p)
{
	if (!p)
		return;
	procedure_clear(p);
	free(p);
}

#define ADD(fn, type, arr, n, cap)                                   \
	type *fn(catalog_data *d)                                    \
	{                                                            \
		d->arr = xgrow(d->arr, &d->cap, d->n + 1, sizeof *d->arr); \
		memset(&d->arr[d->n], 0, sizeof *d->arr);            \
		return &d->arr[d->n++];                              \
	}
ADD(catalog_data_add_proc, procedure, procs, n_procs, cap_procs)
ADD(catalog_data_add_faq, faq, faqs, n_faqs, cap_faqs)
ADD(catalog_data_add_hotline, hotline, hotlines, n_hotlines, cap_hotlines)
ADD(catalog_data_add_feedback, feedback, feedbacks, n_feedbacks, cap_feedbacks)
ADD(catalog_data_add_index, index_row, indices, n_indices, cap_indices)
ADD(catalog_data_add_news, news, news, n_news, cap_news)
ADD(catalog_data_add_place, place, places, n_places, cap_places)
ADD(catalog_data_add_blob, blob, blobs, n_blobs, cap_blobs)
ADD(catalog_data_add_tr_row, row_translation, tr_rows, n_tr_rows, cap_tr_rows)
#undef ADD

void translation_clear(translation *t)
{
	for (size_t k = 0; k < t->n_procs; k++)
		procedure_clear(&t->procs[k]);
	free(t->procs);
	for (int k = 0; k < TR_KINDS; k++) {
		for (size_t j = 0; j < t->n_rows[k]; j++)
			row_translation_clear(&t->rows[k][j]);
		free(t->rows[k]);
	}
	free(t->lang);
	memset(t, 0, sizeof *t);
}

void row_translation_clear(row_translation *r)
{
	free(r->key);
	free(r->key2);
	for (size_t j = 0; j < sizeof r->text / sizeof *r->text; j++)
		free(r->text[j]);
	memset(r, 0, sizeof *r);
}

void catalog_data_clear(catalog_data *d)
{
	for (size_t i = 0; i < d->n_translations; i++)
		translation_clear(&d->translations[i]);
	free(d->translations);
	for (size_t i = 0; i < d->n_tr_rows; i++)
		row_translation_clear(&d->tr_rows[i]);
	free(d->tr_rows);
	free(d->info.unit);
	free(d->info.date);
	free(d->info.author);
	free(d->info.signer);
	for (size_t i = 0; i < d->n_procs; i++)
		procedure_clear(&d->procs[i]);
	free(d->procs);
	for (size_t i = 0; i < d->n_faqs; i++) {
		free(d->faqs[i].code);
		free(d->faqs[i].question);
		free(d->faqs[i].answer);
	}
	free(d->faqs);
	for (size_t i = 0; i < d->n_hotlines; i++) {
		hotline *h = &d->hotlines[i];
		free(h->agency); free(h->topic); free(h->phone);
		free(h->email); free(h->address); free(h->hours);
	}
	free(d->hotlines);
	for (size_t i = 0; i < d->n_feedbacks; i++) {
		feedback *f = &d->feedbacks[i];
		free(f->date); free(f->content); free(f->agency); free(f->answer); free(f->code);
	}
	free(d->feedbacks);
	for (size_t i = 0; i < d->n_indices; i++) {
		index_row *r = &d->indices[i];
		free(r->index); free(r->unit); free(r->dimension); free(r->rank); free(r->note);
	}
	free(d->indices);
	for (size_t i = 0; i < d->n_news; i++) {
		news *n = &d->news[i];
		free(n->date); free(n->title); free(n->body); free(n->image);
		item_list_clear(&n->recordings);
	}
	free(d->news);
	for (size_t i = 0; i < d->n_places; i++) {
		place *x = &d->places[i];
		free(x->old_name); free(x->old_district); free(x->new_unit); free(x->province);
		free(x->decision); free(x->effective_date); free(x->note);
	}
	free(d->places);
	for (size_t i = 0; i < d->n_blobs; i++) {
		free(d->blobs[i].name);
		free(d->blobs[i].data);
	}
	free(d->blobs);
	memset(d, 0, sizeof *d);
}
