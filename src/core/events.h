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
