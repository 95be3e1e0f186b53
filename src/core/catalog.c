#include "catalog.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* Bumped whenever the schema changes; a kiosk refuses a file it cannot read
 * rather than showing half a catalogue. Kept in PRAGMA user_version. */
#define CATALOG_SCHEMA 1

/* Most results one search returns: the cost of ranking grows with it, and
 * no screen lists more. */
#define SEARCH_MAX 1000

struct catalog {
	sqlite3 *db;
	bundle_info info;
	char *id;
	size_t count;
	/* Prepared once, reset after each use: the kiosk searches on every key. */
	sqlite3_stmt *get, *get_nocase, *search, *faqs, *blob, *list_field;
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
    S(effective_date), S(online_level), S(url),      S(keywords),
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
    " image TEXT, sort_date TEXT);"
    "CREATE TABLE blob(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB);"
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

/* FTS rowids go to procedures by name length (in words), then bundle
 * order: the rank function breaks ties by rowid, so among equal matches
 * "Đăng ký khai sinh" comes before "Đăng ký khai sinh lưu động" without
 * reading a name length per row (that lookup was half the search time). */
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
		order[r].words = names[r] ? count_words(names[r]) : 0;
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
	             "INSERT INTO news(id, date, title, body, image, sort_date)"
	             " VALUES(?,?,?,?,?,?)",
	             err);
	for (size_t i = 0; st && i < d->n_news && rc == 0; i++) {
		const news *n = &d->news[i];
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		bind_str(st, 2, n->date);
		bind_str(st, 3, n->title);
		bind_str(st, 4, n->body);
		bind_str(st, 5, n->image);
		sort_date(n->date, sd);
		bind_str(st, 6, sd);
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

/* ---- ranking ---- */

/* At most this many query words count; a kiosk query is a few words. */
#define RANK_MAX_WORDS 32
/* Name offsets remembered per word for the in-order test. */
#define RANK_MAX_OFFS 16

/* The search modes of catalog_search, needed by the rank function to map
 * FTS5 phrase numbers back to query words. */
enum search_mode { SEARCH_ALL, SEARCH_ALL_BUT_1, SEARCH_ANY };

static int word_of_phrase(int phrase, int mode, int n_words)
{
	if (mode != SEARCH_ALL_BUT_1 || n_words < 2)
		return phrase;
	/* Group g leaves out word g and lists the other n-1 in order. */
	int g = phrase / (n_words - 1), k = phrase % (n_words - 1);
	return k < g ? k : k + 1;
}

static int popcount32(unsigned v)
{
	int n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

/* motcua_rank(fts, mode, n_words): how well a row answers what a citizen
 * typed, larger is better. bm25 over five columns cost ~25 ms per search
 * on 10,000 procedures for a one-letter prefix (it builds every instance
 * of every phrase and reads each row's column sizes); this reads only which
 * columns hold each word, and the name's positions. Lexicographic, most important first:
 *   1. query words found in the name — the name weighs most;
 *   2. all words in the name, in the order typed ("đăng ký khai sinh");
 *   3. words found in the code, keywords or field;
 *   4. words found in the documents;
 * then the FTS rowid: the shorter name, then bundle order (see write_procs). */
static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *out, int n_args,
                    sqlite3_value **args)
{
	int mode = n_args > 0 ? sqlite3_value_int(args[0]) : SEARCH_ALL;
	int n_words = n_args > 1 ? sqlite3_value_int(args[1]) : api->xPhraseCount(fts);
	int n_phrases = api->xPhraseCount(fts);
	unsigned in_name = 0, in_other = 0, in_docs = 0;
	for (int p = 0; p < n_phrases; p++) {
		int w = word_of_phrase(p, mode, n_words);
		if (w < 0 || w >= RANK_MAX_WORDS)
			continue;
		Fts5PhraseIter it;
		int col;
		for (api->xPhraseFirstColumn(fts, p, &it, &col); col >= 0;
		     api->xPhraseNextColumn(fts, &it, &col)) {
			if (col == 0)
				in_name |= 1u << w;
			else if (col == 4)
				in_docs |= 1u << w;
			else
				in_other |= 1u << w;
		}
	}
	int name_words = popcount32(in_name);
	bool in_order = false;
	if (mode == SEARCH_ALL && n_words >= 2 && n_words <= RANK_MAX_WORDS &&
	    name_words == n_words) {
		/* Offsets of each word in the name (column 0 comes first). */
		int offs[RANK_MAX_WORDS][RANK_MAX_OFFS], n_offs[RANK_MAX_WORDS] = {0};
		for (int p = 0; p < n_words; p++) {
			Fts5PhraseIter it;
			int col, off;
			for (api->xPhraseFirst(fts, p, &it, &col, &off); col == 0;
			     api->xPhraseNext(fts, &it, &col, &off))
				if (n_offs[p] < RANK_MAX_OFFS)
					offs[p][n_offs[p]++] = off;
		}
		for (int k = 0; k < n_offs[0] && !in_order; k++) {
			int w = 1;
			for (; w < n_words; w++) {
				int j = 0;
				while (j < n_offs[w] && offs[w][j] != offs[0][k] + w)
					j++;
				if (j == n_offs[w])
					break;
			}
			in_order = w == n_words;
		}
	}
	double score = name_words * 1e6 + (in_order ? 1e5 : 0) + popcount32(in_other) * 1e3 +
	               popcount32(in_docs);
	sqlite3_result_double(out, score);
}

static int register_rank(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2)
		return -1;
	return api->xCreateFunction(api, "motcua_rank", NULL, rank_fn, NULL) == SQLITE_OK ? 0 : -1;
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
	if (register_rank(c->db) < 0) {
		set_err(err, "%s", _("this SQLite has no full-text search (FTS5)"));
		goto fail;
	}
	st = prepare(c->db, "SELECT count(*) FROM procedure", err);
	if (!st)
		goto fail;
	if (sqlite3_step(st) == SQLITE_ROW)
		c->count = (size_t)sqlite3_column_int64(st, 0);
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
	c->search = prepare(c->db,
	                    "SELECT p.code, p.name, p.field, p.status FROM"
	                    " (SELECT rowid AS r, motcua_rank(fts, ?3, ?4) AS k FROM fts"
	                    "  WHERE fts MATCH ?1 ORDER BY k DESC, rowid LIMIT ?2) AS m"
	                    " JOIN procedure AS p ON p.fts_id = m.r ORDER BY m.k DESC, m.r",
	                    err);
	c->faqs =
	    c->search
	        ? prepare(c->db,
	                  "SELECT code, question, answer FROM faq WHERE code = ?1 ORDER BY id", err)
	        : NULL;
	c->blob = c->faqs ? prepare(c->db, "SELECT data FROM blob WHERE name = ?1", err) : NULL;
	c->list_field = c->blob ? prepare(c->db,
	                                  "SELECT code, name, field, status FROM procedure"
	                                  " WHERE field = ?1 ORDER BY name_key, name, id",
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

static int load_extras(catalog *c, catalog_data *d, bool display_order);

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
	return load_extras(c, d, false);
}

/* ---- the small tables ---- */

static int load_extras(catalog *c, catalog_data *d, bool display_order)
{
	assert(c && d);
	static const char *const sql[2][4] = {
	    {
	        "SELECT agency, topic, phone, email, address, hours, ord FROM hotline ORDER BY id",
	        "SELECT date, content, agency, answer, code FROM feedback ORDER BY id",
	        "SELECT idx, year, unit, dimension, score, max, rank, note FROM idx ORDER BY id",
	        "SELECT date, title, body, image FROM news ORDER BY id",
	    },
	    {
	        /* thu_tu 0 means "not given": those follow the numbered ones. */
	        "SELECT agency, topic, phone, email, address, hours, ord FROM hotline"
	        " ORDER BY ord = 0, ord, id",
	        "SELECT date, content, agency, answer, code FROM feedback"
	        " ORDER BY sort_date DESC, id",
	        "SELECT idx, year, unit, dimension, score, max, rank, note FROM idx ORDER BY id",
	        "SELECT date, title, body, image FROM news ORDER BY sort_date DESC, id",
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
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int catalog_load_extras(catalog *c, catalog_data *d)
{
	return load_extras(c, d, true);
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

size_t catalog_list_field(catalog *c, const char *field, proc_summary **out)
{
	assert(c && out);
	bind_str(c->list_field, 1, field ? field : "");
	return collect_summaries(c->list_field, out);
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

/* Appends word i as a quoted FTS5 string, a prefix when it is the last
 * word typed. Quoting means nothing the citizen types is FTS syntax
 * (folding already leaves only letters, digits and spaces; doubling quotes
 * is a second line of defence). */
static void put_term(buf *b, char **words, size_t i, size_t n)
{
	/* One or two letters typed so far: matching them against the long
	 * documents text finds every row and costs the most, so such a
	 * prefix only looks at the short columns. */
	if (i + 1 == n && strlen(words[i]) < 3)
		buf_str(b, "{name code keywords field} : ");
	buf_str(b, "\"");
	for (const char *s = words[i]; *s; s++) {
		buf_put(b, s, 1);
		if (*s == '"')
			buf_put(b, s, 1);
	}
	buf_str(b, i + 1 == n ? "\"*" : "\"");
}

/* The three queries tried in turn, until one finds something:
 *   ALL       every word:              "dang" "ky" "khai" "sinh"*
 *   ALL_BUT_1 every word but one (a typo in one word still finds the
 *             procedure, and bm25 puts rows with more words first):
 *             ("ky" "khai" "sinh"*) OR ("dang" "khai" "sinh"*) OR ...
 *   ANY       any word:                "dang" OR "ky" OR ... */
static char *match_expr(char **words, size_t n, enum search_mode mode)
{
	buf b = {0};
	if (mode == SEARCH_ALL_BUT_1) {
		for (size_t skip = 0; skip < n; skip++) {
			buf_str(&b, skip ? " OR (" : "(");
			bool first = true;
			for (size_t i = 0; i < n; i++) {
				if (i == skip)
					continue;
				if (!first)
					buf_str(&b, " ");
				first = false;
				put_term(&b, words, i, n);
			}
			buf_str(&b, ")");
		}
		return (char *)b.p;
	}
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_str(&b, mode == SEARCH_ALL ? " " : " OR ");
		put_term(&b, words, i, n);
	}
	return (char *)b.p;
}

static size_t run_search(catalog *c, const char *expr, enum search_mode mode, size_t n_words,
                         size_t limit, proc_summary **out)
{
	sqlite3_bind_text(c->search, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(c->search, 2, (sqlite3_int64)limit);
	sqlite3_bind_int(c->search, 3, (int)mode);
	sqlite3_bind_int(c->search, 4, (int)n_words);
	return collect_summaries(c->search, out);
}

size_t catalog_search(catalog *c, const char *query, size_t limit, proc_summary **out)
{
	assert(c && out);
	*out = NULL;
	if (str_empty(query) || limit == 0)
		return 0;
	if (limit > SEARCH_MAX)
		limit = SEARCH_MAX;
	char *folded = text_fold(query);
	if (!folded)
		return 0;
	size_t n = 0, cap = 0;
	char **words = NULL;
	/* Words past RANK_MAX_WORDS add nothing a citizen would miss. */
	for (char *save = NULL, *w = strtok_r(folded, " ", &save); w && n < RANK_MAX_WORDS;
	     w = strtok_r(NULL, " ", &save)) {
		words = xgrow(words, &cap, n + 1, sizeof *words);
		words[n++] = w;
	}
	size_t found = 0;
	/* Fallbacks only when they differ from what was already tried: with
	 * two words, "all but one" is "any". */
	for (int mode = SEARCH_ALL; n > 0 && found == 0 && mode <= SEARCH_ANY; mode++) {
		if ((mode == SEARCH_ALL_BUT_1 && n < 3) || (mode == SEARCH_ANY && n < 2))
			continue;
		char *expr = match_expr(words, n, (enum search_mode)mode);
		found = run_search(c, expr, (enum search_mode)mode, n, limit, out);
		free(expr);
	}
	free(words);
	free(folded);
	return found;
}

/* ---- FAQ and blobs ---- */

size_t catalog_faqs(catalog *c, const char *code, faq **out)
{
	assert(c && out);
	*out = NULL;
	size_t n = 0, cap = 0;
	bind_str(c->faqs, 1, code ? code : "");
	while (sqlite3_step(c->faqs) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, n + 1, sizeof **out);
		faq *f = &(*out)[n++];
		f->code = col_str(c->faqs, 0);
		f->question = col_str(c->faqs, 1);
		f->answer = col_str(c->faqs, 2);
	}
	sqlite3_reset(c->faqs);
	sqlite3_clear_bindings(c->faqs);
	return n;
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
