#include "events.h"

#include <assert.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "csv.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

struct events {
	sqlite3 *db;
	sqlite3_stmt *insert;
};

/* Stored as words, not enum numbers, so the file still reads right if the
 * enum ever gains a member in the middle. */
static const char *const kind_names[EVENT_KIND_COUNT] = {
    [EVENT_VIEW] = "view",
    [EVENT_PRINT] = "print",
    [EVENT_SEARCH_NO_RESULT] = "search_no_result",
    [EVENT_RATING] = "rating",
    [EVENT_DOSSIER_LOOKUP] = "dossier_lookup",
    [EVENT_SESSION] = "session",
};

static const char *const reason_words[RATING_REASON_COUNT] = {
    [RATING_REASON_NONE] = "",
    [RATING_REASON_TIME] = "thoi_gian",
    [RATING_REASON_PAPERS] = "giay_to",
    [RATING_REASON_ATTITUDE] = "thai_do",
    [RATING_REASON_BACK_AND_FORTH] = "di_lai",
    [RATING_REASON_OTHER] = "khac",
};

static const char schema_sql[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=FULL;"
    "CREATE TABLE IF NOT EXISTS event(id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
    " subject TEXT NOT NULL, subject_key TEXT NOT NULL, at INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS event_kind ON event(kind, subject_key);";

/* Version 1 (ratings, issue 13) adds columns that older files lack; their
 * rows keep NULL there and read as before. ALTER TABLE in one write
 * transaction, checked again inside it, so a kiosk and a `motcua report`
 * opening an old file at once do not both add them. */
static const struct {
	const char *name, *type;
} added_columns[] = {
    {"level", "INTEGER"},   /* a rating: 1..5 */
    {"detail", "TEXT"},     /* a rating: the reason word; a print: sheet, summary or form */
    {"dossier", "TEXT"},    /* a rating: the dossier code it is about */
    {"session", "INTEGER"}, /* a rating: the id of its session's EVENT_SESSION row */
};

static bool has_column(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('event') WHERE name = ?1", -1,
	                       &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

static int events_migrate(sqlite3 *db, char **msg)
{
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, msg) != SQLITE_OK)
		return -1;
	for (size_t i = 0; i < sizeof added_columns / sizeof *added_columns; i++) {
		if (has_column(db, added_columns[i].name))
			continue;
		char *sql = sqlite3_mprintf("ALTER TABLE event ADD COLUMN %s %s",
		                            added_columns[i].name, added_columns[i].type);
		int rc = sqlite3_exec(db, sql, NULL, NULL, msg);
		sqlite3_free(sql);
		if (rc != SQLITE_OK) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	/* One rating a session, kept by the file itself. */
	if (sqlite3_exec(db,
	                 "CREATE UNIQUE INDEX IF NOT EXISTS event_rating_once ON event(session)"
	                 " WHERE kind = 'rating' AND session IS NOT NULL;"
	                 "CREATE INDEX IF NOT EXISTS event_at ON event(at);"
	                 "PRAGMA user_version = 1;"
	                 "COMMIT",
	                 NULL, NULL, msg) != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

static int user_version(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

const char *events_reason_word(rating_reason r)
{
	assert(r < RATING_REASON_COUNT);
	return reason_words[r];
}

rating_reason events_reason_from_word(const char *w)
{
	for (int i = 1; w && i < RATING_REASON_COUNT; i++)
		if (!strcmp(w, reason_words[i]))
			return (rating_reason)i;
	return RATING_REASON_NONE;
}

complaint_kind events_reason_complaint(rating_reason r)
{
	switch (r) {
	case RATING_REASON_TIME:
	case RATING_REASON_PAPERS:
	case RATING_REASON_OTHER: return COMPLAINT_PROCEDURE;
	case RATING_REASON_ATTITUDE:
	case RATING_REASON_BACK_AND_FORTH: return COMPLAINT_CONDUCT;
	default: return COMPLAINT_NONE;
	}
}

events *events_open(const char *path, char **err)
{
	assert(path);
	if (err)
		*err = NULL;
	events *ev = xcalloc(1, sizeof *ev);
	char *msg = NULL;
	if (sqlite3_open_v2(path, &ev->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	        SQLITE_OK ||
	    sqlite3_busy_timeout(ev->db, 5000) != SQLITE_OK ||
	    sqlite3_exec(ev->db, schema_sql, NULL, NULL, &msg) != SQLITE_OK ||
	    (user_version(ev->db) < 1 && events_migrate(ev->db, &msg) < 0) ||
	    sqlite3_prepare_v3(
	        ev->db, "INSERT INTO event(kind, subject, subject_key, at) VALUES(?1, ?2, ?3, ?4)",
	        -1, SQLITE_PREPARE_PERSISTENT, &ev->insert, NULL) != SQLITE_OK) {
		if (err)
			*err = xasprintf("%s", msg      ? msg
			                       : ev->db ? sqlite3_errmsg(ev->db)
			                                : strerror(ENOMEM));
		sqlite3_free(msg);
		events_close(ev);
		return NULL;
	}
	return ev;
}

void events_close(events *ev)
{
	if (!ev)
		return;
	sqlite3_finalize(ev->insert);
	sqlite3_close(ev->db);
	free(ev);
}

int events_record(events *ev, event_kind kind, const char *subject, time_t when)
{
	assert(ev && kind < EVENT_KIND_COUNT);
	if (!subject)
		subject = "";
	/* Searches are grouped by what was meant, not how it was typed:
	 * "Kết hôn" and "ket hon" are the same missing answer. */
	char *key = kind == EVENT_SEARCH_NO_RESULT ? text_fold(subject) : NULL;
	sqlite3_bind_text(ev->insert, 1, kind_names[kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(ev->insert, 2, subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(ev->insert, 3, key ? key : subject, -1, SQLITE_STATIC);
	sqlite3_bind_int64(ev->insert, 4, (sqlite3_int64)when);
	int rc = sqlite3_step(ev->insert);
	sqlite3_reset(ev->insert);
	sqlite3_clear_bindings(ev->insert);
	free(key);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, _("motcua: cannot record an event: %s\n"), sqlite3_errmsg(ev->db));
		return -1;
	}
	return 0;
}

size_t events_view_counts(events *ev, const char *const *codes, size_t n, size_t *out)
{
	assert(ev && (codes || !n) && (out || !n));
	sqlite3_stmt *st = NULL;
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		out[i] = 0;
	if (sqlite3_prepare_v2(ev->db,
	                       "SELECT count(*) FROM event WHERE kind = ?1 AND subject_key = ?2", -1,
	                       &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return 0;
	}
	sqlite3_bind_text(st, 1, kind_names[EVENT_VIEW], -1, SQLITE_STATIC);
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(st, 2, codes[i] ? codes[i] : "", -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			out[i] = (size_t)sqlite3_column_int64(st, 0);
		total += out[i];
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return total;
}

/* One row with the new columns; level 0 and NULL strings are stored as NULL. */
static int insert_full(events *ev, event_kind kind, const char *subject, int level,
                       const char *detail, const char *dossier, long long session, time_t when,
                       long long *id)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(ev->db,
	                            "INSERT INTO event(kind, subject, subject_key, at, level, detail,"
	                            " dossier, session) VALUES(?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
	                            -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, kind_names[kind], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, subject ? subject : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)when);
		if (level)
			sqlite3_bind_int(st, 4, level);
		if (detail && *detail)
			sqlite3_bind_text(st, 5, detail, -1, SQLITE_STATIC);
		if (dossier && *dossier)
			sqlite3_bind_text(st, 6, dossier, -1, SQLITE_STATIC);
		if (session > 0)
			sqlite3_bind_int64(st, 7, session);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return -EEXIST;
	if (rc != SQLITE_DONE) {
		fprintf(stderr, _("motcua: cannot record an event: %s\n"), sqlite3_errmsg(ev->db));
		return -EIO;
	}
	if (id)
		*id = (long long)sqlite3_last_insert_rowid(ev->db);
	return 0;
}

long long events_session_begin(events *ev, time_t when)
{
	assert(ev);
	long long id = -1;
	return insert_full(ev, EVENT_SESSION, "", 0, NULL, NULL, 0, when, &id) == 0 ? id : -1;
}

int events_record_rating(events *ev, long long session, int level, rating_reason reason,
                         const char *dossier, time_t when)
{
	assert(ev && reason < RATING_REASON_COUNT);
	if (level < 1 || level > 5)
		return -EINVAL;
	/* The subject keeps the level as text, as the old ratings.csv export
	 * reads it. */
	char subject[2] = {(char)('0' + level), 0};
	return insert_full(ev, EVENT_RATING, subject, level, reason_words[reason], dossier, session,
	                   when, NULL);
}

int events_record_print(events *ev, const char *code, const char *what, time_t when)
{
	assert(ev);
	return insert_full(ev, EVENT_PRINT, code, 0, what, NULL, 0, when, NULL) == 0 ? 0 : -1;
}

size_t events_count(events *ev, event_kind kind)
{
	assert(ev && kind < EVENT_KIND_COUNT);
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	if (sqlite3_prepare_v2(ev->db, "SELECT count(*) FROM event WHERE kind = ?1", -1, &st,
	                       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, kind_names[kind], -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (size_t)sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

static void put(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
	*out = xgrow(*out, cap, *len + n + 1, 1);
	memcpy(*out + *len, s, n);
	*len += n;
	(*out)[*len] = 0;
}

/* A cell as CSV. What citizens typed can start with "=", "+", "-" or "@",
 * which Excel would run as a formula on the staff's PC: such a cell gets a
 * leading apostrophe, the usual defence, which Excel shows as text. */
static void put_cell(char **out, size_t *len, size_t *cap, const char *cell, bool first, bool typed)
{
	if (!first)
		put(out, len, cap, ",", 1);
	if (typed && cell && cell[0] && strchr("=+-@\t\r", cell[0])) {
		char *safe = xasprintf("'%s", cell);
		csv_write_cell(out, len, cap, safe, ',');
		free(safe);
		return;
	}
	csv_write_cell(out, len, cap, cell ? cell : "", ',');
}

/* One export file: a header row, then the rows of a query, every column as
 * text, written into the export's own folder on the stick (export_dir). */
static int export_query(events *ev, export_dir *dir, const char *name, const char *const *header,
                        int n_cols, const char *sql, bool typed, diag_list *diag)
{
	char *out = NULL;
	size_t len = 0, cap = 0;
	int rc = 0;
	/* A BOM, so Excel on Vietnamese Windows reads UTF-8, not windows-1258. */
	put(&out, &len, &cap, "\xEF\xBB\xBF", 3);
	for (int i = 0; i < n_cols; i++)
		put_cell(&out, &len, &cap, header[i], i == 0, false);
	put(&out, &len, &cap, "\r\n", 2);

	sqlite3_stmt *st = NULL;
	int step = sqlite3_prepare_v2(ev->db, sql, -1, &st, NULL);
	if (step == SQLITE_OK) {
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			for (int i = 0; i < n_cols; i++)
				put_cell(&out, &len, &cap, (const char *)sqlite3_column_text(st, i),
				         i == 0, typed);
			put(&out, &len, &cap, "\r\n", 2);
		}
	}
	if (step != SQLITE_DONE) {
		diag_error(diag, name, 0, _("cannot read the usage figures: %s"),
		           sqlite3_errmsg(ev->db));
		rc = -EIO;
	} else {
		rc = export_dir_write(dir, name, out, len, diag);
	}
	sqlite3_finalize(st);
	free(out);
	return rc;
}

int events_export_csv(events *ev, export_dir *dir, diag_list *diag)
{
	assert(ev && dir && diag);
	/* Months in the kiosk's local time: staff count by the calendar on the
	 * wall, not by UTC. */
	static const char *const usage_h[] = {"ma_thu_tuc", "thang", "luot_xem", "luot_in"};
	static const char usage_sql[] =
	    "SELECT subject, strftime('%Y-%m', at, 'unixepoch', 'localtime') AS month,"
	    " sum(kind = 'view'), sum(kind = 'print')"
	    " FROM event WHERE kind IN ('view', 'print') AND subject <> ''"
	    " GROUP BY month, subject ORDER BY month, subject";
	static const char *const search_h[] = {"tu_khoa", "so_lan", "lan_cuoi"};
	/* The bare `subject` comes from the row holding max(at): the most recent
	 * way the query was typed. */
	static const char search_sql[] =
	    "SELECT subject, count(*), strftime('%d/%m/%Y', max(at), 'unixepoch', 'localtime')"
	    " FROM event WHERE kind = 'search_no_result' AND subject_key <> ''"
	    " GROUP BY subject_key ORDER BY count(*) DESC, max(at) DESC, subject_key";
	static const char *const rating_h[] = {"thang", "danh_gia", "so_lan"};
	static const char rating_sql[] =
	    "SELECT strftime('%Y-%m', at, 'unixepoch', 'localtime') AS month, subject, count(*)"
	    " FROM event WHERE kind = 'rating' GROUP BY month, subject ORDER BY month, subject";
	int rc =
	    export_query(ev, dir, "usage_by_procedure.csv", usage_h, 4, usage_sql, false, diag);
	if (rc == 0)
		rc = export_query(ev, dir, "search_no_result.csv", search_h, 3, search_sql, true,
		                  diag);
	if (rc == 0)
		rc = export_query(ev, dir, "ratings.csv", rating_h, 3, rating_sql, false, diag);
	return rc;
}

/* --- the report's figures ------------------------------------------------ */

typedef void (*row_fn)(sqlite3_stmt *st, events_figures *f);

/* Runs sql with ?1 = from and ?2 = to, calling fn for every row. */
static int figures_query(events *ev, const char *sql, time_t from, time_t to, row_fn fn,
                         events_figures *f, char **err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(ev->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)from);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)to);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			fn(st, f);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		if (err && !*err)
			*err = xasprintf(_("cannot read the usage figures: %s"), sqlite3_errmsg(ev->db));
		return -EIO;
	}
	return 0;
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return xstrdup(s ? s : "");
}

static events_tally *count_push(events_tally **v, size_t *n)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	events_tally *c = &(*v)[(*n)++];
	memset(c, 0, sizeof *c);
	return c;
}

static void row_sessions(sqlite3_stmt *st, events_figures *f)
{
	f->sessions = (long)sqlite3_column_int64(st, 0);
}

static void row_proc(sqlite3_stmt *st, events_figures *f)
{
	events_tally *c = count_push(&f->procs, &f->n_procs);
	c->key = column_dup(st, 0);
	c->n = (long)sqlite3_column_int64(st, 1);
	c->m = (long)sqlite3_column_int64(st, 2);
	f->views += c->n;
	f->prints += c->m;
}

static void row_print_kind(sqlite3_stmt *st, events_figures *f)
{
	const char *what = (const char *)sqlite3_column_text(st, 0);
	long n = (long)sqlite3_column_int64(st, 1);
	if (what && !strcmp(what, "sheet"))
		f->prints_sheet += n;
	else if (what && !strcmp(what, "summary"))
		f->prints_summary += n;
	else if (what && !strcmp(what, "form"))
		f->prints_form += n;
	else
		f->prints_unknown += n;
}

static void row_query(sqlite3_stmt *st, events_figures *f)
{
	events_tally *c = count_push(&f->queries, &f->n_queries);
	c->key = column_dup(st, 0);
	c->text = column_dup(st, 1);
	c->n = (long)sqlite3_column_int64(st, 2);
	f->no_result += c->n;
}

static void row_rating(sqlite3_stmt *st, events_figures *f)
{
	int level = sqlite3_column_int(st, 0);
	if (level < 1 || level > 5)
		return; /* not a level: nothing to count it as */
	f->ratings++;
	f->by_level[level]++;
	rating_reason r = events_reason_from_word((const char *)sqlite3_column_text(st, 1));
	if (level <= 2)
		f->by_reason[r]++;
	if (sqlite3_column_int(st, 2))
		f->with_dossier++;
}

/* subject: CODE TAB status_key TAB days_overdue */
static void row_lookup(sqlite3_stmt *st, events_figures *f)
{
	const char *s = (const char *)sqlite3_column_text(st, 0);
	const char *t1 = s ? strchr(s, '\t') : NULL;
	const char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
	char *status = t1 ? xstrndup(t1 + 1, t2 ? (size_t)(t2 - t1 - 1) : strlen(t1 + 1))
	                  : xstrdup("");
	bool overdue = t2 && atol(t2 + 1) > 0;
	f->lookups++;
	f->lookups_overdue += overdue;
	events_tally *c = NULL;
	for (size_t i = 0; i < f->n_statuses && !c; i++)
		if (!strcmp(f->statuses[i].key, status))
			c = &f->statuses[i];
	if (!c) {
		c = count_push(&f->statuses, &f->n_statuses);
		c->key = status;
	} else {
		free(status);
	}
	c->n++;
	c->m += overdue;
}

int events_figures_get(events *ev, time_t from, time_t to, events_figures *f, char **err)
{
	assert(ev && f);
	memset(f, 0, sizeof *f);
	if (err)
		*err = NULL;
#define IN_PERIOD " at >= ?1 AND at < ?2 "
	static const struct {
		const char *sql;
		row_fn fn;
	} q[] = {
	    {"SELECT count(*) FROM event WHERE kind = 'session' AND" IN_PERIOD, row_sessions},
	    {"SELECT subject, sum(kind = 'view'), sum(kind = 'print') FROM event"
	     " WHERE kind IN ('view', 'print') AND subject <> '' AND" IN_PERIOD
	     " GROUP BY subject ORDER BY 2 DESC, 3 DESC, subject",
	     row_proc},
	    {"SELECT detail, count(*) FROM event WHERE kind = 'print' AND subject <> '' AND" IN_PERIOD
	     " GROUP BY detail",
	     row_print_kind},
	    /* the bare subject comes from the row of max(at): as last typed */
	    {"SELECT subject_key, subject, count(*), max(at) FROM event"
	     " WHERE kind = 'search_no_result' AND subject_key <> '' AND" IN_PERIOD
	     " GROUP BY subject_key ORDER BY count(*) DESC, max(at) DESC, subject_key",
	     row_query},
	    /* ratings of old files have only the subject: "1" .. "5" */
	    {"SELECT coalesce(level, CAST(subject AS INTEGER)), detail, dossier IS NOT NULL"
	     " FROM event WHERE kind = 'rating' AND" IN_PERIOD,
	     row_rating},
	    {"SELECT subject FROM event WHERE kind = 'dossier_lookup' AND" IN_PERIOD " ORDER BY id",
	     row_lookup},
	};
#undef IN_PERIOD
	for (size_t i = 0; i < sizeof q / sizeof *q; i++)
		if (figures_query(ev, q[i].sql, from, to, q[i].fn, f, err) < 0) {
			events_figures_clear(f);
			return -EIO;
		}
	return 0;
}

static void counts_free(events_tally *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].text);
	}
	free(v);
}

void events_figures_clear(events_figures *f)
{
	if (!f)
		return;
	counts_free(f->procs, f->n_procs);
	counts_free(f->queries, f->n_queries);
	counts_free(f->statuses, f->n_statuses);
	memset(f, 0, sizeof *f);
}
