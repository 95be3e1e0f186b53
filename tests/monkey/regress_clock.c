/* regress_clock — found by the monkey (seed 1, action 666, 1920x1080):
 * after the system clock was set (NTP finding the date after a Raspberry Pi
 * without a clock battery booted, or correcting a drift), the header went
 * on showing the old time and date until the next minute came. Jumps
 * forward and back by an hour, a day, three months and a year; after each,
 * the first frame drawn must show the new time. */
#include <stdio.h>

#include "monkey_driver.h"

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	monkey_options o = {.width = 1920, .height = 1080, .seed = 1, .check = true};
	monkey *m = monkey_new(&o);
	if (!m)
		return 3;
	static const long long jumps[] = {
	    3600000LL, -3600000LL, 86400000LL, 90LL * 86400000, -365LL * 86400000, -1500, 61000};
	int rc = 0;
	for (size_t i = 0; i < sizeof jumps / sizeof *jumps && rc == 0; i++)
		if (!monkey_clock_jump(m, jumps[i]))
			rc = 1;
	printf("regress_clock: %s\n", rc ? "FAILED" : "the header follows the clock");
	monkey_free(m);
	return rc;
}
