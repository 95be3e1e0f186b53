#include "catalog.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bundle_schema.h"
#include "i18n.h"
#include "search_words.h"
#include "text.h"
#include "xalloc.h"

/* Bumped whenever the schema changes; a kiosk refuses a file it cannot read
 * rather than showing half a catalogue. Kept in PRAGMA user_version. */
#define CATALOG_SCHEMA 2 /* 2: recordings, place, translation, address, replaced_by */

/* Most results one search returns: the cost of ranking grows with it, and
 * no screen lists more. */
#define SEARCH_MAX 1000

struct catalog {
	sqlite3 *db;
	bundle_info info;
	char *id;
	size_t count;
	size_t n_places;
	/* Prepared once, reset after each use: the kiosk searches on every key. */
	sqlite3_stmt *get, *get_nocase, *search, *faqs, *blob, *list_field;
	/* The words of the short columns (name, code, keywords, field), canonical,
	 * read on the first search that needs near spellings. */
	sw_list vocab;
	size_t *vocab_len;
	bool vocab_read;
};

/* The procedure table, column by column, in model order. Lists are stored
 * as one compact blob each (see list_encode) so catalog_get is one row read. */
typedef struct pcol {
	const char *name;
	bool list;
	size_t off;
} pcol;

#define S(m)                                                                                       \
	{                                                                                          \
#m, false, offsetof(procedure, m)                                                  \
	}
#define L(m)                                                                                       \
	{                                                                                          \
#m, true, offsetof(procedure, m)                                                   \
	}
static const pcol pcols[] = {
    S(code),           S(name),         S(field),    S(level),    L(steps),    L(channels),
    L(documents),      S(doc_count),    S(deadline), S(fees),     S(subjects), S(agency),
    S(result),         S(conditions),   L(legal),    L(forms),    S(decision), S(status),
    S(effective_date), S(online_level), S(url),      S(keywords),    L(recordings),
    S(address),        S(replaced_by),
};
#undef S
#undef L
#define N_PCOLS (sizeof pcols / sizeof *pcols)

