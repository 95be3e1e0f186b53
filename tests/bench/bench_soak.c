/* bench_soak [EVENTS] [--seed N] [--fixtures DIR] [--printer QUEUE]
 *
 * Months unattended, compressed: the monkey's random citizens and staff
 * (tests/monkey/monkey_driver.c) drive EVENTS ui_events (default 1,000,000:
 * taps, drags, keys, timer ticks, USB sticks) through the real app at
 * 1920x1080, drawing a frame after every action as the kiosk's loop would.
 *
 * After every 100,000 events, the next time the kiosk is back on its
 * attract screen (a citizen's session is over and everything it held should
 * be gone; sampling there keeps what a session happens to hold at that
 * moment out of the numbers), it prints the resident set size
 * (/proc/self/statm; RssAnon and RssFile of /proc/self/status), the heap in
 * use (mallinfo2: every arena) and the text cache's pixels. At the end, the
 * slope of each, least squares over the samples after the first (which
 * includes the warm-up: fonts, SQLite's page cache, the text cache
 * filling), in bytes per 100,000 events, with its standard error.
 *
 * Memory must not grow with use: exits 1 when the RSS or the heap grows by
 * more than SOAK_MAX_SLOPE and by more than three standard errors (the RSS
 * moves by a few MiB from sample to sample as glibc keeps or returns freed
 * pages; a leak is a steady climb). Meant for a release build. */
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../monkey/monkey_driver.h"

#define SOAK_EVERY 100000L
/* Bytes per 100,000 events: 64 KiB, i.e. 1 MiB over 1.6 million events,
 * a few months of a busy desk. */
#define SOAK_MAX_SLOPE 65536.0
/* Sample anyway when the attract screen has not come back this many events
 * after the boundary. */
#define SOAK_WAIT_MAX 50000L

enum { COL_RSS, COL_ANON, COL_FILE, COL_HEAP, COL_CACHE, COLS };
static const char *const col_names[COLS] = {"RSS", "RssAnon", "RssFile", "heap", "text cache"};

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long rss_bytes(void)
{
	long size = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = -1;
	fclose(f);
	return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

/* A line "Key:   N kB" of /proc/self/status, in bytes; -1 when absent. */
static long status_bytes(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	char line[256];
	long kb = -1;
	size_t n = strlen(key);
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, key, n) && line[n] == ':') {
			kb = strtol(line + n + 1, NULL, 10);
			break;
		}
	fclose(f);
	return kb < 0 ? -1 : kb * 1024;
}

static long heap_bytes(void)
{
	struct mallinfo2 mi = mallinfo2();
	return (long)(mi.uordblks + mi.hblkhd);
}

/* Least-squares slope of y over x and its standard error. */
static double slope(const double *x, const double *y, size_t n, double *se)
{
	*se = 0;
	if (n < 2)
		return 0;
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++) {
		mx += x[i] / (double)n;
		my += y[i] / (double)n;
	}
	double sxx = 0, sxy = 0;
	for (size_t i = 0; i < n; i++) {
		sxx += (x[i] - mx) * (x[i] - mx);
		sxy += (x[i] - mx) * (y[i] - my);
	}
	if (sxx == 0)
		return 0;
	double b = sxy / sxx, rss = 0;
	for (size_t i = 0; i < n; i++) {
		double r = y[i] - my - b * (x[i] - mx);
		rss += r * r;
	}
	if (n > 2)
		*se = sqrt(rss / (double)(n - 2) / sxx);
	return b;
}

