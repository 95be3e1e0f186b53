#include "store.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"
#include "catalog.h"
#include "i18n.h"
#include "xalloc.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* mkdir -p; returns 0 or -errno. */
static int make_dirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = 0;
		if (mkdir(p, 0755) < 0 && errno != EEXIST) {
			rc = -errno;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	struct stat st;
	if (rc == 0 && (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)))
		rc = errno ? -errno : -ENOTDIR;
	free(p);
	return rc;
}

static char *pick_dir(const char *dir)
{
	if (dir && *dir)
		return xstrdup(dir);
	const char *env = getenv("MOTCUA_STORE");
	if (env && *env)
		return xstrdup(env);
	/* The system folder when this user may write it (the kiosk's service
	 * account, or root creating it); a desk user testing falls through to
	 * their own data folder. */
	if ((mkdir("/var/lib/motcua", 0755) == 0 || errno == EEXIST) &&
	    access("/var/lib/motcua", W_OK | X_OK) == 0)
		return xstrdup("/var/lib/motcua");
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/motcua", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/motcua", home && *home ? home : ".");
}

/* Removes path and what it holds, never following a symbolic link. */
static void remove_tree(int parent, const char *name, int depth)
{
	if (unlinkat(parent, name, 0) == 0 || (errno != EISDIR && errno != EPERM) || depth > 16)
		return;
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			remove_tree(dirfd(d), e->d_name, depth + 1);
	closedir(d);
	unlinkat(parent, name, AT_REMOVEDIR);
}

/* Takes the lock file `name` without waiting; -1 when someone holds it (or
 * it cannot be opened). Read-only, so that a lock file made by another user
 * (root running a command) still serves the kiosk's user. */
/* Opens a lock file of the store: a regular file only, never through a
 * link, and never waiting (a FIFO planted at the name would block open()
 * for ever: every command, and the kiosk at each start, would hang). -1
 * with errno (EINVAL: not a regular file). */
