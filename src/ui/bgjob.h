/* bgjob — one worker thread for the staff area's slow work, so the kiosk
 * keeps drawing (and pinging the watchdog) while it runs: the catalogue
 * update's copy, check and install (update.c) and the dossier list's check
 * and install (dossier_job.c). The UI thread starts a job, asks on its
 * ticks whether it finished (bgjob_ready) and joins it; it may cancel it,
 * which the worker notices where it looks (bgjob_cancelled) or where it is
 * parked (the tests' hold hook: bgjob_park_locked).
 *
 *	bgjob_init(&j);
 *	bgjob_start(&j, run, ctx);    // run(ctx) in the worker
 *	...                           // ticks: bgjob_ready(&j) -> bgjob_join(&j)
 *	bgjob_cancel(&j);             // optional
 *	bgjob_destroy(&j);            // joins first
 *
 * j->mu also guards what the owner shares with its worker (progress). */
#ifndef MOTCUA_UI_BGJOB_H
#define MOTCUA_UI_BGJOB_H

#include <pthread.h>
#include <stdbool.h>

typedef struct bgjob {
	pthread_t thread;
	bool live; /* started and not joined yet; UI thread only */
	void (*run)(void *ctx);
	void *ctx;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	/* Under mu. */
	bool done, cancel, parked;
} bgjob;

void bgjob_init(bgjob *j);
/* Joins a worker still live, then frees the lock. */
void bgjob_destroy(bgjob *j);
/* Runs run(ctx) in a new worker thread (one at a time: the previous one
 * is joined). A thread that cannot be started is out of memory: abort. */
void bgjob_start(bgjob *j, void (*run)(void *ctx), void *ctx);
/* Waits for the worker to end; no-op when none is live. */
void bgjob_join(bgjob *j);
/* The worker has finished and is not joined yet. */
bool bgjob_ready(bgjob *j);
/* The worker runs and will finish on its own (not parked). */
bool bgjob_busy(bgjob *j);
/* Asks the worker to stop; a parked one goes on at once (to stop). */
void bgjob_cancel(bgjob *j);
void bgjob_cancel_locked(bgjob *j); /* the same, with mu held */
/* In the worker: whether the job was cancelled. */
bool bgjob_cancelled(bgjob *j);
/* In the worker, with mu held: waits until the job is cancelled, and is
 * not busy meanwhile (the tests' hold hook). */
void bgjob_park_locked(bgjob *j);

#endif
