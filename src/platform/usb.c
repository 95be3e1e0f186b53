#include "usb.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bundle.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#define BUNDLE_DIR_NAME "motcua"
/* Depth of the scan below a media root: /media/USER/LABEL is 2. */
#define SCAN_DEPTH 2
/* More than any real bundle: forms and images of 20,000 procedures. */
#define STAGE_MAX_ENTRIES 50000
#define WATCH_MASK                                                                                 \
	(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |     \
	 IN_UNMOUNT | IN_ONLYDIR | IN_DONT_FOLLOW)

typedef struct watch_entry {
	int wd;
	char *path;
} watch_entry;

typedef struct present_entry {
	char *path;
	dev_t dev;
	ino_t ino;
} present_entry;

typedef struct present_set {
	present_entry *v;
	size_t n, cap;
} present_set;

struct usb_watch {
	char **roots;
	size_t n_roots;
	int ep;  /* epoll set of ino and mnt_wake: what the caller polls */
	int ino; /* inotify */
	/* /proc/self/mountinfo twice: each open file has its own "changed" flag,
	 * and a poll() of the epoll set by the caller consumes mnt_wake's flag
	 * before we can see it. mnt_check is polled only by us. */
	int mnt_wake;
	int mnt_check;
	watch_entry *watches;
	size_t n_watches, cap_watches;
	present_set present;
	usb_event *queue;
	size_t n_queue, cap_queue, head;
};

void usb_event_clear(usb_event *ev)
{
	free(ev->path);
	memset(ev, 0, sizeof *ev);
}

static void present_clear(present_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].path);
	free(s->v);
	memset(s, 0, sizeof *s);
}

static const present_entry *present_find(const present_set *s, const char *path)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].path, path))
			return &s->v[i];
	return NULL;
}

static int present_cmp(const void *a, const void *b)
{
	return strcmp(((const present_entry *)a)->path, ((const present_entry *)b)->path);
}

/* Looks for the bundle folder right inside dir (whose stat is st). It must be
 * a real folder on the same file system as dir: the folder on the stick, not
 * a stick mounted on a folder that happens to be called motcua. */
static void find_bundle(const char *dir, const struct stat *st, present_set *out)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcasecmp(e->d_name, BUNDLE_DIR_NAME) != 0)
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat bst;
		if (lstat(path, &bst) == 0 && S_ISDIR(bst.st_mode) && bst.st_dev == st->st_dev &&
		    !present_find(out, path)) {
			out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
			out->v[out->n++] = (present_entry){path, bst.st_dev, bst.st_ino};
			path = NULL;
		}
		free(path);
	}
	closedir(d);
}

/* Scans dir for a bundle, and below it when it is not itself a volume (a
 * mount point): a volume's bundle is at its top, never deeper. */
static void scan_dir(const char *dir, const struct stat *st, dev_t parent_dev, int depth,
                     present_set *out)
{
	find_bundle(dir, st, out);
	if (st->st_dev != parent_dev || depth >= SCAN_DEPTH)
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' && (!e->d_name[1] || !strcmp(e->d_name, "..")))
			continue;
		if (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN)
			continue;
		char *child = xasprintf("%s/%s", dir, e->d_name);
		struct stat cst;
		if (lstat(child, &cst) == 0 && S_ISDIR(cst.st_mode))
			scan_dir(child, &cst, st->st_dev, depth + 1, out);
		free(child);
	}
	closedir(d);
}

static void watch_add(usb_watch *w, const char *path)
{
	for (size_t i = 0; i < w->n_watches; i++)
		if (!strcmp(w->watches[i].path, path))
			return;
	int wd = inotify_add_watch(w->ino, path, WATCH_MASK);
	if (wd < 0)
		return; /* gone already, or not a folder: the next scan sees it */
	for (size_t i = 0; i < w->n_watches; i++)
		if (w->watches[i].wd == wd)
			return; /* the same folder under another name */
	w->watches = xgrow(w->watches, &w->cap_watches, w->n_watches + 1, sizeof *w->watches);
	w->watches[w->n_watches++] = (watch_entry){wd, xstrdup(path)};
}

static void watch_forget(usb_watch *w, size_t i)
{
	free(w->watches[i].path);
	w->watches[i] = w->watches[--w->n_watches];
}

/* Watches every root and the folders right under it; drops the watches of
 * folders that are gone. Done before listing, so that whatever is created
 * after the listing raises an event. */
