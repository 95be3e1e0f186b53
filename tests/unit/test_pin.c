/* The staff PIN: real Argon2id hashes through libsodium, and the lockout
 * state machine driven by a table of tries at fake times. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/pin.h"
#include "testlib.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_well_formed(void)
{
	static const struct {
		const char *pin;
		bool ok;
	} t[] = {
	    {"000000", true},   {"123456", true},   {"12345", false},
	    {"1234567", false}, {"12345a", false},  {"", false},
	    {" 123456", false}, {"123 456", false}, {"１２３４５６", false}, /* full-width digits */
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		if (pin_is_well_formed(t[i].pin) != t[i].ok)
			fprintf(stderr, "pin '%s'\n", t[i].pin);
		CHECK(pin_is_well_formed(t[i].pin) == t[i].ok);
		char *h = pin_hash_new(t[i].pin);
		CHECK((h != NULL) == t[i].ok); /* a PIN that is not six digits is refused */
		free(h);
	}
	CHECK(!pin_is_well_formed(NULL));
	CHECK(pin_hash_new(NULL) == NULL);
}

static void test_hash_and_verify(void)
{
	/* No PIN set: 000000 opens, with either NULL or "" in the configuration. */
	CHECK(pin_is_default(NULL) && pin_is_default(""));
	CHECK(pin_verify(NULL, "000000"));
	CHECK(pin_verify("", "000000"));
	CHECK(!pin_verify(NULL, "000001"));
	CHECK(!pin_verify(NULL, "00000"));

	double t0 = now_s();
	char *h = pin_hash_new("246810");
	double t1 = now_s();
	CHECK(h != NULL);
	if (!h)
		return;
	CHECK(!strncmp(h, "$argon2id$", 10));
	CHECK(pin_hash_is_valid(h));
	CHECK(!pin_is_default(h));
	CHECK(pin_verify(h, "246810"));
	double t2 = now_s();
	CHECK(!pin_verify(h, "246811"));
	CHECK(!pin_verify(h, "000000")); /* once set, the default no longer opens */
	CHECK(!pin_verify(h, "2468100"));
	fprintf(stderr, "pin_hash_new %.0f ms, pin_verify %.0f ms\n", (t1 - t0) * 1e3,
	        (t2 - t1) * 1e3);

	/* Salted: the same PIN twice gives two different strings, both valid. */
	char *h2 = pin_hash_new("246810");
	CHECK(h2 && strcmp(h, h2) != 0 && pin_verify(h2, "246810"));
	free(h2);

	/* A damaged hash in the configuration is detectable and never opens. */
	CHECK(!pin_hash_is_valid("246810"));
	CHECK(!pin_hash_is_valid("$argon2id$garbage"));
	CHECK(!pin_verify("246810", "246810"));
	char *broken = strdup(h);
	broken[strlen(broken) - 3] ^= 1;
	CHECK(!pin_verify(broken, "246810"));
	free(broken);
	free(h);
}

/* One try at a fake time, and what the PIN pad shows afterwards. */
typedef struct step {
	uint64_t t;      /* ms */
	const char *pin; /* NULL: only query the state at t */
	pin_result want;
	int tries_left;
	uint64_t remaining; /* ms of lock left */
} step;

static const step lockout[] = {
    {0, "111111", PIN_WRONG, 4, 0},
    {1000, "222222", PIN_WRONG, 3, 0},
    {2000, "246810", PIN_OK, 5, 0}, /* a right PIN resets the count */
    {3000, "111111", PIN_WRONG, 4, 0},
    {4000, "111111", PIN_WRONG, 3, 0},
    {5000, "111111", PIN_WRONG, 2, 0},
    {6000, "111111", PIN_WRONG, 1, 0},
    {7000, "111111", PIN_WRONG, 0, 300000},  /* fifth wrong try: locked for five minutes */
    {8000, "246810", PIN_LOCKED, 0, 299000}, /* even the right PIN is refused */
    {67000, NULL, PIN_LOCKED, 0, 240000},    /* a minute later: four minutes left */
    {306999, "246810", PIN_LOCKED, 0, 1},
    {307000, NULL, PIN_OK, 5, 0}, /* lock over, fresh count */
    {307000, "111111", PIN_WRONG, 4, 0},
    {308000, "246810", PIN_OK, 5, 0},
    /* five more wrong ones lock again, counted from the fifth */
    {400000, "1", PIN_WRONG, 4, 0},
    {400001, "", PIN_WRONG, 3, 0},
    {400002, "999999", PIN_WRONG, 2, 0},
    {400003, "999999", PIN_WRONG, 1, 0},
    {400004, "999999", PIN_WRONG, 0, 300000},
    {500000, NULL, PIN_LOCKED, 0, 200004},
    {700004, "246810", PIN_OK, 5, 0},
};

