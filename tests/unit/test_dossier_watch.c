/* dossier_watch: the check and the install of a dossier list say how far
 * they got and give up when asked (the kiosk's worker thread, dossier_job.c):
 * a stopped read or check is an error, a stopped install changes nothing and leaves
 * no new file, and a stop is not held up by another install's lock. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "dossier.h"
#include "i18n.h"
#include "testlib.h"
#include "xalloc.h"

static char dir[] = "/tmp/motcua-test-dossier-watch-XXXXXX";

/* A list of n dossiers TW-000001 … */
static char *list_text(size_t n, size_t *len)
{
	size_t cap = 64 + n * 64, k = 0;
	char *b = xmalloc(cap);
	k += (size_t)snprintf(b + k, cap - k, "ma_ho_so,ma_thu_tuc,ngay_nhan,ngay_hen_tra,trang_thai\n");
	for (size_t i = 1; i <= n; i++)
		k += (size_t)snprintf(b + k, cap - k, "TW-%06zu,1.001193,01/12/2026,05/12/2026,dang xu ly\n", i);
	*len = k;
	return b;
}

static bool parse(size_t n, bool stop, dossier_list *l, diag_list *d, size_t *rows)
{
	size_t len;
	char *buf = list_text(n, &len);
	dossier_watch w;
	atomic_init(&w.rows, 0);
	atomic_init(&w.stop, stop);
	bool ok = dossier_list_parse_watched("ho_so.csv", buf, len, NULL, &w, l, d);
	*rows = atomic_load(&w.rows);
	free(buf);
	return ok;
}

static size_t installed_count(const store *s)
{
	char *path = dossier_db_path(s);
	dossier_db *db = dossier_db_open(path);
	size_t n = db ? dossier_db_count(db) : 0;
	dossier_db_close(db);
	free(path);
	return n;
}

static int install(const store *s, const dossier_list *l, bool stop, size_t *rows, diag_list *d)
{
	dossier_watch w;
	atomic_init(&w.rows, 0);
	atomic_init(&w.stop, stop);
	int rc = dossier_install_watched(s, l, time(NULL), &w, d);
	*rows = atomic_load(&w.rows);
	return rc;
}

static bool has_new_file(void)
{
	char p[512];
	snprintf(p, sizeof p, "%s/dossiers.new.sqlite", dir);
	return access(p, F_OK) == 0;
}

int main(void)
{
	i18n_init();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	store s = {.dir = dir};

	/* Followed to the end: every row counted. */
	dossier_list l = {0};
	diag_list d = {0};
	size_t rows = 0;
	CHECK(parse(3000, false, &l, &d, &rows));
	CHECK(l.n == 3000);
	CHECK(rows == 3000);
	CHECK(d.errors == 0);
	CHECK(install(&s, &l, false, &rows, &d) == 0);
	CHECK(rows == 3000);
	CHECK(installed_count(&s) == 3000);
	dossier_list_clear(&l);
	diag_clear(&d);

	/* Stopped while checking: an error, within DOSSIER_WATCH_ROWS rows. */
	l = (dossier_list){0};
	CHECK(!parse(5000, true, &l, &d, &rows));
	CHECK(d.errors == 1);
	CHECK(d.n >= 1 && strstr(d.v[d.n - 1].message, "stopped"));
	CHECK(rows == DOSSIER_WATCH_ROWS);
	CHECK(l.n < DOSSIER_WATCH_ROWS);
	dossier_list_clear(&l);
	diag_clear(&d);

	/* Stopped while reading the file. */
	char csv[512];
	snprintf(csv, sizeof csv, "%s/ho_so.csv", dir);
	FILE *f = fopen(csv, "w");
	CHECK(f != NULL);
	if (f) {
		fputs("ma_ho_so,ma_thu_tuc,ngay_nhan,ngay_hen_tra,trang_thai\n", f);
		fclose(f);
	}
	dossier_watch w;
	atomic_init(&w.rows, 0);
	atomic_init(&w.stop, false);
	char *buf = NULL;
	size_t len = 0;
	CHECK(dossier_file_read_watched(csv, "ho_so.csv", &w, &buf, &len, &d) && len == strlen(buf));
	free(buf);
	atomic_store(&w.stop, true);
	CHECK(!dossier_file_read_watched(csv, "ho_so.csv", &w, &buf, &len, &d) && !buf);
	CHECK(d.errors == 1);
	diag_clear(&d);

	/* Stopped while installing: the list in use stays, no new file. */
	l = (dossier_list){0};
	CHECK(parse(10, false, &l, &d, &rows));
	CHECK(install(&s, &l, true, &rows, &d) == -1);
	CHECK(d.errors == 1);
	CHECK(installed_count(&s) == 3000);
	CHECK(!has_new_file());
	diag_clear(&d);

	/* Another install holds the lock (the command line): a stop is not
	 * held up by it. */
	char lock_path[512];
	snprintf(lock_path, sizeof lock_path, "%s/dossiers.lock", dir);
	int fd = open(lock_path, O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
	CHECK(fd >= 0 && flock(fd, LOCK_EX) == 0);
	/* ... and is writing its new list: a stop while waiting for the lock
	 * leaves that file alone (its rename would fail, its list be lost). */
	char fresh[512];
	snprintf(fresh, sizeof fresh, "%s/dossiers.new.sqlite", dir);
	int other = open(fresh, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	CHECK(other >= 0);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(install(&s, &l, true, &rows, &d) == -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK(t1.tv_sec - t0.tv_sec < 2);
	CHECK(installed_count(&s) == 3000);
	CHECK(has_new_file());
	if (other >= 0)
		close(other);
	close(fd);
	dossier_list_clear(&l);
	diag_clear(&d);

	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	return TEST_DONE();
}
