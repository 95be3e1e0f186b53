#include "wallclock.h"

#include <stdio.h>

#ifndef MOTCUA_BUILD_EPOCH
#define MOTCUA_BUILD_EPOCH 0
#endif

time_t wallclock_build_time(void)
{
	return (time_t)MOTCUA_BUILD_EPOCH;
}

time_t wallclock_parse_date(const char *date)
{
	int d, m, y, end = 0;
	if (!date || sscanf(date, "%2d/%2d/%4d%n", &d, &m, &y, &end) != 3 || date[end] != '\0')
		return -1;
	if (d < 1 || d > 31 || m < 1 || m > 12 || y < 1970 || y > 9999)
		return -1;
	struct tm tm = {.tm_mday = d, .tm_mon = m - 1, .tm_year = y - 1900, .tm_isdst = -1};
	time_t t = mktime(&tm);
	return t;
}

time_t wallclock_floor(const char *issue_date, time_t build)
{
	time_t issued = wallclock_parse_date(issue_date);
	time_t floor = build > 0 ? build : 0;
	if (issued > floor)
		floor = issued;
	return floor;
}

wallclock_verdict wallclock_check(time_t now, const char *issue_date, time_t build)
{
	time_t issued = wallclock_parse_date(issue_date);
	if (issued > 0 && now < issued)
		return WALLCLOCK_BEFORE_CATALOGUE;
	if (build > 0 && now < build)
		return WALLCLOCK_BEFORE_BUILD;
	return WALLCLOCK_OK;
}

char *wallclock_format(time_t now, char *buf, size_t n)
{
	struct tm tm;
	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (localtime_r(&now, &tm))
		strftime(buf, n, "%d/%m/%Y %H:%M", &tm);
	return buf;
}
