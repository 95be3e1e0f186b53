/* screen — the interface every kiosk screen implements.
 *
 * A screen lays itself out into two flows when asked (fixed widgets in
 * screen coordinates; scrollable content in content coordinates shown in a
 * viewport) with tap targets that carry an action number. The app draws
 * the flows, routes taps to ops->action, scrolls the content and keeps the
 * navigation stack. Adding a screen is one file with a screen_ops and a
 * constructor, and one value in screen_id. */
#ifndef MOTCUA_UI_SCREEN_H
#define MOTCUA_UI_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "flow.h"
#include "scroll.h"

typedef struct app app;
struct speech_text;

typedef enum screen_id {
	SCREEN_ATTRACT,
	SCREEN_HOME,
	SCREEN_FIELDS,
	SCREEN_LIST,
	SCREEN_DETAIL,
	SCREEN_SEARCH,
	SCREEN_HOTLINES,
	SCREEN_INDICES,
	SCREEN_NEWS,
	SCREEN_PIN,
	SCREEN_STAFF,
	SCREEN_USB,
	SCREEN_CLOCK,
	SCREEN_PLACES,
	SCREEN_LANG,
	SCREEN_DOSSIER,
	SCREEN_RATING,
	SCREEN_REPORT,
} screen_id;

typedef struct screen screen;

typedef struct screen_ops {
	screen_id id;
	const char *name; /* for scripts' messages: "home", "detail" */
	/* The title shown in the navigation bar, translated; NULL: none. */
	const char *(*title)(screen *s, app *a);
	/* Fills s->fixed and s->content (already reset) and sets s->view (the
	 * content's viewport; w = 0 when there is none) inside body. */
	void (*layout)(screen *s, app *a, gfx_rect body);
	/* A tap on one of the screen's targets. */
	void (*action)(screen *s, app *a, int action, int arg);
	/* The catalogue was replaced: drop what came from the old one. May be NULL. */
	void (*reload)(screen *s, app *a);
	/* Timers of the screen (attract's slides): when next due, and run. May be NULL. */
	int64_t (*deadline)(screen *s, app *a);
	void (*tick)(screen *s, app *a, int64_t now);
	/* Frees s->state. */
	void (*destroy)(void *state);
	/* What read-aloud says, title included, in parts (speak.h); false (or
	 * NULL) for the screen's title and the text it shows, target by target. */
	bool (*speech)(screen *s, app *a, struct speech_text *t);
} screen_ops;

struct screen {
	const screen_ops *ops;
	void *state;
	flow fixed, content;
	gfx_rect view;
	scroll scroll;
	unsigned laid_gen; /* the app's layout generation this layout was made for */
	const char *name_override; /* a sub-state's name for scripts ("article"), or NULL */
};

/* A new screen with the given ops and state (owned from now on). */
screen *screen_new(const screen_ops *ops, void *state);
/* Frees the screen, its flows and its state; screen_free(NULL) is a no-op. */
void screen_free(screen *s);
/* The name for messages. */
const char *screen_name(const screen *s);

/* The constructors, one per file. */
screen *screen_attract_new(app *a);
screen *screen_home_new(app *a);
screen *screen_fields_new(app *a);
screen *screen_list_new(app *a, const char *field); /* copies field */
screen *screen_detail_new(app *a, const char *code); /* copies code */
screen *screen_search_new(app *a);
screen *screen_hotlines_new(app *a);
screen *screen_indices_new(app *a);
screen *screen_news_new(app *a, int article);
/* "Tra cứu địa bàn cũ": old commune and ward names (dia_ban.csv). */
screen *screen_places_new(app *a); /* article: index in the news, or -1 for the list */
screen *screen_pin_new(app *a);
screen *screen_staff_new(app *a);
/* The PIN pad asked for by a USB stick with a catalogue (then the update). */
screen *screen_pin_usb_new(app *a);
/* A new staff PIN, typed twice and written to the configuration. */
screen *screen_pin_change_new(app *a);
bool screen_pin_is_for_usb(const screen *s);
/* The catalogue update from the stick's bundle folder (copied). */
screen *screen_usb_new(app *a, const char *bundle);
/* The language chooser: every UI translation and every language of the
 * catalogue, each in its own name. */
screen *screen_lang_new(app *a);
/* The staff set the system's date and time (through the app's set_clock). */
screen *screen_clock_new(app *a);
/* The dossier lookup (screen_dossier.c), showing code's status when code
 * is not NULL (copied). */
screen *screen_dossier_new(app *a, const char *code);
/* A scanned receipt code: its status on the dossier screen, opened when
 * it is not the top screen. */
void screen_dossier_open(app *a, const char *code);
/* True when the store holds a dossier list (the home tile, scans). */
bool screen_dossier_available(const app *a);
/* Called after each lookup that found a dossier (code: its receipt code).
 * Does nothing yet: the rating screen (issue 13.2) is wired here. */
void app_after_dossier_lookup(app *a, const char *code);
/* "Are you satisfied?" with five faces; dossier (copied) is the code the
 * rating is about, or NULL. Shows thanks when the session has rated. */
screen *screen_rating_new(app *a, const char *dossier);
/* The staff's reports: a period, its figures, print or write to USB. */
screen *screen_report_new(app *a);
/* Shows text (copied) on the staff area when it is the top screen. */
void screen_staff_notice(app *a, const char *text);

#endif
