/* speak — read aloud and the keypad's focus ring (issue 12.1, 12.2): a
 * feature over every screen that app.c calls at a few fixed points (a
 * touch, a key, after each event, timers, drawing). Private to src/ui.
 *
 * What a screen says is what it shows, in reading order: its title, then
 * the text of its fixed widgets and its content, one part per tap target
 * (a button, a list row) or heading. A screen may say more precisely what
 * it reads with screen_ops.speech (the detail page: the procedure section
 * by section, core/speech_text.h, the same words as `motcua speak`).
 *
 * The keypad walks the screen's tap targets in the same order (content,
 * then the screen's own buttons, then the header), announcing each one's
 * label and what choosing it does. The label of a target is the text drawn
 * inside its box, so it is declared once, where the widget is made, and
 * is the same for the eye and the ear. */
#ifndef MOTCUA_UI_SPEAK_H
#define MOTCUA_UI_SPEAK_H

#include <stdbool.h>
#include <stdint.h>

#include "app_state.h"

/* The state lives in the app (a->speak); voice may be NULL (silent, the
 * announcements still recorded for scripts). */
struct speak *speak_new(const app_voice *voice, int volume);
void speak_free(struct speak *sp);

/* True when read-aloud is offered (a voice, volume > 0). */
bool speak_available(const app *a);
/* True while the screen is being read aloud (the reading bar shows). */
bool speak_reading(const app *a);
/* The header's button: starts reading the screen, or stops. */
void speak_toggle(app *a);
/* A finger went down at (x, y): stops the reading unless it is on the
 * reading bar or the read-aloud button. */
void speak_touch(app *a, float x, float y);
/* A key of the keypad (gfx_key); true when it meant something. */
bool speak_key(app *a, int key);
/* After every event, layouts up to date: follows navigation (stops the
 * reading, announces the new screen to a keypad user). */
void speak_after_event(app *a);
/* The reading bar's flow while reading (NULL otherwise) and its actions. */
flow *speak_bar(app *a);
void speak_bar_action(app *a, int action);
/* Timers: the reading moves to its next part when the last one ended. */
int64_t speak_deadline(const app *a);
void speak_tick(app *a, int64_t now);
/* Draws the focus ring and the reading bar over the screen. */
void speak_draw(app *a, gfx *g);
/* Silences the voice at once (a recording is about to play). */
void speak_silence(app *a);
/* A new session: silence, normal volume, no focus, no keypad. */
void speak_reset(app *a);
/* The last thing said (a reading part or an announcement) and a serial
 * bumped each time something is said; "" before anything. */
const char *speak_said(const app *a, unsigned *serial);

#endif
