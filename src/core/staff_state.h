/* staff_state — what staff change from the kiosk, kept in the store
 * (STORE/staff.state, owner motcua, mode 0600), never in /etc: the PIN they
 * set and the PIN lockout with its wall-clock time, so that neither a new
 * PIN nor a lock is lost by a restart (DESIGN §8).
 *
 * The file is text, one `key = value` a line, '#' comments:
 *   pin_hash = $argon2id$…   the PIN set at the kiosk (absent: none set)
 *   admin_pin = HEX          BLAKE2b-128 of the configuration's pin_hash at
 *                            the time staff set theirs (see staff_pin_hash)
 *   failures = N             wrong tries in a row, 0..4
 *   locked_at = MS           wall-clock ms since 1970 when the lock began;
 *                            absent or 0: not locked
 * It is written only by staff_state_save, atomically. Anything else in it —
 * an unknown key, a bad value, a NUL, more than STAFF_STATE_MAX bytes, a
 * symlink or other non-regular file, another owner, group- or
 * world-writable — makes it untrusted: the kiosk then lets no PIN in and
 * says why, until the administrator removes the file. */
#ifndef MOTCUA_STAFF_STATE_H
#define MOTCUA_STAFF_STATE_H

#include <stdbool.h>
#include <stdint.h>

#define STAFF_STATE_FILE "staff.state"
#define STAFF_STATE_MAX 4096
#define STAFF_STATE_MARK_HEX 33 /* 16 bytes in hex, and the NUL */

typedef struct staff_record {
	char *pin_hash;                       /* NULL: staff have not set a PIN */
	char admin_pin[STAFF_STATE_MARK_HEX]; /* "" when pin_hash is NULL */
	int failures;
	int64_t locked_at_ms; /* wall clock; 0 = not locked */
} staff_record;

/* Reads DIR/staff.state into s (zeroed first). Returns 0 (an absent file
 * is an empty state), or -1 with *why (malloc'd, translated) when the file
 * is there but cannot be trusted or read. */
int staff_state_load(const char *dir, staff_record *s, char **why);

/* Writes DIR/staff.state: a temporary file created in DIR with
 * O_EXCL|O_NOFOLLOW and mode 0600, fsync, rename over the old one, fsync
 * DIR. Returns 0 or -errno (nothing changed). */
int staff_state_save(const char *dir, const staff_record *s);

void staff_state_clear(staff_record *s);

/* The fingerprint of a configuration pin_hash (NULL and "" alike) kept in
 * admin_pin: hex BLAKE2b-128. */
void staff_state_admin_mark(const char *conf_pin_hash, char out[STAFF_STATE_MARK_HEX]);

/* Precedence of the two PIN hashes: the configuration's pin_hash is the
 * initial PIN; once staff set one at the kiosk, theirs wins, as long as the
 * administrator has not changed the configuration's pin_hash since (then
 * the administrator's new one wins: the way to reset a forgotten PIN).
 * Returns the hash that applies (borrowed; NULL = the default PIN) and sets
 * *staffs when it is the staff's. conf_readable false (the configuration
 * could not be read) keeps the staff's PIN: it is not the default. */
const char *staff_pin_hash(const staff_record *s, const char *conf_pin_hash, bool conf_readable,
                           bool *staffs);

#endif
