/* Inputs the fuzzers of tests/fuzz once failed on (tests/fuzz/regressions/
 * TARGET/) and their seed corpora (tests/fuzz/corpus/TARGET/), fed to the
 * same harness functions with the normal compiler, so a bug the fuzzers
 * found stays fixed in every build. A harness aborts on a failed invariant,
 * so each input runs in a child process: every failing input is named, not
 * only the first. Under AddressSanitizer each child also checks for leaks. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define LEAKED() __lsan_do_recoverable_leak_check()
#else
#define LEAKED() 0
#endif

#include "core/bundle.h"
#include "core/xalloc.h"
#include "core/image_info.h"
#include "fuzz_common.h"
#include "gfx/gfx_image.h"
#include "testlib.h"

static const struct {
	const char *name;
	int (*run)(const uint8_t *data, size_t size);
} targets[] = {
    {"fuzz_csv", fuzz_csv_one},
    {"fuzz_text", fuzz_text_one},
    {"fuzz_bundle_ini", fuzz_bundle_ini_one},
    {"fuzz_bundle", fuzz_bundle_one},
    {"fuzz_signature", fuzz_signature_one},
    {"fuzz_script", fuzz_script_one},
    {"fuzz_image", fuzz_image_one},
    {"fuzz_dossier", fuzz_dossier_one},
    {"fuzz_audio", fuzz_audio_one},
};

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every file of dir through run; returns how many. */
static size_t replay_dir(const char *dir, int (*run)(const uint8_t *, size_t))
{
	DIR *dp = opendir(dir);
	if (!dp)
		return 0;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp)))
		if (e->d_name[0] != '.') {
			names = xgrow(names, &cap, n + 1, sizeof *names);
			names[n++] = xstrdup(e->d_name);
		}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		size_t len = 0;
		char *data = fuzz_read_file(dir, names[i], &len);
		CHECK(data != NULL);
		if (data) {
			fflush(stderr);
			pid_t pid = fork();
			if (pid == 0) {
				/* _exit skips the exit-time leak check: ask for it, so
				 * an input that once leaked is replayed for leaks too. */
				int rc = run((const uint8_t *)data, len);
				free(data);
				_exit(rc == 0 && !LEAKED() ? 0 : 1);
			}
			int status = -1;
			CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
				fprintf(stderr, "%s/%s: the harness failed on this input\n", dir,
				        names[i]);
				test_failures++;
			}
		}
		free(data);
		free(names[i]);
	}
	free(names);
	return n;
}

static bool has_error(const diag_list *d, const char *file)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].level == DIAG_ERROR && !strcmp(d->v[i].file, file))
			return true;
	return false;
}

/* The bytes of regressions/TARGET/NAME (NULL, counted as a failure, when missing). */
static char *read_regression(const char *root, const char *target, const char *name, size_t *len)
{
	char *dir = xasprintf("%s/regressions/%s", root, target);
	char *data = fuzz_read_file(dir, name, len);
	free(dir);
	CHECK(data != NULL);
	return data;
}

/* Found by fuzz_bundle: procedures.csv with its header row and no record
 * read clean, so `motcua import` would replace the catalogue with an empty
 * one (an empty file is refused, a header-only one was not). */
static void check_header_only_tables(const char *root)
{
	size_t len = 0;
	char *data = read_regression(root, "fuzz_bundle", "header-only-tables", &len);
	if (!data)
		return;
	const char *b = fuzz_scratch("header-only");
	fuzz_bundle_unpack((const uint8_t *)data, len, b);
	free(data);
	bundle_opts opts = {0};
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(!bundle_read(b, &opts, &d, &diag));
	CHECK(has_error(&diag, "procedures.csv"));
	CHECK(d.n_procs == 0);
	diag_clear(&diag);
	catalog_data_clear(&d);
}

