/* wallclock — is the system clock plausible? (issue 10)
 *
 * A Raspberry Pi has no clock battery: an offline kiosk can boot with a
 * date from its last shutdown or from 1970, which the header would show and
 * every sheet would print. A clock that says "before this program was
 * built" or "before the installed catalogue was issued" is known to be
 * wrong. Pure: the time is always passed in. */
#ifndef MOTCUA_WALLCLOCK_H
#define MOTCUA_WALLCLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef enum wallclock_verdict {
	WALLCLOCK_OK,
	WALLCLOCK_BEFORE_CATALOGUE, /* earlier than the catalogue's ngay_ban_hanh */
	WALLCLOCK_BEFORE_BUILD,     /* earlier than the program's build */
} wallclock_verdict;

/* When this program was built: SOURCE_DATE_EPOCH, else the date of the git
 * commit it was built from, as meson saw it (0: unknown). */
time_t wallclock_build_time(void);

/* 00:00 local time of a dd/mm/yyyy date; -1 when date is NULL or not one. */
time_t wallclock_parse_date(const char *date);

/* The earliest time a right clock can show: the later of build and 00:00
 * of issue_date (dd/mm/yyyy, may be NULL). 0 when neither is known. */
time_t wallclock_floor(const char *issue_date, time_t build);

/* Whether now is plausible given the catalogue's issue date (may be NULL)
 * and the build time. */
wallclock_verdict wallclock_check(time_t now, const char *issue_date, time_t build);

/* now as "dd/mm/yyyy HH:MM" in local time into buf. Returns buf. */
char *wallclock_format(time_t now, char *buf, size_t n);

#endif