static const char schema_sql[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "CREATE TABLE faq(id INTEGER PRIMARY KEY, code TEXT, question TEXT, answer TEXT);"
    "CREATE INDEX faq_code ON faq(code);"
    "CREATE TABLE hotline(id INTEGER PRIMARY KEY, agency TEXT, topic TEXT, phone TEXT,"
    " email TEXT, address TEXT, hours TEXT, ord INTEGER);"
    "CREATE TABLE feedback(id INTEGER PRIMARY KEY, date TEXT, content TEXT, agency TEXT,"
    " answer TEXT, code TEXT, sort_date TEXT);"
    "CREATE TABLE idx(id INTEGER PRIMARY KEY, idx TEXT, year INTEGER, unit TEXT,"
    " dimension TEXT, score REAL, max REAL, rank TEXT, note TEXT);"
    "CREATE TABLE news(id INTEGER PRIMARY KEY, date TEXT, title TEXT, body TEXT,"
    " image TEXT, sort_date TEXT, recordings BLOB);"
    "CREATE TABLE blob(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB);"
    "CREATE TABLE place(id INTEGER PRIMARY KEY, old_name TEXT, old_district TEXT,"
    " new_unit TEXT, province TEXT, decision TEXT, effective_date TEXT, note TEXT);"
    /* The bundle's dich/LANG/: a translated field (col: the procedure
     * column's name; value as in procedure) of one procedure. */
    "CREATE TABLE translation(lang TEXT NOT NULL, code TEXT NOT NULL, col TEXT NOT NULL,"
    " value, PRIMARY KEY(lang, code, col)) WITHOUT ROWID;"
    /* Contentless: the text lives in `procedure`; the index only needs to
     * answer "which rows, how well". The prefix indexes make the one- to
     * three-letter prefixes of type-as-you-go cheap. */
    "CREATE VIRTUAL TABLE fts USING fts5(name, code, keywords, field, documents,"
    " content='', prefix='1 2 3', tokenize='unicode61');"
    /* The default rank for whoever queries the file by hand; catalog_search
     * ranks with motcua_rank (see rank_fn). */
    "INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(10.0, 5.0, 4.0, 2.0, 1.0)');";

/* ---- small helpers ---- */

static char *col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

typedef struct buf {
	unsigned char *p;
	size_t n, cap;
} buf;

static void buf_put(buf *b, const void *s, size_t n)
{
	b->p = xgrow(b->p, &b->cap, b->n + n + 1, 1);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = 0;
}

static void buf_str(buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

/* A list as one blob: per item a flag byte (1 when there is an extra part),
 * the text and a NUL, then the extra and a NUL. Strings cannot hold NUL, so
 * this is unambiguous, and NULL extra stays distinct from "". */
static void list_encode(const item_list *l, buf *b)
{
	b->n = 0;
	for (size_t i = 0; i < l->n; i++) {
		unsigned char flag = l->v[i].extra != NULL;
		buf_put(b, &flag, 1);
		buf_put(b, l->v[i].text ? l->v[i].text : "",
		        strlen(l->v[i].text ? l->v[i].text : "") + 1);
		if (flag)
			buf_put(b, l->v[i].extra, strlen(l->v[i].extra) + 1);
	}
}

static int list_decode(const unsigned char *p, size_t n, item_list *l)
{
	size_t i = 0;
	while (i < n) {
		unsigned char flag = p[i++];
		const unsigned char *end = memchr(p + i, 0, n - i);
		if (flag > 1 || !end)
			return -1;
		const char *text = (const char *)p + i;
		i = (size_t)(end - p) + 1;
		const char *extra = NULL;
		if (flag) {
			end = i < n ? memchr(p + i, 0, n - i) : NULL;
			if (!end)
				return -1;
			extra = (const char *)p + i;
			i = (size_t)(end - p) + 1;
		}
		item_list_add(l, text, extra);
	}
	return 0;
}

/* dd/mm/yyyy → yyyy-mm-dd, so "newest first" is a text sort; "" when the
 * date is not in that form (it then sorts last). */
static void sort_date(const char *dmy, char out[11])
{
	int d, m, y;
	char tail;
	out[0] = 0;
	if (dmy && sscanf(dmy, "%d/%d/%d%c", &d, &m, &y, &tail) == 3 && d >= 1 && d <= 31 &&
	    m >= 1 && m <= 12 && y >= 0 && y <= 9999)
		snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

/* Sets *err (when err is non-NULL) to a new message, replacing an earlier one. */
#define set_err(err, ...)                                                                          \
	do {                                                                                       \
		if (err) {                                                                         \
			free(*(err));                                                              \
			*(err) = xasprintf(__VA_ARGS__);                                           \
		}                                                                                  \
	} while (0)

/* ---- writing ---- */

static int exec(sqlite3 *db, const char *sql, char **err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	set_err(err, "%s", msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return -1;
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql, char **err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		set_err(err, "%s", sqlite3_errmsg(db));
		return NULL;
	}
	return st;
}

/* Appends the folded form of s, and a separator, to b. */
static void fold_into(buf *b, const char *s)
{
	if (str_empty(s))
		return;
	char *f = text_fold(s);
	if (f && *f) {
		if (b->n)
			buf_str(b, " ");
		buf_str(b, f);
	}
	free(f);
}

/* The code column of the index: the folded code ("1 001193", every part a
 * token) plus its digits alone ("1001193"), so the code typed with or
 * without dots, whole or in part, is a token prefix. */
static void code_terms(buf *b, const char *code)
{
	b->n = 0;
	fold_into(b, code);
	char *digits = xmalloc(strlen(code ? code : "") + 1);
	size_t n = 0;
	for (const char *s = code ? code : ""; *s; s++)
		if (*s >= '0' && *s <= '9')
			digits[n++] = *s;
	digits[n] = 0;
	if (n) {
		if (b->n)
			buf_str(b, " ");
		buf_str(b, digits);
	}
	free(digits);
}

static int write_meta(sqlite3 *db, const catalog_data *d, char **err)
{
	sqlite3_stmt *st = prepare(db, "INSERT INTO meta(key, value) VALUES(?1, ?2)", err);
	if (!st)
		return -1;
	const struct {
		const char *key, *value;
	} rows[] = {
	    {"unit", d->info.unit},
	    {"date", d->info.date},
	    {"author", d->info.author},
	    {"signer", d->info.signer},
	};
	int rc = 0;
	for (size_t i = 0; i < sizeof rows / sizeof *rows && rc == 0; i++) {
		bind_str(st, 1, rows[i].key);
		bind_str(st, 2, rows[i].value);
		rc = step_done(st);
	}
	if (rc == 0) {
		bind_str(st, 1, "version");
		sqlite3_bind_int64(st, 2, d->info.version);
		rc = step_done(st);
	}
	if (rc == 0) {
		bind_str(st, 1, "schema_version");
		sqlite3_bind_int(st, 2, CATALOG_SCHEMA);
		rc = step_done(st);
	}
	if (rc < 0)
		set_err(err, "%s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	/* A fresh random id per file: the kiosk compares it to notice a new
	 * catalogue even when an import reuses the version number. */
	if (rc == 0)
		rc = exec(
		    db,
		    "INSERT INTO meta(key, value) VALUES('catalog_id', lower(hex(randomblob(16))))",
		    err);
	return rc;
}

/* FTS rowids go to procedures by name length (in words, a leading "Thủ
 * tục" not counted), then bundle order: catalog_search takes its
 * candidates in rowid order, so "Đăng ký khai sinh" comes before "Đăng ký
 * khai sinh lưu động" without reading a name length per row. */
typedef struct fts_order {
	size_t words, index;
} fts_order;

static int cmp_fts_order(const void *a, const void *b)
{
	const fts_order *x = a, *y = b;
	if (x->words != y->words)
		return x->words < y->words ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Where a name starts to say something: after a leading "Thủ tục", which
 * opens most official names (folded text). */
static const char *name_start(const char *folded)
{
	return strncmp(folded, "thu tuc ", 8) ? folded : folded + 8;
}

static size_t count_words(const char *folded)
{
	size_t n = 0;
	for (const char *s = folded; *s; s++)
		n += *s != ' ' && (s == folded || s[-1] == ' ');
	return n;
}

static int write_procs(sqlite3 *db, const catalog_data *d, char **err)
{
	buf sql = {0};
	buf_str(&sql, "INSERT INTO procedure(id");
	for (size_t i = 0; i < N_PCOLS; i++) {
		buf_str(&sql, ", ");
		buf_str(&sql, pcols[i].name);
	}
	buf_str(&sql, ", name_key, field_key, fts_id) VALUES(?");
	for (size_t i = 0; i < N_PCOLS + 3; i++)
		buf_str(&sql, ", ?");
	buf_str(&sql, ")");
	sqlite3_stmt *ins = prepare(db, (const char *)sql.p, err);
	sqlite3_stmt *fts = prepare(
	    db,
	    "INSERT INTO fts(rowid, name, code, keywords, field, documents) VALUES(?,?,?,?,?,?)",
	    err);
	free(sql.p);

	size_t n = d->n_procs;
	char **names = xcalloc(n, sizeof *names);
	fts_order *order = xcalloc(n, sizeof *order);
	size_t *fts_id = xcalloc(n, sizeof *fts_id);
	for (size_t r = 0; r < n; r++) {
		names[r] = str_empty(d->procs[r].name) ? NULL : text_fold(d->procs[r].name);
		order[r].words = names[r] ? count_words(name_start(names[r])) : 0;
		order[r].index = r;
	}
	qsort(order, n, sizeof *order, cmp_fts_order);
	for (size_t k = 0; k < n; k++)
		fts_id[order[k].index] = k + 1;

	buf lists[N_PCOLS] = {{0}};
	buf code = {0}, kw = {0}, field = {0}, docs = {0};
	int rc = ins && fts ? 0 : -1;
	for (size_t r = 0; r < n && rc == 0; r++) {
		const procedure *p = &d->procs[r];
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)r + 1);
		for (size_t i = 0; i < N_PCOLS; i++) {
			const char *base = (const char *)p + pcols[i].off;
			if (!pcols[i].list) {
				bind_str(ins, (int)i + 2, *(char *const *)(const void *)base);
				continue;
			}
			const item_list *l = (const item_list *)(const void *)base;
			if (l->n == 0) {
				sqlite3_bind_null(ins, (int)i + 2);
				continue;
			}
			list_encode(l, &lists[i]);
			sqlite3_bind_blob(ins, (int)i + 2, lists[i].p, (int)lists[i].n,
			                  SQLITE_STATIC);
		}
		field.n = 0;
		fold_into(&field, p->field);
		bind_str(ins, (int)N_PCOLS + 2, names[r] ? names[r] : "");
		bind_str(ins, (int)N_PCOLS + 3, field.n ? (char *)field.p : "");
		sqlite3_bind_int64(ins, (int)N_PCOLS + 4, (sqlite3_int64)fts_id[r]);
		rc = step_done(ins);
		if (rc < 0)
			set_err(err, _("procedure %s: %s"), p->code ? p->code : "?",
			        sqlite3_errmsg(db));
	}
	/* FTS5 flushes its buffer whenever a rowid goes down, so insert in
	 * rowid order. */
	for (size_t k = 0; k < n && rc == 0; k++) {
		size_t r = order[k].index;
		const procedure *p = &d->procs[r];
		field.n = kw.n = docs.n = 0;
		fold_into(&field, p->field);
		fold_into(&kw, p->keywords);
		for (size_t i = 0; i < p->documents.n; i++)
			fold_into(&docs, p->documents.v[i].text);
		code_terms(&code, p->code);
		sqlite3_bind_int64(fts, 1, (sqlite3_int64)k + 1);
		bind_str(fts, 2, names[r] ? names[r] : "");
		const buf *cols[] = {&code, &kw, &field, &docs};
		for (int i = 0; i < 4; i++)
			bind_str(fts, i + 3, cols[i]->n ? (char *)cols[i]->p : "");
		rc = step_done(fts);
		if (rc < 0)
			set_err(err, _("procedure %s: %s"), p->code ? p->code : "?",
			        sqlite3_errmsg(db));
	}
	for (size_t i = 0; i < N_PCOLS; i++)
		free(lists[i].p);
	for (size_t r = 0; r < n; r++)
		free(names[r]);
	free(names);
	free(order);
	free(fts_id);
	free(code.p);
	free(kw.p);
	free(field.p);
	free(docs.p);
	sqlite3_finalize(ins);
	sqlite3_finalize(fts);
	return rc;
}

static int write_small_tables(sqlite3 *db, const catalog_data *d, char **err)
{
	sqlite3_stmt *st;
	int rc = 0;
	char sd[11];

	st = prepare(db, "INSERT INTO faq(id, code, question, answer) VALUES(?,?,?,?)", err);
	for (size_t i = 0; st && i < d->n_faqs && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		bind_str(st, 2, d->faqs[i].code);
		bind_str(st, 3, d->faqs[i].question);
		bind_str(st, 4, d->faqs[i].answer);
		rc = step_done(st);
	}
	if (!st)
		return -1;
	sqlite3_finalize(st);

	st = prepare(db,
	             "INSERT INTO hotline(id, agency, topic, phone, email, address, hours, ord)"
	             " VALUES(?,?,?,?,?,?,?,?)",
	             err);
	for (size_t i = 0; st && i < d->n_hotlines && rc == 0; i++) {
		const hotline *h = &d->hotlines[i];
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		bind_str(st, 2, h->agency);
		bind_str(st, 3, h->topic);
		bind_str(st, 4, h->phone);
		bind_str(st, 5, h->email);
		bind_str(st, 6, h->address);
		bind_str(st, 7, h->hours);
		sqlite3_bind_int(st, 8, h->order);
		rc = step_done(st);
	}
	if (!st)
		return -1;
	sqlite3_finalize(st);

	st = prepare(db,
	             "INSERT INTO feedback(id, date, content, agency, answer, code, sort_date)"
	             " VALUES(?,?,?,?,?,?,?)",
	             err);
	for (size_t i = 0; st && i < d->n_feedbacks && rc == 0; i++) {
		const feedback *f = &d->feedbacks[i];
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		bind_str(st, 2, f->date);
		bind_str(st, 3, f->content);
		bind_str(st, 4, f->agency);
		bind_str(st, 5, f->answer);
		bind_str(st, 6, f->code);
		sort_date(f->date, sd);
		bind_str(st, 7, sd);
		rc = step_done(st);
	}
	if (!st)
		return -1;
	sqlite3_finalize(st);

	st = prepare(db,
	             "INSERT INTO idx(id, idx, year, unit, dimension, score, max, rank, note)"
	             " VALUES(?,?,?,?,?,?,?,?,?)",
	             err);
	for (size_t i = 0; st && i < d->n_indices && rc == 0; i++) {
		const index_row *x = &d->indices[i];
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		bind_str(st, 2, x->index);
		sqlite3_bind_int(st, 3, x->year);
		bind_str(st, 4, x->unit);
		bind_str(st, 5, x->dimension);
		sqlite3_bind_double(st, 6, x->score);
		sqlite3_bind_double(st, 7, x->max);
		bind_str(st, 8, x->rank);
		bind_str(st, 9, x->note);
		rc = step_done(st);
	}
	if (!st)
		return -1;
	sqlite3_finalize(st);

	st = prepare(db,
	             "INSERT INTO news(id, date, title, body, image, sort_date, recordings)"
	             " VALUES(?,?,?,?,?,?,?)",
	             err);
	buf rec = {0};
	for (size_t i = 0; st && i < d->n_news && rc == 0; i++) {
		const news *n = &d->news[i];
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		bind_str(st, 2, n->date);
		bind_str(st, 3, n->title);
		bind_str(st, 4, n->body);
		bind_str(st, 5, n->image);
		sort_date(n->date, sd);
		bind_str(st, 6, sd);
		if (n->recordings.n) {
			list_encode(&n->recordings, &rec);
			sqlite3_bind_blob(st, 7, rec.p, (int)rec.n, SQLITE_STATIC);
		} else {
			sqlite3_bind_null(st, 7);
		}
		rc = step_done(st);
	}
	free(rec.p);
	if (!st)
		return -1;
	sqlite3_finalize(st);

	st = prepare(db,
	             "INSERT INTO place(id, old_name, old_district, new_unit, province, decision,"
	             " effective_date, note) VALUES(?,?,?,?,?,?,?,?)",
	             err);
	for (size_t i = 0; st && i < d->n_places && rc == 0; i++) {
		const place *x = &d->places[i];
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		bind_str(st, 2, x->old_name);
		bind_str(st, 3, x->old_district);
		bind_str(st, 4, x->new_unit);
		bind_str(st, 5, x->province);
		bind_str(st, 6, x->decision);
		bind_str(st, 7, x->effective_date);
		bind_str(st, 8, x->note);
		rc = step_done(st);
	}
	if (!st)
		return -1;
	sqlite3_finalize(st);

	st = prepare(db, "INSERT INTO blob(id, name, data) VALUES(?,?,?)", err);
	for (size_t i = 0; st && i < d->n_blobs && rc == 0; i++) {
		const blob *b = &d->blobs[i];
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		bind_str(st, 2, b->name ? b->name : "");
		sqlite3_bind_blob64(st, 3, b->data ? (const void *)b->data : (const void *)"",
		                    b->size, SQLITE_STATIC);
		rc = step_done(st);
	}
	if (!st)
		return -1;
	sqlite3_finalize(st);
	if (rc < 0)
		set_err(err, "%s", sqlite3_errmsg(db));
	return rc;
}

/* True when the procedure column pcols[i] may be translated. */
static bool pcol_translatable(size_t i)
{
	const bundle_table *t = bundle_schema_translation_table();
	for (size_t j = 0; j < t->n_columns; j++)
		if (t->columns[j].offset == pcols[i].off && t->columns[j].kind != BUNDLE_CODE_REF)
			return true;
	return false;
}

static void bind_pcol(sqlite3_stmt *st, int k, const procedure *p, size_t i)
{
	const char *base = (const char *)p + pcols[i].off;
	if (!pcols[i].list) {
		bind_str(st, k, *(char *const *)(const void *)base);
		return;
	}
	const item_list *l = (const item_list *)(const void *)base;
	buf b = {0};
	list_encode(l, &b);
	sqlite3_bind_blob(st, k, b.p, (int)b.n, free);
}

static bool pcol_empty(const procedure *p, size_t i)
{
	const char *base = (const char *)p + pcols[i].off;
	return pcols[i].list ? ((const item_list *)(const void *)base)->n == 0
	                     : str_empty(*(char *const *)(const void *)base);
}

/* The translations, a field a row; then a "translation" that is the
 * Vietnamese itself (a translator's template cell left as it was) is
 * dropped, so that the kiosk marks that field as not translated. */
static int write_translations(sqlite3 *db, const catalog_data *d, char **err)
{
	sqlite3_stmt *ins =
	    prepare(db, "INSERT OR REPLACE INTO translation(lang, code, col, value) VALUES(?,?,?,?)", err);
	if (!ins)
		return -1;
	int rc = 0;
	for (size_t t = 0; t < d->n_translations && rc == 0; t++)
		for (size_t k = 0; k < d->translations[t].n_procs && rc == 0; k++) {
			const procedure *p = &d->translations[t].procs[k];
			for (size_t i = 0; i < N_PCOLS && rc == 0; i++) {
				if (!pcol_translatable(i) || pcol_empty(p, i))
					continue;
				bind_str(ins, 1, d->translations[t].lang);
				bind_str(ins, 2, p->code);
				bind_str(ins, 3, pcols[i].name);
				bind_pcol(ins, 4, p, i);
				rc = step_done(ins);
			}
		}
	/* News, hotlines, questions: a field a row too, named by the
	 * Vietnamese record's row ("news.csv#3") and "FILE:COLUMN"; one that
	 * is the Vietnamese itself is left out here. */
	for (size_t t = 0; t < d->n_translations && rc == 0; t++)
		for (int k = 0; k < TR_KINDS && rc == 0; k++) {
			const bundle_table *tt = bundle_schema_row_table(k), *src = bundle_schema_row_source(k);
			for (size_t x = 0; x < d->translations[t].n_rows[k] && rc == 0; x++) {
				const row_translation *r = &d->translations[t].rows[k][x];
				if (r->row >= bundle_schema_count(d, src))
					continue;
				const void *rec = bundle_schema_record(d, src, r->row);
				char *code = xasprintf("%s#%zu", tt->file, r->row + 1);
				for (size_t j = BUNDLE_ROW_KEYS; j < tt->n_columns && rc == 0; j++) {
					const char *v = r->text[j - BUNDLE_ROW_KEYS];
					const char *vi = bundle_schema_get_str(rec, bundle_schema_row_source_column(k, j));
					if (str_empty(v) || (vi && !strcmp(v, vi)))
						continue;
					char *col = xasprintf("%s:%s", tt->file, tt->columns[j].key);
					bind_str(ins, 1, d->translations[t].lang);
					bind_str(ins, 2, code);
					bind_str(ins, 3, col);
					bind_str(ins, 4, v);
					rc = step_done(ins);
					free(col);
				}
				free(code);
			}
		}
	sqlite3_finalize(ins);
	for (size_t i = 0; i < N_PCOLS && rc == 0; i++) {
		if (!pcol_translatable(i))
			continue;
		char *sql = xasprintf("DELETE FROM translation WHERE col = '%s' AND value IS "
		                      "(SELECT %s FROM procedure WHERE procedure.code = translation.code)",
		                      pcols[i].name, pcols[i].name);
		rc = exec(db, sql, err);
		free(sql);
	}
	if (rc)
		set_err(err, "%s", sqlite3_errmsg(db));
	return rc;
}

static int create_procedure_table(sqlite3 *db, char **err)
{
	buf sql = {0};
	buf_str(&sql, "CREATE TABLE procedure(id INTEGER PRIMARY KEY");
	for (size_t i = 0; i < N_PCOLS; i++) {
		buf_str(&sql, ", ");
		buf_str(&sql, pcols[i].name);
		buf_str(&sql, pcols[i].list ? " BLOB" : " TEXT");
		if (i == 0)
			buf_str(&sql, " NOT NULL UNIQUE");
	}
	/* Folded name and field: the sort keys of lists, so "Đăng ký" sorts
	 * among the d's and upper/lower case do not split a field. */
	buf_str(&sql, ", name_key TEXT, field_key TEXT, fts_id INTEGER NOT NULL UNIQUE);"
	              "CREATE INDEX procedure_field ON procedure(field, name_key);");
	int rc = exec(db, (const char *)sql.p, err);
	free(sql.p);
	return rc;
}

static int check_integrity(sqlite3 *db, char **err)
{
	sqlite3_stmt *st = prepare(db, "PRAGMA integrity_check", err);
	if (!st)
		return -1;
	int rc = -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		if (r && !strcmp(r, "ok"))
			rc = 0;
		else
			set_err(err, _("integrity check failed: %s"), r ? r : "?");
	} else {
		set_err(err, _("integrity check failed: %s"), sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return rc;
}

int catalog_write(const char *path, const catalog_data *d, char **err)
{
	assert(path && d);
	if (err)
		*err = NULL;
	/* A new file, never an update: a reader of the old path keeps its inode. */
	if (unlink(path) < 0 && errno != ENOENT) {
		set_err(err, "%s", strerror(errno));
		return -1;
	}
	char *journal = xasprintf("%s-journal", path);
	unlink(journal);
	free(journal);

	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		set_err(err, "%s", db ? sqlite3_errmsg(db) : strerror(ENOMEM));
		sqlite3_close(db);
		return -1;
	}
	/* No journal and no syncs while building: a half-built file is only
	 * ever catalog.new.sqlite, which the store checks, fsyncs and renames.
	 * A 16 MiB page cache builds 10,000 procedures as fast as 64 MiB did
	 * and leaves room for the catalogue in memory (400 MiB, DESIGN §3). */
	int rc =
	    exec(db,
	         "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
	         "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;",
	         err);
	if (rc == 0) {
		char *v = xasprintf("PRAGMA user_version=%d; BEGIN;", CATALOG_SCHEMA);
		rc = exec(db, v, err);
		free(v);
	}
	if (rc == 0)
		rc = exec(db, schema_sql, err);
	if (rc == 0)
		rc = create_procedure_table(db, err);
	if (rc == 0)
		rc = write_meta(db, d, err);
	if (rc == 0)
		rc = write_procs(db, d, err);
	if (rc == 0)
		rc = write_small_tables(db, d, err);
	if (rc == 0)
		rc = write_translations(db, d, err);
	/* One b-tree per index instead of one segment per flush: faster search. */
	if (rc == 0)
		rc = exec(db, "INSERT INTO fts(fts) VALUES('optimize'); COMMIT;", err);
	if (rc == 0)
		rc = exec(db, "INSERT INTO fts(fts) VALUES('integrity-check')", err);
	if (rc == 0)
		rc = check_integrity(db, err);
	if (sqlite3_close(db) != SQLITE_OK && rc == 0) {
		set_err(err, "%s", sqlite3_errmsg(db));
		rc = -1;
	}
	if (rc < 0)
		unlink(path);
	return rc;
}

/* ---- reading ---- */

static void info_clear(bundle_info *i)
{
	free(i->unit);
	free(i->date);
	free(i->author);
	free(i->signer);
	memset(i, 0, sizeof *i);
}

static int read_meta(catalog *c, char **err)
{
	sqlite3_stmt *st = prepare(c->db, "SELECT key, value FROM meta", err);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		char **slot = NULL;
		if (!k)
			continue;
		if (!strcmp(k, "unit"))
			slot = &c->info.unit;
		else if (!strcmp(k, "date"))
			slot = &c->info.date;
		else if (!strcmp(k, "author"))
			slot = &c->info.author;
		else if (!strcmp(k, "signer"))
			slot = &c->info.signer;
		else if (!strcmp(k, "catalog_id"))
			slot = &c->id;
		else if (!strcmp(k, "version"))
			c->info.version = (long)sqlite3_column_int64(st, 1);
		if (slot) {
			free(*slot);
			*slot = col_str(st, 1);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		set_err(err, "%s", sqlite3_errmsg(c->db));
		return -1;
	}
	return 0;
}


/* "file:" URI of a path, so immutable=1 can be passed: the store never
 * changes a catalogue file in place (it renames new files over it), and an
 * immutable file is read without locks or change checks. */
static char *file_uri(const char *path)
{
	buf b = {0};
	buf_str(&b, "file:");
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if (*s == '%' || *s == '?' || *s == '#' || *s < 0x20) {
			char hex[4];
			snprintf(hex, sizeof hex, "%%%02X", *s);
			buf_str(&b, hex);
		} else {
			buf_put(&b, s, 1);
		}
	}
	buf_str(&b, "?immutable=1");
	return (char *)b.p;
}

/* What schema 2 added to schema 1 (the first wave's catalogues): columns
 * at the end of their tables, and two tables. */
static const char upgrade_1_to_2[] =
    "ALTER TABLE procedure ADD COLUMN recordings BLOB;"
    "ALTER TABLE procedure ADD COLUMN address TEXT;"
    "ALTER TABLE procedure ADD COLUMN replaced_by TEXT;"
    "ALTER TABLE news ADD COLUMN recordings BLOB;"
    "CREATE TABLE place(id INTEGER PRIMARY KEY, old_name TEXT, old_district TEXT,"
    " new_unit TEXT, province TEXT, decision TEXT, effective_date TEXT, note TEXT);"
    "CREATE TABLE translation(lang TEXT NOT NULL, code TEXT NOT NULL, col TEXT NOT NULL,"
    " value, PRIMARY KEY(lang, code, col)) WITHOUT ROWID;"
    "UPDATE meta SET value = 2 WHERE key = 'schema_version';"
    "PRAGMA user_version = 2;";

int catalog_upgrade(const char *path, const char *tmp, char **err)
{
	assert(path && tmp);
	if (err)
		*err = NULL;
	sqlite3 *db = NULL;
	int version = -1, rc = 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (version != 1) { /* current, missing, or not ours: catalog_open says */
		sqlite3_close(db);
		return 0;
	}
	/* A copy is upgraded and renamed over the file, so a power cut leaves
	 * the old catalogue or the new, never half of one. */
	unlink(tmp);
	char *q = sqlite3_mprintf("VACUUM INTO %Q", tmp);
	if (sqlite3_exec(db, q, NULL, NULL, NULL) != SQLITE_OK) {
		set_err(err, "%s", sqlite3_errmsg(db));
		rc = -1;
	}
	sqlite3_free(q);
	sqlite3_close(db);
	db = NULL;
	if (!rc && sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		set_err(err, "%s", db ? sqlite3_errmsg(db) : strerror(ENOMEM));
		rc = -1;
	}
	if (!rc) {
		char *e = NULL;
		char *sql = xasprintf("PRAGMA synchronous=FULL; BEGIN; %s COMMIT;", upgrade_1_to_2);
		if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK) {
			set_err(err, "%s", e ? e : sqlite3_errmsg(db));
			rc = -1;
		}
		sqlite3_free(e);
		free(sql);
	}
	sqlite3_close(db);
	int fd = rc ? -1 : open(tmp, O_RDONLY | O_CLOEXEC);
	if (!rc && (fd < 0 || fsync(fd) < 0 || rename(tmp, path) < 0)) {
		set_err(err, "%s", strerror(errno));
		rc = -1;
	}
	if (fd >= 0)
		close(fd);
	if (rc)
		unlink(tmp);
	return rc ? -1 : 1;
}

catalog *catalog_open(const char *path, char **err)
{
	assert(path);
	if (err)
		*err = NULL;
	if (access(path, R_OK) < 0) {
		set_err(err, "%s", strerror(errno));
		return NULL;
	}
	catalog *c = xcalloc(1, sizeof *c);
	char *uri = file_uri(path);
	int rc = sqlite3_open_v2(uri, &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		set_err(err, "%s", c->db ? sqlite3_errmsg(c->db) : strerror(ENOMEM));
		catalog_close(c);
		return NULL;
	}
	sqlite3_stmt *st = prepare(c->db, "PRAGMA user_version", err);
	int version = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version != CATALOG_SCHEMA) {
		set_err(err, _("not a motcua catalogue of this version (schema %d, want %d)"),
		        version, CATALOG_SCHEMA);
		catalog_close(c);
		return NULL;
	}
	if (read_meta(c, err) < 0)
		goto fail;
	st = prepare(c->db, "SELECT count(*) FROM procedure", err);
	if (!st)
		goto fail;
	if (sqlite3_step(st) == SQLITE_ROW)
		c->count = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = prepare(c->db, "SELECT count(*) FROM place", err);
	if (!st)
		goto fail;
	if (sqlite3_step(st) == SQLITE_ROW)
		c->n_places = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);

	buf sql = {0};
	buf_str(&sql, "SELECT ");
	for (size_t i = 0; i < N_PCOLS; i++) {
		if (i)
			buf_str(&sql, ", ");
		buf_str(&sql, pcols[i].name);
	}
	buf_str(&sql, " FROM procedure WHERE code = ?1");
	c->get = prepare(c->db, (const char *)sql.p, err);
	buf_str(&sql, " COLLATE NOCASE ORDER BY id LIMIT 1");
	c->get_nocase = c->get ? prepare(c->db, (const char *)sql.p, err) : NULL;
	free(sql.p);
	if (!c->get_nocase)
		goto fail;
	/* Candidates in FTS rowid order (shorter names first, see write_procs),
	 * so SQLite stops after ?2 rows however many match; catalog_search
	 * orders them itself. */
	c->search = prepare(c->db,
	                    "SELECT p.code, p.name, p.field, p.status, p.keywords FROM"
	                    " (SELECT rowid AS r FROM fts WHERE fts MATCH ?1 ORDER BY rowid LIMIT ?2)"
	                    " AS m JOIN procedure AS p ON p.fts_id = m.r ORDER BY m.r",
	                    err);
	c->faqs =
	    c->search
	        ? prepare(c->db,
	                  "SELECT code, question, answer, id FROM faq WHERE code = ?1 ORDER BY id", err)
	        : NULL;
	c->blob = c->faqs ? prepare(c->db, "SELECT data FROM blob WHERE name = ?1", err) : NULL;
	c->list_field = c->blob ? prepare(c->db,
	                                  "SELECT code, name, field, status FROM procedure"
	                                  " WHERE field = ?1 AND status IS NOT '" PROCEDURE_REPEALED
	                                  "' ORDER BY name_key, name, id",
	                                  err)
	                        : NULL;
	if (!c->list_field)
		goto fail;
	return c;
