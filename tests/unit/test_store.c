/* The store folder: an import replaces the catalogue whole, keeps exactly
 * one rollback copy, a failed import changes nothing, rollback swaps back,
 * and a kill at any moment leaves a complete catalogue. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "catalog.h"
#include "store.h"
#include "testlib.h"
#include "xalloc.h"

static char tmpdir[] = "/tmp/motcua-test-store-XXXXXX";

/* A catalogue of `n` procedures whose first one is named `name`. */
static void make(catalog_data *d, long version, const char *name, size_t n)
{
	d->info.version = version;
	d->info.unit = xstrdup("UBND xã Chiềng Sơn");
	for (size_t i = 0; i < n; i++) {
		procedure *p = catalog_data_add_proc(d);
		p->code = xasprintf("1.%06zu", i + 1);
		p->name = i ? xasprintf("Thủ tục số %zu về đất đai và xây dựng", i) : xstrdup(name);
		p->field = xstrdup("Hộ tịch");
		for (int k = 0; k < 5; k++)
			item_list_add(&p->steps, "Nộp hồ sơ tại Bộ phận một cửa của UBND xã", NULL);
		item_list_add(&p->documents, "Tờ khai theo mẫu", "01 bản chính");
	}
}

static char *slurp(const char *path, size_t *n)
{
	*n = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, got;
	do {
		buf = xgrow(buf, &cap, *n + 65536, 1);
		got = fread(buf + *n, 1, 65536, f);
		*n += got;
	} while (got > 0);
	fclose(f);
	return buf;
}

static bool same_file(const char *a, const char *b)
{
	size_t na, nb;
	char *x = slurp(a, &na), *y = slurp(b, &nb);
	bool same = x && y && na == nb && memcmp(x, y, na) == 0;
	free(x);
	free(y);
	return same;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Name of the first procedure found for a query in the live catalogue. */
static char *first_name(const store *s, const char *q)
{
	catalog *c = catalog_open(s->catalog_path, NULL);
	if (!c)
		return xstrdup("(no catalogue)");
	proc_summary *r = NULL;
	size_t n = catalog_search(c, q, 5, &r);
	char *name = xstrdup(n ? r[0].name : "");
	catalog_summaries_free(r, n);
	catalog_close(c);
	return name;
}

static int integrity_ok(const char *path)
{
	sqlite3 *db = NULL;
	int ok = 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			ok = !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return ok;
}

static size_t count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		if (e->d_name[0] != '.') {
			n++;
			if (getenv("VERBOSE"))
				fprintf(stderr, "  %s\n", e->d_name);
		}
	if (d)
		closedir(d);
	return n;
}

