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
};

static const char schema_sql[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=FULL;"
    "CREATE TABLE IF NOT EXISTS event(id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
    " subject TEXT NOT NULL, subject_key TEXT NOT NULL, at INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS event_kind ON event(kind, subject_key);";

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
