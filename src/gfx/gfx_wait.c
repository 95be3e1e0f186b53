#include "gfx_wait.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/input.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/xalloc.h"

/* More than a kiosk has (touch panel, keyboard for desk testing, buttons). */
#define GFX_WAIT_MAX_DEVICES 32

struct gfx_wait {
	char *dir;
	int inotify; /* -1 when inotify is unavailable: devices are scanned once */
	int dev[GFX_WAIT_MAX_DEVICES];
	int n_dev;
	bool blind;
};

static void close_devices(gfx_wait *w)
{
	for (int i = 0; i < w->n_dev; i++)
		close(w->dev[i]);
	w->n_dev = 0;
	w->blind = false;
}

static bool is_accelerometer(int fd)
{
	unsigned char props[INPUT_PROP_CNT / 8 + 1] = {0};
	if (ioctl(fd, EVIOCGPROP(sizeof props), props) < 0)
		return false; /* not evdev (or old): watch it */
	return props[INPUT_PROP_ACCELEROMETER / 8] & (1u << (INPUT_PROP_ACCELEROMETER % 8));
}

static void scan(gfx_wait *w)
{
	close_devices(w);
	DIR *d = opendir(w->dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) && w->n_dev < GFX_WAIT_MAX_DEVICES) {
		if (strncmp(e->d_name, "event", 5) != 0)
			continue;
		int fd = openat(dirfd(d), e->d_name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			w->blind = true;
			continue;
		}
		if (is_accelerometer(fd)) {
			close(fd);
			continue;
		}
		w->dev[w->n_dev++] = fd;
	}
	closedir(d);
}

gfx_wait *gfx_wait_new(const char *dir)
{
	gfx_wait *w = xcalloc(1, sizeof *w);
	w->dir = xstrdup(dir);
	/* IN_ATTRIB: udev gives a new node its group after creating it. */
	w->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->inotify >= 0 &&
	    inotify_add_watch(w->inotify, dir, IN_CREATE | IN_DELETE | IN_ATTRIB | IN_MOVED_TO) < 0) {
		close(w->inotify);
		w->inotify = -1;
	}
	scan(w);
	return w;
}

void gfx_wait_free(gfx_wait *w)
{
	if (!w)
		return;
	close_devices(w);
	if (w->inotify >= 0)
		close(w->inotify);
	free(w->dir);
	free(w);
}

int gfx_wait_devices(const gfx_wait *w) { return w->n_dev; }

bool gfx_wait_blind(const gfx_wait *w) { return w->blind; }

/* Reads what fd has and throws it away: SDL reads its own copy. */
static void drain(int fd)
{
	char buf[4096];
	while (read(fd, buf, sizeof buf) > 0)
		;
}

gfx_wait_result gfx_wait_for(gfx_wait *w, const int *fds, int n, int timeout_ms)
{
	struct pollfd p[GFX_WAIT_MAX_DEVICES + 1 + 8];
	int np = 0;
	if (n > 8)
		n = 8;
	for (int i = 0; i < n; i++)
		p[np++] = (struct pollfd){.fd = fds[i], .events = POLLIN};
	int first_dev = np;
	for (int i = 0; i < w->n_dev; i++)
		p[np++] = (struct pollfd){.fd = w->dev[i], .events = POLLIN};
	int ino = -1;
	if (w->inotify >= 0) {
		ino = np;
		p[np++] = (struct pollfd){.fd = w->inotify, .events = POLLIN};
	}
	int r;
	do
		r = poll(p, (nfds_t)np, timeout_ms);
	while (r < 0 && errno == EINTR);
	if (r <= 0)
		return GFX_WAIT_TIMEOUT;
	gfx_wait_result res = GFX_WAIT_TIMEOUT;
	bool rescan = false;
	for (int i = first_dev; i < first_dev + w->n_dev; i++) {
		if (p[i].revents & POLLIN) {
			drain(p[i].fd);
			res = GFX_WAIT_INPUT;
		}
		if (p[i].revents & (POLLERR | POLLHUP | POLLNVAL))
			rescan = true; /* unplugged */
	}
	if (ino >= 0 && (p[ino].revents & POLLIN)) {
		drain(w->inotify);
		rescan = true;
	}
	if (rescan) {
		scan(w);
		res = GFX_WAIT_INPUT; /* let SDL see the device change too */
	}
	for (int i = 0; i < first_dev; i++)
		if (p[i].revents)
			return GFX_WAIT_FD;
	return res;
}
