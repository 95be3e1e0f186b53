/* The events store: what the kiosk counts survives a reopen, and the staff
 * export says per procedure and month how often it was viewed and printed,
 * and which searches found nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "events.h"
#include "testlib.h"
#include "xalloc.h"

static char tmpdir[] = "/tmp/motcua-test-events-XXXXXX";

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = xcalloc(1, 1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

/* 12:00 UTC on a day: far from midnight, so local month = UTC month here. */
static time_t day(int y, int m, int d)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12};
	return timegm(&tm);
}

int main(void)
{
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 3;
	}
	char *path = xasprintf("%s/events.sqlite", tmpdir);
	char *err = NULL;
	events *ev = events_open(path, &err);
	CHECK(ev != NULL);
	if (!ev) {
		fprintf(stderr, "events_open: %s\n", err ? err : "?");
		return 1;
	}
	static const struct {
		event_kind kind;
		const char *subject;
		int y, m, d;
	} rec[] = {
	    {EVENT_VIEW, "1.001193", 2024, 3, 1},
	    {EVENT_VIEW, "1.001193", 2024, 3, 15},
	    {EVENT_PRINT, "1.001193", 2024, 3, 15},
	    {EVENT_VIEW, "1.001193", 2024, 4, 2},
	    {EVENT_VIEW, "1.000656", 2024, 3, 3},
	    {EVENT_PRINT, "1.000656", 2024, 3, 3},
	    {EVENT_PRINT, "1.000656", 2024, 3, 4},
	    {EVENT_SEARCH_NO_RESULT, "cấp sổ đỏ", 2024, 3, 5},
	    {EVENT_SEARCH_NO_RESULT, "cap so do", 2024, 3, 9},
	    {EVENT_SEARCH_NO_RESULT, "CẤP SỔ ĐỎ", 2024, 3, 20},
	    {EVENT_SEARCH_NO_RESULT, "giay phep lai xe", 2024, 4, 1},
	    {EVENT_SEARCH_NO_RESULT, "=HYPERLINK(\"x\")", 2024, 4, 1},
	    {EVENT_SEARCH_NO_RESULT, "  ", 2024, 4, 1}, /* nothing typed: not exported */
	    {EVENT_RATING, "5", 2024, 3, 1},
	    {EVENT_RATING, "5", 2024, 3, 2},
	    {EVENT_RATING, "3", 2024, 3, 2},
	};
	size_t n_rec = sizeof rec / sizeof *rec;
	for (size_t i = 0; i < n_rec; i++)
		CHECK(events_record(ev, rec[i].kind, rec[i].subject,
		                    day(rec[i].y, rec[i].m, rec[i].d)) == 0);
	/* A view without a code is counted but not exported. */
	CHECK(events_record(ev, EVENT_VIEW, NULL, day(2024, 5, 1)) == 0);
	events_close(ev);
	events_close(NULL);

	/* WAL mode, as DESIGN §4 says: the -wal file appears while open. */
	ev = events_open(path, &err);
	CHECK(ev != NULL);
	CHECK(events_count(ev, EVENT_VIEW) == 5);
	CHECK(events_count(ev, EVENT_PRINT) == 3);
	CHECK(events_count(ev, EVENT_SEARCH_NO_RESULT) == 6);
	CHECK(events_count(ev, EVENT_RATING) == 3);
	CHECK(events_record(ev, EVENT_VIEW, "1.001193", day(2024, 4, 30)) == 0);
	char *wal = xasprintf("%s-wal", path);
	CHECK(access(wal, F_OK) == 0);
	free(wal);

	char *out = xasprintf("%s/usb/bao_cao", tmpdir);
	char *usb = xasprintf("%s/usb", tmpdir);
	mkdir(usb, 0755);
	diag_list diag = {0};
	export_dir *xd = NULL;
	CHECK(export_dir_create(usb, "bao_cao", &xd, &diag) == 0);
	CHECK(xd && events_export_csv(ev, xd, &diag) == 0);
	CHECK(xd && export_dir_finish(xd, &diag) == 0);
	export_dir_close(xd, true);
	CHECK(diag.n == 0);

	char *f = xasprintf("%s/usage_by_procedure.csv", out);
	char *csv = slurp(f);
	CHECK(csv != NULL);
	if (csv)
		CHECK_STR(csv, "\xEF\xBB\xBFma_thu_tuc,thang,luot_xem,luot_in\r\n"
		               "1.000656,2024-03,1,2\r\n"
		               "1.001193,2024-03,2,1\r\n"
		               "1.001193,2024-04,2,0\r\n");
	free(csv);
	free(f);
	f = xasprintf("%s/search_no_result.csv", out);
	csv = slurp(f);
	CHECK(csv != NULL);
	/* Grouped by folded text, shown as most recently typed, most asked first;
	 * a formula is defused for Excel. */
	if (csv)
		CHECK_STR(csv, "\xEF\xBB\xBFtu_khoa,so_lan,lan_cuoi\r\n"
		               "CẤP SỔ ĐỎ,3,20/03/2024\r\n"
		               "giay phep lai xe,1,01/04/2024\r\n"
		               "\"'=HYPERLINK(\"\"x\"\")\",1,01/04/2024\r\n");
	free(csv);
	free(f);
	f = xasprintf("%s/ratings.csv", out);
	csv = slurp(f);
	if (csv)
		CHECK_STR(csv, "\xEF\xBB\xBFthang,danh_gia,so_lan\r\n"
		               "2024-03,3,1\r\n"
		               "2024-03,5,2\r\n");
	else
		CHECK(csv != NULL);
	free(csv);
	free(f);

	/* The month is the kiosk's local month: 23:30 on 31 March in Hà Nội is
	 * 16:30 UTC, still March; 00:30 on 1 April local is 17:30 UTC on
	 * 31 March, and counts for April. */
	CHECK(events_record(ev, EVENT_PRINT, "9.999999", day(2024, 3, 31) + 4 * 3600 + 1800) == 0);
	CHECK(events_record(ev, EVENT_PRINT, "9.999999", day(2024, 3, 31) + 5 * 3600 + 1800) == 0);
	/* A second export the same day: a new folder, the first one untouched. */
	CHECK(export_dir_create(usb, "bao_cao", &xd, &diag) == 0);
	CHECK(xd && !strcmp(export_dir_name(xd), "bao_cao-2"));
	CHECK(xd && events_export_csv(ev, xd, &diag) == 0);
	export_dir_close(xd, true);
	f = xasprintf("%s-2/usage_by_procedure.csv", out);
	csv = slurp(f);
	CHECK(csv && strstr(csv, "9.999999,2024-03,0,1\r\n") &&
	      strstr(csv, "9.999999,2024-04,0,1\r\n"));
	free(csv);
	free(f);

	/* An export to a place that cannot be written is reported, not a crash. */
	char *bad = xasprintf("%s/usage_by_procedure.csv", out);
	CHECK(export_dir_create(bad, "x", &xd, &diag) < 0);
	CHECK(diag.errors == 1);
	free(bad);
	diag_clear(&diag);
	events_close(ev);

	/* A path that cannot be opened. */
	char *nodir = xasprintf("%s/missing/events.sqlite", tmpdir);
	CHECK(events_open(nodir, &err) == NULL);
	CHECK(err && *err);
	free(err);
	free(nodir);

	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	CHECK(system(cmd) == 0);
	free(cmd);
	free(out);
	free(usb);
	free(path);
	return TEST_DONE();
}
