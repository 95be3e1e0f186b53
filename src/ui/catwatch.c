#include "catwatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/i18n.h"

static bool identity(const char *path, struct stat *st) { return stat(path, st) == 0; }

static int64_t mtime_ns(const struct stat *st) { return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec; }

void catwatch_init(catwatch *w, const char *path)
{
	struct stat st;
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
	if (!w->path || now - w->checked_at < interval_ms)
		return NULL;
	w->checked_at = now;
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
