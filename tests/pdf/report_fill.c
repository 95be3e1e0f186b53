/* report_fill STORE_EVENTS_FILE — fills an events file with a known first
 * quarter of 2026 (local time) for test_report.sh, through the events API
 * as the kiosk records them; and the same kinds of events just outside the
 * quarter (31/12/2025 23:59:59 and 01/04/2026 00:00:00), which the report
 * must leave out. Exits 1 when the store does not behave (a second rating
 * in a session stored). The expected figures are written out by hand in
 * test_report.sh. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "events.h"

static time_t at(int y, int m, int d, int h, int min, int s)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = h,
	                .tm_min = min, .tm_sec = s, .tm_isdst = -1};
	return mktime(&tm);
}

/* A moment inside the quarter, different for each i. */
static time_t in_q1(int i)
{
	return at(2026, 1 + i % 3, 1 + i % 28, 8 + i % 9, i % 60, 0);
}

static int fails;
#define CHECK(c) ((c) ? (void)0 : (void)(fprintf(stderr, "report_fill: %s failed\n", #c), fails++))

static const struct {
	const char *code;
	int views;
} views[] = {
    {"1.000080", 23}, {"1.000094", 22}, {"1.000110", 21}, {"1.000419", 20}, {"1.000593", 19},
    {"1.000656", 18}, {"1.000689", 17}, {"1.000893", 16}, {"1.000894", 15}, /* Hộ tịch: 171 */
    {"1.002755", 14}, {"1.003197", 13}, {"1.003677", 12}, {"1.004194", 11}, /* cư trú: 50 */
    {"2.000815", 10}, {"2.000884", 9},  {"2.000908", 8},  {"2.000913", 7},
    {"2.000927", 6},                                                       /* Chứng thực: 40 */
    {"1.002211", 5},  {"2.000424", 4},                                     /* Hòa giải: 9 */
    {"2.001255", 3},  {"2.001263", 2},                                     /* Nuôi con nuôi: 5 */
};

static void outside(events *ev, time_t t)
{
	CHECK(events_session_begin(ev, t) > 0);
	for (int i = 0; i < 50; i++)
		CHECK(events_record(ev, EVENT_VIEW, "1.000080", t) == 0);
	CHECK(events_record_print(ev, "1.000080", "form", t) == 0);
	CHECK(events_record(ev, EVENT_SEARCH_NO_RESULT, "ngoai ky", t) == 0);
	for (int i = 0; i < 5; i++) {
		long long s = events_session_begin(ev, t);
		CHECK(events_record_rating(ev, s, 1, RATING_REASON_OTHER, NULL, t) == 0);
		CHECK(events_record(ev, EVENT_DOSSIER_LOOKUP, "HS-NGOAI\tdang_xu_ly\t9", t) == 0);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: report_fill EVENTS_FILE\n");
		return 2;
	}
	char *err = NULL;
	events *ev = events_open(argv[1], &err);
	if (!ev) {
		fprintf(stderr, "report_fill: %s\n", err);
		return 1;
	}
	int k = 0;
	/* 37 sessions; the ratings below begin 15 of them */
	long long sessions[37];
	for (int i = 0; i < 37; i++)
		CHECK((sessions[i] = events_session_begin(ev, in_q1(k++))) > 0);
	for (size_t i = 0; i < sizeof views / sizeof *views; i++)
		for (int n = 0; n < views[i].views; n++)
			CHECK(events_record(ev, EVENT_VIEW, views[i].code, in_q1(k++)) == 0);
	/* prints: 7 full guides, 5 summaries, 3 forms */
	for (int i = 0; i < 4; i++)
		CHECK(events_record_print(ev, "1.000080", "sheet", in_q1(k++)) == 0);
	for (int i = 0; i < 3; i++)
		CHECK(events_record_print(ev, "1.004194", "sheet", in_q1(k++)) == 0);
	for (int i = 0; i < 5; i++)
		CHECK(events_record_print(ev, "1.000094", "summary", in_q1(k++)) == 0);
	for (int i = 0; i < 3; i++)
		CHECK(events_record_print(ev, "2.000815", "form", in_q1(k++)) == 0);
	/* searches that found nothing: 4 + 2 + 1; the last way typed is shown */
	CHECK(events_record(ev, EVENT_SEARCH_NO_RESULT, "Cấp phép xây dựng", at(2026, 1, 5, 9, 0, 0)) == 0);
	for (int i = 0; i < 3; i++)
		CHECK(events_record(ev, EVENT_SEARCH_NO_RESULT, "cap phep xay dung", at(2026, 2, 5 + i, 9, 0, 0)) == 0);
	for (int i = 0; i < 2; i++)
		CHECK(events_record(ev, EVENT_SEARCH_NO_RESULT, "dang ky xe may", in_q1(k++)) == 0);
	CHECK(events_record(ev, EVENT_SEARCH_NO_RESULT, "=1+1", in_q1(k++)) == 0);
	/* ratings, one a session: 5 x6, 4 x3 (+1 legacy row in the old file),
	 * 3 x2, 2 x3 (time, attitude, back and forth), 1 x1 (papers); two tied
	 * to a dossier */
	static const struct {
		int level;
		rating_reason reason;
		const char *dossier;
	} ratings[] = {
	    {5, RATING_REASON_NONE, "HS-0001"}, {5, RATING_REASON_NONE, NULL},
	    {5, RATING_REASON_NONE, NULL},      {5, RATING_REASON_NONE, NULL},
	    {5, RATING_REASON_NONE, NULL},      {5, RATING_REASON_NONE, NULL},
	    {4, RATING_REASON_NONE, NULL},      {4, RATING_REASON_NONE, NULL},
	    {4, RATING_REASON_NONE, NULL},      {3, RATING_REASON_NONE, NULL},
	    {3, RATING_REASON_NONE, NULL},      {2, RATING_REASON_TIME, "HS-0002"},
	    {2, RATING_REASON_ATTITUDE, NULL},  {2, RATING_REASON_BACK_AND_FORTH, NULL},
	    {1, RATING_REASON_PAPERS, NULL},
	};
	for (size_t i = 0; i < sizeof ratings / sizeof *ratings; i++)
		CHECK(events_record_rating(ev, sessions[i], ratings[i].level, ratings[i].reason,
		                           ratings[i].dossier, in_q1(k++)) == 0);
	/* one rating a session: the file refuses a second */
	CHECK(events_record_rating(ev, sessions[0], 1, RATING_REASON_OTHER, NULL, in_q1(k++)) ==
	      -EEXIST);
	CHECK(events_record_rating(ev, sessions[20], 0, RATING_REASON_NONE, NULL, in_q1(k++)) ==
	      -EINVAL);
	/* dossier lookups: 8, of which 2 overdue */
	static const char *const lookups[] = {
	    "HS-0001\tda_tiep_nhan\t0",  "HS-0003\tda_tiep_nhan\t0", "HS-0002\tdang_xu_ly\t0",
	    "HS-0004\tdang_xu_ly\t4",    "HS-0005\tdang_xu_ly\t0",   "HS-0006\tcho_bo_sung\t1",
	    "HS-0007\tcho_bo_sung\t0",   "HS-0008\tda_co_ket_qua\t0",
	};
	for (size_t i = 0; i < sizeof lookups / sizeof *lookups; i++)
		CHECK(events_record(ev, EVENT_DOSSIER_LOOKUP, lookups[i], in_q1(k++)) == 0);
	outside(ev, at(2025, 12, 31, 23, 59, 59));
	outside(ev, at(2026, 4, 1, 0, 0, 0));
	events_close(ev);
	return fails ? 1 : 0;
}
