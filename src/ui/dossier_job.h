/* dossier_job — the staff area's "Update the dossier list" in a worker
 * thread (bgjob.h), so the kiosk keeps drawing, answering touches and
 * pinging the watchdog while a large list (up to 200,000 dossiers) is
 * read, checked and installed:
 *
 *	CHECKING -> INSTALLING -> DONE
 *	        \-> REFUSED (errors; or the install failed)
 *	CHECKING | INSTALLING -> REMOVED (the stick was pulled out)
 *
 * The file is read into memory first (dossier_file_read) and only those
 * bytes are checked and installed. What the worker touches is its own:
 * a copy of the store's paths, and its own read-only connection to the
 * installed catalogue (for the warning about unknown procedure codes) —
 * never the UI's catalogue handle, which the catalogue watch may close
 * and replace at any time; dossier_install opens its own connections.
 * Stopped (the stick pulled, staff left the staff area, the service
 * stops), the check and the install give up within DOSSIER_WATCH_ROWS
 * rows, before the new list's rename: nothing changes.
 *
 * Test hook: with hold, the worker parks once the file is in memory,
 * before the check, until the stick is pulled or the job is freed (the
 * script mode's MOTCUA_TEST_HOLD_COPY=1, as update.h's copy);
 * dossier_job_busy is false while parked. */
#ifndef MOTCUA_UI_DOSSIER_JOB_H
#define MOTCUA_UI_DOSSIER_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/diag.h"
#include "core/store.h"

typedef enum dossier_job_phase {
	DOSSIER_JOB_CHECKING,   /* reading and checking the file */
	DOSSIER_JOB_INSTALLING, /* writing the new list */
	DOSSIER_JOB_DONE,       /* installed: dossier_job_count dossiers */
	DOSSIER_JOB_REFUSED,    /* dossier_job_diag says why; nothing changed */
	DOSSIER_JOB_REMOVED,    /* the stick went away first; nothing changed */
} dossier_job_phase;

typedef struct dossier_job_options {
	const char *path;   /* the stick's ho_so.csv; copied */
	const char *bundle; /* the stick's motcua folder, to match its removal; copied */
	const store *st;    /* its paths are copied */
	time_t now;         /* the wall clock of the install */
	bool hold;          /* the test hook above */
} dossier_job_options;

typedef struct dossier_job dossier_job;

dossier_job *dossier_job_new(const dossier_job_options *o);
/* Stops and joins the worker (within DOSSIER_WATCH_ROWS rows); NULL: no-op. */
void dossier_job_free(dossier_job *j);

/* Takes in what the worker did: true when the phase or the progress
 * changed (lay the screen out again). */
bool dossier_job_poll(dossier_job *j);
dossier_job_phase dossier_job_phase_get(const dossier_job *j);
/* The worker runs and will finish on its own (not parked). */
bool dossier_job_busy(const dossier_job *j);
/* How far it got, as last polled: rows of the file checked, then
 * dossiers written (of dossier_job_count). */
size_t dossier_job_rows(const dossier_job *j);
/* INSTALLING and later: dossiers in the list; its warnings. */
size_t dossier_job_count(const dossier_job *j);
size_t dossier_job_warnings(const dossier_job *j);
/* REFUSED: every problem. */
const diag_list *dossier_job_diag(const dossier_job *j);

/* The stick whose motcua folder is bundle went away: the job stops. */
void dossier_job_stick_removed(dossier_job *j, const char *bundle);

#endif
