#include "idle.h"

void idle_init(idle *d, int prompt_s, int reset_s, idle_phase phase, int64_t now)
{
	d->phase = phase;
	d->last_touch = now;
	d->prompt_at = 0;
	d->prompt_ms = (int64_t)(prompt_s > 0 ? prompt_s : 90) * 1000;
	d->reset_ms = (int64_t)(reset_s > 0 ? reset_s : 20) * 1000;
	d->shown_left = 0;
	d->slow = false;
}

void idle_set_slow(idle *d, bool on)
{
	if (d->slow == on)
		return;
	d->slow = on;
	d->prompt_ms = on ? d->prompt_ms * IDLE_SLOW_FACTOR : d->prompt_ms / IDLE_SLOW_FACTOR;
	d->reset_ms = on ? d->reset_ms * IDLE_SLOW_FACTOR : d->reset_ms / IDLE_SLOW_FACTOR;
}

void idle_touch(idle *d, int64_t now)
{
	d->phase = IDLE_ACTIVE;
	d->last_touch = now;
}

int idle_seconds_left(const idle *d, int64_t now)
{
	int64_t left = d->prompt_at + d->reset_ms - now;
	return left <= 0 ? 0 : (int)((left + 999) / 1000);
}

idle_change idle_tick(idle *d, int64_t now)
{
	switch (d->phase) {
	case IDLE_ACTIVE:
		if (now - d->last_touch >= d->prompt_ms) {
			d->phase = IDLE_PROMPT;
			d->prompt_at = d->last_touch + d->prompt_ms;
			d->shown_left = idle_seconds_left(d, now);
			if (now - d->prompt_at >= d->reset_ms) {
				d->phase = IDLE_ATTRACT;
				return IDLE_TO_ATTRACT;
			}
			return IDLE_TO_PROMPT;
		}
		return IDLE_NO_CHANGE;
	case IDLE_PROMPT:
		if (now - d->prompt_at >= d->reset_ms) {
			d->phase = IDLE_ATTRACT;
			return IDLE_TO_ATTRACT;
		}
		if (idle_seconds_left(d, now) != d->shown_left) {
			d->shown_left = idle_seconds_left(d, now);
			return IDLE_COUNTDOWN;
		}
		return IDLE_NO_CHANGE;
	default:
		return IDLE_NO_CHANGE;
	}
}

int64_t idle_deadline(const idle *d)
{
	switch (d->phase) {
	case IDLE_ACTIVE:
		return d->last_touch + d->prompt_ms;
	case IDLE_PROMPT: {
		/* The next whole second of the countdown, or the reset. */
		int64_t end = d->prompt_at + d->reset_ms;
		int64_t next = end - (int64_t)(d->shown_left - 1) * 1000;
		return next < end ? next : end;
	}
	default:
		return INT64_MAX;
	}
}
