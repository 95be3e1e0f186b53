/* idle — the kiosk's idle timers: after idle_prompt_s without a touch ask
 * "are you still there?", after idle_reset_s more go back to attract.
 * Times are passed in. */
#ifndef MOTCUA_UI_IDLE_H
#define MOTCUA_UI_IDLE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum idle_phase { IDLE_ACTIVE, IDLE_PROMPT, IDLE_ATTRACT } idle_phase;

typedef enum idle_change {
	IDLE_NO_CHANGE,
	IDLE_TO_PROMPT,   /* show the question */
	IDLE_COUNTDOWN,   /* the seconds left changed */
	IDLE_TO_ATTRACT,  /* reset the session */
} idle_change;

typedef struct idle {
	idle_phase phase;
	int64_t last_touch, prompt_at;
	int64_t prompt_ms, reset_ms;
	int shown_left; /* seconds left when last reported */
	bool slow;      /* idle_set_slow */
} idle;

void idle_init(idle *d, int prompt_s, int reset_s, idle_phase phase, int64_t now);
/* While the keypad is used (a citizen who listens rather than looks),
 * both waits are IDLE_SLOW_FACTOR times longer; off again for the next
 * session. */
#define IDLE_SLOW_FACTOR 3
void idle_set_slow(idle *d, bool on);
/* A touch: back to active (from prompt or attract). */
void idle_touch(idle *d, int64_t now);
/* Runs the timers up to now. */
idle_change idle_tick(idle *d, int64_t now);
/* Seconds before the reset while the prompt shows (rounded up). */
int idle_seconds_left(const idle *d, int64_t now);
/* When idle_tick next has something to report; INT64_MAX when never. */
int64_t idle_deadline(const idle *d);

#endif