fail:
	catalog_close(c);
	return NULL;
}

void catalog_close(catalog *c)
{
	if (!c)
		return;
	sqlite3_stmt *sts[] = {c->get, c->get_nocase, c->search, c->faqs, c->blob, c->list_field};
	for (size_t i = 0; i < sizeof sts / sizeof *sts; i++)
		sqlite3_finalize(sts[i]);
	sqlite3_close(c->db);
	info_clear(&c->info);
	sw_list_free(&c->vocab);
	free(c->vocab_len);
	free(c->id);
	free(c);
}

const bundle_info *catalog_info(catalog *c)
{
	assert(c);
	return &c->info;
}

const char *catalog_id(catalog *c)
{
	assert(c);
	return c->id ? c->id : "";
}

size_t catalog_count(catalog *c)
{
	assert(c);
	return c->count;
}

size_t catalog_place_count(catalog *c)
{
	assert(c);
	return c->n_places;
}

/* Reads the procedure columns (in pcols order, from column 0) of st's row. */
static int read_proc(sqlite3_stmt *st, procedure *p)
{
	for (size_t i = 0; i < N_PCOLS; i++) {
		char *base = (char *)p + pcols[i].off;
		if (!pcols[i].list) {
			*(char **)(void *)base = col_str(st, (int)i);
			continue;
		}
		const void *b = sqlite3_column_blob(st, (int)i);
		int n = sqlite3_column_bytes(st, (int)i);
		if (b && list_decode(b, (size_t)n, (item_list *)(void *)base) < 0)
			return -1;
	}
	return 0;
}

