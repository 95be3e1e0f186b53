/* script — the headless script mode (DESIGN §2, §5): the same app, driven
 * by lines of a script with a fake clock, writing PNG screenshots.
 *
 *	tap X Y | tap-text "LABEL" | drag X1 Y1 X2 Y2 MS | type "TEXT" | wait MS
 *	shot NAME | expect-text "TEXT" | expect-no-text "TEXT"
 *	usb-insert DIR | usb-remove [NAME] | clock "DD/MM/YYYY HH:MM" | # comment
 *	expect-exact "TEXT" | keep "TEXT" NAME | expect-run "TEXT" "EXPR"
 *	print-run "TEXT" | print-runs | scan "TEXT" | key NAME | expect-spoken "TEXT"
 *
 * The script starts on the home screen. A frame is drawn after every step
 * that changed something; with check_layout every frame is checked (text
 * inside its box and the screen, no two texts overlapping). A failed
 * expectation prints SCRIPT:LINE: error: ... and gives status 1; bad syntax
 * gives status 2 before anything runs (when the script is a regular file;
 * from a pipe, lines are run as they arrive).
 *
 * Where texts are: `expect-exact` wants a run whose whole text is TEXT
 * (`expect-text` takes any run that contains it). `keep` remembers, under
 * NAME, the rect of the run whose whole text is TEXT (if none, the first
 * in reading order that contains it; so for the next two); `expect-run` checks
 * that run's rect against EXPR, `FIELD OP VALUE` with FIELD one of x y w h
 * bottom right, OP one of < <= > >= == !=, and VALUE a number, screen.w,
 * screen.h or NAME.FIELD, optionally followed by + - or * and a number
 * ("y < top.y - 200", "h >= small.h * 1.2"). `print-run` writes the run's
 * visible rect to standard output as `run X Y W H TEXT` for a test that
 * looks at the screenshot's pixels there; `print-runs` writes every run
 * (to write a script). The rects are whole lines of
 * text, in the UI's coordinates (before a rotation).
 *
 * The keypad and the voice: `key NAME` presses a key of the numeric keypad
 * (kp0..kp9, kpenter, kpplus, kpminus, kpstar, kpslash, kpperiod). Every
 * time the kiosk says something (an announcement, a part of a reading) the
 * runner writes `SCRIPT:LINE: spoken: WORDS` on standard error;
 * `expect-spoken "TEXT"` wants TEXT in the last words spoken. The sound
 * itself goes to SDL's audio driver ($SDL_AUDIODRIVER; "disk" writes it to
 * $SDL_DISKAUDIOFILE) in real time, while the script's clock is fake.
 *
 * USB sticks: `usb-insert DIR` makes a stick under a media root of the
 * script's own that the real USB watch reports: a copy of DIR as the
 * stick's motcua/ folder (or as the whole stick when DIR holds a motcua/
 * folder); `usb-remove` takes the last one put in out again, `usb-remove
 * usbN` that one. Several sticks can be in at once. The kiosk then copies the
 * stick's bundle to its staging folder for real. The sticks live in a
 * temporary folder, or in $MOTCUA_SCRIPT_USB when set (media/usbN while
 * in, removed/usbN after; left there for the test to inspect).
 * $MOTCUA_TEST_HOLD_COPY=1 parks every staging copy after its first
 * bytes until the stick is pulled or the copy cancelled (update.h), so a
 * test can pull a stick in the middle of a copy (and the staff area's
 * dossier check once its file is read, dossier_job.h). After every step
 * the runner waits for the catalogue update's work to finish (app_busy).
 * The dossier check is not waited for: like a print job in CUPS it
 * follows real time (app_waits_outside), so the screen right after the
 * tap shows it checking, and `wait MS` lets real time pass while it runs,
 * its progress polled every 100 ms, until it has finished.
 *
 * `scan "CODE"` is a USB barcode scanner reading a receipt: CODE's
 * characters as key events 15 ms apart, then Enter, on whatever screen
 * is shown (the key events of a keyboard, not taps on the on-screen one).
 *
 * The clock: the header shows the wall clock passed to script_run, moving
 * with the script's fake time. `clock "24/11/2026 08:00"` sets that wall
 * clock (local time), as a Pi without a clock battery might boot with, or
 * NTP might set. The staff's "Set the clock" goes to a fake system clock:
 * it sets the same wall clock and prints
 * `SCRIPT:LINE: set-clock: DD/MM/YYYY HH:MM` on standard error; the
 * real system clock is never touched. */
#ifndef MOTCUA_UI_SCRIPT_H
#define MOTCUA_UI_SCRIPT_H

#include <stdbool.h>
#include <stdint.h>

#include "catwatch.h"
#include "core/catalog.h"
#include "core/config.h"
#include "core/events.h"
#include "core/store.h"
#include "gfx/gfx.h"

typedef struct script_options {
	const char *path;  /* "-" = standard input */
	const char *shots; /* folder for screenshots; NULL = the current folder */
	bool check_layout;
	events *events;    /* borrowed; the app records in it; NULL = nowhere */
	store *st;         /* borrowed; the staff area's store; NULL = no updates */
	int stop_fd;       /* readable when the kiosk must stop (platform/stop.h): the
	                      script ends there, cancelling the USB work; -1 = none
	                      (0 is a descriptor: set it) */
} script_options;

/* One parsed line. */
typedef enum script_cmd {
	SCRIPT_NONE, /* blank or comment */
	SCRIPT_TAP,
	SCRIPT_TAP_TEXT,
	SCRIPT_DRAG,
	SCRIPT_TYPE,
	SCRIPT_WAIT,
	SCRIPT_SHOT,
	SCRIPT_EXPECT_TEXT,
	SCRIPT_EXPECT_NO_TEXT,
	SCRIPT_USB_INSERT,
	SCRIPT_USB_REMOVE,
	SCRIPT_CLOCK,
	SCRIPT_EXPECT_EXACT,
	SCRIPT_KEEP,
	SCRIPT_EXPECT_RUN,
	SCRIPT_PRINT_RUN,
	SCRIPT_PRINT_RUNS,
	SCRIPT_SCAN,
	SCRIPT_KEY,
	SCRIPT_EXPECT_SPOKEN,
} script_cmd;

typedef struct script_step {
	script_cmd cmd;
	double num[5];
	char *text;  /* NFC; owned */
	char *text2; /* the second word or string (keep, expect-run); owned */
} script_step;

/* Parses one line (without its newline). On a syntax error returns false
 * with a malloc'd message in *err. */
bool script_parse_line(const char *line, script_step *out, char **err);
void script_step_clear(script_step *s);

/* Runs the script against a new app on g. The catalogue watch and *cat are
 * as in kiosk_run. wall_ms is the wall clock shown in the header. Returns
 * the exit status: 0 passed, 1 an expectation failed, 2 bad syntax, 3 I/O.
 * Stopped through stop_fd (SIGTERM), it ends with what it had so far. */
int script_run(const script_options *o, gfx *g, const config *cfg, catwatch *w, catalog **cat, int64_t wall_ms);

#endif
