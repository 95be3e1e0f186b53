/* print_overlay — printing from the kiosk, as the citizen sees it: the
 * session's print state machine (printjob.h) and the page shown over the
 * screen while a print is under way (DESIGN §5, §6).
 *
 * The page is opaque, like the idle prompt: "Preparing…", "Printing…",
 * "Printed. Please take your sheet from the printer." or the printer's
 * reason with "Please ask the staff at the desk." and an OK button; the
 * refusal past the session's limit; and the choice of a blank form when a
 * procedure has several. While it shows, taps go to it only. The app owns
 * one (a->print) and calls the functions below from its event routing. */
#ifndef MOTCUA_UI_PRINT_OVERLAY_H
#define MOTCUA_UI_PRINT_OVERLAY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/config.h"
#include "core/events.h"
#include "core/model.h"
#include "flow.h"

typedef struct app app;
typedef struct print_overlay print_overlay;

/* A new overlay printing to cfg's printer (default destination when cfg
 * is NULL or has none), at most cfg->max_prints a session (5 without cfg),
 * recording prints in ev (borrowed; NULL = not recorded). */
print_overlay *print_overlay_new(const config *cfg, events *ev);
/* print_overlay_free(NULL) is a no-op. */
void print_overlay_free(print_overlay *o);

/* True while the overlay covers the screen. */
bool print_overlay_shown(const print_overlay *o);
/* True while a job is with CUPS, whose progress follows real time. */
bool print_overlay_waits_outside(const print_overlay *o);

/* The detail screen's buttons: print the one-page summary of p (summary)
 * or its full guide; print p's blank form (at once when it has one, else
 * the choice of forms first). The print page says which one it printed.
 * Nothing of p is kept but its code and names. */
void print_overlay_sheet(app *a, const procedure *p, bool summary);
void print_overlay_forms(app *a, const procedure *p);
/* Number of p's forms that can be printed (those with a file). */
size_t print_overlay_form_count(const procedure *p);

/* Lays the overlay out for the app's screen (only while shown). */
void print_overlay_layout(app *a);
/* Its items and tap targets, in screen coordinates. */
const flow *print_overlay_flow(const app *a);
/* A tap on one of its targets. */
void print_overlay_action(app *a, int action, int arg);
/* What the page says, as a number that changes when its message does (the
 * choice, each phase of the job, the printer's reason): the voice says a
 * new message once (speak.c). 0 while not shown. */
unsigned print_overlay_stage(const app *a);

/* When its timer is next due (INT64_MAX: never), and running it. */
int64_t print_overlay_deadline(const app *a);
void print_overlay_tick(app *a, int64_t now);

/* A new citizen: the count starts again, nothing is shown. */
void print_overlay_end_session(app *a);

#endif
