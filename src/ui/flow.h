/* flow — content laid out once into positioned items, drawn many times.
 *
 * A screen builds its fixed widgets and its scrollable content as flows:
 * measured and wrapped when the state changes (never while drawing), then
 * painted item by item, each frame, at an offset. Text items keep the rect
 * of the box they belong to (their container), so the layout check can
 * prove that no text spills out of its box. Hits are tap targets with an
 * action and an argument for the screen. Coordinates are the flow's own:
 * screen pixels for fixed flows, content pixels for scrolled ones. */
#ifndef MOTCUA_UI_FLOW_H
#define MOTCUA_UI_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "gfx/gfx.h"

typedef enum flow_kind {
	FLOW_TEXT,
	FLOW_BOX,       /* filled rounded rectangle */
	FLOW_OUTLINE,   /* outline of a rounded rectangle */
	FLOW_CELLS,     /* a QR matrix */
	FLOW_TRIANGLE,  /* r.x,r.y / r.w,r.h / x3,y3 are the three corners */
	FLOW_EMBLEM,
	FLOW_IMAGE,     /* a picture of gfx_image_new; px is its id */
	FLOW_CONTAINER, /* invisible: a box that text must stay inside */
} flow_kind;

typedef struct flow_item {
	flow_kind kind;
	gfx_rect r;
	gfx_color color;
	int container; /* FLOW_TEXT: index of its container item, -1 = the flow's bounds */
	gfx_font font;
	int px;        /* text size; FLOW_BOX/OUTLINE: radius; FLOW_CELLS: n */
	int thick;     /* FLOW_OUTLINE thickness; FLOW_TRIANGLE: x3 */
	int y3;        /* FLOW_TRIANGLE */
	size_t off, len; /* text or cells in the arena */
} flow_item;

typedef struct flow_target {
	gfx_rect r;
	int action, arg;
} flow_target;

typedef struct flow {
	gfx *g; /* for measuring; kept */
	flow_item *items;
	size_t n, cap;
	flow_target *hits;
	size_t n_hits, cap_hits;
	char *arena;
	size_t arena_n, arena_cap;
	int containers[8]; /* the stack of open containers */
	int n_containers;
	int extent; /* the bottom of the lowest item: the content height */
} flow;

/* Starts (or restarts) a flow that measures with g. Keeps g. */
void flow_reset(flow *f, gfx *g);
/* Frees what the flow holds; a zeroed flow is fine. */
void flow_clear(flow *f);

/* Adds a single line of text at (x, y); returns its width. Text wider than
 * max_w (when > 0) is cut with an ellipsis: use only where the full text is
 * reachable elsewhere (the next screen shows it). */
int flow_label(flow *f, gfx_font font, int px, gfx_color c, int x, int y, int max_w, const char *s);
/* Wraps s (with text_wrap) into lines no wider than w, from (x, y), at most
 * max_lines lines (0 = all; when cut, the last line ends with an ellipsis).
 * Returns the height used. */
int flow_para(flow *f, gfx_font font, int px, gfx_color c, int x, int y, int w, const char *s,
	      int max_lines);
/* Height flow_para would use, without adding anything. */
int flow_para_height(flow *f, gfx_font font, int px, int w, const char *s, int max_lines);
/* Measuring, through the flow's gfx. */
int flow_text_width(flow *f, gfx_font font, int px, const char *s);
int flow_line_height(flow *f, gfx_font font, int px);

/* Shapes; each returns its item index, so a box whose height depends on its
 * contents can be added first and sized later with flow_set_rect. */
size_t flow_box(flow *f, gfx_rect r, int radius, gfx_color c);
size_t flow_outline(flow *f, gfx_rect r, int radius, int thick, gfx_color c);
void flow_triangle(flow *f, int x1, int y1, int x2, int y2, int x3, int y3, gfx_color c);
/* Copies n*n cells. */
void flow_cells(flow *f, gfx_rect r, const unsigned char *cells, int n);
void flow_emblem(flow *f, gfx_rect r);
/* A picture (gfx_image_new's id, owned by the caller) drawn scaled into r. */
void flow_image(flow *f, gfx_rect r, int id);
void flow_set_rect(flow *f, size_t item, gfx_rect r);

/* Text added until the matching pop must stay inside r (which may be
 * patched later with flow_set_rect on the returned index). */
size_t flow_container_push(flow *f, gfx_rect r);
void flow_container_pop(flow *f);

/* A tap target. Later hits win over earlier ones where they overlap. */
void flow_hit(flow *f, gfx_rect r, int action, int arg);
/* The hit under (x, y) in flow coordinates, or NULL. */
const flow_target *flow_hit_at(const flow *f, int x, int y);

/* The text of a FLOW_TEXT item (not terminated; it->len bytes). */
static inline const char *flow_text(const flow *f, const flow_item *it) { return f->arena + it->off; }

/* Rect helpers. */
bool rect_contains(gfx_rect r, int x, int y);
bool rect_inside(gfx_rect inner, gfx_rect outer);
gfx_rect rect_intersect(gfx_rect a, gfx_rect b);
bool rect_overlap(gfx_rect a, gfx_rect b);

#endif
