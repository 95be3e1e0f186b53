/* scroll — a vertical scroll position with drag and momentum.
 *
 * Dragging moves the content with the finger; on release it keeps the
 * finger's velocity and slows down exponentially. The animation runs on
 * ticks with the time passed in; scroll_deadline says when the next step is
 * due so the kiosk sleeps otherwise. */
#ifndef MOTCUA_UI_SCROLL_H
#define MOTCUA_UI_SCROLL_H

#include <stdbool.h>
#include <stdint.h>

#define SCROLL_FRAME_MS 16  /* animation step */
#define SCROLL_TAU_MS 325.0 /* velocity falls to 1/e in this time */

typedef struct scroll {
	float offset;     /* pixels scrolled from the top, 0..max */
	float max;        /* content height minus view height, >= 0 */
	float v;          /* px/ms, positive = towards the end */
	float drag_from;  /* offset when the drag began */
	int64_t last;     /* time of the last animation step */
	bool animating;
} scroll;

/* Sets how far the content can scroll and clamps the offset. */
void scroll_set_extent(scroll *s, int content_h, int view_h);
/* The finger moved dy pixels since the drag began (first call begins it). */
void scroll_drag(scroll *s, bool first, float dy);
/* The finger lifted with vertical velocity vy (px/ms) at time t. */
void scroll_release(scroll *s, float vy, int64_t t);
/* Stops any motion (a new touch holds the content). */
void scroll_stop(scroll *s);
/* Moves by delta pixels at once (page buttons). */
void scroll_by(scroll *s, float delta);
/* Advances the animation to time t; true when the offset changed. */
bool scroll_tick(scroll *s, int64_t t);
/* When the next step is due; INT64_MAX when still. */
int64_t scroll_deadline(const scroll *s);

#endif
