/* update — the catalogue update from a USB stick, as a state machine.
 *
 *	COPYING -> READING -> PREVIEW  -> INSTALLING -> DONE
 *	                  \-> INVALID              \-> INSTALL_FAILED
 *	COPYING -> REMOVED (the stick went away) | COPY_FAILED | CANCELLED
 *
 * The slow steps run in one worker thread at a time (bgjob.h), so the kiosk keeps
 * drawing: the copy of the stick's bundle into the local staging folder
 * (usb_stage_copy, never reading the stick twice), bundle_read on that copy
 * and the diff against the installed catalogue, and store_install. The UI
 * calls update_poll on its ticks to take in what the worker finished; the
 * results (diff, diagnostics, bundle info) are read only in the phases that
 * have them, while no worker runs. Nothing here draws or reads a clock.
 *
 * Test hook: with hold_copy the copy stops after its first progress report
 * and waits there, parked, until update_cancel or update_stick_removed (the
 * script mode's MOTCUA_TEST_HOLD_COPY=1), so a test can pull the stick in
 * the middle of a copy deterministically. update_busy is false while parked. */
#ifndef MOTCUA_UI_UPDATE_H
#define MOTCUA_UI_UPDATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/bundle.h"
#include "core/diag.h"
#include "core/store.h"

typedef enum update_phase {
	UPDATE_COPYING,        /* the worker copies the stick's bundle */
	UPDATE_READING,        /* the worker checks the copy */
	UPDATE_PREVIEW,        /* valid: what would change (update_diff, update_info) */
	UPDATE_INVALID,        /* errors: update_diag; nothing changed */
	UPDATE_INSTALLING,     /* the worker installs */
	UPDATE_DONE,           /* installed: update_info()->version is live */
	UPDATE_INSTALL_FAILED, /* update_diag says why; the live catalogue is unchanged */
	UPDATE_REMOVED,        /* the stick went away before the copy was complete */
	UPDATE_COPY_FAILED,    /* update_error says why (too large, cannot write) */
	UPDATE_CANCELLED,      /* staff cancelled the copy */
} update_phase;

typedef struct update_options {
	const char *bundle;     /* the bundle folder on the stick; copied */
	store *st;              /* borrowed; outlives the update; staging goes in st->dir/staging */
	const char *public_key; /* copied; NULL/"" = signatures not required */
	bool hold_copy;         /* the test hook above */
} update_options;

typedef struct update update;

/* Starts the copy in a worker thread. Never fails (a thread that cannot be
 * started is out of memory: abort). */
update *update_new(const update_options *o);
/* Cancels and joins the worker, removes the staging folder; update_free(NULL)
 * is a no-op. An install in progress is finished first (it cannot be cut). */
void update_free(update *u);

update_phase update_phase_get(const update *u);
/* Takes in what the worker finished; true when the phase or the progress
 * changed (the screen should be laid out again). */
bool update_poll(update *u);
/* True while the worker runs and will finish on its own (not parked). */
bool update_busy(const update *u);
/* True when the worker has finished and update_poll has news. */
bool update_ready(const update *u);
/* Bytes copied so far and in all, while copying. */
void update_progress(const update *u, uint64_t *done, uint64_t *total);

/* The stick whose bundle is `bundle` went away: a copy in progress is
 * abandoned (REMOVED). Later phases work on the local copy and go on. */
void update_stick_removed(update *u, const char *bundle);
/* Staff cancelled: a copy or check in progress stops (CANCELLED). */
void update_cancel(update *u);
/* From PREVIEW: installs the checked copy in the worker (INSTALLING). */
void update_install(update *u);

/* PREVIEW and later: the bundle's bundle.ini and signer; the version
 * installed when it was checked; the diff by procedure. Owned by u. */
const bundle_info *update_info(const update *u);
long update_installed_version(const update *u);
const bundle_diff *update_diff(const update *u);
size_t update_procedures(const update *u);
/* True when the bundle's version is not newer than the installed one:
 * staff must confirm explicitly before update_install. */
bool update_is_downgrade(const update *u);
/* INVALID, INSTALL_FAILED, PREVIEW (warnings): every problem found. */
const diag_list *update_diag(const update *u);
/* COPY_FAILED, REMOVED: the copy's message (translated); may be NULL. */
const char *update_error(const update *u);

#endif
