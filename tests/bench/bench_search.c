/* bench_search [GEN_CATALOG] [N] — import and search timings on N synthetic
 * procedures (default 10,000).
 *
 * With the path of gen_catalog, the bundle is generated on disk and read
 * with bundle_read, so the import figure is what `motcua import` spends
 * (bundle read + catalogue write); targets: ≤ 3 s import, search p99 ≤ 2 ms (issue 11).
 * When the generator fails or its bundle does not read, nothing is measured
 * (exit 1): never figures of another catalogue.
 * Search is timed over 100 prefixes of realistic typing, the way the
 * kiosk's keyboard sends them: one query per key press. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bundle.h"
#include "catalog.h"
#include "xalloc.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Without gen_catalog: a catalogue built in code, names from a small
 * vocabulary so prefixes match many rows, as in the real catalogue. */
static void build(catalog_data *d, long n)
{
	static const char *const verbs[] = {"Đăng ký",  "Cấp",      "Cấp đổi",
	                                    "Cấp lại",  "Thay đổi", "Chứng thực",
	                                    "Xác nhận", "Gia hạn",  "Thu hồi"};
	static const char *const objects[] = {"khai sinh",
	                                      "kết hôn",
	                                      "khai tử",
	                                      "thường trú",
	                                      "tạm trú",
	                                      "giấy phép xây dựng",
	                                      "giấy chứng nhận quyền sử dụng đất",
	                                      "bản sao từ bản chính",
	                                      "hộ kinh doanh",
	                                      "giấy phép lái xe",
	                                      "chữ ký",
	                                      "hợp đồng",
	                                      "tình trạng hôn nhân",
	                                      "giám hộ"};
	static const char *const fields[] = {"Hộ tịch",
	                                     "Chứng thực",
	                                     "Đất đai",
	                                     "Xây dựng",
	                                     "Cư trú",
	                                     "Đường bộ",
	                                     "Thành lập và hoạt động của hộ kinh doanh"};
	d->info.version = 1;
	d->info.unit = xstrdup("UBND xã Chiềng Sơn");
	for (long i = 0; i < n; i++) {
		procedure *p = catalog_data_add_proc(d);
		p->code = xasprintf("%d.%06ld", 1 + (int)(i % 3), 100 + i);
		p->name = xasprintf("%s %s %s", verbs[i % 9], objects[(i / 9) % 14],
		                    i % 5 ? "có yếu tố nước ngoài" : "lưu động");
		p->field = xstrdup(fields[i % 7]);
		p->keywords = xstrdup("giấy tờ, hồ sơ, một cửa");
		for (int k = 0; k < 8; k++)
			item_list_add(&p->steps,
			              "Cá nhân nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả",
			              NULL);
		for (int k = 0; k < 6; k++)
			item_list_add(&p->documents, "Tờ khai theo mẫu; bản sao giấy tờ tùy thân",
			              "01 bản chính");
		p->deadline = xstrdup("05 ngày làm việc");
	}
}

