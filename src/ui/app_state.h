/* app_state — the app's state as the screens see it, and the calls they
 * make on it (navigation, the catalogue, metrics). Private to src/ui. */
#ifndef MOTCUA_UI_APP_STATE_H
#define MOTCUA_UI_APP_STATE_H

#include "app.h"
#include "core/i18n.h"
#include "core/pin.h"
#include "core/staff_state.h"
#include "core/store.h"
#include "flow.h"
#include "gesture.h"
#include "idle.h"
#include "layout.h"
#include "print_overlay.h"
#include "scanner.h"
#include "screen.h"

#define APP_MAX_DEPTH 16

/* The citizen chose language code (screen_lang): the UI in it when it is
 * translated (else Vietnamese), the catalogue text in it where the bundle
 * translates it. */
void app_set_lang(app *a, const char *code);
/* The content language: a->lang when the catalogue carries it, else NULL
 * (Vietnamese, the catalogue itself). Static or a->lang. */
const char *app_content_lang(app *a);
/* The names of v in the content language where the bundle translates them
 * (catalog_summaries_translate); the others stay Vietnamese, marked. */
void app_summaries_translate(app *a, proc_summary *v, size_t n);
/* text followed by "(in Vietnamese)" when marked: text the citizen sees in
 * Vietnamese although another content language was chosen. Caller frees. */
char *app_marked(const char *text, bool marked);
/* text, a field of a translated row (news, hotline: its `translated` mask,
 * kind TR_NEWS ..., member the field's offsetof), marked as app_marked when
 * marking (another content language is shown, app_content_lang) and the
 * row's translation lacks that field. The screens and the attract slides
 * mark by this one rule. Caller frees. */
char *app_marked_row(const char *text, bool marking, unsigned translated, int kind, size_t member);

struct app {
	gfx *g;
	catalog *cat;
	const config *cfg;
	ui_metrics m;
	bool large_text;
	char start_lang[16];          /* the UI language a new citizen gets (i18n code) */
	char lang[16];                /* the citizen's language: the UI's when translated, and
	                                 the catalogue text's when the bundle has it (else vi) */
	int64_t now, wall_offset; /* wall ms = now + wall_offset */
	int64_t shown_minute;
	bool clock_right_shown;       /* app_clock_right when the minute was last shown */
	idle idle;
	gesture gest;
	screen *stack[APP_MAX_DEPTH]; /* stack[0] is home */
	int depth;
	screen *attract;              /* shown over everything while set */
	flow chrome;                  /* the header and navigation bar */
	flow gutter;                  /* page buttons of the top screen's content */
	flow modal;                   /* the idle prompt */
	gfx_rect body, logo;
	unsigned gen;                 /* bumped when every layout is stale */
	unsigned nav_serial;          /* bumped by every push and pop */
	bool chrome_stale;
	/* the touch in progress */
	gfx_rect press;               /* highlighted target; w = 0 when none */
	bool touch_in_view, dragging, stopped_fling;
	bool dirty;
	bool finished;
	int exit_status;
	textruns runs;
	pin_guard pin;                /* outlives the PIN pad: closing it does not reset the lock */
	events *events;               /* borrowed; NULL: nothing is recorded */
	print_overlay *print;         /* the session's prints and the page that shows them */
	/* the citizen's session: from waking the kiosk to the idle reset */
	long long session;            /* its EVENT_SESSION id; 0 when not recorded */
	bool rated;                   /* it has rated (screen_rating.c) */
	char rating_dossier[64];      /* the dossier it looked up last, for its rating; "" = none */
	bool rating_offered;          /* the rating was offered once (app_offer_rating) */
	/* the staff area and the USB stick (staff_usb.c, screen_staff.c, screen_usb.c) */
	store *st;                    /* borrowed; NULL: no update, rollback or export */
	char *pin_hash;               /* the PIN that applies (staff_pin.c); NULL = 000000; owned */
	char *pin_refused;            /* set: no PIN opens the staff area, and why; owned */
	char *import_refused;         /* set: no import from a stick, and why (config.refused); owned */
	staff_record staff;            /* STORE/staff.state as last read or written */
	bool staff_broken;            /* staff.state cannot be trusted: never written over */
	char *usb_bundle;             /* the bundle folder of the stick last put in of those in, or NULL; owned */
	char **usb_sticks;            /* the bundle folders of every stick that is in, oldest first; owned */
	size_t n_usb_sticks, cap_usb_sticks;
	struct update *update;        /* the update the USB screen runs, or NULL; borrowed from it */
	bool hold_copies;             /* test hook of update.h and dossier_job.h */
	struct dossier_job *dossier_job; /* the staff area's dossier check, or NULL; borrowed from it */
	scanner scan;                 /* a receipt scanner's keys (scanner.h) */
	struct speak *speak;          /* read aloud and the keypad's focus (speak.h) */
	app_set_clock_fn *set_clock;  /* the system clock's seam; NULL: staff cannot set it */
	void *set_clock_ctx;
	struct player *player;        /* the bundle's recordings (player.h) */
};

/* Navigation. Push takes ownership of s. Back from the first screen below
 * home returns home; app_home pops everything. */
void app_push(app *a, screen *s);
void app_pop(app *a);
void app_home(app *a);
/* The top screen must be laid out again (its state changed). */
void app_invalidate(app *a);
/* A tap at (x, y) in UI space, as a finger's (the keypad's "choose"). */
void app_tap_at(app *a, float x, float y);
/* Leaves the kiosk with status (the staff's "Exit"). */
void app_quit(app *a, int status);
/* Content viewport of a screen: body minus the margin and the page-button gutter. */
gfx_rect app_content_view(const app *a, gfx_rect body);
/* Wall-clock ms now. */
int64_t app_wall_ms(const app *a);
/* The staff PIN and staff.state (staff_pin.c). Init after a->cfg, a->st,
 * a->now and the wall clock are set. */
void app_staff_init(app *a);
void app_staff_free(app *a);
/* Saves the lockout when it changed since the last save (after a try, or
 * when a lock ran out). */
void app_staff_sync(app *a);
/* Makes hash (taken) the staff's PIN and saves it; NULL, or why not
 * (malloc'd) with nothing changed. */
char *app_staff_set_pin(app *a, char *hash);
/* The unit name for the header: config unit_name, else the bundle's don_vi. */
const char *app_unit_name(const app *a);

#endif
