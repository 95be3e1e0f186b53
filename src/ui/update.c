#include "update.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "bgjob.h"
#include "core/xalloc.h"
#include "platform/usb.h"

typedef enum update_job { JOB_CHECK, JOB_INSTALL } update_job;

struct update {
	char *bundle, *staging, *public_key;
	store *st;
	bool hold;
	int staging_lock; /* store_lock_staging while the staging copy exists */
	update_phase phase; /* main thread only */
	update_job kind;
	bgjob job;
	/* Shared with the worker, under job.mu. */
	bool removed, held_once, reading;
	uint64_t done, total;
	/* Written by the worker before it is done, read by the main thread
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
	pthread_mutex_lock(&u->job.mu);
	u->done = done;
	u->total = total;
	if (u->hold && !u->held_once) {
		u->held_once = true;
		bgjob_park_locked(&u->job);
	}
	bool go = !u->job.cancel;
	pthread_mutex_unlock(&u->job.mu);
	return go;
}

/* Copy, check, compare: everything that reads the stick or may be slow. */
static void run_check(update *u)
{
	u->copy_rc = usb_stage_copy_progress(u->bundle, u->staging, on_progress, u, &u->error);
	if (u->copy_rc < 0 || bgjob_cancelled(&u->job))
		return;
	pthread_mutex_lock(&u->job.mu);
	u->reading = true;
	pthread_mutex_unlock(&u->job.mu);
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

static void worker(void *arg)
{
	update *u = arg;
	if (u->kind == JOB_CHECK) {
		run_check(u);
	} else {
		diag_clear(&u->diag); /* the warnings were shown in the preview */
		u->ok = store_install(u->st, &u->data, &u->diag) == 0;
	}
}

static void start(update *u, update_job kind)
{
	u->kind = kind;
	bgjob_start(&u->job, worker, u);
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
	bgjob_init(&u->job);
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

void update_free(update *u)
{
	if (!u)
		return;
	if (u->kind == JOB_CHECK)
		update_cancel(u);
	bgjob_destroy(&u->job);
	/* The staging copy has served (its contents are in memory or
	 * installed); a Raspberry Pi's SD card has no room to waste. */
	nftw(u->staging, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	store_unlock_staging(u->staging_lock);
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

/* The lock only: what the worker shares is read under it. */
static bgjob *job_of(const update *u) { return &((update *)u)->job; }

bool update_ready(const update *u) { return bgjob_ready(job_of(u)); }
bool update_busy(const update *u) { return bgjob_busy(job_of(u)); }

void update_progress(const update *u, uint64_t *done, uint64_t *total)
{
	pthread_mutex_lock(&job_of(u)->mu);
	*done = u->done;
	*total = u->total;
	pthread_mutex_unlock(&job_of(u)->mu);
}

/* The phase a finished worker leads to. */
static update_phase outcome(const update *u)
{
	if (u->kind == JOB_INSTALL)
		return u->ok ? UPDATE_DONE : UPDATE_INSTALL_FAILED;
	if (u->copy_rc == -ENODEV || (u->copy_rc < 0 && u->removed))
		return UPDATE_REMOVED;
	if (u->copy_rc == -ECANCELED || (u->copy_rc == 0 && u->job.cancel))
		return UPDATE_CANCELLED;
	if (u->copy_rc < 0)
		return UPDATE_COPY_FAILED;
	return u->ok ? UPDATE_PREVIEW : UPDATE_INVALID;
}

bool update_poll(update *u)
{
	if (!u->job.live)
		return false;
	if (update_ready(u)) {
		bgjob_join(&u->job);
		u->phase = outcome(u);
		if (u->phase == UPDATE_REMOVED && u->copy_rc == -ECANCELED) {
			free(u->error); /* "the copy was cancelled": we did that, because the stick went */
			u->error = NULL;
		}
		return true;
	}
	if (u->kind != JOB_CHECK)
		return false;
	uint64_t done, total;
	pthread_mutex_lock(&u->job.mu);
	done = u->done;
	total = u->total;
	bool reading = u->reading;
	pthread_mutex_unlock(&u->job.mu);
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
	if (u->kind != JOB_CHECK || !u->job.live || strcmp(bundle, u->bundle) != 0)
		return;
	pthread_mutex_lock(&u->job.mu);
	if (!u->reading) { /* a complete copy does not need the stick */
		u->removed = true;
		bgjob_cancel_locked(&u->job);
	}
	pthread_mutex_unlock(&u->job.mu);
}

void update_cancel(update *u) { bgjob_cancel(&u->job); }

void update_install(update *u)
{
	if (u->phase != UPDATE_PREVIEW || u->job.live)
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
