/* events — what the kiosk records about its own use (DESIGN §4).
 *
 * A separate SQLite file (store.events_path), never the catalogue, so an
 * import can replace the catalogue without losing the figures. WAL mode with
 * synchronous=FULL: a recorded event survives a power cut, and the staff
 * export can read while the kiosk writes. The figures leave the kiosk as CSV
 * files on the staff's USB stick. */
#ifndef MOTCUA_EVENTS_H
#define MOTCUA_EVENTS_H

#include <stddef.h>
#include <time.h>

#include "diag.h"
#include "export_dir.h"

typedef struct events events;

typedef enum event_kind {
	EVENT_VIEW,             /* subject: procedure code */
	EVENT_PRINT,            /* subject: procedure code */
	EVENT_SEARCH_NO_RESULT, /* subject: the query as typed */
	EVENT_RATING,           /* subject: the rating as text, e.g. "5" or "hai_long" */
	EVENT_DOSSIER_LOOKUP,   /* subject: "MA_HO_SO\tstatus_key\tdays_overdue" (dossier.h; 0 when not overdue) */
	EVENT_SESSION,          /* subject: ""; a citizen's session began (events_session_begin) */
	EVENT_KIND_COUNT
} event_kind;

/* Opens (creating when missing) the events file at path. On failure
 * returns NULL and, when err is non-NULL, a malloc'd message in *err. */
events *events_open(const char *path, char **err);
/* events_close(NULL) is a no-op. */
void events_close(events *ev);

/* Records one event at time `when` (the caller's clock, so tests and the
 * kiosk's injected clock decide). subject is copied; NULL is stored as "".
 * Returns 0, or -1 after printing why on stderr (a failed count never stops
 * the kiosk). */
int events_record(events *ev, event_kind kind, const char *subject, time_t when);

/* Why a citizen was not satisfied (a rating of 1 or 2): one of five,
 * stored as a word (events_reason_word). */
typedef enum rating_reason {
	RATING_REASON_NONE,           /* no reason: a rating of 3-5, or not given */
	RATING_REASON_TIME,           /* "thoi_gian": it took too long */
	RATING_REASON_PAPERS,         /* "giay_to": the papers asked for */
	RATING_REASON_ATTITUDE,       /* "thai_do": the staff's attitude */
	RATING_REASON_BACK_AND_FORTH, /* "di_lai": coming back again and again */
	RATING_REASON_OTHER,          /* "khac" */
	RATING_REASON_COUNT
} rating_reason;

/* The two kinds of complaint of Decision 766/QĐ-TTg (the satisfaction
 * group of the service index): about the rules and the procedure, or about
 * a civil servant's conduct. */
typedef enum complaint_kind {
	COMPLAINT_NONE,
	COMPLAINT_PROCEDURE, /* "quy định, thủ tục hành chính" */
	COMPLAINT_CONDUCT,   /* "hành vi công chức" */
} complaint_kind;

/* The word stored for a reason ("" for RATING_REASON_NONE); and back
 * (RATING_REASON_NONE for an unknown word). */
const char *events_reason_word(rating_reason r);
rating_reason events_reason_from_word(const char *w);
/* The Decision 766 kind a reason is counted under: time taken, papers asked
 * for and "other" are about the procedure; staff attitude and being sent
 * back and forth are about conduct (README, "Ratings"). */
complaint_kind events_reason_complaint(rating_reason r);

/* Records the start of a citizen's session (the kiosk woke from its
 * attract screen, or started on home) at `when`. Returns the session's id
 * (> 0), or -1 after printing why on stderr. */
long long events_session_begin(events *ev, time_t when);

/* Records a citizen's rating: level 1 (very dissatisfied) to 5 (very
 * satisfied), the reason for a low one (RATING_REASON_NONE for none), the
 * dossier code it is about (copied; NULL or "" when none) and the session
 * (events_session_begin; 0 when none). No personal data is taken. A session
 * holds one rating: a second one is not stored and -EEXIST is returned.
 * Returns 0, -EEXIST, -EINVAL for a level outside 1-5, or -EIO after
 * printing why on stderr. */
int events_record_rating(events *ev, long long session, int level, rating_reason reason,
                         const char *dossier, time_t when);

/* Records a print of procedure code: what is "sheet" (the full guide),
 * "summary" or "form". Returns 0 or -1 as events_record. */
int events_record_print(events *ev, const char *code, const char *what, time_t when);

/* A count under a key, for the report. */
typedef struct events_tally {
	char *key;  /* a procedure code, a folded query, a status key */
	char *text; /* the query as last typed; NULL for the others */
	long n, m;  /* views and prints of a code; overdue lookups of a status */
} events_tally;

typedef struct events_figures {
	long sessions;
	long views, prints;
	long prints_sheet, prints_summary, prints_form, prints_unknown;
	events_tally *procs; /* codes viewed or printed, most viewed first */
	size_t n_procs;
	long no_result;          /* searches that found nothing */
	events_tally *queries;   /* grouped by folded form, most frequent first */
	size_t n_queries;
	long ratings;
	long by_level[6];                      /* [1..5] */
	long by_reason[RATING_REASON_COUNT];   /* low ratings, by reason */
	long with_dossier;                     /* ratings tied to a dossier code */
	long lookups, lookups_overdue;
	events_tally *statuses; /* lookups by status key (n), overdue ones (m) */
	size_t n_statuses;
} events_figures;

/* The events of [from, to) (times in seconds since the epoch) as the
 * report needs them; every array malloc'd, freed by events_figures_clear.
 * Returns 0, or -EIO with the reason in *err (malloc'd). */
int events_figures_get(events *ev, time_t from, time_t to, events_figures *out, char **err);
/* Frees what events_figures_get allocated; the struct can be reused. */
void events_figures_clear(events_figures *f);

/* Number of events of one kind recorded so far. */
size_t events_count(events *ev, event_kind kind);

/* The number of views (EVENT_VIEW) of each of the n procedure codes, into
 * out[0..n-1] (0 for a code never viewed). Returns the total, 0 when the
 * store cannot say. */
size_t events_view_counts(events *ev, const char *const *codes, size_t n, size_t *out);

/* Writes the staff export into dir, the export's own new folder on the
 * stick (export_dir_write; the caller finishes or discards it):
 *  - usage_by_procedure.csv: ma_thu_tuc, thang (yyyy-mm, local time), luot_xem,
 *    luot_in — one row per procedure and month, by month then code;
 *  - search_no_result.csv: tu_khoa, so_lan, lan_cuoi (dd/mm/yyyy) — searches
 *    that found nothing, grouped by their folded form, most frequent first;
 *  - ratings.csv: thang, danh_gia, so_lan.
 * UTF-8 with BOM (so Excel opens Vietnamese text right), comma, CRLF.
 * Returns 0, or a negative errno with the reason in diag (-ENOSPC: the
 * stick is full). */
int events_export_csv(events *ev, export_dir *dir, diag_list *diag);

#endif
