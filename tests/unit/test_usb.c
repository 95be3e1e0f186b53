/* USB sticks, with temporary folders standing in for the media roots: a
 * stick holding motcua/ appears → inserted; it goes → removed; a real mount
 * (in a private mount namespace, when the system allows one) is seen through
 * /proc/self/mountinfo alone. Then the staging copy: complete copies only,
 * limits, and a stick that vanishes or changes mid-way. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "platform/usb.h"
#include "testlib.h"

static char tmp[] = "/tmp/motcua-usb-XXXXXX";

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char cmd[4096];
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	char full[4200];
	snprintf(full, sizeof full, "cd '%s' && (%s)", tmp, cmd);
	int rc = system(full);
	if (rc != 0)
		fprintf(stderr, "command failed (%d): %s\n", rc, cmd);
	return rc;
}

static bool exists(const char *rel)
{
	char *p = xasprintf("%s/%s", tmp, rel);
	struct stat st;
	bool r = lstat(p, &st) == 0;
	free(p);
	return r;
}

/* Waits up to ms for the watch fd, then takes one event. */
static int next_event(usb_watch *w, int ms, usb_event *ev)
{
	int r = usb_watch_poll(w, ev);
	if (r)
		return r;
	struct pollfd p = {.fd = usb_watch_fd(w), .events = POLLIN};
	if (poll(&p, 1, ms) <= 0)
		return 0;
	return usb_watch_poll(w, ev);
}

static void expect_event(usb_watch *w, usb_event_type type, const char *rel)
{
	usb_event ev = {0};
	int r = next_event(w, 2000, &ev);
	char *want = xasprintf("%s/%s", tmp, rel);
	CHECK(r == 1);
	if (r == 1) {
		if (ev.type != type)
			fprintf(stderr, "event type %d, want %d (%s)\n", ev.type, type, rel);
		CHECK(ev.type == type);
		CHECK_STR(ev.path, want);
	} else {
		fprintf(stderr, "no event, want %d %s\n", type, rel);
	}
	free(want);
	usb_event_clear(&ev);
}

static void expect_quiet(usb_watch *w, int ms)
{
	usb_event ev = {0};
	int r = next_event(w, ms, &ev);
	if (r)
		fprintf(stderr, "unexpected event %d %s\n", ev.type, ev.path ? ev.path : "");
	CHECK(r == 0);
	usb_event_clear(&ev);
}

static void test_watch(void)
{
	sh("mkdir -p r1 r2/user && mkdir -p r1/old/motcua");
	char *roots = xasprintf("%s/r1:%s/r2:%s/not-yet", tmp, tmp, tmp);
	usb_watch *w = usb_watch_new(roots);
	CHECK(w != NULL);
	if (!w)
		goto end;
	/* Present at start: known, not announced. */
	char *old = xasprintf("%s/r1/old/motcua", tmp);
	CHECK_STR(usb_watch_present(w, 0), old);
	CHECK(usb_watch_present(w, 1) == NULL);
	free(old);
	expect_quiet(w, 100);

	/* A stick prepared elsewhere and moved in at once. */
	sh("mkdir -p s/stick/motcua && echo x > s/stick/motcua/bundle.ini && mv s/stick r1/stick");
	expect_event(w, USB_EVENT_INSERTED, "r1/stick/motcua");
	expect_quiet(w, 100);

	/* Made step by step: the folder first, its motcua/ a moment later. */
	sh("mkdir r1/slow");
	expect_quiet(w, 100);
	sh("mkdir r1/slow/MotCua");
	expect_event(w, USB_EVENT_INSERTED, "r1/slow/MotCua"); /* any case */

	/* Desktop automounter layout: ROOT/USER/LABEL/motcua. */
	sh("mkdir -p r2/user/KINGSTON/motcua");
	expect_event(w, USB_EVENT_INSERTED, "r2/user/KINGSTON/motcua");

	/* Nor is one three levels down. (Deeper inside a real, mounted stick:
	 * see mount_child.) */
	sh("mkdir -p r2/user/KINGSTON/docs/motcua");
	expect_quiet(w, 100);

	/* A root that did not exist at start. */
	sh("mkdir not-yet && mkdir -p not-yet/x/motcua");
	/* nothing may tell us about not-yet itself (its parent is not a root)
	 * until the next change, as with /run/media on the first mount */
	sh("mkdir r1/poke && rmdir r1/poke");
	expect_event(w, USB_EVENT_INSERTED, "not-yet/x/motcua");
	sh("mkdir -p not-yet/y/motcua");
	expect_event(w, USB_EVENT_INSERTED, "not-yet/y/motcua");

	/* Removal. */
	sh("rm -rf r1/stick");
	expect_event(w, USB_EVENT_REMOVED, "r1/stick/motcua");
	sh("rm -rf r2/user/KINGSTON");
	expect_event(w, USB_EVENT_REMOVED, "r2/user/KINGSTON/motcua");

	/* Another stick at the same place between two polls: removed, inserted. */
	sh("rm -rf r1/slow && mkdir -p r1/slow/motcua");
	expect_event(w, USB_EVENT_REMOVED, "r1/slow/MotCua");
	expect_event(w, USB_EVENT_INSERTED, "r1/slow/motcua");
	expect_quiet(w, 100);

	/* A symbolic link named motcua is not followed. */
	sh("mkdir -p r1/ln && ln -s ../old/motcua r1/ln/motcua");
	expect_quiet(w, 100);
	usb_watch_free(w);
end:
	free(roots);
	usb_watch_free(NULL);
}

