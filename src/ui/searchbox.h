/* searchbox — the layout shared by the screens where the citizen types on
 * the on-screen keyboard (search, old place names, dossier code): the box
 * that shows what was typed (or a hint), the keyboard, and the area left
 * for the results. On a wide landscape panel the box and the keyboard are
 * on the right and the results on the left; otherwise the box is on top,
 * the keyboard at the bottom and the results between. */
#ifndef MOTCUA_UI_SEARCHBOX_H
#define MOTCUA_UI_SEARCHBOX_H

#include <stdbool.h>

#include "flow.h"
#include "layout.h"

typedef struct searchbox {
	const char *query;  /* what was typed; NULL or "" shows the hint */
	const char *hint;   /* grey, in the box while nothing is typed */
	int hint_lines;     /* the hint wraps to at most this many lines; the
			     * empty box grows to hold them */
	const char *go;     /* a button beside the box (its label), or NULL */
	int go_action;      /* the button's action (argument 0) */
	bool top_pad;       /* stacked: a pad above the box rather than a gap */
} searchbox;

/* The box alone at (x, y), w wide: the end of a long query stays in view,
 * with the caret after it. Returns its height. */
int searchbox_field(flow *f, const ui_metrics *m, const searchbox *sb, int x, int y, int w);
/* Lays the box, its button and the keyboard out in body (on f, the fixed
 * part of the screen). Returns the rect left for the results. */
gfx_rect searchbox_layout(flow *f, const ui_metrics *m, const searchbox *sb, gfx_rect body);

#endif
