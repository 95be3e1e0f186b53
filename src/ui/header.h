/* header — the top of every screen: the emblem, the unit name, the
 * catalogue's date, the clock, the VI / EN switch and the larger-text
 * toggle, the read-aloud button (when the kiosk can speak); below home also a navigation bar with "Back", the screen's title
 * and "Home". */
#ifndef MOTCUA_UI_HEADER_H
#define MOTCUA_UI_HEADER_H

#include "app_state.h"

/* Tap actions of the header (handled by the app). */
enum {
	HEADER_ACT_LANG = 9001, /* opens the language chooser */
	HEADER_ACT_TEXT_SIZE,
	HEADER_ACT_BACK,
	HEADER_ACT_HOME,
	HEADER_ACT_READ, /* "Nghe đọc": read the screen aloud, or stop (speak.h) */
};

/* Lays the header out into f (reset first) across the screen's width; with
 * nav, adds the navigation bar with title (may be NULL). Sets a->logo to
 * the emblem (the long-press target). Returns the height used. */
int header_layout(app *a, flow *f, bool nav, const char *title);

#endif