/* Found by review of the bundle reader's limits: every bad row of a CSV
 * file within the 32 MiB limit is kept as a record and gives up to six
 * diagnostics, so "x\n" repeated 16 million times in procedures.csv takes
 * gigabytes (1 million rows: 7 million messages, 2.4 GB with ASan, 79 s).
 * An unattended kiosk must survive any stick: reading stops at the
 * procedure limit and the messages are bounded. */
static void check_many_bad_rows(void)
{
	const char *b = fuzz_scratch("bad-rows");
	static const char ini[] = "don_vi = UBND xã Chiềng Sơn\nphien_ban = 2\n"
	                          "ngay_ban_hanh = 24/11/2026\nnguoi_lap = Văn phòng\n";
	static const char header[] =
	    "ma_thu_tuc,ten_thu_tuc,linh_vuc,trinh_tu,thanh_phan_ho_so,thoi_han\n";
	static const char hot[] = "co_quan,dien_thoai\nUBND xã,0212 3866 123\n";
	const size_t rows = BUNDLE_MAX_PROCS + 5000;
	size_t len = sizeof header - 1 + 2 * rows;
	char *csv = xmalloc(len);
	memcpy(csv, header, sizeof header - 1);
	for (size_t i = 0; i < rows; i++)
		memcpy(csv + sizeof header - 1 + 2 * i, "x\n", 2);
	fuzz_write_file(b, "bundle.ini", ini, sizeof ini - 1);
	fuzz_write_file(b, "procedures.csv", csv, len);
	fuzz_write_file(b, "hotlines.csv", hot, sizeof hot - 1);
	free(csv);
	bundle_opts opts = {0};
	catalog_data d = {0};
	diag_list diag = {0};
	CHECK(!bundle_read(b, &opts, &d, &diag));
	CHECK(d.n_procs <= BUNDLE_MAX_PROCS + 1);
	CHECK(diag.n <= 10000);
	diag_clear(&diag);
	catalog_data_clear(&d);
}

/* Found during the fuzz campaign of fuzz_image (by hand: the fuzzer's
 * 8 KiB inputs decode in 0.5 s): a progressive JPEG of 501 scans that
 * carry nothing. libjpeg decodes every scan over the whole picture and
 * SDL_image sets no limit, so such scans through a 20 MiB news picture of
 * 4096x4096 held the kiosk's screen for hours when the article opened. The
 * header check refuses a JPEG of more than IMAGE_MAX_JPEG_SCANS scans. */
static void check_many_scans(const char *root)
{
	size_t len = 0;
	char *data = read_regression(root, "fuzz_image", "many-scans.jpg", &len);
	if (!data)
		return;
	image_info info;
	CHECK(image_check((const unsigned char *)data, len, BUNDLE_MAX_IMAGE, &info) ==
	      IMAGE_BROKEN);
	CHECK(info.format == IMAGE_JPEG && info.width == 1024 && info.height == 1024);
	int w = 0, h = 0;
	const char *why = NULL;
	SDL_Surface *s = gfx_image_decode((const unsigned char *)data, len, 64, 48, &w, &h, &why);
	CHECK(s == NULL && why != NULL);
	if (s)
		SDL_FreeSurface(s);
	free(data);
}

int main(int argc, char **argv)
{
	const char *src = getenv("MOTCUA_SRC");
	char *root = argc > 1 ? xstrdup(argv[1]) : xasprintf("%s/tests/fuzz", src ? src : ".");
	size_t corpus = 0;
	for (size_t t = 0; t < sizeof targets / sizeof *targets; t++) {
		char *reg = xasprintf("%s/regressions/%s", root, targets[t].name);
		char *seeds = xasprintf("%s/corpus/%s", root, targets[t].name);
		replay_dir(reg, targets[t].run);
		corpus += replay_dir(seeds, targets[t].run);
		free(reg);
		free(seeds);
	}
	CHECK(corpus > 0); /* the seed corpora were found */
	check_header_only_tables(root);
	check_many_bad_rows();
	check_many_scans(root);
	free(root);
	return TEST_DONE();
}