int main(int argc, char **argv)
{
	const char *gen = argc > 1 && *argv[1] ? argv[1] : NULL;
	long n = argc > 2 ? strtol(argv[2], NULL, 10) : 10000;
	char dir[] = "/tmp/motcua-bench-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 3;
	}
	char *bundle = xasprintf("%s/bundle", dir);
	char *db = xasprintf("%s/catalog.sqlite", dir);
	catalog_data d = {0};
	double t0 = now_ms(), t_read = 0;
	bool from_bundle = false;
	if (gen) {
		/* Measured on the generated bundle or not at all: a catalogue of
		 * another size would give figures that mean nothing. */
		char *cmd = xasprintf("'%s' %ld '%s' >/dev/null", gen, n, bundle);
		if (system(cmd) != 0) {
			fprintf(stderr, "bench: %s failed; nothing measured\n", cmd);
			return 1;
		}
		free(cmd);
		diag_list diag = {0};
		bundle_opts opts = {0};
		t0 = now_ms();
		from_bundle = bundle_read(bundle, &opts, &d, &diag);
		t_read = now_ms() - t0;
		if (!from_bundle || d.n_procs != (size_t)n) {
			fprintf(stderr,
			        "bench: the generated bundle of %ld procedures does not read (%zu "
			        "errors, %zu procedures); nothing measured:\n",
			        n, diag.errors, d.n_procs);
			diag_print(&diag, stderr);
			return 1;
		}
		diag_clear(&diag);
	} else {
		fprintf(stderr, "bench: catalogue built in code, not read from a bundle\n");
		build(&d, n);
	}
	char *err = NULL;
	double t1 = now_ms();
	if (catalog_write(db, &d, &err) < 0) {
		fprintf(stderr, "bench: catalog_write: %s\n", err);
		return 3;
	}
	double t_write = now_ms() - t1;
	printf("import of %zu procedures: bundle_read %.0f ms + catalog_write %.0f ms = %.0f ms "
	       "(target <= 3000)\n",
	       d.n_procs, t_read, t_write, t_read + t_write);
	catalog_data_clear(&d);

	double t2 = now_ms();
	catalog *c = catalog_open(db, &err);
	if (!c) {
		fprintf(stderr, "bench: catalog_open: %s\n", err);
		return 3;
	}
	printf("catalog_open: %.2f ms\n", now_ms() - t2);

	/* 100 queries: every prefix of these, in typing order, until 100. */
	static const char *const typed[] = {
	    "dang ky khai sinh", "khai sinh",          "ket hon",
	    "1.001193",          "chung thuc ban sao", "giay phep xay dung",
	    "thuong tru",        "cap doi giay",       "Đăng ký kết hôn",
	    "tam tru",           "ho kinh doanh",      "giay phep lai xe"};
	char *queries[100];
	size_t nq = 0;
	for (size_t i = 0; nq < 100; i = (i + 1) % (sizeof typed / sizeof *typed))
		for (size_t len = 1; len <= strlen(typed[i]) && nq < 100; len++)
			if (typed[i][len - 1] != ' ' && (typed[i][len] & 0xC0) != 0x80)
				queries[nq++] = xstrndup(typed[i], len);

	enum { ROUNDS = 11 };
	double lat[100 * ROUNDS], worst = 0;
	size_t nl = 0, hits = 0;
	const char *worst_q = "";
	for (int r = 0; r < ROUNDS; r++) {
		for (size_t i = 0; i < nq; i++) {
			proc_summary *res = NULL;
			double s = now_ms();
			size_t k = catalog_search(c, queries[i], 50, &res);
			double e = now_ms() - s;
			catalog_summaries_free(res, k);
			lat[nl++] = e;
			hits += k;
			if (e > worst) {
				worst = e;
				worst_q = queries[i];
			}
		}
	}
	/* Each query's median over the rounds: the same figure without the
	 * moments another process held the CPU. */
	double med[100];
	for (size_t i = 0; i < nq; i++) {
		double v[ROUNDS];
		for (int r = 0; r < ROUNDS; r++)
			v[r] = lat[(size_t)r * nq + i];
		qsort(v, ROUNDS, sizeof *v, cmp_double);
		med[i] = v[ROUNDS / 2];
	}
	qsort(med, nq, sizeof *med, cmp_double);
	qsort(lat, nl, sizeof *lat, cmp_double);
	printf(
	    "search over %zu procedures, %zu queries x %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
	    "(\"%s\"), %.1f results on average (target p99 <= 2 ms)\n",
	    catalog_count(c), nq, ROUNDS, lat[nl / 2], lat[nl * 99 / 100], worst, worst_q,
	    (double)hits / (double)nl);
	printf("per-query median over the rounds: p50 %.2f ms, p99 %.2f ms\n", med[nq / 2],
	       med[nq * 99 / 100]);
	for (size_t i = 0; i < nq; i++)
		free(queries[i]);
	catalog_close(c);
	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "bench: cannot remove %s\n", dir);
	free(rm);
	free(bundle);
	free(db);
	free(err);
	return 0;
}