static void watch_sync(usb_watch *w)
{
	for (size_t i = 0; i < w->n_watches;) {
		struct stat st;
		if (lstat(w->watches[i].path, &st) < 0 || !S_ISDIR(st.st_mode)) {
			inotify_rm_watch(w->ino, w->watches[i].wd);
			watch_forget(w, i);
		} else {
			i++;
		}
	}
	for (size_t r = 0; r < w->n_roots; r++) {
		watch_add(w, w->roots[r]);
		DIR *d = opendir(w->roots[r]);
		if (!d)
			continue;
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.' && (!e->d_name[1] || !strcmp(e->d_name, "..")))
				continue;
			if (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN)
				continue;
			char *child = xasprintf("%s/%s", w->roots[r], e->d_name);
			struct stat st;
			if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
				watch_add(w, child);
			free(child);
		}
		closedir(d);
	}
}

static void scan(usb_watch *w, present_set *out)
{
	watch_sync(w);
	for (size_t r = 0; r < w->n_roots; r++) {
		struct stat st, pst;
		char *parent = xasprintf("%s/..", w->roots[r]);
		if (stat(w->roots[r], &st) == 0 && S_ISDIR(st.st_mode) && stat(parent, &pst) == 0)
			scan_dir(w->roots[r], &st, pst.st_dev, 0, out);
		free(parent);
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, present_cmp);
}

static void queue_push(usb_watch *w, usb_event_type type, const char *path)
{
	if (w->head == w->n_queue)
		w->head = w->n_queue = 0;
	w->queue = xgrow(w->queue, &w->cap_queue, w->n_queue + 1, sizeof *w->queue);
	w->queue[w->n_queue++] = (usb_event){type, xstrdup(path)};
}

/* Compares a fresh scan with the last one and queues the differences; a
 * folder whose identity changed (another stick at the same mount point
 * between two scans) is reported removed, then inserted. */
static void rescan(usb_watch *w)
{
	present_set now = {0};
	scan(w, &now);
	for (size_t i = 0; i < w->present.n; i++) {
		const present_entry *old = &w->present.v[i];
		const present_entry *cur = present_find(&now, old->path);
		if (!cur || cur->dev != old->dev || cur->ino != old->ino)
			queue_push(w, USB_EVENT_REMOVED, old->path);
	}
	for (size_t i = 0; i < now.n; i++) {
		const present_entry *cur = &now.v[i];
		const present_entry *old = present_find(&w->present, cur->path);
		if (!old || cur->dev != old->dev || cur->ino != old->ino)
			queue_push(w, USB_EVENT_INSERTED, cur->path);
	}
	present_clear(&w->present);
	w->present = now;
}

usb_watch *usb_watch_new(const char *roots)
{
	usb_watch *w = xcalloc(1, sizeof *w);
	w->ep = w->ino = w->mnt_wake = w->mnt_check = -1;
	char *copy = xstrdup(roots && *roots ? roots : USB_DEFAULT_ROOTS), *save = NULL;
	for (char *r = strtok_r(copy, ":", &save); r; r = strtok_r(NULL, ":", &save)) {
		size_t n = strlen(r);
		while (n > 1 && r[n - 1] == '/')
			r[--n] = '\0';
		if (!*r)
			continue;
		w->roots = xrealloc(w->roots, (w->n_roots + 1) * sizeof *w->roots);
		w->roots[w->n_roots++] = xstrdup(r);
	}
	free(copy);

	w->ep = epoll_create1(EPOLL_CLOEXEC);
	w->ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->ep < 0 || w->ino < 0)
		goto fail;
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = w->ino};
	if (epoll_ctl(w->ep, EPOLL_CTL_ADD, w->ino, &ev) < 0)
		goto fail;
	/* Without /proc (a minimal container) inotify alone still sees folders
	 * that appear; only mounts on existing folders are missed. */
	w->mnt_wake = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	w->mnt_check = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	if (w->mnt_wake >= 0) {
		ev = (struct epoll_event){.events = EPOLLPRI, .data.fd = w->mnt_wake};
		if (epoll_ctl(w->ep, EPOLL_CTL_ADD, w->mnt_wake, &ev) < 0)
			goto fail;
	}
	scan(w, &w->present);
	return w;
fail:;
	int e = errno;
	usb_watch_free(w);
	errno = e;
	return NULL;
}

void usb_watch_free(usb_watch *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n_roots; i++)
		free(w->roots[i]);
	free(w->roots);
	for (size_t i = 0; i < w->n_watches; i++)
		free(w->watches[i].path);
	free(w->watches);
	present_clear(&w->present);
	for (size_t i = w->head; i < w->n_queue; i++)
		usb_event_clear(&w->queue[i]);
	free(w->queue);
	int fds[] = {w->ep, w->ino, w->mnt_wake, w->mnt_check};
	for (size_t i = 0; i < sizeof fds / sizeof *fds; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	free(w);
}

