#include "export_dir.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

/* More folders of the same day than anyone exports: past it, something on
 * the stick is making names faster than we can use them. */
#define EXPORT_DIR_MAX_TRIES 99

struct export_dir {
	char *root;  /* as given, for messages */
	char *name;  /* the folder we made */
	int root_fd; /* the stick's top folder */
	int fd;      /* our folder */
	dev_t dev;   /* the stick's file system */
	char **made; /* names we created inside fd, for export_dir_close */
	size_t n_made, cap_made;
};

/* The reason as staff can act on it. */
static const char *why(int e)
{
	switch (e) {
	case ENOSPC:
	case EDQUOT:
		return _("the USB stick is full");
	case EROFS:
		return _("the USB stick is read-only (write-protected, or mounted read-only)");
	case EXDEV:
		return _("the folder is not on the USB stick");
	default:
		return strerror(e);
	}
}

static int fail(diag_list *diag, const char *root, const char *name, int e)
{
	char *where = name ? xasprintf("%s/%s", root, name) : xstrdup(root);
	diag_error(diag, where, 0, "%s", why(e));
	free(where);
	return -e;
}

static void made_add(export_dir *d, const char *name)
{
	d->made = xgrow(d->made, &d->cap_made, d->n_made + 1, sizeof *d->made);
	d->made[d->n_made++] = xstrdup(name);
}

/* True when the folder open as fd holds nothing: a folder we just made
 * cannot hold anything, unless someone else made it first. */
static bool dir_is_empty(int fd)
{
	int dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	DIR *dir = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	if (!dir) {
		if (dup_fd >= 0)
			close(dup_fd);
		return false;
	}
	bool empty = true;
	struct dirent *e;
	while (empty && (e = readdir(dir)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = false;
	closedir(dir);
	return empty;
}

int export_dir_create(const char *root, const char *base, export_dir **out, diag_list *diag)
{
	assert(root && base && *base && !strchr(base, '/') && out && diag);
	*out = NULL;
	int root_fd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat rst;
	if (root_fd < 0 || fstat(root_fd, &rst) < 0) {
		int e = errno;
		if (root_fd >= 0)
			close(root_fd);
		return fail(diag, root, NULL, e);
	}
	char *name = NULL;
	int e = EEXIST;
	for (int i = 1; i <= EXPORT_DIR_MAX_TRIES && e == EEXIST; i++) {
		free(name);
		name = i == 1 ? xstrdup(base) : xasprintf("%s-%d", base, i);
		e = mkdirat(root_fd, name, 0755) == 0 ? 0 : errno;
	}
	if (e) {
		fail(diag, root, name, e);
		free(name);
		close(root_fd);
		return -e;
	}
	/* Opened by name, so check it is still what mkdirat made: a folder
	 * (not a link), on the stick, and empty. */
	int fd = openat(root_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0)
		e = errno;
	else if (!S_ISDIR(st.st_mode) || st.st_dev != rst.st_dev)
		e = EXDEV;
	else if (!dir_is_empty(fd))
		e = EEXIST;
	if (e) {
		if (fd >= 0)
			close(fd);
		fail(diag, root, name, e);
		free(name);
		close(root_fd);
		return -e;
	}
	export_dir *d = xcalloc(1, sizeof *d);
	d->root = xstrdup(root);
	d->name = name;
	d->root_fd = root_fd;
	d->fd = fd;
	d->dev = rst.st_dev;
	*out = d;
	return 0;
}

const char *export_dir_name(const export_dir *d)
{
	return d->name;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		if (n == 0)
			return EIO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* renameat that never replaces: RENAME_NOREPLACE where the file system has
 * it (vfat, exfat, ext4, tmpfs); else a plain rename after checking the
 * name is free — in a folder we made a moment ago. */
static int rename_noreplace(int fd, const char *from, const char *to)
{
	if (renameat2(fd, from, fd, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return errno;
	struct stat st;
	if (fstatat(fd, to, &st, AT_SYMLINK_NOFOLLOW) == 0)
		return EEXIST;
	if (errno != ENOENT)
		return errno;
	return renameat(fd, from, fd, to) == 0 ? 0 : errno;
}

int export_dir_write(export_dir *d, const char *name, const void *data, size_t len, diag_list *diag)
{
	assert(d && name && *name && name[0] != '.' && !strchr(name, '/') && (data || !len));
	char *part = xasprintf(".%s.part", name);
	char *shown = xasprintf("%s/%s", d->name, name);
	/* O_NONBLOCK: should a FIFO ever get here, opening it does not hang. */
	int fd = openat(d->fd, part,
	                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
	int e = fd < 0 ? errno : 0;
	if (fd >= 0) {
		made_add(d, part);
		struct stat st;
		if (fstat(fd, &st) < 0)
			e = errno;
		else if (!S_ISREG(st.st_mode) || st.st_dev != d->dev)
			e = EXDEV;
		if (!e && fcntl(fd, F_SETFL, 0) < 0)
			e = errno;
		if (!e)
			e = write_all(fd, data, len);
		if (!e && fsync(fd) < 0)
			e = errno;
		/* FAT reports some write errors only at close. */
		if (close(fd) < 0 && !e)
			e = errno;
	}
	if (!e)
		e = rename_noreplace(d->fd, part, name);
	if (!e) {
		free(d->made[d->n_made - 1]);
		d->made[d->n_made - 1] = xstrdup(name);
	}
	if (e)
		fail(diag, d->root, shown, e);
	free(part);
	free(shown);
	return -e;
}

int export_dir_finish(export_dir *d, diag_list *diag)
{
	assert(d);
	int e = 0;
	if (fsync(d->fd) < 0 || fsync(d->root_fd) < 0 || syncfs(d->fd) < 0)
		e = errno;
	if (e)
		fail(diag, d->root, d->name, e);
	return -e;
}

void export_dir_close(export_dir *d, bool keep)
{
	if (!d)
		return;
	if (!keep) {
		for (size_t i = 0; i < d->n_made; i++)
			unlinkat(d->fd, d->made[i], 0);
		unlinkat(d->root_fd, d->name, AT_REMOVEDIR);
		/* The removal is on the stick before staff read the message. */
		syncfs(d->root_fd);
	}
	for (size_t i = 0; i < d->n_made; i++)
		free(d->made[i]);
	free(d->made);
	close(d->fd);
	close(d->root_fd);
	free(d->root);
	free(d->name);
	free(d);
}
