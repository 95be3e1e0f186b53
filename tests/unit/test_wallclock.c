/* wallclock: which clocks are known to be wrong (issue 10). Table-driven,
 * in Vietnam's time zone as a kiosk there runs. */
#include <stdlib.h>
#include <time.h>

#include "core/wallclock.h"
#include "testlib.h"

int main(void)
{
	setenv("TZ", "ICT-7", 1);
	tzset();
	/* 24/11/2026 00:00 +07 */
	const time_t issued = 1795453200;
	CHECK(wallclock_parse_date("24/11/2026") == issued);
	static const char *const bad[] = {
	    NULL, "", "24/11", "32/11/2026", "24/13/2026", "24/11/2026x", "a/b/c"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK(wallclock_parse_date(bad[i]) == -1);

	const time_t build = issued + 11 * 86400; /* 05/12/2026 00:00 */
	const struct {
		time_t now;
		const char *date;
		time_t build;
		wallclock_verdict want;
	} cases[] = {
	    {issued - 1, "24/11/2026", 0,
	     WALLCLOCK_BEFORE_CATALOGUE},                     /* one second before the day */
	    {issued, "24/11/2026", 0, WALLCLOCK_OK},          /* the issue day itself */
	    {0, "24/11/2026", 0, WALLCLOCK_BEFORE_CATALOGUE}, /* booted in 1970 */
	    {issued + 86400, "24/11/2026", build, WALLCLOCK_BEFORE_BUILD},
	    {build, "24/11/2026", build, WALLCLOCK_OK},
	    {build - 1, NULL, build, WALLCLOCK_BEFORE_BUILD}, /* no catalogue */
	    {0, NULL, 0, WALLCLOCK_OK},                       /* nothing known */
	    {issued + 400LL * 86400, "garbage", build, WALLCLOCK_OK},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wallclock_verdict v = wallclock_check(cases[i].now, cases[i].date, cases[i].build);
		if (v != cases[i].want)
			fprintf(stderr, "case %zu: got %d, want %d\n", i, (int)v,
			        (int)cases[i].want);
		CHECK(v == cases[i].want);
	}
	CHECK(wallclock_floor("24/11/2026", 0) == issued);
	CHECK(wallclock_floor("24/11/2026", build) == build);
	CHECK(wallclock_floor(NULL, 0) == 0);
	char buf[32];
	CHECK_STR(wallclock_format(issued + 9 * 3600 + 5 * 60, buf, sizeof buf),
	          "24/11/2026 09:05");
	/* the program knows when it was built (meson: SOURCE_DATE_EPOCH or git) */
	if (wallclock_build_time() == 0)
		fprintf(stderr,
		        "note: built without a build time (no git, no SOURCE_DATE_EPOCH)\n");
	return TEST_DONE();
}