static int open_lock(const char *path, bool create)
{
	int fd =
	    open(path,
	         O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | (create ? O_CREAT : 0),
	         0644);
	if (fd < 0)
		return -1;
	struct stat st;
	int e = fstat(fd, &st) < 0 ? errno : !S_ISREG(st.st_mode) ? EINVAL : 0;
	if (e) {
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

static int try_lock(const store *s, const char *name, bool create)
{
	char *path = xasprintf("%s/%s", s->dir, name);
	int fd = open_lock(path, create);
	free(path);
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) < 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Work files that only a killed import or update leaves behind (a
 * catalog.new.sqlite is as large as the catalogue). Each group is removed
 * only while holding the lock its writer holds, so a running import or a
 * kiosk copying a stick keeps its files. */
static void clean_stale(const store *s)
{
	static const char *const import_files[] = {
	    "catalog.new.sqlite",     "catalog.new.sqlite-journal",  "catalog.new.sqlite-wal",
	    "catalog.new.sqlite-shm", "catalog.previous.sqlite.tmp", "catalog.swap.sqlite",
	};
	int dfd = open(s->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return;
	int lock = try_lock(s, "lock", false); /* no lock file: no import ever ran */
	if (lock >= 0) {
		for (size_t i = 0; i < sizeof import_files / sizeof *import_files; i++)
			unlinkat(dfd, import_files[i], 0);
		/* A package upgrade keeps the installed catalogue and the one to
		 * roll back to: both are brought up to this version's schema. */
		const char *paths[] = {s->catalog_path, s->previous_path};
		char *tmp = xasprintf("%s/catalog.new.sqlite", s->dir);
		for (size_t i = 0; i < 2; i++) {
			char *err = NULL;
			if (catalog_upgrade(paths[i], tmp, &err) < 0)
				fprintf(stderr, _("%s: cannot bring the catalogue up to this version: %s\n"),
				        paths[i], err ? err : "?");
			free(err);
		}
		free(tmp);
		close(lock);
	}
	struct stat st;
	bool staged = fstatat(dfd, "staging", &st, AT_SYMLINK_NOFOLLOW) == 0 ||
	              fstatat(dfd, "staging.part", &st, AT_SYMLINK_NOFOLLOW) == 0;
	/* Created when missing: an update takes this lock before it makes its
	 * folder, so it either holds the lock already or has no folder yet. */
	lock = staged ? try_lock(s, STORE_STAGING_LOCK, true) : -1;
	if (lock >= 0) {
		remove_tree(dfd, "staging", 0);
		remove_tree(dfd, "staging.part", 0);
		close(lock);
	}
	close(dfd);
}

int store_lock_staging(const store *s)
{
	assert(s);
	char *path = xasprintf("%s/%s", s->dir, STORE_STAGING_LOCK);
	int fd = open_lock(path, true);
	free(path);
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) < 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

void store_unlock_staging(int fd)
{
	if (fd >= 0)
		close(fd);
}

int store_open(store *s, const char *dir)
{
	assert(s);
	memset(s, 0, sizeof *s);
	s->dir = pick_dir(dir);
	int rc = make_dirs(s->dir);
	if (rc < 0) {
		fprintf(stderr, _("%s: cannot create the store folder: %s\n"), s->dir,
		        strerror(-rc));
		store_close(s);
		return rc;
	}
	s->catalog_path = xasprintf("%s/catalog.sqlite", s->dir);
	s->previous_path = xasprintf("%s/catalog.previous.sqlite", s->dir);
	s->events_path = xasprintf("%s/events.sqlite", s->dir);
	clean_stale(s);
	return 0;
}

void store_close(store *s)
{
	if (!s)
		return;
	free(s->dir);
	free(s->catalog_path);
	free(s->previous_path);
	free(s->events_path);
	memset(s, 0, sizeof *s);
}

static bool is_file(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool store_has_catalog(const store *s)
{
	assert(s);
	return is_file(s->catalog_path);
}

long store_installed_version(const store *s)
{
	assert(s);
	if (!store_has_catalog(s))
		return 0;
	catalog *c = catalog_open(s->catalog_path, NULL);
	long v = c ? catalog_info(c)->version : 0;
	catalog_close(c);
	return v;
}

/* Takes the store's lock; blocks while another import or rollback runs.
 * Returns the fd to pass to unlock, or -1 with the reason in diag. */
static int lock_store(const store *s, diag_list *diag)
{
	char *path = xasprintf("%s/lock", s->dir);
	int fd = open_lock(path, true);
	if (fd < 0 || flock(fd, LOCK_EX) < 0) {
		diag_error(diag, path, 0, _("cannot lock the store: %s"),
		           errno == EINVAL ? _("not a regular file") : strerror(errno));
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
	free(path);
	return fd;
}

static void unlock_store(int fd)
{
	if (fd >= 0)
		close(fd); /* releases the flock */
}

/* fsync of a file or folder by path; 0 or -errno. */
static int sync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	int rc = fsync(fd) < 0 ? -errno : 0;
	close(fd);
	return rc;
}

/* Copies src to dst (created, truncated) and fsyncs it: the fallback for
 * folders that cannot hard-link (FAT). 0 or -errno. */
static int copy_file(const char *src, const char *dst)
{
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -errno;
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0) {
		int e = -errno;
		close(in);
		return e;
	}
	char buf[1 << 16];
	int rc = 0;
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 ? -errno : 0;
			break;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				rc = -errno;
				break;
			}
			off += w;
		}
		if (rc)
			break;
	}
	if (rc == 0 && fsync(out) < 0)
		rc = -errno;
	if (close(out) < 0 && rc == 0)
		rc = -errno;
	close(in);
	return rc;
}

/* Makes `path` a second name (or, failing that, a copy) of `src` via a
 * temporary name, so `path` is at every moment either its old file or a
 * complete new one. 0 or -errno. */
static int replace_with_copy_of(const char *src, const char *path)
{
	char *tmp = xasprintf("%s.tmp", path);
	unlink(tmp);
	int rc = link(src, tmp) == 0 ? 0 : copy_file(src, tmp);
	if (rc == 0 && rename(tmp, path) < 0)
		rc = -errno;
	/* When path already was a link to src (an install killed after this
	 * step), rename() of two links to one file does nothing and leaves tmp. */
	unlink(tmp);
	free(tmp);
	return rc;
}

