/* app — the kiosk's state, event routing and navigation; pure logic.
 *
 * The loop (kiosk.c, or the script runner) feeds events with the time they
 * happened, asks when the next timer is due, and draws a frame only when
 * app_needs_frame says something changed. Nothing here reads a clock or
 * touches SDL: the same code runs fullscreen and in headless scripts. */
#ifndef MOTCUA_UI_APP_H
#define MOTCUA_UI_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/catalog.h"
#include "core/config.h"
#include "core/events.h"
#include "core/store.h"
#include "event.h"
#include "gfx/gfx.h"
#include "textruns.h"

typedef struct app app;

/* Sets the system clock to wall_ms (ms since the epoch, UTC): the seam to
 * systemd's time service (platform/clock.h), or a fake in scripts and
 * tests. The app does not move its own clock: the next wall clock its
 * loop passes in (app_set_wall_clock) shows the result. Returns 0, or a
 * negative errno with *err set to a malloc'd message in plain words. */
typedef int app_set_clock_fn(void *ctx, int64_t wall_ms, char **err);

/* The kiosk's voice (src/ui/voice.h: espeak-ng and the sound card), the
 * seam through which read-aloud and the keypad speak. Called from the UI
 * thread; none of them waits for the sound. */
typedef struct app_voice {
	void (*say)(void *ctx, const char *text); /* replaces what is said; NULL: silence */
	bool (*busy)(void *ctx);                  /* still being made or heard */
	void (*set_volume)(void *ctx, int percent);
	void *ctx;
} app_voice;

typedef struct app_options {
	const config *cfg; /* kept; outlives the app */
	catalog *cat;      /* borrowed (see app_set_catalog); NULL = no catalogue */
	int64_t now;       /* the injected clock at start, ms */
	int64_t wall_ms;   /* wall-clock time at `now`, ms since the epoch (the header's clock) */
	bool attract;      /* start on the attract screen (the kiosk) instead of home (scripts) */
	events *events;    /* borrowed; where views, failed searches and prints are recorded; NULL = nowhere */
	store *st;         /* borrowed; the staff area updates, rolls back and exports through it; NULL = off */
	app_set_clock_fn *set_clock; /* the staff's "Set the date and time"; NULL = not offered */
	void *set_clock_ctx;         /* passed to set_clock; borrowed */
	const app_voice *voice;      /* borrowed; NULL: silent, read-aloud not offered */
} app_options;

/* A new app that measures text with g (kept; it must outlive the app).
 * The start language is the one i18n_init chose. */
app *app_new(const app_options *o, gfx *g);
/* app_free(NULL) is a no-op. */
void app_free(app *a);

/* Handles one event that happened at `now` (ms, never going backwards). */
void app_handle_event(app *a, const ui_event *ev, int64_t now);
/* True when something changed since the last frame. */
bool app_needs_frame(const app *a);
/* Draws the current state (and remembers the text drawn); marks the frame
 * as drawn. Changes nothing else. */
void app_draw(app *a, gfx *g);
/* When a timer is next due (idle prompt, countdown, momentum, long press,
 * slides, the clock's next minute): send a UI_EV_TICK then. */
int64_t app_next_deadline(const app *a);
/* True while the app waits on something outside that follows real time (a
 * print job in CUPS, the staff area's dossier check in its worker): a
 * runner with a fake clock lets real time pass up to app_next_deadline
 * before the tick. */
bool app_waits_outside(const app *a);
/* True while work runs in the background that will finish on its own and
 * report on a tick (the staff's USB copy, check or install): a runner with
 * a fake clock waits for it before going on. */
bool app_busy(const app *a);

/* Swaps in another catalogue (reopened after an import); the old handle is
 * the caller's to close after this returns. Screens drop what came from it. */
void app_set_catalog(app *a, catalog *c);
/* The dossier list appeared, was replaced or went (catwatch.h): the home
 * screen's tile and the attract screen's figures follow. */
void app_dossiers_changed(app *a);
/* True while a screen that shows the dossier list is up (home, attract). */
bool app_shows_dossier_list(const app *a);
/* Re-anchors the header clock: wall-clock ms at `now`. */
void app_set_wall_clock(app *a, int64_t wall_ms, int64_t now);

/* False when the wall clock is known to be wrong: earlier than the
 * installed catalogue's issue date or than the program's build
 * (core/wallclock.h). Then the header shows no time to citizens, the staff
 * area says so, and sheets are printed without the time. */
bool app_clock_right(const app *a);

/* Offers the citizen the rating screen (screen_rating.c): after a print,
 * and after a dossier lookup with its code (copied; NULL when none). At
 * most once a session, and not once the session has rated; the home
 * screen's button still opens it. */
void app_offer_rating(app *a, const char *dossier_code);

/* True when the staff chose "Exit"; *status gets the exit status. */
bool app_finished(const app *a, int *status);
/* Name of what is on screen: "home", "detail", "idle-prompt", ... */
const char *app_screen_name(const app *a);
/* Centre of the on-screen keyboard key that types ch ("a".."z", "0".."9",
 * " "); false when no keyboard is shown or it has no such key. */
bool app_key_center(const app *a, int ch, float *x, float *y);
/* The last thing the kiosk said aloud and a serial bumped at each new
 * utterance (scripts log and check them: expect-spoken). */
const char *app_spoken(const app *a, unsigned *serial);
/* The text runs of the last frame. */
textruns *app_text_runs(app *a);

#endif
