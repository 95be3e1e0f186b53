/* gesture — one finger's touch as tap, drag or long press.
 *
 * An explicit state machine fed with the time of each event (never a clock):
 * down, move and up positions, and ticks for the long press. Other fingers
 * are ignored while one is tracked: a kiosk has no pinch and no multi-touch. */
#ifndef MOTCUA_UI_GESTURE_H
#define MOTCUA_UI_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

#define GESTURE_SLOP_PX 12        /* a tap may wander this far ("~10 px") */
#define GESTURE_TAP_MS 800        /* and last less than this */
#define GESTURE_LONG_PRESS_MS 3000
#define GESTURE_VELOCITY_MS 100   /* release velocity is measured over this */

typedef enum gesture_state {
	GESTURE_IDLE,
	GESTURE_PRESSED,  /* down, not moved beyond the slop */
	GESTURE_DRAGGING,
	GESTURE_SPENT,    /* long press fired or swallowed: the rest means nothing */
} gesture_state;

typedef enum gesture_kind {
	GESTURE_NONE,
	GESTURE_PRESS,      /* the finger went down at (x, y) */
	GESTURE_TAP,        /* at (x, y): down and up close in place and time */
	GESTURE_DRAG,       /* moved: (dx, dy) from where it went down; the first one starts the drag */
	GESTURE_DRAG_END,   /* lifted after a drag, with velocity (vx, vy) in px/ms */
	GESTURE_LONG_PRESS, /* held still at (x, y) for GESTURE_LONG_PRESS_MS */
	GESTURE_CANCEL,     /* lifted, nothing to do (too slow for a tap) */
} gesture_kind;

typedef struct gesture_out {
	gesture_kind kind;
	float x, y;   /* where the finger went down */
	float dx, dy;
	float vx, vy;
} gesture_out;

typedef struct gesture_sample {
	int64_t t;
	float x, y;
} gesture_sample;

typedef struct gesture {
	gesture_state state;
	int64_t id, t0;
	float x0, y0;
	gesture_sample samples[16]; /* a ring of recent positions */
	int n_samples, next_sample;
} gesture;

gesture_out gesture_down(gesture *g, int64_t id, float x, float y, int64_t t);
gesture_out gesture_move(gesture *g, int64_t id, float x, float y, int64_t t);
gesture_out gesture_up(gesture *g, int64_t id, float x, float y, int64_t t);
/* Fires the long press when its time has come. */
gesture_out gesture_tick(gesture *g, int64_t t);
/* When the long press would fire; INT64_MAX when none is pending. */
int64_t gesture_deadline(const gesture *g);
/* Ignores the rest of the current touch (the touch that woke the kiosk). */
void gesture_swallow(gesture *g);
/* True while a finger is down. */
bool gesture_active(const gesture *g);

#endif
