/* testlib — the few macros the C tests share. A failed CHECK prints where and
 * why and the test exits 1 at the end; tests are table-driven where they can. */
#ifndef MOTCUA_TESTLIB_H
#define MOTCUA_TESTLIB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failures;

#define CHECK(cond)                                                                   \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
			test_failures++;                                              \
		}                                                                     \
	} while (0)

#define CHECK_STR(got, want)                                                             \
	do {                                                                             \
		const char *g_ = (got), *w_ = (want);                                    \
		if (!g_ || !w_ || strcmp(g_, w_) != 0) {                                 \
			fprintf(stderr, "%s:%d: CHECK_STR failed: %s\n  got:  \"%s\"\n  want: \"%s\"\n", \
				__FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
			test_failures++;                                                 \
		}                                                                        \
	} while (0)

/* Time budgets are for real hardware; under emulation (a cross build run
 * through qemu-user) they are stretched by $MOTCUA_TIME_SCALE. */
static inline double test_time_scale(void)
{
	const char *s = getenv("MOTCUA_TIME_SCALE");
	double k = s ? atof(s) : 1.0;
	return k >= 1.0 ? k : 1.0;
}

#define TEST_DONE() (test_failures ? (fprintf(stderr, "%d check(s) failed\n", test_failures), 1) : 0)

#endif