int main(int argc, char **argv)
{
	long events = 1000000;
	monkey_options o = {.width = 1920, .height = 1080, .seed = 20261124};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--seed") && v) {
			o.seed = strtoull(v, NULL, 0);
			i++;
		} else if (!strcmp(a, "--fixtures") && v) {
			o.fixtures = v;
			i++;
		} else if (!strcmp(a, "--printer") && v) {
			o.printer = v;
			i++;
		} else if (a[0] != '-') {
			events = strtol(a, NULL, 10);
		} else {
			fprintf(stderr, "usage: bench_soak [EVENTS] [--seed N] [--fixtures DIR] "
			                "[--printer QUEUE]\n");
			return 2;
		}
	}
	printf("soak: seed %llu, %ld events at %dx%d, USB sticks %s, printer %s\n",
	       (unsigned long long)o.seed, events, o.width, o.height, o.fixtures ? "yes" : "no",
	       o.printer ? o.printer : "none (a queue that does not exist)");
	double t0 = now_s();
	monkey *m = monkey_new(&o);
	if (!m)
		return 3;
	size_t cap = (size_t)(events / SOAK_EVERY) + 2, n = 0;
	double *x = calloc(cap, sizeof *x), *y[COLS];
	for (int c = 0; c < COLS; c++)
		y[c] = calloc(cap, sizeof **y);
	printf("soak: %9s %8s %8s %9s %9s %9s %9s %9s %7s  %s\n", "events", "actions", "frames",
	       "RSS KiB", "anon KiB", "file KiB", "heap KiB", "cache KiB", "seconds", "screen");
	fflush(stdout);
	const monkey_stats *s = monkey_get_stats(m);
	long next = SOAK_EVERY;
	int rc = 0;
	while (s->events < events) {
		if (!monkey_step(m)) {
			rc = 1;
			break;
		}
		bool due = s->events >= next && (!strcmp(monkey_screen(m), "attract") ||
		                                 s->events >= next + SOAK_WAIT_MAX);
		if (!due && s->events < events)
			continue;
		if (n == cap)
			break;
		gfx_stats gs;
		gfx_get_stats(monkey_gfx(m), &gs);
		x[n] = (double)s->events / SOAK_EVERY;
		y[COL_RSS][n] = (double)rss_bytes();
		y[COL_ANON][n] = (double)status_bytes("RssAnon");
		y[COL_FILE][n] = (double)status_bytes("RssFile");
		y[COL_HEAP][n] = (double)heap_bytes();
		y[COL_CACHE][n] = (double)gs.cache_bytes;
		printf("soak: %9ld %8ld %8ld %9.0f %9.0f %9.0f %9.0f %9.0f %7.1f  %s\n", s->events,
		       s->actions, s->frames, y[COL_RSS][n] / 1024, y[COL_ANON][n] / 1024,
		       y[COL_FILE][n] / 1024, y[COL_HEAP][n] / 1024, y[COL_CACHE][n] / 1024,
		       now_s() - t0, monkey_screen(m));
		fflush(stdout);
		n++;
		while (next <= s->events)
			next += SOAK_EVERY;
	}
	double secs = now_s() - t0;
	monkey_print_stats(m, stdout);
	if (n >= 3) {
		printf("soak: slope over the %zu samples after the first, bytes per 100,000 events "
		       "(± standard error):\n",
		       n - 1);
		for (int c = 0; c < COLS; c++) {
			double se, b = slope(x + 1, y[c] + 1, n - 1, &se);
			bool grows =
			    (c == COL_RSS || c == COL_HEAP) && b > SOAK_MAX_SLOPE && b > 3 * se;
			printf("soak:   %-10s %+10.0f ± %.0f%s\n", col_names[c], b, se,
			       grows                           ? "  GROWS"
			       : c == COL_RSS || c == COL_HEAP ? "  flat"
			                                       : "");
			if (grows)
				rc = 1;
		}
		printf("soak: %s (limit %+.0f bytes per 100,000 events, beyond three standard "
		       "errors)\n",
		       rc ? "FAIL: memory grows with use" : "memory is flat", SOAK_MAX_SLOPE);
	} else {
		printf("soak: too few samples for a slope (run at least 300,000 events)\n");
	}
	printf(
	    "soak: %ld events (%ld actions, %ld frames) in %.1f s: %.0f events/s, %.0f actions/s\n",
	    s->events, s->actions, s->frames, secs, (double)s->events / secs,
	    (double)s->actions / secs);
	monkey_free(m);
	free(x);
	for (int c = 0; c < COLS; c++)
		free(y[c]);
	return rc;
}