static void test_install_rollback(void)
{
	store s;
	char *dir = xasprintf("%s/a/b", tmpdir); /* created, parents too */
	CHECK(store_open(&s, dir) == 0);
	CHECK(!store_has_catalog(&s));
	CHECK(store_installed_version(&s) == 0);

	diag_list diag = {0};
	CHECK(store_rollback(&s, &diag) == -1);
	CHECK(diag.errors == 1 && strstr(diag.v[0].message, "no earlier catalogue"));
	diag_clear(&diag);

	catalog_data v1 = {0}, v2 = {0}, v3 = {0}, bad = {0};
	make(&v1, 1, "Đăng ký khai sinh", 3);
	make(&v2, 2, "Đăng ký kết hôn", 3);
	make(&v3, 3, "Đăng ký khai tử", 3);
	CHECK(store_install(&s, &v1, &diag) == 0);
	CHECK(diag.n == 0);
	CHECK(store_has_catalog(&s));
	CHECK(store_installed_version(&s) == 1);
	CHECK(!exists(s.previous_path));
	char *v1_copy = xasprintf("%s/v1.sqlite", tmpdir);
	{
		size_t n;
		char *b = slurp(s.catalog_path, &n);
		FILE *f = fopen(v1_copy, "wb");
		fwrite(b, 1, n, f);
		fclose(f);
		free(b);
	}

	/* A kiosk that has the catalogue open keeps its view until it reopens. */
	catalog *open_v1 = catalog_open(s.catalog_path, NULL);
	CHECK(store_install(&s, &v2, &diag) == 0);
	CHECK(store_installed_version(&s) == 2);
	CHECK(same_file(s.previous_path, v1_copy));
	proc_summary *r = NULL;
	size_t n = catalog_search(open_v1, "khai sinh", 5, &r);
	CHECK(n == 1 && !strcmp(r[0].name, "Đăng ký khai sinh"));
	catalog_summaries_free(r, n);
	catalog_close(open_v1);
	char *name = first_name(&s, "ket hon");
	CHECK_STR(name, "Đăng ký kết hôn");
	free(name);

	/* Exactly one previous copy: v3 replaces v2, v1 is gone. */
	CHECK(store_install(&s, &v3, &diag) == 0);
	CHECK(store_installed_version(&s) == 3);
	CHECK(!same_file(s.previous_path, v1_copy));
	CHECK(count_entries(s.dir) == 3); /* catalog, previous, lock */
	catalog *c = catalog_open(s.previous_path, NULL);
	CHECK(c && catalog_info(c)->version == 2);
	catalog_close(c);

	/* A broken catalogue (duplicate codes) changes nothing. */
	make(&bad, 4, "Trùng mã", 2);
	free(bad.procs[1].code);
	bad.procs[1].code = xstrdup(bad.procs[0].code);
	char *before = xasprintf("%s/before.sqlite", tmpdir);
	CHECK(link(s.catalog_path, before) == 0);
	CHECK(store_install(&s, &bad, &diag) == -1);
	CHECK(diag.errors == 1);
	if (diag.n)
		CHECK(strstr(diag.v[0].message, "1.000001") != NULL);
	diag_clear(&diag);
	CHECK(same_file(s.catalog_path, before));
	CHECK(store_installed_version(&s) == 3);
	CHECK(count_entries(s.dir) == 3); /* no catalog.new.sqlite left behind */
	unlink(before);
	free(before);

	/* Rollback swaps; a second rollback swaps back. */
	CHECK(store_rollback(&s, &diag) == 0);
	CHECK(store_installed_version(&s) == 2);
	name = first_name(&s, "ket hon");
	CHECK_STR(name, "Đăng ký kết hôn");
	free(name);
	c = catalog_open(s.previous_path, NULL);
	CHECK(c && catalog_info(c)->version == 3);
	catalog_close(c);
	CHECK(store_rollback(&s, &diag) == 0);
	CHECK(store_installed_version(&s) == 3);
	CHECK(diag.n == 0);
	CHECK(integrity_ok(s.catalog_path) && integrity_ok(s.previous_path));

	/* Import v2 over v1 then roll back: the live file is v1's, byte for byte. */
	CHECK(store_install(&s, &v1, &diag) == 0);
	CHECK(store_install(&s, &v2, &diag) == 0);
	CHECK(store_rollback(&s, &diag) == 0);
	CHECK(store_installed_version(&s) == 1);

	unlink(v1_copy);
	free(v1_copy);
	catalog_data_clear(&v1);
	catalog_data_clear(&v2);
	catalog_data_clear(&v3);
	catalog_data_clear(&bad);
	diag_clear(&diag);
	store_close(&s);
	free(dir);
}

static void test_ensure(void)
{
	store s;
	char *dir = xasprintf("%s/ensure", tmpdir);
	CHECK(store_open(&s, dir) == 0);
	diag_list diag = {0};
	/* A missing sample: an error that names the folder, store still empty. */
	CHECK(store_ensure(&s, "/nonexistent/motcua", &diag) == -1);
	CHECK(diag.errors >= 1);
	CHECK(!store_has_catalog(&s));
	diag_clear(&diag);
	/* A store that already has a catalogue is left alone. */
	catalog_data d = {0};
	make(&d, 5, "Đăng ký khai sinh", 1);
	CHECK(store_install(&s, &d, &diag) == 0);
	CHECK(store_ensure(&s, "/nonexistent/motcua", &diag) == 0);
	CHECK(diag.n == 0);
	CHECK(store_installed_version(&s) == 5);
	catalog_data_clear(&d);
	store_close(&s);
	store_close(&s); /* closing twice is harmless */

	/* The folder comes from $MOTCUA_STORE when none is given. */
	setenv("MOTCUA_STORE", dir, 1);
	CHECK(store_open(&s, NULL) == 0);
	CHECK_STR(s.dir, dir);
	CHECK(store_installed_version(&s) == 5);
	store_close(&s);
	unsetenv("MOTCUA_STORE");

	/* A folder that cannot be created is reported. */
	char *file = xasprintf("%s/plainfile", tmpdir);
	FILE *f = fopen(file, "w");
	fclose(f);
	char *under = xasprintf("%s/sub", file);
	CHECK(store_open(&s, under) < 0);
	unlink(file);
	free(file);
	free(under);
	free(dir);
}

