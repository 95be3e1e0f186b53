#include "update.h"

#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/xalloc.h"
#include "platform/usb.h"

typedef enum update_job { JOB_CHECK, JOB_INSTALL } update_job;

struct update {
	char *bundle, *staging, *public_key;
	store *st;
	bool hold;
	int staging_lock; /* store_lock_staging while the staging copy exists */
	update_phase phase; /* main thread only */
	update_job job;
	pthread_t thread;
	bool thread_live; /* started and not joined yet; main thread only */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	/* Shared with the worker, under mu. */
	bool worker_done, cancel, removed, parked, held_once, reading;
	uint64_t done, total;
	/* Written by the worker before worker_done, read by the main thread
	 * after the join. */
	int copy_rc;
	char *error;
	bool ok;
	catalog_data data;
	bundle_diff diff;
	diag_list diag;
	long installed;
	/* What the screen last showed of the progress. */
	int shown_percent;
	bool shown_reading;
};

static bool on_progress(void *ctx, uint64_t done, uint64_t total)
{
	update *u = ctx;
	pthread_mutex_lock(&u->mu);
	u->done = done;
	u->total = total;
	if (u->hold && !u->held_once) {
		u->held_once = true;
		u->parked = true;
		while (!u->cancel)
			pthread_cond_wait(&u->cv, &u->mu);
		u->parked = false;
	}
	bool go = !u->cancel;
	pthread_mutex_unlock(&u->mu);
	return go;
}

static bool cancelled(update *u)
{
	pthread_mutex_lock(&u->mu);
	bool c = u->cancel;
	pthread_mutex_unlock(&u->mu);
	return c;
}

/* Copy, check, compare: everything that reads the stick or may be slow. */
static void run_check(update *u)
{
	u->copy_rc = usb_stage_copy_progress(u->bundle, u->staging, on_progress, u, &u->error);
	if (u->copy_rc < 0 || cancelled(u))
		return;
	pthread_mutex_lock(&u->mu);
	u->reading = true;
	pthread_mutex_unlock(&u->mu);
	u->installed = store_installed_version(u->st);
	/* A downgrade is not an error here: the preview offers it to staff as
	 * an explicit choice (update_is_downgrade). */
	bundle_opts opts = {.public_key = u->public_key, .installed_version = u->installed, .allow_downgrade = true};
	u->ok = bundle_read(u->staging, &opts, &u->data, &u->diag);
	if (!u->ok)
		return;
	/* One record of the installed catalogue at a time (DESIGN §3: 400 MiB). */
	catalog *c = store_has_catalog(u->st) ? catalog_open(u->st->catalog_path, NULL) : NULL;
	bundle_diff_catalog(c, &u->data, &u->diff);
	catalog_close(c);
}

static void *worker(void *arg)
{
	update *u = arg;
	if (u->job == JOB_CHECK) {
		run_check(u);
	} else {
		diag_clear(&u->diag); /* the warnings were shown in the preview */
		u->ok = store_install(u->st, &u->data, &u->diag) == 0;
	}
	pthread_mutex_lock(&u->mu);
	u->worker_done = true;
	pthread_mutex_unlock(&u->mu);
	return NULL;
}

static void start(update *u, update_job job)
{
	u->job = job;
	u->worker_done = false;
	if (pthread_create(&u->thread, NULL, worker, u) != 0) {
		fprintf(stderr, "motcua: cannot start a thread\n");
		abort();
	}
	u->thread_live = true;
}

