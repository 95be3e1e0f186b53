/* A stick that changes under the kiosk, and one that cannot be written
 * (issue 9). The staging copy lists the bundle, then copies it: a file
 * swapped for a FIFO after the listing must not hang the copy, and a folder
 * swapped for a link to somewhere off the stick must not be followed (even
 * where the file there has the same size and time). The usage export onto
 * a read-only stick (root: a read-only tmpfs in a private mount namespace)
 * says so in words and leaves nothing. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/export_dir.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "platform/usb.h"
#include "testlib.h"

static char tmp[] = "/tmp/motcua-stick-XXXXXX";

static void put(const char *rel, const char *text)
{
	char *p = xasprintf("%s/%s", tmp, rel);
	FILE *f = fopen(p, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(p);
}

static char *slurp(const char *rel)
{
	char *p = xasprintf("%s/%s", tmp, rel);
	FILE *f = fopen(p, "r");
	free(p);
	if (!f)
		return NULL;
	char buf[256] = {0};
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	return xstrdup(buf);
}

static char *path(const char *rel)
{
	return xasprintf("%s/%s", tmp, rel);
}

/* A bundle: a.csv (copied first), forms/x.pdf, z.csv; and a folder off the
 * stick holding an x.pdf of the same size and time as the bundle's. */
static void make_stick(void)
{
	char *p = xasprintf("rm -rf '%s/stick' '%s/outside' '%s/store' '%s/forms.away'", tmp, tmp,
	                    tmp, tmp);
	if (system(p) != 0)
		fprintf(stderr, "cannot clean %s\n", tmp);
	free(p);
	mkdir((p = path("stick")), 0755), free(p);
	mkdir((p = path("stick/motcua")), 0755), free(p);
	mkdir((p = path("stick/motcua/forms")), 0755), free(p);
	mkdir((p = path("outside")), 0755), free(p);
	mkdir((p = path("store")), 0755), free(p);
	put("stick/motcua/a.csv", "ma_thu_tuc\n1.000001\n");
	put("stick/motcua/forms/x.pdf", "%PDF-ON  STICK");
	put("outside/x.pdf", "%PDF-OFF STICK");
	put("stick/motcua/z.csv", "last\n");
	char *a = path("stick/motcua/forms/x.pdf"), *b = path("outside/x.pdf");
	struct stat st;
	stat(a, &st);
	struct timespec ts[2] = {st.st_atim, st.st_mtim};
	utimensat(AT_FDCWD, b, ts, 0);
	free(a);
	free(b);
}

typedef enum swap { SWAP_FIFO, SWAP_DIR_LINK } swap;

static bool swapped;

/* Called after the first bytes are copied: the stick changes now. */
static bool on_progress(void *ctx, uint64_t done, uint64_t total)
{
	(void)done;
	(void)total;
	swap *what = ctx;
	if (swapped)
		return true;
	swapped = true;
	if (*what == SWAP_FIFO) {
		char *z = path("stick/motcua/z.csv");
		unlink(z);
		mkfifo(z, 0644);
		/* as large as listed, so only its type tells */
		free(z);
	} else {
		char *f = path("stick/motcua/forms"), *away = path("forms.away"),
		     *out = path("outside");
		rename(f, away);
		symlink(out, f);
		free(f);
		free(away);
		free(out);
	}
	return true;
}

static void test_swap(swap what)
{
	make_stick();
	swapped = false;
	char *src = path("stick/motcua"), *dst = path("store/staging"), *err = NULL;
	/* A copy that hangs on a FIFO is killed here, and the test fails. */
	alarm(30);
	int rc = usb_stage_copy_progress(src, dst, on_progress, &what, &err);
	alarm(0);
	if (what == SWAP_FIFO) {
		CHECK(rc < 0);
		CHECK(err != NULL);
	} else {
		/* Not a byte from off the stick: refused, or copied from the stick. */
		char *x = slurp("store/staging/forms/x.pdf");
		CHECK(rc < 0 || (x && !strcmp(x, "%PDF-ON  STICK")));
		CHECK(!x || strcmp(x, "%PDF-OFF STICK") != 0);
		free(x);
	}
	if (rc < 0) {
		struct stat st;
		CHECK(lstat(dst, &st) < 0); /* no half copy */
	}
	free(src);
	free(dst);
	free(err);
}

/* In a child with its own mount namespace: 0 ok, 77 cannot, 1 failed. */
static int readonly_child(void)
{
	if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return 77;
	char *mp = path("ro");
	mkdir(mp, 0755);
	if (mount("motcua-ro", mp, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
	          "size=1m") < 0)
		return 77;
	diag_list d = {0};
	export_dir *x = NULL;
	int rc = export_dir_create(mp, "motcua-thong-ke-20261205", &x, &d);
	int bad = 0;
	if (rc != -EROFS || d.n != 1 || !strstr(d.v[0].message, "read-only")) {
		fprintf(stderr, "read-only stick: rc %d, message \"%s\"\n", rc,
		        d.n ? d.v[0].message : "");
		bad = 1;
	}
	export_dir_close(x, false);
	diag_clear(&d);
	umount(mp);
	free(mp);
	return bad;
}

int main(void)
{
	i18n_init();
	if (!mkdtemp(tmp))
		return 1;
	test_swap(SWAP_FIFO);
	test_swap(SWAP_DIR_LINK);
	if (geteuid() == 0) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(readonly_child());
		int status = 0;
		waitpid(pid, &status, 0);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
			fprintf(stderr,
			        "SKIP: no private mount namespace; read-only stick not tested\n");
		else
			CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	} else {
		fprintf(stderr, "SKIP: not root; read-only stick not tested\n");
	}
	char *cmd = xasprintf("rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", tmp);
	free(cmd);
	return TEST_DONE();
}