static void test_lockout(const step *steps, size_t n, const char *hash)
{
	pin_guard g;
	pin_guard_init(&g);
	for (size_t i = 0; i < n; i++) {
		const step *s = &steps[i];
		if (s->pin) {
			pin_result r = pin_guard_try(&g, hash, s->pin, s->t);
			if (r != s->want)
				fprintf(stderr, "step %zu: result %d, want %d\n", i, r, s->want);
			CHECK(r == s->want);
		}
		uint64_t rem = pin_guard_remaining_ms(&g, s->t);
		int left = pin_guard_tries_left(&g, s->t);
		if (rem != s->remaining || left != s->tries_left)
			fprintf(stderr, "step %zu: remaining %llu left %d\n", i,
			        (unsigned long long)rem, left);
		CHECK(rem == s->remaining);
		CHECK(left == s->tries_left);
	}
}

static void test_record_and_clock(void)
{
	/* pin_guard_record, for a UI that hashes off its main thread */
	pin_guard g = {0};
	for (int i = 0; i < PIN_MAX_TRIES; i++)
		CHECK(pin_guard_record(&g, false, 1000) == PIN_WRONG);
	CHECK(pin_guard_record(&g, true, 2000) == PIN_LOCKED);
	/* a clock that jumps backwards keeps the whole lock */
	CHECK(pin_guard_remaining_ms(&g, 500) == PIN_LOCK_MS);
	CHECK(pin_guard_record(&g, true, 1000 + PIN_LOCK_MS) == PIN_OK);
	/* large monotonic times (days of uptime) */
	uint64_t day = 86400000ull * 40;
	for (int i = 0; i < PIN_MAX_TRIES; i++)
		pin_guard_record(&g, false, day);
	CHECK(pin_guard_remaining_ms(&g, day + 1) == PIN_LOCK_MS - 1);
	/* restored after a restart: a lock with time left, or a count of tries,
	 * both clamped; a clock that starts low (a script's, a fresh boot's) is fine */
	pin_guard_restore(&g, 0, 60000, 1000);
	CHECK(pin_guard_remaining_ms(&g, 1000) == 60000);
	CHECK(pin_guard_record(&g, true, 2000) == PIN_LOCKED);
	CHECK(pin_guard_remaining_ms(&g, 61000) == 0 &&
	      pin_guard_tries_left(&g, 61000) == PIN_MAX_TRIES);
	pin_guard_restore(&g, 0, 10 * PIN_LOCK_MS, 0);
	CHECK(pin_guard_remaining_ms(&g, 0) == PIN_LOCK_MS);
	pin_guard_restore(&g, 3, 0, 5);
	CHECK(pin_guard_tries_left(&g, 5) == PIN_MAX_TRIES - 3);
	pin_guard_restore(&g, 99, 0, 5);
	CHECK(pin_guard_tries_left(&g, 5) == 1);
	CHECK(pin_guard_record(&g, false, 6) == PIN_WRONG &&
	      pin_guard_remaining_ms(&g, 6) == PIN_LOCK_MS);
}

int main(void)
{
	test_well_formed();
	test_hash_and_verify();
	char *h = pin_hash_new("246810");
	CHECK(h != NULL);
	test_lockout(lockout, sizeof lockout / sizeof *lockout, h);
	free(h);
	test_record_and_clock();
	return TEST_DONE();
}
