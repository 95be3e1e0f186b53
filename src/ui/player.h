/* player — plays a recording the bundle carries (audio/FILE, issue 12.3):
 * the voice of a trusted person reading a procedure or a news item in Thái,
 * H'Mông or Vietnamese, from a clearly marked button.
 *
 * The recording is decoded a little ahead of what is heard (about two
 * seconds, on the app's timer), never whole: a ten-minute recording costs
 * its compressed bytes and a few kilobytes of samples, and no tap waits for
 * a decoder. It stops when its button is tapped again, when the citizen
 * leaves the screen, and at the end of the session. */
#ifndef MOTCUA_UI_PLAYER_H
#define MOTCUA_UI_PLAYER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "flow.h"
#include "layout.h"

typedef struct app app;
typedef struct player player;

player *player_new(void);
/* player_free(NULL) is a no-op; stops the sound. */
void player_free(player *p);

/* Starts the recording stored under blob name (e.g. "audio/x.ogg") of the
 * catalogue; whatever played stops. Says nothing and plays nothing when the
 * kiosk has no sound card or the recording cannot be read (stderr says why). */
void player_start(app *a, const char *name);
void player_stop(app *a);
/* True while the recording stored under name plays (name NULL: any). */
bool player_playing(const app *a, const char *name);

/* The app's timer: feeds the sound card, ends the sound when the screen it
 * was started on is left. */
void player_tick(app *a, int64_t now);
/* When player_tick is next due; INT64_MAX when nothing plays. */
int64_t player_deadline(const app *a);

/* A card "Recorded readings" with one button a recording of recs (language
 * | audio/FILE): "▶ Listen in H'Mông (Hmoob)", or "■ Stop" while it plays.
 * Tapping it sends action with the item's index as arg. Returns the next
 * y (y itself when recs is empty). */
int player_card(flow *f, const ui_metrics *m, const app *a, int y, int w, const item_list *recs,
                int action);
/* The action handler's half: starts or stops recording arg of recs. */
void player_toggle(app *a, const item_list *recs, int arg);

#endif
