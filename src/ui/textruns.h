/* textruns — the lines of text drawn in the last frame, with their rects.
 *
 * The script mode finds labels here (tap-text, expect-text) and the layout
 * check proves that every line stays inside its box and the screen and that
 * no two lines overlap. Storage is reused from frame to frame. */
#ifndef MOTCUA_UI_TEXTRUNS_H
#define MOTCUA_UI_TEXTRUNS_H

#include <stdbool.h>
#include <stddef.h>

#include "gfx/gfx.h"

typedef struct text_run {
	size_t off, len;   /* the text, in the arena */
	gfx_rect r;        /* where the whole line is */
	gfx_rect visible;  /* the part not clipped away (a list scrolled half out) */
	gfx_rect container;/* the box it must stay inside */
} text_run;

typedef struct textruns {
	text_run *v;
	size_t n, cap;
	char *arena;
	size_t arena_n, arena_cap;
	bool ordered; /* v is in reading order */
} textruns;

/* Forgets the runs of the previous frame (keeps the storage). */
void textruns_reset(textruns *t);
/* Frees the storage; a zeroed textruns is fine. */
void textruns_clear(textruns *t);
/* Records a run; copies the text. Runs with nothing visible are skipped. */
void textruns_add(textruns *t, const char *s, size_t n, gfx_rect r, gfx_rect visible,
		  gfx_rect container);
/* The text of run i, terminated (valid until the next reset). */
const char *textruns_text(const textruns *t, size_t i);
/* The first run in reading order (top to bottom, then left to right on a
 * line) whose text contains needle (byte-exact: callers pass NFC), or NULL. */
const text_run *textruns_find(textruns *t, const char *needle);
/* The first run in reading order whose whole text is text, or NULL. */
const text_run *textruns_find_exact(textruns *t, const char *text);
/* Checks the layout of a w x h screen. On a violation returns false with a
 * malloc'd description in *why naming the texts and rects involved. */
bool textruns_check(textruns *t, int w, int h, char **why);

#endif