procedure *catalog_get(catalog *c, const char *code)
{
	assert(c);
	if (str_empty(code))
		return NULL;
	sqlite3_stmt *sts[] = {c->get, c->get_nocase};
	for (size_t k = 0; k < 2; k++) {
		sqlite3_stmt *st = sts[k];
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		procedure *p = NULL;
		if (sqlite3_step(st) == SQLITE_ROW) {
			p = xcalloc(1, sizeof *p);
			if (read_proc(st, p) < 0) {
				procedure_free(p);
				p = NULL;
			}
		}
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (p)
			return p;
	}
	return NULL;
}

static int load_extras(catalog *c, catalog_data *d, bool display_order, const char *lang);

static sqlite3_stmt *prepare_quiet(catalog *c, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

int catalog_load(catalog *c, catalog_data *d)
{
	return catalog_load_each(c, d, NULL, NULL, NULL);
}

int catalog_load_each(catalog *c, catalog_data *d, catalog_proc_fn on_proc,
                      catalog_blob_fn on_blob, void *ctx)
{
	assert(c && d);
	d->info.unit = xstrdup(c->info.unit);
	d->info.version = c->info.version;
	d->info.date = xstrdup(c->info.date);
	d->info.author = xstrdup(c->info.author);
	d->info.signer = xstrdup(c->info.signer);

	buf sql = {0};
	buf_str(&sql, "SELECT ");
	for (size_t i = 0; i < N_PCOLS; i++) {
		if (i)
			buf_str(&sql, ", ");
		buf_str(&sql, pcols[i].name);
	}
	buf_str(&sql, " FROM procedure ORDER BY id");
	sqlite3_stmt *st = prepare_quiet(c, (const char *)sql.p);
	free(sql.p);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!on_proc) {
			if (read_proc(st, catalog_data_add_proc(d)) < 0)
				break;
			continue;
		}
		procedure p = {0};
		int bad = read_proc(st, &p);
		if (!bad)
			on_proc(&p, ctx);
		procedure_clear(&p);
		if (bad)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;

	st = prepare_quiet(c, "SELECT code, question, answer FROM faq ORDER BY id");
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		faq *f = catalog_data_add_faq(d);
		f->code = col_str(st, 0);
		f->question = col_str(st, 1);
		f->answer = col_str(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;

	st = prepare_quiet(c, "SELECT name, data FROM blob ORDER BY id");
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const void *data = sqlite3_column_blob(st, 1);
		size_t size = (size_t)sqlite3_column_bytes(st, 1);
		if (on_blob) {
			on_blob((const char *)sqlite3_column_text(st, 0), data, size, ctx);
			continue;
		}
		blob *b = catalog_data_add_blob(d);
		b->name = col_str(st, 0);
		b->size = size;
		b->data = xmalloc(b->size);
		if (b->size)
			memcpy(b->data, data, b->size);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	return load_extras(c, d, false, NULL);
}

/* ---- the small tables ---- */

static int pcol_find(const char *name)
{
	for (size_t i = 0; i < N_PCOLS; i++)
		if (!strcmp(pcols[i].name, name))
			return (int)i;
	return -1;
}

/* Sets field pcols[i] of p from column k of st (freeing what was there). */
static int set_pcol(procedure *p, size_t i, sqlite3_stmt *st, int k)
{
	char *base = (char *)p + pcols[i].off;
	if (!pcols[i].list) {
		free(*(char **)(void *)base);
		*(char **)(void *)base = col_str(st, k);
		return 0;
	}
	item_list *l = (item_list *)(void *)base;
	item_list_clear(l);
	const void *b = sqlite3_column_blob(st, k);
	int n = sqlite3_column_bytes(st, k);
	return b ? list_decode(b, (size_t)n, l) : 0;
}

/* A translation row's code and column ("news.csv#3", "news.csv:tieu_de"):
 * its kind, the Vietnamese record's index and the text column; false when
 * they name none. */
static bool row_key_parse(const char *code, const char *col, int *kind, size_t *row, size_t *j)
{
	for (int k = 0; k < TR_KINDS; k++) {
		const bundle_table *t = bundle_schema_row_table(k);
		size_t n = strlen(t->file);
		if (strncmp(code, t->file, n) || code[n] != '#' || strncmp(col, t->file, n) || col[n] != ':')
			continue;
		char *end;
		errno = 0;
		unsigned long long id = strtoull(code + n + 1, &end, 10);
		if (errno || *end || id == 0 || code[n + 1] < '1' || code[n + 1] > '9')
			return false;
		for (size_t i = BUNDLE_ROW_KEYS; i < t->n_columns; i++)
			if (!strcmp(col + n + 1, t->columns[i].key)) {
				*kind = k;
				*row = (size_t)(id - 1);
				*j = i - BUNDLE_ROW_KEYS;
				return true;
			}
		return false;
	}
	return false;
}

static int cmp_row_translation(const void *a, const void *b)
{
	const row_translation *x = a, *y = b;
	return (x->row > y->row) - (x->row < y->row);
}

static int load_translations(catalog *c, catalog_data *d)
{
	sqlite3_stmt *st =
	    prepare_quiet(c, "SELECT lang, code, col, value FROM translation ORDER BY lang, code, col");
	if (!st)
		return -1;
	int rc;
	translation *t = NULL;
	procedure *p = NULL;
	size_t cap_rows[TR_KINDS] = {0};
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *lang = (const char *)sqlite3_column_text(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *colname = (const char *)sqlite3_column_text(st, 2);
		int i = pcol_find(colname);
		int kind = -1;
		size_t row = 0, j = 0;
		if (!lang || !code || !colname || (i < 0 && !row_key_parse(code, colname, &kind, &row, &j)))
			continue;
		if (!t || strcmp(t->lang, lang)) {
			if (d->n_translations == d->cap_translations) {
				d->cap_translations = d->cap_translations ? 2 * d->cap_translations : 4;
				d->translations =
				    xrealloc(d->translations, d->cap_translations * sizeof *d->translations);
			}
			t = &d->translations[d->n_translations++];
			*t = (translation){.lang = xstrdup(lang)};
			p = NULL;
			memset(cap_rows, 0, sizeof cap_rows);
		}
		if (kind >= 0) {
			size_t *n = &t->n_rows[kind];
			if (!*n || t->rows[kind][*n - 1].row != row) {
				t->rows[kind] = xgrow(t->rows[kind], &cap_rows[kind], *n + 1, sizeof *t->rows[kind]);
				t->rows[kind][(*n)++] = (row_translation){.row = row};
			}
			row_translation *r = &t->rows[kind][*n - 1];
			free(r->text[j]);
			r->text[j] = col_str(st, 3);
			continue;
		}
		if (!p || strcmp(p->code, code)) {
			if (t->n_procs == t->cap_procs) {
				t->cap_procs = t->cap_procs ? 2 * t->cap_procs : 16;
				t->procs = xrealloc(t->procs, t->cap_procs * sizeof *t->procs);
			}
			p = &t->procs[t->n_procs++];
			*p = (procedure){.code = xstrdup(code)};
		}
		if (set_pcol(p, (size_t)i, st, 3) < 0)
			rc = SQLITE_CORRUPT;
	}
	sqlite3_finalize(st);
	/* "news.csv#10" sorts before "news.csv#2": back to bundle order. */
	for (size_t l = 0; l < d->n_translations; l++)
		for (int k = 0; k < TR_KINDS; k++)
			if (d->translations[l].n_rows[k] > 1)
				qsort(d->translations[l].rows[k], d->translations[l].n_rows[k],
				      sizeof *d->translations[l].rows[k], cmp_row_translation);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Replaces the fields of rec, the Vietnamese record id (from 1) of kind's
 * table, that have a translation into lang; returns the text columns
 * replaced (bit j: text[j] of row_translation). */
static unsigned row_translate(catalog *c, const char *lang, int kind, long long id, void *rec)
{
	if (str_empty(lang))
		return 0;
	sqlite3_stmt *st = prepare_quiet(c, "SELECT col, value FROM translation WHERE lang = ?1 AND code = ?2");
	if (!st)
		return 0;
	const bundle_table *t = bundle_schema_row_table(kind);
	char *code = xasprintf("%s#%lld", t->file, id);
	sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	unsigned mask = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int k;
		size_t row, j;
		const char *col = (const char *)sqlite3_column_text(st, 0);
		if (!col || !row_key_parse(code, col, &k, &row, &j) || k != kind)
			continue;
		char **slot = bundle_schema_str(rec, bundle_schema_row_source_column(kind, j + BUNDLE_ROW_KEYS));
		free(*slot);
		*slot = col_str(st, 1);
		mask |= 1u << j;
	}
	sqlite3_finalize(st);
	free(code);
	return mask;
}

bool catalog_row_translated(unsigned mask, int kind, size_t member_offset)
{
	const bundle_table *t = bundle_schema_row_table(kind);
	for (size_t j = BUNDLE_ROW_KEYS; j < t->n_columns; j++)
		if (bundle_schema_row_source_column(kind, j)->offset == member_offset)
			return mask & (1u << (j - BUNDLE_ROW_KEYS));
	return false;
}

size_t catalog_langs(catalog *c, char ***out)
{
	assert(c && out);
	*out = NULL;
	sqlite3_stmt *st = prepare_quiet(c, "SELECT DISTINCT lang FROM translation ORDER BY lang");
	size_t n = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n++] = col_str(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

unsigned long catalog_translate(catalog *c, const char *lang, procedure *p)
{
	assert(c && p);
	if (str_empty(lang) || str_empty(p->code))
		return 0;
	sqlite3_stmt *st = prepare_quiet(c, "SELECT col, value FROM translation WHERE lang = ?1 AND code = ?2");
	if (!st)
		return 0;
	unsigned long mask = 0;
	sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->code, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int i = pcol_find((const char *)sqlite3_column_text(st, 0));
		if (i >= 0 && pcol_translatable((size_t)i) && set_pcol(p, (size_t)i, st, 1) == 0)
			mask |= 1ul << i;
	}
	sqlite3_finalize(st);
	return mask;
}

bool catalog_translated(unsigned long mask, size_t member_offset)
{
	for (size_t i = 0; i < N_PCOLS; i++)
		if (pcols[i].off == member_offset)
			return mask & (1ul << i);
	return false;
}

bool catalog_translatable(size_t member_offset)
{
	for (size_t i = 0; i < N_PCOLS; i++)
		if (pcols[i].off == member_offset)
			return pcol_translatable(i);
	return false;
}

static int load_extras(catalog *c, catalog_data *d, bool display_order, const char *lang)
{
	assert(c && d);
	static const char *const sql[2][5] = {
	    {
	        "SELECT agency, topic, phone, email, address, hours, ord, id FROM hotline ORDER BY id",
	        "SELECT date, content, agency, answer, code FROM feedback ORDER BY id",
	        "SELECT idx, year, unit, dimension, score, max, rank, note FROM idx ORDER BY id",
	        "SELECT date, title, body, image, recordings, id FROM news ORDER BY id",
	        "SELECT old_name, old_district, new_unit, province, decision, effective_date,"
	        " note FROM place ORDER BY id",
	    },
	    {
	        /* thu_tu 0 means "not given": those follow the numbered ones. */
	        "SELECT agency, topic, phone, email, address, hours, ord, id FROM hotline"
	        " ORDER BY ord = 0, ord, id",
	        "SELECT date, content, agency, answer, code FROM feedback"
	        " ORDER BY sort_date DESC, id",
	        "SELECT idx, year, unit, dimension, score, max, rank, note FROM idx ORDER BY id",
	        "SELECT date, title, body, image, recordings, id FROM news ORDER BY sort_date DESC, id",
	        "SELECT old_name, old_district, new_unit, province, decision, effective_date,"
	        " note FROM place ORDER BY id",
	    },
	};
	const char *const *q = sql[display_order ? 1 : 0];
	int rc;
	sqlite3_stmt *st = prepare_quiet(c, q[0]);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		hotline *h = catalog_data_add_hotline(d);
		h->agency = col_str(st, 0);
		h->topic = col_str(st, 1);
		h->phone = col_str(st, 2);
		h->email = col_str(st, 3);
		h->address = col_str(st, 4);
		h->hours = col_str(st, 5);
		h->order = sqlite3_column_int(st, 6);
		h->translated = row_translate(c, lang, TR_HOTLINES, sqlite3_column_int64(st, 7), h);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;

	st = prepare_quiet(c, q[1]);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		feedback *f = catalog_data_add_feedback(d);
		f->date = col_str(st, 0);
		f->content = col_str(st, 1);
		f->agency = col_str(st, 2);
		f->answer = col_str(st, 3);
		f->code = col_str(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;

	st = prepare_quiet(c, q[2]);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		index_row *x = catalog_data_add_index(d);
		x->index = col_str(st, 0);
		x->year = sqlite3_column_int(st, 1);
		x->unit = col_str(st, 2);
		x->dimension = col_str(st, 3);
		x->score = sqlite3_column_double(st, 4);
		x->max = sqlite3_column_double(st, 5);
		x->rank = col_str(st, 6);
		x->note = col_str(st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;

	st = prepare_quiet(c, q[3]);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		news *n = catalog_data_add_news(d);
		n->date = col_str(st, 0);
		n->title = col_str(st, 1);
		n->body = col_str(st, 2);
		n->image = col_str(st, 3);
		const void *rb = sqlite3_column_blob(st, 4);
		if (rb && list_decode(rb, (size_t)sqlite3_column_bytes(st, 4), &n->recordings) < 0) {
			rc = SQLITE_CORRUPT;
			break;
		}
		n->translated = row_translate(c, lang, TR_NEWS, sqlite3_column_int64(st, 5), n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;

	st = prepare_quiet(c, q[4]);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		place *x = catalog_data_add_place(d);
		x->old_name = col_str(st, 0);
		x->old_district = col_str(st, 1);
		x->new_unit = col_str(st, 2);
		x->province = col_str(st, 3);
		x->decision = col_str(st, 4);
		x->effective_date = col_str(st, 5);
		x->note = col_str(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	return load_translations(c, d);
}

int catalog_load_extras(catalog *c, catalog_data *d)
{
	return load_extras(c, d, true, NULL);
}

int catalog_load_extras_in(catalog *c, const char *lang, catalog_data *d)
{
	return load_extras(c, d, true, lang);
}

/* ---- lists ---- */

void catalog_summaries_free(proc_summary *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].code);
		free(v[i].name);
		free(v[i].field);
		free(v[i].status);
	}
	free(v);
}

void catalog_fields_free(field_count *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i].field);
	free(v);
}

