/* draw — paints flows through gfx and records the text it draws.
 *
 * The only place where laid-out items become gfx calls, so every line of
 * text on screen is in the frame's textruns. */
#ifndef MOTCUA_UI_DRAW_H
#define MOTCUA_UI_DRAW_H

#include "flow.h"
#include "gfx/gfx.h"
#include "textruns.h"

/* Draws the items of f that meet clip, moved by (dx, dy), clipped to clip.
 * Text with no container is checked against bounds (moved likewise). */
void draw_flow(gfx *g, textruns *runs, const flow *f, int dx, int dy, gfx_rect clip,
	       gfx_rect bounds);

#endif