int store_install(store *s, const catalog_data *d, diag_list *diag)
{
	assert(s && d && diag);
	int lock = lock_store(s, diag);
	if (lock < 0)
		return -1;
	char *fresh = xasprintf("%s/catalog.new.sqlite", s->dir);
	char *err = NULL;
	int rc = 0;
	/* Order matters for a crash at any point:
	 * 1. build and fsync catalog.new.sqlite — live untouched;
	 * 2. previous := a second name of live (link + rename) — live untouched,
	 *    previous is always whole (old previous, or old live);
	 * 3. rename(new, live) — atomic: live is whole old or whole new;
	 * 4. fsync the folder so the renames survive a power cut. */
	if (catalog_write(fresh, d, &err) < 0) {
		diag_error(diag, fresh, 0, _("cannot write the new catalogue: %s"),
		           err ? err : "?");
		rc = -1;
		goto end;
	}
	int e = sync_path(fresh, false);
	if (e < 0) {
		diag_error(diag, fresh, 0, _("cannot write the new catalogue: %s"), strerror(-e));
		rc = -1;
		goto end;
	}
	if (store_has_catalog(s)) {
		e = replace_with_copy_of(s->catalog_path, s->previous_path);
		if (e < 0) {
			diag_error(diag, s->previous_path, 0,
			           _("cannot keep the rollback copy: %s"), strerror(-e));
			rc = -1;
			goto end;
		}
	}
	if (rename(fresh, s->catalog_path) < 0) {
		diag_error(diag, s->catalog_path, 0, _("cannot replace the catalogue: %s"),
		           strerror(errno));
		rc = -1;
		goto end;
	}
	e = sync_path(s->dir, true);
	if (e < 0) {
		diag_error(diag, s->dir, 0, _("cannot sync the store folder: %s"), strerror(-e));
		rc = -1;
	}
end:
	if (rc < 0)
		unlink(fresh);
	free(err);
	free(fresh);
	unlock_store(lock);
	return rc;
}

int store_rollback(store *s, diag_list *diag)
{
	assert(s && diag);
	int lock = lock_store(s, diag);
	if (lock < 0)
		return -1;
	int rc = 0;
	if (!is_file(s->previous_path)) {
		diag_error(diag, s->dir, 0, _("there is no earlier catalogue to restore"));
		rc = -1;
		goto end;
	}
	if (!store_has_catalog(s)) {
		if (rename(s->previous_path, s->catalog_path) < 0)
			rc = -errno;
	} else if (renameat2(AT_FDCWD, s->previous_path, AT_FDCWD, s->catalog_path,
	                     RENAME_EXCHANGE) < 0) {
		if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
			rc = -errno;
		} else {
			/* No atomic exchange on this file system: keep live whole at
			 * every step, at the price of a moment where both names hold
			 * the old live file. */
			char *tmp = xasprintf("%s/catalog.swap.sqlite", s->dir);
			unlink(tmp);
			rc = link(s->catalog_path, tmp) == 0 ? 0 : copy_file(s->catalog_path, tmp);
			if (rc == 0 && (rename(s->previous_path, s->catalog_path) < 0 ||
			                rename(tmp, s->previous_path) < 0))
				rc = -errno;
			unlink(tmp);
			free(tmp);
		}
	}
	if (rc < 0) {
		diag_error(diag, s->catalog_path, 0, _("cannot restore the earlier catalogue: %s"),
		           strerror(-rc));
		rc = -1;
		goto end;
	}
	int e = sync_path(s->dir, true);
	if (e < 0) {
		diag_error(diag, s->dir, 0, _("cannot sync the store folder: %s"), strerror(-e));
		rc = -1;
	}
end:
	unlock_store(lock);
	return rc;
}

int store_ensure(store *s, const char *sample_dir, diag_list *diag)
{
	assert(s && sample_dir && diag);
	if (store_has_catalog(s))
		return 0;
	/* The sample ships with the program, so it is trusted as installed:
	 * no signature asked even when the kiosk requires one for USB bundles. */
	bundle_opts opts = {.public_key = NULL, .installed_version = 0, .allow_downgrade = true};
	catalog_data d = {0};
	int rc = -1;
	if (!bundle_read(sample_dir, &opts, &d, diag)) {
		diag_error(diag, sample_dir, 0, _("the sample catalogue cannot be read"));
		goto end;
	}
	/* Another process may have filled the store while this one read. */
	if (store_has_catalog(s)) {
		rc = 0;
		goto end;
	}
	rc = store_install(s, &d, diag);
end:
	catalog_data_clear(&d);
	return rc;
}