/* Runs st (code, name, field, status rows) into a summary array. */
static size_t collect_summaries(sqlite3_stmt *st, proc_summary **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, n + 1, sizeof **out);
		proc_summary *s = &(*out)[n++];
		s->code = col_str(st, 0);
		s->name = col_str(st, 1);
		s->field = col_str(st, 2);
		s->status = col_str(st, 3);
		s->untranslated = false;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return n;
}

size_t catalog_fields(catalog *c, field_count **out)
{
	assert(c && out);
	*out = NULL;
	sqlite3_stmt *st = prepare_quiet(c, "SELECT field, count(*) FROM procedure"
	                                    " WHERE field IS NOT NULL AND field <> ''"
	                                    " AND status IS NOT '" PROCEDURE_REPEALED "'"
	                                    " GROUP BY field ORDER BY min(field_key), field");
	if (!st)
		return 0;
	size_t n = 0, cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, n + 1, sizeof **out);
		(*out)[n].field = col_str(st, 0);
		(*out)[n].count = (size_t)sqlite3_column_int64(st, 1);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

typedef struct sort_item {
	char *key;
	proc_summary s;
} sort_item;

static int cmp_sort_item(const void *a, const void *b)
{
	const sort_item *x = a, *y = b;
	int d = strcmp(name_start(x->key), name_start(y->key));
	return d ? d : strcmp(x->key, y->key);
}

