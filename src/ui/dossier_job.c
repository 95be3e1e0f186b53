#include "dossier_job.h"

#include <stdlib.h>
#include <string.h>

#include "bgjob.h"
#include "core/catalog.h"
#include "core/dossier.h"
#include "core/xalloc.h"

struct dossier_job {
	char *path, *bundle;
	store st; /* dir and catalog_path copied; the rest NULL */
	time_t now;
	bool hold;
	bgjob job;
	dossier_watch watch;
	atomic_int stage; /* DOSSIER_JOB_CHECKING or _INSTALLING, while it runs */
	bool removed;     /* under job.mu */
	/* Written by the worker before it is done, read after the join. */
	bool ok;
	size_t n, warnings;
	diag_list diag;
	/* The UI thread's. */
	dossier_job_phase phase;
	size_t rows;
};

static void stop(dossier_job *j)
{
	atomic_store(&j->watch.stop, true);
	bgjob_cancel(&j->job);
}

static void run(void *ctx)
{
	dossier_job *j = ctx;
	char *buf = NULL;
	size_t len = 0;
	dossier_list l = {0};
	if (!dossier_file_read_watched(j->path, DOSSIER_FILE, &j->watch, &buf, &len, &j->diag))
		goto end;
	if (j->hold) {
		pthread_mutex_lock(&j->job.mu);
		bgjob_park_locked(&j->job);
		pthread_mutex_unlock(&j->job.mu);
	}
	/* Its own connection: the UI's may be closed and replaced meanwhile. */
	catalog *cat = store_has_catalog(&j->st) ? catalog_open(j->st.catalog_path, NULL) : NULL;
	bool ok = dossier_list_parse_watched(DOSSIER_FILE, buf, len, cat, &j->watch, &l, &j->diag);
	catalog_close(cat);
	free(buf);
	buf = NULL;
	if (!ok)
		goto end;
	j->n = l.n;
	j->warnings = j->diag.warnings;
	diag_clear(&j->diag);
	atomic_store(&j->watch.rows, 0);
	atomic_store(&j->stage, DOSSIER_JOB_INSTALLING);
	j->ok = dossier_install_watched(&j->st, &l, j->now, &j->watch, &j->diag) == 0;
end:
	free(buf);
	dossier_list_clear(&l);
}

dossier_job *dossier_job_new(const dossier_job_options *o)
{
	dossier_job *j = xcalloc(1, sizeof *j);
	j->path = xstrdup(o->path);
	j->bundle = xstrdup(o->bundle);
	j->st.dir = xstrdup(o->st->dir);
	j->st.catalog_path = xstrdup(o->st->catalog_path);
	j->now = o->now;
	j->hold = o->hold;
	atomic_init(&j->watch.rows, 0);
	atomic_init(&j->watch.stop, false);
	atomic_init(&j->stage, DOSSIER_JOB_CHECKING);
	j->phase = DOSSIER_JOB_CHECKING;
	bgjob_init(&j->job);
	bgjob_start(&j->job, run, j);
	return j;
}

void dossier_job_free(dossier_job *j)
{
	if (!j)
		return;
	stop(j);
	bgjob_destroy(&j->job);
	diag_clear(&j->diag);
	free(j->st.dir);
	free(j->st.catalog_path);
	free(j->path);
	free(j->bundle);
	free(j);
}

bool dossier_job_poll(dossier_job *j)
{
	if (!j->job.live)
		return false;
	if (bgjob_ready(&j->job)) {
		bgjob_join(&j->job);
		j->phase = j->ok ? DOSSIER_JOB_DONE : j->removed ? DOSSIER_JOB_REMOVED : DOSSIER_JOB_REFUSED;
		return true;
	}
	dossier_job_phase ph = (dossier_job_phase)atomic_load(&j->stage);
	size_t rows = atomic_load(&j->watch.rows);
	bool changed = ph != j->phase || rows != j->rows;
	j->phase = ph;
	j->rows = rows;
	return changed;
}

dossier_job_phase dossier_job_phase_get(const dossier_job *j) { return j->phase; }

bool dossier_job_busy(const dossier_job *j) { return bgjob_busy(&((dossier_job *)j)->job); }

size_t dossier_job_rows(const dossier_job *j) { return j->rows; }

/* n is written before the stage turns INSTALLING (both sequentially
 * consistent), and the phase follows the stage. */
size_t dossier_job_count(const dossier_job *j) { return j->phase >= DOSSIER_JOB_INSTALLING ? j->n : 0; }

size_t dossier_job_warnings(const dossier_job *j) { return j->warnings; }

const diag_list *dossier_job_diag(const dossier_job *j) { return &j->diag; }

void dossier_job_stick_removed(dossier_job *j, const char *bundle)
{
	if (!j->job.live || strcmp(bundle, j->bundle) != 0)
		return;
	pthread_mutex_lock(&j->job.mu);
	j->removed = true;
	pthread_mutex_unlock(&j->job.mu);
	stop(j);
}