update *update_new(const update_options *o)
{
	update *u = xcalloc(1, sizeof *u);
	u->bundle = xstrdup(o->bundle);
	u->st = o->st;
	u->staging = xasprintf("%s/staging", o->st->dir);
	u->staging_lock = store_lock_staging(o->st);
	u->public_key = o->public_key && *o->public_key ? xstrdup(o->public_key) : NULL;
	u->hold = o->hold_copy;
	u->phase = UPDATE_COPYING;
	u->shown_percent = -1;
	pthread_mutex_init(&u->mu, NULL);
	pthread_cond_init(&u->cv, NULL);
	start(u, JOB_CHECK);
	return u;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void join(update *u)
{
	if (!u->thread_live)
		return;
	pthread_join(u->thread, NULL);
	u->thread_live = false;
}

void update_free(update *u)
{
	if (!u)
		return;
	if (u->job == JOB_CHECK)
		update_cancel(u);
	join(u);
	/* The staging copy has served (its contents are in memory or
	 * installed); a Raspberry Pi's SD card has no room to waste. */
	nftw(u->staging, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	store_unlock_staging(u->staging_lock);
	pthread_mutex_destroy(&u->mu);
	pthread_cond_destroy(&u->cv);
	catalog_data_clear(&u->data);
	bundle_diff_clear(&u->diff);
	diag_clear(&u->diag);
	free(u->error);
	free(u->bundle);
	free(u->staging);
	free(u->public_key);
	free(u);
}

update_phase update_phase_get(const update *u) { return u->phase; }

bool update_ready(const update *u)
{
	update *m = (update *)u; /* the lock only */
	pthread_mutex_lock(&m->mu);
	bool r = u->thread_live && u->worker_done;
	pthread_mutex_unlock(&m->mu);
	return r;
}

bool update_busy(const update *u)
{
	update *m = (update *)u;
	pthread_mutex_lock(&m->mu);
	bool b = u->thread_live && !u->worker_done && !u->parked;
	pthread_mutex_unlock(&m->mu);
	return b;
}

void update_progress(const update *u, uint64_t *done, uint64_t *total)
{
	update *m = (update *)u;
	pthread_mutex_lock(&m->mu);
	*done = u->done;
	*total = u->total;
	pthread_mutex_unlock(&m->mu);
}

/* The phase a finished worker leads to. */
static update_phase outcome(const update *u)
{
	if (u->job == JOB_INSTALL)
		return u->ok ? UPDATE_DONE : UPDATE_INSTALL_FAILED;
	if (u->copy_rc == -ENODEV || (u->copy_rc < 0 && u->removed))
		return UPDATE_REMOVED;
	if (u->copy_rc == -ECANCELED || (u->copy_rc == 0 && u->cancel))
		return UPDATE_CANCELLED;
	if (u->copy_rc < 0)
		return UPDATE_COPY_FAILED;
	return u->ok ? UPDATE_PREVIEW : UPDATE_INVALID;
}

bool update_poll(update *u)
{
	if (!u->thread_live)
		return false;
	if (update_ready(u)) {
		join(u);
		u->phase = outcome(u);
		if (u->phase == UPDATE_REMOVED && u->copy_rc == -ECANCELED) {
			free(u->error); /* "the copy was cancelled": we did that, because the stick went */
			u->error = NULL;
		}
		return true;
	}
	if (u->job != JOB_CHECK)
		return false;
	uint64_t done, total;
	pthread_mutex_lock(&u->mu);
	done = u->done;
	total = u->total;
	bool reading = u->reading;
	pthread_mutex_unlock(&u->mu);
	int pct = total ? (int)(done * 100 / total) : 0;
	bool changed = pct != u->shown_percent || reading != u->shown_reading;
	u->shown_percent = pct;
	u->shown_reading = reading;
	if (reading)
		u->phase = UPDATE_READING;
	return changed;
}

void update_stick_removed(update *u, const char *bundle)
{
	if (u->job != JOB_CHECK || !u->thread_live || strcmp(bundle, u->bundle) != 0)
		return;
	pthread_mutex_lock(&u->mu);
	if (!u->reading) { /* a complete copy does not need the stick */
		u->removed = true;
		u->cancel = true;
		u->parked = false; /* busy again at once: it will report */
		pthread_cond_broadcast(&u->cv);
	}
	pthread_mutex_unlock(&u->mu);
}

void update_cancel(update *u)
{
	pthread_mutex_lock(&u->mu);
	u->cancel = true;
	u->parked = false; /* busy again at once: it will report */
	pthread_cond_broadcast(&u->cv);
	pthread_mutex_unlock(&u->mu);
}

void update_install(update *u)
{
	if (u->phase != UPDATE_PREVIEW || u->thread_live)
		return;
	u->phase = UPDATE_INSTALLING;
	start(u, JOB_INSTALL);
}

const bundle_info *update_info(const update *u) { return &u->data.info; }
long update_installed_version(const update *u) { return u->installed; }
const bundle_diff *update_diff(const update *u) { return &u->diff; }
size_t update_procedures(const update *u) { return u->data.n_procs; }

bool update_is_downgrade(const update *u)
{
	return u->installed > 0 && u->data.info.version <= u->installed;
}

const diag_list *update_diag(const update *u) { return &u->diag; }
const char *update_error(const update *u) { return u->error; }
