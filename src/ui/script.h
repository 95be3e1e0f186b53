/* script — the headless script mode (DESIGN §2, §5): the same app, driven
 * by lines of a script with a fake clock, writing PNG screenshots.
 *
 *	tap X Y | tap-text "LABEL" | drag X1 Y1 X2 Y2 MS | type "TEXT" | wait MS
 *	shot NAME | expect-text "TEXT" | expect-no-text "TEXT"
 *	usb-insert DIR | usb-remove | # comment
 *
 * The script starts on the home screen. A frame is drawn after every step
 * that changed something; with check_layout every frame is checked (text
 * inside its box and the screen, no two texts overlapping). A failed
 * expectation prints SCRIPT:LINE: error: ... and gives status 1; bad syntax
 * gives status 2 before anything runs (when the script is a regular file;
 * from a pipe, lines are run as they arrive). */
#ifndef MOTCUA_UI_SCRIPT_H
#define MOTCUA_UI_SCRIPT_H

#include <stdbool.h>
#include <stdint.h>

#include "catwatch.h"
#include "core/catalog.h"
#include "core/config.h"
#include "gfx/gfx.h"

typedef struct script_options {
	const char *path;  /* "-" = standard input */
	const char *shots; /* folder for screenshots; NULL = the current folder */
	bool check_layout;
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
} script_cmd;

typedef struct script_step {
	script_cmd cmd;
	double num[5];
	char *text; /* NFC; owned */
} script_step;

/* Parses one line (without its newline). On a syntax error returns false
 * with a malloc'd message in *err. */
bool script_parse_line(const char *line, script_step *out, char **err);
void script_step_clear(script_step *s);

/* Runs the script against a new app on g. The catalogue watch and *cat are
 * as in kiosk_run. wall_ms is the wall clock shown in the header. Returns
 * the exit status: 0 passed, 1 an expectation failed, 2 bad syntax, 3 I/O. */
int script_run(const script_options *o, gfx *g, const config *cfg, catwatch *w, catalog **cat, int64_t wall_ms);

#endif