/* SIGKILL an import at random moments: catalog.sqlite must always be a
 * whole catalogue, old or new, and the rollback copy too when present. */
static void test_crash(void)
{
	store s;
	char *dir = xasprintf("%s/crash", tmpdir);
	CHECK(store_open(&s, dir) == 0);
	catalog_data d = {0};
	make(&d, 1, "Đăng ký khai sinh", 1500);
	diag_list diag = {0};
	CHECK(store_install(&s, &d, &diag) == 0);

	/* How long one import takes here, to spread the kills over it. */
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	d.info.version = 2;
	CHECK(store_install(&s, &d, &diag) == 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long span_us = (t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000;
	srand(42);
	/* Kill after a random delay up to `range`, which adapts so that kills
	 * land both before the rename (old catalogue stays) and after it (new
	 * one is live) even when other processes slow this one down. */
	double range = 2.0 * (double)span_us;
	int runs = 0, kills = 0, old_kept = 0, advanced = 0;
	while (runs < 40 || ((old_kept < 5 || advanced < 3) && runs < 400)) {
		runs++;
		long v_before = store_installed_version(&s);
		pid_t pid = fork();
		if (pid == 0) {
			d.info.version = v_before + 1;
			diag_list dd = {0};
			_exit(store_install(&s, &d, &dd) == 0 ? 0 : 1);
		}
		usleep((useconds_t)((double)rand() / RAND_MAX * range));
		kill(pid, SIGKILL);
		int status;
		waitpid(pid, &status, 0);
		kills += WIFSIGNALED(status);
		CHECK(store_has_catalog(&s));
		long v = store_installed_version(&s);
		CHECK(v == v_before || v == v_before + 1);
		if (v == v_before + 1) {
			advanced++;
			range *= 0.9;
		} else {
			old_kept++;
			range *= 1.1;
		}
		CHECK(integrity_ok(s.catalog_path));
		if (exists(s.previous_path))
			CHECK(integrity_ok(s.previous_path));
	}
	/* Both outcomes happened: kills landed before and after the rename. */
	CHECK(kills >= 5 && old_kept >= 5 && advanced >= 3);
	fprintf(stderr,
	        "crash test: import %ld ms; %d imports, %d killed, %d left the old catalogue, "
	        "%d the new\n",
	        span_us / 1000, runs, kills, old_kept, advanced);
	/* After all that, an import still works and leaves no stray files. */
	d.info.version = 100;
	CHECK(store_install(&s, &d, &diag) == 0);
	CHECK(store_installed_version(&s) == 100);
	CHECK(count_entries(s.dir) == 3);
	catalog_data_clear(&d);
	diag_clear(&diag);
	store_close(&s);
	free(dir);
}

/* Two imports at once are serialised by the lock: the end state is one of
 * them live and the other as the rollback copy, never the original. */
static void test_concurrent(void)
{
	store s;
	char *dir = xasprintf("%s/concurrent", tmpdir);
	CHECK(store_open(&s, dir) == 0);
	catalog_data d = {0};
	make(&d, 1, "Đăng ký khai sinh", 800);
	diag_list diag = {0};
	CHECK(store_install(&s, &d, &diag) == 0);
	pid_t pids[2];
	for (int i = 0; i < 2; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			d.info.version = 10 + i;
			diag_list dd = {0};
			_exit(store_install(&s, &d, &dd) == 0 ? 0 : 1);
		}
	}
	for (int i = 0; i < 2; i++) {
		int status;
		waitpid(pids[i], &status, 0);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	long live = store_installed_version(&s);
	catalog *c = catalog_open(s.previous_path, NULL);
	long prev = c ? catalog_info(c)->version : -1;
	catalog_close(c);
	CHECK((live == 10 && prev == 11) || (live == 11 && prev == 10));
	catalog_data_clear(&d);
	store_close(&s);
	free(dir);
}

static void rm_rf(const char *path)
{
	char *cmd = xasprintf("rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", path);
	free(cmd);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 3;
	}
	test_install_rollback();
	test_ensure();
	test_concurrent();
	test_crash();
	rm_rf(tmpdir);
	return TEST_DONE();
}
