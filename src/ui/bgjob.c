#include "bgjob.h"

#include <stdio.h>
#include <stdlib.h>

void bgjob_init(bgjob *j)
{
	*j = (bgjob){0};
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->cv, NULL);
}

void bgjob_destroy(bgjob *j)
{
	bgjob_join(j);
	pthread_mutex_destroy(&j->mu);
	pthread_cond_destroy(&j->cv);
}

static void *trampoline(void *arg)
{
	bgjob *j = arg;
	j->run(j->ctx);
	pthread_mutex_lock(&j->mu);
	j->done = true;
	pthread_mutex_unlock(&j->mu);
	return NULL;
}

void bgjob_start(bgjob *j, void (*run)(void *ctx), void *ctx)
{
	bgjob_join(j);
	j->run = run;
	j->ctx = ctx;
	j->done = j->cancel = j->parked = false; /* a new job, not the last one's stop */
	if (pthread_create(&j->thread, NULL, trampoline, j) != 0) {
		fprintf(stderr, "motcua: cannot start a thread\n");
		abort();
	}
	j->live = true;
}

void bgjob_join(bgjob *j)
{
	if (!j->live)
		return;
	pthread_join(j->thread, NULL);
	j->live = false;
}

bool bgjob_ready(bgjob *j)
{
	pthread_mutex_lock(&j->mu);
	bool r = j->live && j->done;
	pthread_mutex_unlock(&j->mu);
	return r;
}

bool bgjob_busy(bgjob *j)
{
	pthread_mutex_lock(&j->mu);
	bool b = j->live && !j->done && !j->parked;
	pthread_mutex_unlock(&j->mu);
	return b;
}

void bgjob_cancel_locked(bgjob *j)
{
	j->cancel = true;
	j->parked = false; /* busy again at once: it will report */
	pthread_cond_broadcast(&j->cv);
}

void bgjob_cancel(bgjob *j)
{
	pthread_mutex_lock(&j->mu);
	bgjob_cancel_locked(j);
	pthread_mutex_unlock(&j->mu);
}

bool bgjob_cancelled(bgjob *j)
{
	pthread_mutex_lock(&j->mu);
	bool c = j->cancel;
	pthread_mutex_unlock(&j->mu);
	return c;
}

void bgjob_park_locked(bgjob *j)
{
	j->parked = true;
	while (!j->cancel)
		pthread_cond_wait(&j->cv, &j->mu);
	j->parked = false;
}