int usb_watch_fd(const usb_watch *w)
{
	return w->ep;
}

const char *usb_watch_present(const usb_watch *w, size_t i)
{
	return i < w->present.n ? w->present.v[i].path : NULL;
}

/* Reads every pending inotify event; true when any may change the scan. */
static int drain_inotify(usb_watch *w, bool *changed)
{
	_Alignas(struct inotify_event) char buf[8192];
	for (;;) {
		ssize_t n = read(w->ino, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == EAGAIN ? 0 : -errno;
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			if (e->mask & IN_IGNORED) {
				for (size_t i = 0; i < w->n_watches; i++)
					if (w->watches[i].wd == e->wd) {
						watch_forget(w, i);
						break;
					}
			}
			*changed = true; /* every event we ask for, overflow included */
			p += sizeof *e + e->len;
		}
	}
}

int usb_watch_poll(usb_watch *w, usb_event *ev)
{
	memset(ev, 0, sizeof *ev);
	if (w->head == w->n_queue) {
		/* Only to consume mnt_wake's flag, so the set is not readable for
		 * ever; the sources themselves are read below. */
		struct epoll_event evs[4];
		epoll_wait(w->ep, evs, 4, 0);
		bool changed = false;
		int rc = drain_inotify(w, &changed);
		if (rc < 0)
			return rc;
		if (w->mnt_check >= 0) {
			struct pollfd p = {.fd = w->mnt_check, .events = POLLPRI};
			if (poll(&p, 1, 0) > 0 && (p.revents & (POLLPRI | POLLERR)))
				changed = true;
		}
		if (changed)
			rescan(w);
	}
	if (w->head == w->n_queue)
		return 0;
	*ev = w->queue[w->head++];
	return 1;
}

/* ---- staging copy ---- */

typedef struct stage_item {
	char *rel; /* path below the bundle */
	bool dir;
	uint64_t size;
	struct timespec mtime;
} stage_item;

typedef struct stage {
	const char *src, *part;
	int src_fd; /* the bundle folder on the stick, opened without following */
	stage_item *items;
	size_t n, cap;
	uint64_t total, done;
	usb_progress_fn progress;
	void *ctx;
	char **err;
} stage;

/* Source errors that mean the stick is going or gone. */
static bool stick_gone(int e)
{
	return e == ENOENT || e == ENODEV || e == EIO || e == ENXIO || e == ESTALE ||
	       e == ENOTDIR || e == ENOMEDIUM || e == ESHUTDOWN;
}

static int fail_src(stage *s, const char *rel, int e)
{
	if (stick_gone(e)) {
		*s->err = xasprintf(_("the USB stick was removed or stopped working while the "
		                      "bundle was being copied (%s: %s); nothing was changed"),
		                    rel, strerror(e));
		return -ENODEV;
	}
	*s->err = xasprintf(_("cannot read %s on the USB stick: %s"), rel, strerror(e));
	return -e;
}

static int fail_changed(stage *s, const char *rel)
{
	*s->err = xasprintf(_("%s changed on the USB stick while it was being copied; the stick "
	                      "may have been removed. Nothing was changed"),
	                    rel);
	return -ENODEV;
}

static int fail_dst(stage *s, const char *what, int e)
{
	*s->err = xasprintf(_("cannot write the copy of the bundle (%s): %s"), what, strerror(e));
	return -e;
}

/* Removes path and everything below it, never following symbolic links. */
static int remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -errno;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) < 0 ? -errno : 0;
	DIR *d = opendir(path);
	if (!d)
		return -errno;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *child = xasprintf("%s/%s", path, e->d_name);
		int r = remove_tree(child);
		if (r < 0 && !rc)
			rc = r;
		free(child);
	}
	closedir(d);
	if (rmdir(path) < 0 && !rc)
		rc = -errno;
	return rc;
}

static uint64_t stage_limit(const char *rel)
{
	if (!strchr(rel, '/'))
		return BUNDLE_MAX_CSV;
	if (!strncasecmp(rel, "images/", 7))
		return BUNDLE_MAX_IMAGE;
	return BUNDLE_MAX_FORM;
}

static void stage_add(stage *s, const char *rel, bool dir, const struct stat *st)
{
	s->items = xgrow(s->items, &s->cap, s->n + 1, sizeof *s->items);
	s->items[s->n++] =
	    (stage_item){xstrdup(rel), dir, dir ? 0 : (uint64_t)st->st_size, st->st_mtim};
}

