/* kiosk — runs the app: the fullscreen event loop, or a headless script.
 *
 * The loop sleeps until input or the app's next deadline, draws a frame only
 * when the app says something changed, and reopens the catalogue when its
 * file is replaced. */
#ifndef MOTCUA_UI_KIOSK_H
#define MOTCUA_UI_KIOSK_H

#include <stdbool.h>

#include "core/catalog.h"
#include "core/config.h"
#include "core/store.h"

typedef struct kiosk_options {
	bool headless, windowed, check_layout;
	int width, height; /* 0: the display's */
	int rotate;
	const char *script; /* run this script (headless mode) */
	const char *shots;  /* folder for the script's screenshots */
	const char *events_path; /* the events store to record in; NULL = record nothing */
	store *st;               /* borrowed; the staff area updates the catalogue through it; NULL = off */
} kiosk_options;

/* Runs until the staff exit (or the script ends). *cat is the open
 * catalogue (may be NULL); when the file at catalog_path is replaced the
 * kiosk opens the new one, closes the old and updates *cat. Returns the
 * exit status of DESIGN §2. */
int kiosk_run(const kiosk_options *o, const config *cfg, const char *catalog_path, catalog **cat);

#endif