/* A real mount on a folder that already exists makes no inotify event; only
 * /proc/self/mountinfo tells. Runs in a child with its own mount namespace.
 * Exit 77 = the system does not allow one (skipped). */
static int mount_child(void)
{
	if (unshare(CLONE_NEWNS) < 0) {
		/* unprivileged: a user namespace brings mount rights with it */
		uid_t uid = getuid();
		gid_t gid = getgid();
		if (unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0)
			return 77;
		char map[64];
		int fd = open("/proc/self/setgroups", O_WRONLY);
		if (fd >= 0) {
			if (write(fd, "deny", 4) < 0)
				return 77;
			close(fd);
		}
		snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
		fd = open("/proc/self/uid_map", O_WRONLY);
		if (fd < 0 || write(fd, map, strlen(map)) < 0)
			return 77;
		close(fd);
		snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
		fd = open("/proc/self/gid_map", O_WRONLY);
		if (fd < 0 || write(fd, map, strlen(map)) < 0)
			return 77;
		close(fd);
	}
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return 77;
	char *hidden = xasprintf("%s/hidden", tmp);
	char *mp = xasprintf("%s/m/stick", tmp);
	char *roots = xasprintf("%s/m", tmp);
	sh("mkdir -p hidden m/stick");
	if (mount("motcua-test", hidden, "tmpfs", 0, "size=1m") < 0)
		return 77;
	sh("mkdir -p hidden/MOTCUA hidden/docs/motcua && echo x > hidden/MOTCUA/bundle.ini");

	usb_watch *w = usb_watch_new(roots);
	CHECK(w != NULL);
	if (w) {
		expect_quiet(w, 100);
		/* the stick "arrives": mounted on the existing m/stick */
		CHECK(mount(hidden, mp, NULL, MS_BIND, NULL) == 0);
		/* the bundle at the top of the stick, not docs/motcua */
		expect_event(w, USB_EVENT_INSERTED, "m/stick/MOTCUA");
		expect_quiet(w, 100);
		CHECK(umount(mp) == 0);
		expect_event(w, USB_EVENT_REMOVED, "m/stick/MOTCUA");
		/* a stick mounted on m itself (like `mount /dev/sdb1 /mnt`) */
		CHECK(mount(hidden, roots, NULL, MS_BIND, NULL) == 0);
		expect_event(w, USB_EVENT_INSERTED, "m/MOTCUA");
		CHECK(umount(roots) == 0);
		expect_event(w, USB_EVENT_REMOVED, "m/MOTCUA");
		usb_watch_free(w);
	}
	umount(hidden);
	free(hidden);
	free(mp);
	free(roots);
	return TEST_DONE();
}

/* 0 passed, 1 failed, 77 not allowed here (a SKIP of the test usb-mount). */
static int test_mount(void)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		test_failures = 0;
		_exit(mount_child());
	}
	int status = 0;
	waitpid(pid, &status, 0);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
		printf("SKIP: no private mount namespace here; mountinfo not tested\n");
		return 77;
	}
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return TEST_DONE();
}

/* ---- staging copy ---- */

typedef struct sabotage {
	uint64_t at;     /* act when this many bytes were copied */
	const char *cmd; /* shell command run then, once */
	bool done;
	int calls;
	bool cancel;
} sabotage;

static bool on_progress(void *ctx, uint64_t done, uint64_t total)
{
	sabotage *s = ctx;
	s->calls++;
	CHECK(done <= total);
	if (!s->done && done >= s->at) {
		s->done = true;
		if (s->cmd)
			sh("%s", s->cmd);
		if (s->cancel)
			return false;
	}
	return true;
}

/* A bundle with a multi-chunk form: 256 KiB chunks, 1 MiB form. */
static const char make_src[] =
    "rm -rf src stage stage.part && mkdir -p src/forms src/images src/empty && "
    "printf 'phien_ban = 2\\n' > src/bundle.ini && "
    "head -c 100000 /dev/urandom > src/procedures.csv && "
    "head -c 1048576 /dev/urandom > src/forms/big.pdf && "
    "printf 'PNG' > src/images/a.png && "
    "ln -s /etc/passwd src/forms/link.pdf && mkfifo src/fifo";

