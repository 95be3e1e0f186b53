#include "scroll.h"

#include <math.h>

/* Below this speed (px/ms) the motion is imperceptible: stop. */
#define SCROLL_MIN_V 0.02f

static void clamp(scroll *s)
{
	if (s->offset > s->max) {
		s->offset = s->max;
		s->v = 0;
	}
	if (s->offset < 0) {
		s->offset = 0;
		s->v = 0;
	}
}

void scroll_set_extent(scroll *s, int content_h, int view_h)
{
	s->max = content_h > view_h ? (float)(content_h - view_h) : 0;
	clamp(s);
	if (s->v == 0)
		s->animating = false;
}

void scroll_drag(scroll *s, bool first, float dy)
{
	if (first) {
		s->drag_from = s->offset;
		s->animating = false;
		s->v = 0;
	}
	s->offset = s->drag_from - dy;
	clamp(s);
}

void scroll_release(scroll *s, float vy, int64_t t)
{
	s->v = -vy;
	s->last = t;
	s->animating = fabsf(s->v) >= SCROLL_MIN_V && s->max > 0;
	if (!s->animating)
		s->v = 0;
}

void scroll_stop(scroll *s)
{
	s->v = 0;
	s->animating = false;
}

void scroll_by(scroll *s, float delta)
{
	scroll_stop(s);
	s->offset += delta;
	clamp(s);
}

bool scroll_tick(scroll *s, int64_t t)
{
	if (!s->animating || t <= s->last)
		return false;
	float before = s->offset;
	double dt = (double)(t - s->last);
	/* Exact integral of v*exp(-t/tau), so the distance does not depend on
	 * how often ticks come. */
	double decay = exp(-dt / SCROLL_TAU_MS);
	s->offset += (float)(s->v * SCROLL_TAU_MS * (1 - decay));
	s->v *= (float)decay;
	s->last = t;
	clamp(s);
	if (fabsf(s->v) < SCROLL_MIN_V) {
		s->v = 0;
		s->animating = false;
	}
	return (int)s->offset != (int)before;
}

int64_t scroll_deadline(const scroll *s) { return s->animating ? s->last + SCROLL_FRAME_MS : INT64_MAX; }