/* By the words after "Thủ tục", so "Thủ tục đăng ký khai sinh" stands
 * among the "Đăng ký …" names, not after every other name. Sorted here,
 * not by the stored key, so a catalogue imported by an older version
 * lists the same way. */
size_t catalog_list_field(catalog *c, const char *field, proc_summary **out)
{
	assert(c && out);
	bind_str(c->list_field, 1, field ? field : "");
	size_t n = collect_summaries(c->list_field, out);
	if (n < 2)
		return n;
	sort_item *v = xcalloc(n, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		v[i].s = (*out)[i];
		v[i].key = text_fold(v[i].s.name ? v[i].s.name : "");
		if (!v[i].key)
			v[i].key = xstrdup("");
	}
	qsort(v, n, sizeof *v, cmp_sort_item);
	for (size_t i = 0; i < n; i++) {
		(*out)[i] = v[i].s;
		free(v[i].key);
	}
	free(v);
	return n;
}

size_t catalog_list_changed(catalog *c, proc_summary **out)
{
	assert(c && out);
	*out = NULL;
	sqlite3_stmt *st =
	    prepare_quiet(c, "SELECT code, name, field, status FROM procedure"
	                     " WHERE status IS NOT NULL AND status <> ''"
	                     " ORDER BY CASE status WHEN 'mới' THEN 0 WHEN 'sửa đổi' THEN 1"
	                     " WHEN 'bổ sung' THEN 2 ELSE 3 END, name_key, id");
	if (!st)
		return 0;
	size_t n = collect_summaries(st, out);
	sqlite3_finalize(st);
	return n;
}

/* ---- search ---- */

/* Rows one match hands on to the final ordering (judge). */
#define SEARCH_CANDIDATES 64
/* At most this many query words count; a kiosk query is a few words. */
#define SEARCH_MAX_WORDS 16

/* Where the words must be. */
enum where { IN_NAME, IN_SHORT, ANYWHERE };
static const char *const where_filter[] = {"{name} : ", "{name code keywords field} : ", ""};

/* One query word: its spellings, and what tier 2 adds. */
typedef struct term {
	sw_list exact; /* the canonical word, then the other spelling the index may hold */
	sw_list near;  /* words of the catalogue a speaker may have meant (tier 2) */
	bool prefix;   /* the word being typed: the start of a longer word counts */
} term;

typedef struct query {
	term *t;
	size_t n;
	sw_list words;  /* the canonical words, for the variant marks */
	sw_list marked; /* words typed with diacritics, case-folded */
} query;

typedef struct cand {
	proc_summary s;
	char *keywords;
	int name_q, other, marked, marks, extra;
	bool order;
	size_t idx;
} cand;