typedef struct copy_case {
	const char *name;
	const char *prepare; /* after make_src */
	sabotage sab;
	int want_rc;
	const char *want_msg;
} copy_case;

static const copy_case copy_cases[] = {
    {"a complete copy",
     "mkdir -p stage/old && echo stale > stage/old/x && mkdir stage.part",
     {0},
     0,
     NULL},
    {"the stick pulled after the first chunk",
     NULL,
     {1, "rm -rf src", false, 0, false},
     -ENODEV,
     "removed"},
    {"the stick pulled during the last file",
     NULL,
     {1100000, "rm -rf src", false, 0, false},
     -ENODEV,
     "removed"},
    {"a file shrinks while read",
     NULL,
     {300000, "truncate -s 1000 src/forms/big.pdf", false, 0, false},
     -ENODEV,
     "changed"},
    {"a file grows while read",
     NULL,
     {300000, "head -c 2000000 /dev/zero >> src/forms/big.pdf", false, 0, false},
     -ENODEV,
     "changed"},
    {"a file not yet read is replaced",
     NULL,
     {1, "sleep 0.01; echo other > src/images/a.png", false, 0, false},
     -ENODEV,
     "changed"},
    {"cancelled by the user", NULL, {1, NULL, false, 0, true}, -ECANCELED, "cancelled"},
    {"a CSV over 32 MiB", "truncate -s 33M src/procedures.csv", {0}, -EFBIG, "too large"},
    {"a form over 20 MiB", "truncate -s 21M src/forms/big.pdf", {0}, -EFBIG, "too large"},
    {"a bundle over 256 MiB",
     "for i in $(seq 1 14); do truncate -s 19M src/forms/f$i.pdf; done",
     {0},
     -EFBIG,
     "larger than 256 MiB"},
    {"the source is not there", "rm -rf src", {0}, -ENODEV, "removed"},
};

static void test_copy(void)
{
	char *src = xasprintf("%s/src", tmp), *dst = xasprintf("%s/stage", tmp);
	for (size_t i = 0; i < sizeof copy_cases / sizeof *copy_cases; i++) {
		const copy_case *c = &copy_cases[i];
		fprintf(stderr, "-- copy: %s\n", c->name);
		sh("%s", make_src);
		if (c->prepare)
			sh("%s", c->prepare);
		sabotage sab = c->sab;
		char *err = NULL;
		int rc = usb_stage_copy_progress(src, dst, on_progress, &sab, &err);
		if (rc != c->want_rc)
			fprintf(stderr, "rc %d, want %d: %s\n", rc, c->want_rc, err ? err : "");
		CHECK(rc == c->want_rc);
		CHECK(!exists("stage.part"));
		if (c->want_rc == 0) {
			CHECK(err == NULL);
			CHECK(sab.calls >= 4); /* 1 MiB form in 256 KiB chunks */
			CHECK(
			    sh("diff -r src/forms/big.pdf stage/forms/big.pdf && "
			       "cmp src/procedures.csv stage/procedures.csv && "
			       "cmp src/bundle.ini stage/bundle.ini && "
			       "cmp src/images/a.png stage/images/a.png && test -d stage/empty") ==
			    0);
			CHECK(!exists("stage/forms/link.pdf")); /* not followed, not copied */
			CHECK(!exists("stage/fifo"));
			CHECK(!exists("stage/old")); /* the previous staging is gone */
		} else {
			CHECK(!exists("stage")); /* only complete copies exist */
			CHECK(err && c->want_msg && strstr(err, c->want_msg));
			if (err)
				fprintf(stderr, "   %s\n", err);
		}
		free(err);
	}
	/* without a progress callback */
	sh("%s", make_src);
	char *err = NULL;
	CHECK(usb_stage_copy(src, dst, &err) == 0 && err == NULL && exists("stage/bundle.ini"));
	free(err);
	free(src);
	free(dst);
}

/* test_usb: the watch and the staging copy; test_usb mount: a real mount
 * in a private mount namespace, a test of its own (usb-mount) so that where
 * it cannot run it is skipped as a whole, not a silent part of a pass. */
int main(int argc, char **argv)
{
	setenv("MOTCUA_LANG", "en", 1);
	i18n_init();
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	int rc;
	if (argc > 1 && !strcmp(argv[1], "mount")) {
		rc = test_mount();
	} else {
		test_watch();
		test_copy();
		rc = TEST_DONE();
	}
	sh("cd / && rm -rf '%s'", tmp);
	return rc;
}