static int stage_item_cmp(const void *a, const void *b)
{
	return strcmp(((const stage_item *)a)->rel, ((const stage_item *)b)->rel);
}

/* Opens rel below the bundle folder one name at a time, never following a
 * symbolic link (a folder swapped for a link after it was listed is an
 * error, not a way out of the stick), and without blocking on a FIFO or a
 * device node. flags: O_DIRECTORY for a folder, 0 for a file. */
static int open_below(const stage *s, const char *rel, int flags)
{
	int fd = fcntl(s->src_fd, F_DUPFD_CLOEXEC, 0);
	char *copy = xstrdup(rel), *save = NULL;
	for (char *name = strtok_r(copy, "/", &save); name && fd >= 0;) {
		char *next = strtok_r(NULL, "/", &save);
		int f =
		    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (next ? O_DIRECTORY : flags);
		int child = openat(fd, name, f);
		int e = errno;
		close(fd);
		fd = child;
		errno = e;
		name = next;
	}
	free(copy);
	return fd;
}

/* Lists what will be copied and checks the limits before a byte is copied. */
static int stage_plan(stage *s, const char *rel, int depth)
{
	int dfd = open_below(s, rel, O_DIRECTORY);
	DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
	if (!d) {
		int e = errno;
		if (dfd >= 0)
			close(dfd);
		return fail_src(s, *rel ? rel : s->src, e);
	}
	int rc = 0;
	struct dirent *e;
	while (!rc && (errno = 0, e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *child = *rel ? xasprintf("%s/%s", rel, e->d_name) : xstrdup(e->d_name);
		struct stat st;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			rc = fail_src(s, child, errno);
		} else if (S_ISDIR(st.st_mode) && depth < 4) {
			stage_add(s, child, true, &st);
			rc = stage_plan(s, child, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			if ((uint64_t)st.st_size > stage_limit(child)) {
				*s->err = xasprintf(
				    _("%s is too large (%llu MiB; the limit is %llu MiB)"), child,
				    (unsigned long long)(st.st_size >> 20),
				    (unsigned long long)(stage_limit(child) >> 20));
				rc = -EFBIG;
			} else if (s->n >= STAGE_MAX_ENTRIES) {
				*s->err = xasprintf(
				    _("the bundle on the USB stick holds too many files"));
				rc = -EFBIG;
			} else {
				s->total += (uint64_t)st.st_size;
				stage_add(s, child, false, &st);
				if (s->total > BUNDLE_MAX_TOTAL) {
					*s->err = xasprintf(_("the bundle is larger than %u MiB"),
					                    BUNDLE_MAX_TOTAL >> 20);
					rc = -EFBIG;
				}
			}
		}
		/* symbolic links and special files are not copied */
		free(child);
	}
	if (!rc && errno)
		rc = fail_src(s, *rel ? rel : s->src, errno);
	closedir(d);
	return rc;
}

static int fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	int rc = fsync(fd) < 0 ? -errno : 0;
	close(fd);
	return rc;
}

static int stage_copy_file(stage *s, const stage_item *it, unsigned char *buf, size_t bufsize)
{
	char *to = xasprintf("%s/%s", s->part, it->rel);
	int in = open_below(s, it->rel, 0), out = -1, rc = 0;
	struct stat st;
	if (in < 0 || fstat(in, &st) < 0) {
		rc = fail_src(s, it->rel, errno);
		goto end;
	}
	/* Regular now, so O_NONBLOCK changes nothing for the reads below. */
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size != it->size ||
	    st.st_mtim.tv_sec != it->mtime.tv_sec || st.st_mtim.tv_nsec != it->mtime.tv_nsec) {
		rc = fail_changed(s, it->rel);
		goto end;
	}
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (out < 0) {
		rc = fail_dst(s, it->rel, errno);
		goto end;
	}
	uint64_t copied = 0;
	for (;;) {
		ssize_t n = read(in, buf, bufsize);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = fail_src(s, it->rel, errno);
			goto end;
		}
		if (n == 0)
			break;
		copied += (uint64_t)n;
		if (copied > it->size) { /* grew */
			rc = fail_changed(s, it->rel);
			goto end;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t wn = write(out, buf + off, (size_t)(n - off));
			if (wn < 0 && errno == EINTR)
				continue;
			if (wn < 0) {
				rc = fail_dst(s, it->rel, errno);
				goto end;
			}
			off += wn;
		}
		s->done += (uint64_t)n;
		if (s->progress && !s->progress(s->ctx, s->done, s->total)) {
			*s->err = xasprintf(_("the copy was cancelled"));
			rc = -ECANCELED;
			goto end;
		}
	}
	/* A short file, or one touched while read, is not the file that was
	 * listed: the stick is going away or someone is writing to it. */
	struct stat after;
	if (copied != it->size || fstat(in, &after) < 0 || after.st_size != st.st_size ||
	    after.st_mtim.tv_sec != st.st_mtim.tv_sec ||
	    after.st_mtim.tv_nsec != st.st_mtim.tv_nsec || after.st_nlink == 0) {
		rc = fail_changed(s, it->rel);
		goto end;
	}
	if (fsync(out) < 0)
		rc = fail_dst(s, it->rel, errno);