static void query_free(query *q)
{
	for (size_t i = 0; i < q->n; i++) {
		sw_list_free(&q->t[i].exact);
		sw_list_free(&q->t[i].near);
	}
	free(q->t);
	sw_list_free(&q->words);
	sw_list_free(&q->marked);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void read_vocab(catalog *c)
{
	if (c->vocab_read)
		return;
	c->vocab_read = true;
	if (sqlite3_exec(c->db,
	                 "CREATE VIRTUAL TABLE IF NOT EXISTS temp.motcua_vocab"
	                 " USING fts5vocab(main, 'fts', 'col')",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return;
	sqlite3_stmt *st = prepare_quiet(c, "SELECT DISTINCT term FROM temp.motcua_vocab"
	                                    " WHERE col IN ('name', 'code', 'keywords', 'field')");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (!t || strpbrk(t, "0123456789"))
			continue; /* codes and numbers: never a near spelling */
		sw_list_push(&c->vocab, t, strlen(t));
		sw_canon(c->vocab.v[c->vocab.n - 1]);
	}
	sqlite3_finalize(st);
	/* One entry a canonical word ("ky" and "ki" are one), with its length. */
	if (c->vocab.n)
		qsort(c->vocab.v, c->vocab.n, sizeof *c->vocab.v, cmp_str);
	size_t m = 0;
	for (size_t i = 0; i < c->vocab.n; i++) {
		if (m && !strcmp(c->vocab.v[m - 1], c->vocab.v[i]))
			free(c->vocab.v[i]);
		else
			c->vocab.v[m++] = c->vocab.v[i];
	}
	c->vocab.n = m;
	c->vocab_len = xcalloc(m + 1, sizeof *c->vocab_len);
	for (size_t i = 0; i < m; i++)
		c->vocab_len[i] = strlen(c->vocab.v[i]);
}

/* Quoted, so nothing the citizen types is FTS syntax (folding already leaves
 * only letters, digits and spaces; doubling quotes is a second defence). */
static void put_phrase(buf *b, const char *w, bool prefix)
{
	buf_str(b, "\"");
	for (const char *s = w; *s; s++) {
		buf_put(b, s, 1);
		if (*s == '"')
			buf_put(b, s, 1);
	}
	buf_str(b, prefix ? "\"*" : "\"");
}

static void put_term(buf *b, const term *t, bool near, enum where where)
{
	/* FTS5 takes a column filter before a parenthesised OR of phrases
	 * (not before a parenthesis that opens another one). */
	buf_str(b, where_filter[where]);
	buf_str(b, "(");
	for (size_t k = 0; k < t->exact.n; k++) {
		if (k)
			buf_str(b, " OR ");
		put_phrase(b, t->exact.v[k], t->prefix);
	}
	for (size_t k = 0; near && k < t->near.n; k++) {
		buf_str(b, " OR ");
		put_phrase(b, t->near.v[k], false);
	}
	buf_str(b, ")");
}

/* Every word (or, with all_but_1, every word but one: a stray word in a
 * long query still finds the procedure) where it must be; with near, each
 * word also as the catalogue's near spellings. */
static char *match_expr(const query *q, bool near, bool all_but_1, enum where where)
{
	buf b = {0};
	for (size_t skip = 0; skip < (all_but_1 ? q->n : 1); skip++) {
		if (all_but_1)
			buf_str(&b, skip ? " OR (" : "(");
		bool first = true;
		for (size_t i = 0; i < q->n; i++) {
			if (all_but_1 && i == skip)
				continue;
			if (!first)
				buf_str(&b, " AND ");
			first = false;
			put_term(&b, &q->t[i], near, where);
		}
		if (all_but_1)
			buf_str(&b, ")");
	}
	buf_put(&b, "", 1);
	return (char *)b.p;
}

static void cand_clear(cand *x)
{
	free(x->s.code);
	free(x->s.name);
	free(x->s.field);
	free(x->s.status);
	free(x->keywords);
}

typedef struct cands {
	cand *v;
	size_t n, cap;
} cands;

static void cands_clear(cands *l)
{
	for (size_t i = 0; i < l->n; i++)
		cand_clear(&l->v[i]);
	free(l->v);
	*l = (cands){0};
}

/* Adds the first SEARCH_CANDIDATES rows that match (FTS rowid order:
 * shorter names first, see write_procs; SQLite stops there however many
 * match) to l, leaving out codes already in it. Returns the rows matched. */
static size_t run_match(catalog *c, const query *q, bool near, bool all_but_1, enum where where,
                        cands *l)
{
	char *expr = match_expr(q, near, all_but_1, where);
	sqlite3_bind_text(c->search, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(c->search, 2, SEARCH_CANDIDATES);
	size_t rows = 0;
	while (sqlite3_step(c->search) == SQLITE_ROW) {
		rows++;
		const char *code = (const char *)sqlite3_column_text(c->search, 0);
		bool dup = false;
		for (size_t j = 0; j < l->n && !dup; j++)
			dup = !strcmp(l->v[j].s.code, code ? code : "");
		if (dup)
			continue;
		l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
		cand *x = &l->v[l->n];
		*x = (cand){.idx = l->n};
		x->s.code = col_str(c->search, 0);
		x->s.name = col_str(c->search, 1);
		x->s.field = col_str(c->search, 2);
		x->s.status = col_str(c->search, 3);
		x->keywords = col_str(c->search, 4);
		l->n++;
	}
	sqlite3_reset(c->search);
	sqlite3_clear_bindings(c->search);
	free(expr);
	return rows;
}

static bool listed(const sw_list *l, const char *w)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], w))
			return true;
	return false;
}

/* How well word w answers term t: 3 the word, 2 the start of the word being
 * typed, 1 a near spelling, 0 not at all. */
static int word_quality(const term *t, const char *w)
{
	if (listed(&t->exact, w))
		return 3;
	if (t->prefix && !strncmp(w, t->exact.v[0], strlen(t->exact.v[0])))
		return 2;
	return listed(&t->near, w) ? 1 : 0;
}

/* Terms found among the words of text (keywords, field, code). */
static int terms_in(const query *q, const char *text)
{
	if (str_empty(text))
		return 0;
	sw_list w = {0};
	sw_split(text, &w);
	int hits = 0;
	for (size_t i = 0; i < q->n; i++) {
		bool hit = false;
		for (size_t j = 0; j < w.n && !hit; j++)
			hit = word_quality(&q->t[i], w.v[j]) > 0;
		hits += hit;
	}
	sw_list_free(&w);
	return hits;
}

/* What orders the candidates: how well each word is in the name, whether
 * the words stand together in the order typed, variant marks the query
 * does not name, diacritics typed as in the name, words in the keywords,
 * field or code, name words the query leaves over. */
static void judge(cand *x, const query *q)
{
	sw_list nw = {0}, nm = {0};
	sw_split(x->s.name, &nw);
	bool *used = xcalloc(nw.n + 1, sizeof *used);
	long prev = -2;
	x->order = q->n > 0;
	for (size_t i = 0; i < q->n; i++) {
		int best = 0;
		long pos = -1;
		for (size_t j = 0; j < nw.n; j++) {
			int v = word_quality(&q->t[i], nw.v[j]);
			/* Prefer a name word not yet taken by another query word. */
			if (v > best || (v == best && v && pos >= 0 && used[pos] && !used[j])) {
				best = v;
				pos = (long)j;
			}
		}
		x->name_q += best;
		if (pos >= 0)
			used[pos] = true;
		if (pos < 0 || (i > 0 && pos != prev + 1))
			x->order = false;
		prev = pos;
	}
	/* "Thủ tục" opens most names and says nothing. */
	size_t from = nw.n >= 2 && !strcmp(nw.v[0], "thu") && !strcmp(nw.v[1], "tuc") ? 2 : 0;
	for (size_t j = from; j < nw.n; j++)
		x->extra += !used[j];
	x->marks = sw_variant_marks(nw.v, nw.n, q->words.v, q->words.n);
	x->other = terms_in(q, x->keywords) + terms_in(q, x->s.field) + terms_in(q, x->s.code);
	if (q->marked.n) {
		sw_split_marked(x->s.name, &nm);
		for (size_t i = 0; i < q->marked.n; i++)
			x->marked += listed(&nm, q->marked.v[i]);
	}
	free(used);
	sw_list_free(&nw);
	sw_list_free(&nm);
}

static int cmp_cand(const void *pa, const void *pb)
{
	const cand *a = pa, *b = pb;
	/* A repealed procedure is found (its name, its code) but never
	 * before one in force. */
	bool ra = procedure_repealed(a->s.status), rb = procedure_repealed(b->s.status);
	if (ra != rb)
		return ra - rb;
	if (a->name_q != b->name_q)
		return b->name_q - a->name_q;
	if (a->marked != b->marked)
		return b->marked - a->marked;
	if (a->marks != b->marks)
		return a->marks - b->marks;
	if (a->order != b->order)
		return b->order - a->order;
	if (a->other != b->other)
		return b->other - a->other;
	if (a->extra != b->extra)
		return a->extra - b->extra;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* The words that decide: without the meaningless ones (unless that leaves
 * none), at most SEARCH_MAX_WORDS; the last is a prefix when it is the word
 * being typed. */
static void make_query(const sw_list *w, bool last_typing, const char *typed, query *q)
{
	*q = (query){0};
	sw_list keep = {0};
	for (size_t i = 0; i < w->n;) {
		size_t stop = sw_stop_at(w->v, w->n, i);
		if (stop) {
			i += stop;
			continue;
		}
		sw_list_push(&keep, w->v[i], strlen(w->v[i]));
		i++;
	}
	bool last_kept = keep.n && !strcmp(keep.v[keep.n - 1], w->v[w->n - 1]);
	if (keep.n == 0) {
		for (size_t i = 0; i < w->n; i++)
			sw_list_push(&keep, w->v[i], strlen(w->v[i]));
		last_kept = true;
	}
	size_t n = keep.n < SEARCH_MAX_WORDS ? keep.n : SEARCH_MAX_WORDS;
	q->t = xcalloc(n, sizeof *q->t);
	q->n = n;
	for (size_t i = 0; i < n; i++) {
		term *t = &q->t[i];
		sw_list_push(&t->exact, keep.v[i], strlen(keep.v[i]));
		char *other = sw_other_spelling(keep.v[i]);
		if (other) {
			sw_list_push(&t->exact, other, strlen(other));
			free(other);
		}
		t->prefix = last_typing && last_kept && i + 1 == n;
	}
	q->words = keep;
	/* Only words typed with diacritics tell a preference. */
	sw_split_marked(typed, &q->marked);
	size_t m = 0;
	for (size_t i = 0; i < q->marked.n; i++) {
		bool ascii = true;
		for (const unsigned char *s = (const unsigned char *)q->marked.v[i]; *s; s++)
			ascii &= *s < 0x80;
		if (ascii)
			free(q->marked.v[i]);
		else
			q->marked.v[m++] = q->marked.v[i];
	}
	q->marked.n = m;
}

static void add_near(catalog *c, query *q)
{
	read_vocab(c);
	for (size_t i = 0; i < q->n; i++) {
		term *t = &q->t[i];
		size_t nq = strlen(t->exact.v[0]);
		/* Codes and numbers are typed from the paper: no near spellings. */
		if (strpbrk(t->exact.v[0], "0123456789"))
			continue;
		for (size_t v = 0; v < c->vocab.n; v++) {
			/* Every confusion changes the length by one letter at most. */
			size_t nv = c->vocab_len[v];
			if (nv + 1 < nq || nv > nq + 1 || !sw_near(t->exact.v[0], c->vocab.v[v]) ||
			    listed(&t->exact, c->vocab.v[v]))
				continue;
			sw_list_push(&t->near, c->vocab.v[v], nv);
		}
	}
}

/* What answers q: every word in the name first, then in the name, code,
 * keywords or field; only when that finds nothing, near spellings too, and
 * then all words but one of a long query. related: what merely resembles
 * q, anywhere, documents included. Adds to all, best first. */
static void find(catalog *c, query *q, bool related, cands *all)
{
	cands l = {0};
	if (!related) {
		for (int near = 0; near <= 1 && l.n == 0; near++) {
			if (near)
				add_near(c, q);
			if (run_match(c, q, near, false, IN_NAME, &l) < SEARCH_CANDIDATES)
				run_match(c, q, near, false, IN_SHORT, &l);
		}
		if (l.n == 0 && q->n >= 4)
			run_match(c, q, true, true, IN_SHORT, &l);
	} else {
		add_near(c, q);
		run_match(c, q, true, false, ANYWHERE, &l);
		if (l.n == 0 && q->n >= 2)
			run_match(c, q, true, true, ANYWHERE, &l);
	}
	for (size_t i = 0; i < l.n; i++)
		judge(&l.v[i], q);
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmp_cand);
	for (size_t i = 0; i < l.n; i++) {
		bool dup = false;
		for (size_t j = 0; j < all->n && !dup; j++)
			dup = !strcmp(all->v[j].s.code, l.v[i].s.code);
		if (dup) {
			cand_clear(&l.v[i]);
			continue;
		}
		all->v = xgrow(all->v, &all->cap, all->n + 1, sizeof *all->v);
		all->v[all->n++] = l.v[i];
	}
	free(l.v);
}

