/* staff_pin — which PIN opens the staff area, and what staff change from
 * the kiosk kept across restarts in the store's staff.state (a new PIN, the
 * lockout); see core/staff_state.h for the file and the precedence.
 *
 * Fail closed: when the configuration could not be read or its security
 * lines are invalid (config.refused), the default PIN 000000 opens nothing
 * and imports are refused; when staff.state cannot be trusted, no PIN opens
 * the staff area. Each reason is printed once on stderr (the journal) and
 * shown in words on the PIN pad and in the staff area. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/xalloc.h"

/* The configuration was named or present but could not be read at all. */
static bool conf_unreadable(const config *cfg)
{
	return cfg && cfg->refused && !cfg->path;
}

void app_staff_init(app *a)
{
	const config *cfg = a->cfg;
	const char *conf_hash = cfg ? cfg->pin_hash : NULL;
	char *why = NULL;
	if (a->st && staff_state_load(a->st->dir, &a->staff, &why) < 0) {
		a->staff_broken = true;
		a->pin_refused = xasprintf(
		    _("The staff file %s cannot be trusted, so no PIN opens the staff area. "
		      "The administrator must remove it; the PIN is then the configuration's."),
		    why);
		free(why);
	}
	bool staffs = false;
	const char *h = staff_pin_hash(&a->staff, conf_hash, !conf_unreadable(cfg), &staffs);
	a->pin_hash = h ? xstrdup(h) : NULL;
	if (!a->pin_refused && h && !pin_hash_is_valid(h))
		a->pin_refused = xasprintf(
		    _("The configuration's pin_hash is not valid, so no PIN opens the staff "
		      "area: %s"),
		    cfg && cfg->refused ? cfg->refused : "pin_hash");
	else if (!a->pin_refused && !h && cfg && cfg->refused)
		a->pin_refused = xasprintf(
		    _("The default PIN 000000 is refused until the configuration is fixed: %s"),
		    cfg->refused);
	if (cfg && cfg->refused)
		a->import_refused = xstrdup(cfg->refused);
	if (a->pin_refused)
		fprintf(stderr, "motcua: %s: %s\n", _("error"), a->pin_refused);
	if (a->staff.pin_hash && !staffs) {
		fprintf(stderr, "motcua: %s\n",
		        _("the configuration's pin_hash changed after staff set a PIN at the "
		          "kiosk: the configuration's "
		          "PIN applies"));
		/* The reset is for good: the staff's old PIN must not come back
		 * if the administrator later empties pin_hash again. */
		staff_record n = a->staff;
		n.pin_hash = NULL;
		n.admin_pin[0] = '\0';
		int rc = staff_state_save(a->st->dir, &n);
		if (rc < 0)
			fprintf(stderr, "motcua: %s: %s/%s: %s\n", _("error"), a->st->dir,
			        STAFF_STATE_FILE, strerror(-rc));
		else {
			staff_record old = a->staff;
			a->staff = n;
			staff_state_clear(&old);
		}
	}
	/* The lockout goes on where it was. A lock whose start lies in the
	 * future (the clock went back, or was not set yet after a power cut)
	 * starts now: the whole lock rather than none. */
	if (a->staff.locked_at_ms > 0) {
		int64_t elapsed = app_wall_ms(a) - a->staff.locked_at_ms;
		if (elapsed < 0)
			elapsed = 0;
		if (elapsed < (int64_t)PIN_LOCK_MS)
			pin_guard_restore(&a->pin, 0, PIN_LOCK_MS - (uint64_t)elapsed,
			                  (uint64_t)a->now);
	} else {
		pin_guard_restore(&a->pin, a->staff.failures, 0, (uint64_t)a->now);
	}
}

void app_staff_free(app *a)
{
	staff_state_clear(&a->staff);
	free(a->pin_hash);
	free(a->pin_refused);
	free(a->import_refused);
}

/* The guard as staff.state keeps it. */
static void guard_fields(app *a, int *failures, int64_t *locked_at)
{
	pin_guard_remaining_ms(&a->pin, (uint64_t)a->now); /* lifts a lock that ran out */
	*failures = a->pin.locked ? 0 : a->pin.failures;
	*locked_at =
	    a->pin.locked ? (int64_t)(a->pin.locked_until_ms - PIN_LOCK_MS) + a->wall_offset : 0;
	if (a->pin.locked && *locked_at <= 0)
		*locked_at = 1;
}

void app_staff_sync(app *a)
{
	if (!a->st || a->staff_broken)
		return; /* a file that cannot be trusted stays as the administrator will find it */
	int failures;
	int64_t locked_at;
	guard_fields(a, &failures, &locked_at);
	if (failures == a->staff.failures && (locked_at != 0) == (a->staff.locked_at_ms != 0))
		return;
	staff_record n = a->staff; /* shallow: the same pin_hash */
	n.failures = failures;
	n.locked_at_ms = locked_at;
	int rc = staff_state_save(a->st->dir, &n);
	if (rc < 0) {
		/* The lock still holds in memory; only a restart would lift it. */
		fprintf(stderr, "motcua: %s: %s/%s: %s\n", _("error"), a->st->dir, STAFF_STATE_FILE,
		        strerror(-rc));
		return;
	}
	a->staff.failures = failures;
	a->staff.locked_at_ms = locked_at;
}

char *app_staff_set_pin(app *a, char *hash)
{
	if (!a->st || a->staff_broken) {
		free(hash);
		return xstrdup(
		    _("This kiosk has no store to keep the PIN in. The PIN was not changed."));
	}
	staff_record n = a->staff;
	n.pin_hash = hash;
	/* Unreadable configuration: keep the mark of the one the staff PIN
	 * followed, so fixing the file does not undo this change. */
	if (!conf_unreadable(a->cfg) || !a->staff.pin_hash)
		staff_state_admin_mark(a->cfg ? a->cfg->pin_hash : NULL, n.admin_pin);
	guard_fields(a, &n.failures, &n.locked_at_ms);
	int rc = staff_state_save(a->st->dir, &n);
	if (rc < 0) {
		free(hash);
		return xasprintf(_("Cannot write %s/%s (%s). The PIN was not changed."), a->st->dir,
		                 STAFF_STATE_FILE, strerror(-rc));
	}
	free(a->staff.pin_hash);
	a->staff = n;
	free(a->pin_hash);
	a->pin_hash = xstrdup(hash);
	free(a->pin_refused); /* a PIN staff chose is never the default */
	a->pin_refused = NULL;
	return NULL;
}
