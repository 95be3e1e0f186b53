/* pin — the staff PIN that guards the staff area (DESIGN §5).
 *
 * The PIN is six digits, stored only as crypto_pwhash_str output (Argon2id
 * with libsodium's INTERACTIVE limits: 64 MiB and well under a second on a
 * Raspberry Pi 4). Until staff set one, the PIN is 000000 and the kiosk warns.
 * pin_guard locks the PIN pad after repeated wrong tries; it takes the time as
 * an argument (a monotonic millisecond clock) and never reads a clock itself. */
#ifndef MOTCUA_PIN_H
#define MOTCUA_PIN_H

#include <stdbool.h>
#include <stdint.h>

#define PIN_LENGTH 6
#define PIN_DEFAULT "000000"
#define PIN_MAX_TRIES 5     /* wrong tries in a row before the lock */
#define PIN_LOCK_MS 300000u /* five minutes */

/* True when pin is exactly PIN_LENGTH ASCII digits. */
bool pin_is_well_formed(const char *pin);

/* True when hash is NULL or "" (no PIN set: the default PIN applies). */
bool pin_is_default(const char *hash);

/* True when hash looks like crypto_pwhash_str output that pin_verify can
 * check (so a typo in the configuration can be reported, not lock staff out
 * silently). NULL and "" are not hashes. */
bool pin_hash_is_valid(const char *hash);

/* Checks pin against hash (crypto_pwhash_str output); a NULL or empty hash
 * means the default PIN 000000. A pin that is not six digits, or a hash that
 * cannot be checked, never matches. Takes about as long as pin_hash_new. */
bool pin_verify(const char *hash, const char *pin);

/* Hashes a new PIN for the configuration's pin_hash key. Returns a malloc'd
 * string the caller frees, or NULL when pin is not six digits or when the
 * hash cannot be computed (libsodium could not get its 64 MiB). */
char *pin_hash_new(const char *pin);

/* The lockout state machine. Zero-initialise (or pin_guard_init) it. */
typedef struct pin_guard {
	int failures; /* wrong tries since the last right one or the last lock */
	bool locked;
	uint64_t locked_until_ms; /* when the lock ends */
} pin_guard;

typedef enum pin_result {
	PIN_OK,     /* right PIN: the count is reset */
	PIN_WRONG,  /* wrong PIN; pin_guard_tries_left says how many remain */
	PIN_LOCKED, /* refused without checking: too many wrong tries */
} pin_result;

void pin_guard_init(pin_guard *g);

/* Milliseconds until the lock ends (0 when not locked). A lock that has run
 * out is lifted here, with a fresh count of tries. */
uint64_t pin_guard_remaining_ms(pin_guard *g, uint64_t now_ms);

/* Wrong tries left before the lock (0 while locked). */
int pin_guard_tries_left(pin_guard *g, uint64_t now_ms);

/* Records the outcome of a try whose PIN was checked by the caller (so the
 * slow pin_verify can run off the UI thread): a right PIN resets the count;
 * the PIN_MAX_TRIES-th wrong one in a row still returns PIN_WRONG but starts
 * a PIN_LOCK_MS lock (pin_guard_remaining_ms becomes non-zero). While locked,
 * returns PIN_LOCKED and changes nothing, right PIN or not. */
pin_result pin_guard_record(pin_guard *g, bool right, uint64_t now_ms);

/* Puts back a guard saved before a restart (staff_state.h): failures wrong
 * tries so far (clamped to 0..PIN_MAX_TRIES-1) and, when remaining_ms > 0, a
 * lock with that much time left (at most PIN_LOCK_MS). */
void pin_guard_restore(pin_guard *g, int failures, uint64_t remaining_ms, uint64_t now_ms);

/* One whole try: PIN_LOCKED at once while locked (the PIN is not even
 * hashed), else pin_verify(hash, pin) and pin_guard_record. */
pin_result pin_guard_try(pin_guard *g, const char *hash, const char *pin, uint64_t now_ms);

#endif