static size_t search(catalog *c, const char *text, size_t limit, bool related, proc_summary **out)
{
	assert(c && out);
	*out = NULL;
	if (str_empty(text) || limit == 0)
		return 0;
	if (limit > SEARCH_MAX)
		limit = SEARCH_MAX;
	sw_list w = {0}, rw = {0};
	sw_split(text, &w);
	if (w.n == 0)
		return 0;
	/* A space after the last word: the citizen finished typing it. */
	size_t len = strlen(text);
	bool typing = text[len - 1] != ' ';
	cands all = {0};
	query q;
	/* Everyday words first: what the official names call them finds best. */
	if (sw_rewrite(w.v, w.n, &rw)) {
		make_query(&rw, false, text, &q);
		find(c, &q, related, &all);
		query_free(&q);
		sw_list_free(&rw);
	}
	make_query(&w, typing, text, &q);
	find(c, &q, related, &all);
	query_free(&q);
	sw_list_free(&w);
	/* The everyday-word and the typed-word results are each ordered with
	 * repealed procedures last; so is the whole. */
	cands kept = {0};
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < all.n; i++)
			if (procedure_repealed(all.v[i].s.status) == (pass == 1)) {
				kept.v = xgrow(kept.v, &kept.cap, kept.n + 1, sizeof *kept.v);
				kept.v[kept.n++] = all.v[i];
			}
	free(all.v);
	all = kept;
	size_t n = all.n < limit ? all.n : limit;
	if (n) {
		*out = xcalloc(n, sizeof **out);
		for (size_t i = 0; i < n; i++) {
			(*out)[i] = all.v[i].s;
			all.v[i].s = (proc_summary){0};
		}
	}
	cands_clear(&all);
	return n;
}

size_t catalog_search(catalog *c, const char *text, size_t limit, proc_summary **out)
{
	return search(c, text, limit, false, out);
}

size_t catalog_search_related(catalog *c, const char *text, size_t limit, proc_summary **out)
{
	proc_summary *found = NULL;
	size_t n = search(c, text, 1, false, &found);
	catalog_summaries_free(found, n);
	*out = NULL;
	return n ? 0 : search(c, text, limit, true, out);
}

/* ---- in the content language ---- */

void catalog_summaries_translate(catalog *c, const char *lang, proc_summary *v, size_t n)
{
	assert(c);
	if (str_empty(lang) || !n)
		return;
	sqlite3_stmt *st = prepare_quiet(
	    c, "SELECT value FROM translation WHERE lang = ?1 AND code = ?2 AND col = 'name'");
	if (!st)
		return;
	sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
	for (size_t i = 0; i < n; i++) {
		v[i].untranslated = true;
		if (str_empty(v[i].code))
			continue;
		sqlite3_bind_text(st, 2, v[i].code, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && !str_empty((const char *)sqlite3_column_text(st, 0))) {
			free(v[i].name);
			v[i].name = col_str(st, 0);
			v[i].untranslated = false;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

/* True when every word of the folded query q is in the folded name f, the
 * last one (the word being typed, when no space follows it) as the start
 * of a word, the others whole. */
static bool words_in(const char *f, const char *q)
{
	bool typing = *q && q[strlen(q) - 1] != ' ';
	const char *w = q;
	bool any = false;
	while (*w) {
		while (*w == ' ')
			w++;
		if (!*w)
			break;
		size_t n = strcspn(w, " ");
		bool last = !w[n] || !w[n + strspn(w + n, " ")];
		bool found = false;
		for (const char *p = f; *p && !found; p += strcspn(p, " "), p += strspn(p, " "))
			found = !strncmp(p, w, n) && ((last && typing) || p[n] == ' ' || !p[n]);
		if (!found)
			return false;
		any = true;
		w += n;
	}
	return any;
}

size_t catalog_search_in(catalog *c, const char *lang, const char *text, size_t limit,
                         proc_summary **out)
{
	assert(c && out);
	proc_summary *vi = NULL;
	size_t n_vi = catalog_search(c, text, limit, &vi);
	if (str_empty(lang) || str_empty(text)) {
		*out = vi;
		return n_vi;
	}
	/* Procedures whose translated name holds every word typed come first:
	 * the citizen chose that language. In the catalogue's order, repealed
	 * ones last, like the search's. */
	proc_summary *v = NULL;
	size_t n = 0, cap = 0;
	char *q = text_fold(text);
	sqlite3_stmt *st = prepare_quiet(
	    c, "SELECT p.code, p.name, p.field, p.status, t.value FROM translation AS t"
	       " JOIN procedure AS p ON p.code = t.code WHERE t.lang = ?1 AND t.col = 'name'"
	       " ORDER BY p.status IS '" PROCEDURE_REPEALED "', p.name_key, p.id");
	if (st && *q) {
		sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
		while (n < limit && sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 4);
			char *f = text_fold(name ? name : "");
			if (words_in(f, q)) {
				v = xgrow(v, &cap, n + 1, sizeof *v);
				v[n++] = (proc_summary){col_str(st, 0), col_str(st, 1), col_str(st, 2),
				                        col_str(st, 3), false};
			}
			free(f);
		}
	}
	sqlite3_finalize(st);
	free(q);
	for (size_t i = 0; i < n_vi; i++) {
		bool dup = false;
		for (size_t k = 0; k < n && !dup; k++)
			dup = !strcmp(v[k].code, vi[i].code);
		if (dup || n >= limit) {
			free(vi[i].code);
			free(vi[i].name);
			free(vi[i].field);
			free(vi[i].status);
			continue;
		}
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n++] = vi[i];
	}
	free(vi);
	catalog_summaries_translate(c, lang, v, n);
	*out = v;
	return n;
}

/* ---- FAQ and blobs ---- */

size_t catalog_faqs_in(catalog *c, const char *lang, const char *code, faq **out)
{
	assert(c && out);
	*out = NULL;
	size_t n = 0, cap = 0;
	long long *ids = NULL;
	size_t cap_ids = 0;
	bind_str(c->faqs, 1, code ? code : "");
	while (sqlite3_step(c->faqs) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, n + 1, sizeof **out);
		ids = xgrow(ids, &cap_ids, n + 1, sizeof *ids);
		faq *f = &(*out)[n];
		*f = (faq){0};
		f->code = col_str(c->faqs, 0);
		f->question = col_str(c->faqs, 1);
		f->answer = col_str(c->faqs, 2);
		ids[n++] = sqlite3_column_int64(c->faqs, 3);
	}
	sqlite3_reset(c->faqs);
	sqlite3_clear_bindings(c->faqs);
	/* After the reset: row_translate runs statements of its own. */
	for (size_t i = 0; i < n && !str_empty(lang); i++)
		(*out)[i].translated = row_translate(c, lang, TR_FAQ, ids[i], &(*out)[i]);
	free(ids);
	return n;
}

size_t catalog_faqs(catalog *c, const char *code, faq **out)
{
	return catalog_faqs_in(c, NULL, code, out);
}

void catalog_faqs_free(faq *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].code);
		free(v[i].question);
		free(v[i].answer);
	}
	free(v);
}

unsigned char *catalog_blob(catalog *c, const char *name, size_t *size)
{
	assert(c && size);
	*size = 0;
	if (str_empty(name))
		return NULL;
	unsigned char *data = NULL;
	sqlite3_bind_text(c->blob, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(c->blob) == SQLITE_ROW) {
		*size = (size_t)sqlite3_column_bytes(c->blob, 0);
		const void *p = sqlite3_column_blob(c->blob, 0);
		data = xmalloc(*size);
		if (*size)
			memcpy(data, p, *size);
	}
	sqlite3_reset(c->blob);
	sqlite3_clear_bindings(c->blob);
	return data;
}