end:
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) < 0 && !rc)
		rc = fail_dst(s, it->rel, errno);
	free(to);
	return rc;
}

int usb_stage_copy_progress(const char *src, const char *dst, usb_progress_fn progress, void *ctx,
                            char **err)
{
	assert(src && dst && *dst && strcmp(dst, "/") != 0 && err);
	*err = NULL;
	char *part = xasprintf("%s.part", dst);
	stage s = {
	    .src = src, .part = part, .src_fd = -1, .progress = progress, .ctx = ctx, .err = err};
	enum { BUF = 256 << 10 };
	unsigned char *buf = NULL;
	struct stat before, after;
	int rc;
	if ((rc = remove_tree(dst)) < 0 || (rc = remove_tree(part)) < 0) {
		fail_dst(&s, dst, -rc);
		goto end;
	}
	s.src_fd = open(src, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (s.src_fd < 0 || fstat(s.src_fd, &before) < 0) {
		rc = fail_src(&s, src, errno);
		goto end;
	}
	if (!S_ISDIR(before.st_mode)) {
		rc = fail_src(&s, src, ENOTDIR);
		goto end;
	}
	if ((rc = stage_plan(&s, "", 0)) < 0)
		goto end;
	/* Path order: a folder before what it holds, and the same order on
	 * every run. */
	if (s.n > 1)
		qsort(s.items, s.n, sizeof *s.items, stage_item_cmp);
	if (mkdir(part, 0755) < 0) {
		rc = fail_dst(&s, part, errno);
		goto end;
	}
	buf = xmalloc(BUF);
	for (size_t i = 0; i < s.n && !rc; i++) {
		if (s.items[i].dir) {
			char *p = xasprintf("%s/%s", part, s.items[i].rel);
			if (mkdir(p, 0755) < 0)
				rc = fail_dst(&s, s.items[i].rel, errno);
			free(p);
		} else {
			rc = stage_copy_file(&s, &s.items[i], buf, BUF);
		}
	}
	if (rc)
		goto end;
	/* The last file may be intact while the stick was pulled right after:
	 * the bundle folder must still be the one we started from. */
	if (lstat(src, &after) < 0) {
		rc = fail_src(&s, src, errno);
		goto end;
	}
	if (after.st_dev != before.st_dev || after.st_ino != before.st_ino) {
		rc = fail_changed(&s, src);
		goto end;
	}
	for (size_t i = s.n; i-- > 0 && !rc;)
		if (s.items[i].dir) {
			char *p = xasprintf("%s/%s", part, s.items[i].rel);
			if ((rc = fsync_path(p)) < 0)
				fail_dst(&s, s.items[i].rel, -rc);
			free(p);
		}
	if (rc || (rc = fsync_path(part)) < 0) {
		if (!*err)
			fail_dst(&s, part, -rc);
		goto end;
	}
	if (rename(part, dst) < 0) {
		rc = fail_dst(&s, dst, errno);
		goto end;
	}
	char *slash = strrchr(dst, '/');
	char *parent = slash == dst ? xstrdup("/")
	               : slash      ? xstrndup(dst, (size_t)(slash - dst))
	                            : xstrdup(".");
	if ((rc = fsync_path(parent)) < 0)
		fail_dst(&s, parent, -rc);
	free(parent);
end:
	if (rc) {
		remove_tree(part);
		remove_tree(dst);
	}
	for (size_t i = 0; i < s.n; i++)
		free(s.items[i].rel);
	free(s.items);
	free(buf);
	free(part);
	if (s.src_fd >= 0)
		close(s.src_fd);
	return rc;
}

int usb_stage_copy(const char *src, const char *dst, char **err)
{
	return usb_stage_copy_progress(src, dst, NULL, NULL, err);
}
