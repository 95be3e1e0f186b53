/* monkey_driver — random input from a fixed seed against the real app,
 * headless, as the kiosk's loop would feed it.
 *
 * The driver owns everything a kiosk process owns: a fresh store filled from
 * the sample catalogue in a temporary folder, the configuration, the
 * catalogue (reopened through catwatch when the staff area replaces it), the
 * headless gfx and the app (restarted when it finishes). Time is fake: it
 * starts at a fixed wall-clock moment and moves only when the driver says,
 * through the app's deadlines, so a run is a pure function of the seed
 * (print jobs excepted: CUPS works in real time).
 *
 * An action is what a citizen or staff member does in one go: a tap, a drag,
 * a long press, typing a few keys, walking away for a while, plugging in a
 * USB stick. Used by tests/monkey/monkey.c (checks on) and by
 * tests/bench/bench_soak.c (checks off, a million actions). */
#ifndef MOTCUA_TESTS_MONKEY_DRIVER_H
#define MOTCUA_TESTS_MONKEY_DRIVER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "gfx/gfx.h"

typedef struct monkey_options {
	uint64_t seed;
	int width, height;    /* the panel; UI space is swapped for rotate 90/270 */
	int rotate;           /* 0, 90, 180, 270 */
	const char *printer;  /* CUPS queue the kiosk prints to; NULL = a queue that does
	                       * not exist (taps on print buttons fail at once) and no
	                       * print actions of their own */
	long max_prints;      /* taps on print buttons at most (0 = no limit); past it
	                       * the monkey stays off them */
	const char *fixtures; /* the good bundle to derive USB sticks from; NULL = no USB actions */
	bool check;           /* after every frame: layout, header */
	int stale_every;      /* with check: every this many actions (0 = never), draw
	                       * although no frame is due and compare (a full draw: costly) */
	bool frame_per_input; /* draw after every input event, as a 60 Hz loop would;
	                       * false: once per action (the soak) */
	bool trace;           /* print every action on stderr */
	const char *bundle;   /* the catalogue to start with; NULL = the sample in data/ */
	const char *unit_name; /* the configuration's unit_name (the header); NULL = the bundle's */
	int idle_prompt_s, idle_reset_s; /* the configuration's; 0 = the defaults (90, 20) */
	bool english; /* start in English (MOTCUA_LANG=en) instead of Vietnamese */
} monkey_options;

typedef struct monkey monkey;

typedef struct monkey_stats {
	long actions; /* monkey_step calls */
	long events;  /* ui_events handed to the app (input, ticks, USB) */
	long frames, ticks, restarts, checks;
	long pin_opened, pin_right, staff_reached, idle_prompts, attract_resets;
	long usb_inserts, usb_removes, prints, catalog_reloads, lang_toggles, size_toggles;
	long typed_keys, detail_views;
	long idle_ticks_per_min; /* the most timer ticks seen in a minute nobody touched */
	double slowest_event_ms; /* real time in app_handle_event, the longest */
	char slowest_event[96];  /* which: "a tick on detail, action 42" */
	double slowest_frame_ms; /* real time in app_draw + gfx_present, the longest */
} monkey_stats;

/* Sets up a store, a catalogue, the gfx and the app. Returns NULL after
 * saying why on stderr. */
monkey *monkey_new(const monkey_options *o);
/* Removes the temporary folder; monkey_free(NULL) is a no-op. */
void monkey_free(monkey *m);

/* Runs one random action. Returns false after reporting the first
 * violation (with the action number, the screen and the text runs). */
bool monkey_step(monkey *m);

/* The system clock jumps by delta_ms (NTP), then something redraws; false
 * after reporting when the header does not show the new time. */
bool monkey_clock_jump(monkey *m, int64_t delta_ms);

/* Counters so far. */
const monkey_stats *monkey_get_stats(const monkey *m);
void monkey_print_stats(const monkey *m, FILE *f);
/* The name of what is on screen ("attract", "home", "detail", ...). */
const char *monkey_screen(monkey *m);
/* The gfx (for its text cache statistics). */
gfx *monkey_gfx(monkey *m);
/* The temporary folder (store, fixtures); owned. */
const char *monkey_dir(const monkey *m);

#endif
