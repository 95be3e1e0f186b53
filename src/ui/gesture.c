#include "gesture.h"

#include <math.h>

static void sample(gesture *g, float x, float y, int64_t t)
{
	g->samples[g->next_sample] = (gesture_sample){t, x, y};
	g->next_sample = (g->next_sample + 1) % 16;
	if (g->n_samples < 16)
		g->n_samples++;
}

gesture_out gesture_down(gesture *g, int64_t id, float x, float y, int64_t t)
{
	if (g->state != GESTURE_IDLE)
		return (gesture_out){GESTURE_NONE, 0, 0, 0, 0, 0, 0};
	g->state = GESTURE_PRESSED;
	g->id = id;
	g->t0 = t;
	g->x0 = x;
	g->y0 = y;
	g->n_samples = g->next_sample = 0;
	sample(g, x, y, t);
	return (gesture_out){GESTURE_PRESS, x, y, 0, 0, 0, 0};
}

gesture_out gesture_move(gesture *g, int64_t id, float x, float y, int64_t t)
{
	gesture_out o = {GESTURE_NONE, g->x0, g->y0, x - g->x0, y - g->y0, 0, 0};
	if (g->state == GESTURE_IDLE || id != g->id)
		return o;
	sample(g, x, y, t);
	if (g->state == GESTURE_PRESSED && hypotf(o.dx, o.dy) > GESTURE_SLOP_PX)
		g->state = GESTURE_DRAGGING;
	if (g->state == GESTURE_DRAGGING)
		o.kind = GESTURE_DRAG;
	return o;
}

/* Velocity over the samples of the last GESTURE_VELOCITY_MS: a finger that
 * stopped before lifting throws nothing. */
static void velocity(const gesture *g, int64_t t, float *vx, float *vy)
{
	*vx = *vy = 0;
	int newest = (g->next_sample + 15) % 16;
	const gesture_sample *last = &g->samples[newest];
	const gesture_sample *first = last;
	for (int k = 1; k < g->n_samples; k++) {
		const gesture_sample *s = &g->samples[(newest - k + 16) % 16];
		if (t - s->t > GESTURE_VELOCITY_MS)
			break;
		first = s;
	}
	if (t - last->t > GESTURE_VELOCITY_MS / 2 || last->t == first->t)
		return;
	*vx = (last->x - first->x) / (float)(last->t - first->t);
	*vy = (last->y - first->y) / (float)(last->t - first->t);
}

gesture_out gesture_up(gesture *g, int64_t id, float x, float y, int64_t t)
{
	gesture_out o = {GESTURE_NONE, g->x0, g->y0, x - g->x0, y - g->y0, 0, 0};
	if (g->state == GESTURE_IDLE || id != g->id)
		return o;
	gesture_state st = g->state;
	if (st == GESTURE_PRESSED && hypotf(o.dx, o.dy) > GESTURE_SLOP_PX)
		st = GESTURE_DRAGGING;
	sample(g, x, y, t);
	switch (st) {
	case GESTURE_PRESSED:
		o.kind = t - g->t0 < GESTURE_TAP_MS ? GESTURE_TAP : GESTURE_CANCEL;
		break;
	case GESTURE_DRAGGING:
		o.kind = GESTURE_DRAG_END;
		velocity(g, t, &o.vx, &o.vy);
		break;
	default:
		o.kind = GESTURE_CANCEL;
		break;
	}
	g->state = GESTURE_IDLE;
	return o;
}

gesture_out gesture_tick(gesture *g, int64_t t)
{
	gesture_out o = {GESTURE_NONE, g->x0, g->y0, 0, 0, 0, 0};
	if (g->state == GESTURE_PRESSED && t - g->t0 >= GESTURE_LONG_PRESS_MS) {
		g->state = GESTURE_SPENT;
		o.kind = GESTURE_LONG_PRESS;
	}
	return o;
}

int64_t gesture_deadline(const gesture *g)
{
	return g->state == GESTURE_PRESSED ? g->t0 + GESTURE_LONG_PRESS_MS : INT64_MAX;
}

void gesture_swallow(gesture *g)
{
	if (g->state != GESTURE_IDLE)
		g->state = GESTURE_SPENT;
}

bool gesture_active(const gesture *g) { return g->state != GESTURE_IDLE; }
