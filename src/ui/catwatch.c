#include "catwatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/xalloc.h"

static bool identity(const char *path, struct stat *st) { return stat(path, st) == 0; }

static int64_t mtime_ns(const struct stat *st) { return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec; }

static filestamp stamp_of(const char *path)
{
	struct stat st;
	filestamp f = {0};
	if (path && identity(path, &st))
		f = (filestamp){true, st.st_dev, st.st_ino, mtime_ns(&st), st.st_size};
	return f;
}

static bool stamp_same(const filestamp *a, const filestamp *b)
{
	return a->exists == b->exists && (!a->exists || (a->dev == b->dev && a->ino == b->ino &&
							 a->mtime_ns == b->mtime_ns && a->size == b->size));
}

void catwatch_dossiers(catwatch *w, const char *path)
{
	free(w->dossiers);
	w->dossiers = path ? xstrdup(path) : NULL;
	w->dossiers_at = stamp_of(w->dossiers);
	w->dossiers_checked_at = INT64_MIN / 2;
}

bool catwatch_dossiers_changed(catwatch *w, int64_t now, int64_t interval_ms)
{
	if (!w->dossiers || now - w->dossiers_checked_at < interval_ms)
		return false;
	w->dossiers_checked_at = now;
	filestamp d = stamp_of(w->dossiers);
	if (stamp_same(&d, &w->dossiers_at))
		return false;
	w->dossiers_at = d;
	return true;
}

void catwatch_clear(catwatch *w)
{
	free(w->dossiers);
	w->dossiers = NULL;
}

void catwatch_init(catwatch *w, const char *path)
{
	struct stat st;
	*w = (catwatch){0};
	w->path = path;
	w->checked_at = INT64_MIN / 2;
	if (path && identity(path, &st)) {
		w->dev = st.st_dev;
		w->ino = st.st_ino;
		w->mtime_ns = mtime_ns(&st);
		w->size = st.st_size;
	}
}

catalog *catwatch_poll(catwatch *w, int64_t now, int64_t interval_ms)
{
	if (now - w->checked_at < interval_ms)
		return NULL;
	w->checked_at = now;
	if (!w->path)
		return NULL;
	struct stat st;
	if (!identity(w->path, &st))
		return NULL;
	if (st.st_dev == w->dev && st.st_ino == w->ino && mtime_ns(&st) == w->mtime_ns && st.st_size == w->size)
		return NULL;
	char *err = NULL;
	catalog *c = catalog_open(w->path, &err);
	if (!c) {
		/* Half-written or broken: keep showing the last good catalogue. */
		fprintf(stderr, "%s: %s: %s\n", w->path, _("warning"), err ? err : "?");
		free(err);
		return NULL;
	}
	w->dev = st.st_dev;
	w->ino = st.st_ino;
	w->mtime_ns = mtime_ns(&st);
	w->size = st.st_size;
	return c;
}
