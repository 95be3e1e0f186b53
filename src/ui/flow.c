#include "flow.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"

#define ELLIPSIS "\xe2\x80\xa6"

void flow_reset(flow *f, gfx *g)
{
	f->g = g;
	f->n = 0;
	f->n_hits = 0;
	f->arena_n = 0;
	f->n_containers = 0;
	f->extent = 0;
}

void flow_clear(flow *f)
{
	free(f->items);
	free(f->hits);
	free(f->arena);
	memset(f, 0, sizeof *f);
}

static size_t arena_add(flow *f, const void *p, size_t n)
{
	if (f->arena_n + n > f->arena_cap) {
		size_t cap = f->arena_cap ? f->arena_cap : 4096;
		while (cap < f->arena_n + n)
			cap *= 2;
		f->arena = xrealloc(f->arena, cap);
		f->arena_cap = cap;
	}
	size_t off = f->arena_n;
	if (n)
		memcpy(f->arena + off, p, n);
	f->arena_n += n;
	return off;
}

static flow_item *add(flow *f, flow_kind kind, gfx_rect r)
{
	f->items = xgrow(f->items, &f->cap, f->n + 1, sizeof *f->items);
	flow_item *it = &f->items[f->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->r = r;
	it->container = f->n_containers ? f->containers[f->n_containers - 1] : -1;
	if (r.y + r.h > f->extent)
		f->extent = r.y + r.h;
	return it;
}

int flow_text_width(flow *f, gfx_font font, int px, const char *s)
{
	return gfx_text_width(f->g, font, px, s, strlen(s));
}

int flow_line_height(flow *f, gfx_font font, int px) { return gfx_text_height(f->g, font, px); }

static void add_text(flow *f, gfx_font font, int px, gfx_color c, int x, int y, int w,
		     const char *s, size_t n, const char *suffix)
{
	flow_item *it = add(f, FLOW_TEXT, (gfx_rect){x, y, w, gfx_text_height(f->g, font, px)});
	it->font = font;
	it->px = px;
	it->color = c;
	/* add() may have moved items; the arena is separate, so `it` stays valid. */
	it->off = arena_add(f, s, n);
	it->len = n;
	if (suffix) {
		arena_add(f, suffix, strlen(suffix));
		it->len += strlen(suffix);
	}
}

/* The longest prefix of s[0..n) that, followed by an ellipsis, fits in max_w. */
static size_t fit_prefix(flow *f, gfx_font font, int px, const char *s, size_t n, int max_w,
			 int *width)
{
	int ell = gfx_text_width(f->g, font, px, ELLIPSIS, strlen(ELLIPSIS));
	size_t lo = 0, hi = n;
	while (lo < hi) { /* binary search over byte offsets, snapped to characters */
		size_t mid = (lo + hi + 1) / 2;
		while (mid > lo && ((unsigned char)s[mid] & 0xc0) == 0x80)
			mid--;
		if (mid == lo) {
			/* no character boundary in (lo, hi]: step over one character */
			size_t next = lo + text_char_len(s + lo);
			if (next > hi || gfx_text_width(f->g, font, px, s, next) + ell > max_w)
				break;
			lo = next;
			continue;
		}
		if (gfx_text_width(f->g, font, px, s, mid) + ell <= max_w)
			lo = mid;
		else
			hi = mid - 1;
	}
	while (lo > 0 && s[lo - 1] == ' ')
		lo--;
	*width = gfx_text_width(f->g, font, px, s, lo) + ell;
	return lo;
}

int flow_label(flow *f, gfx_font font, int px, gfx_color c, int x, int y, int max_w, const char *s)
{
	size_t n = strlen(s);
	int w = gfx_text_width(f->g, font, px, s, n);
	if (max_w > 0 && w > max_w) {
		size_t k = fit_prefix(f, font, px, s, n, max_w, &w);
		add_text(f, font, px, c, x, y, w, s, k, ELLIPSIS);
		return w;
	}
	add_text(f, font, px, c, x, y, w, s, n, NULL);
	return w;
}

typedef struct measure_ctx {
	gfx *g;
	gfx_font font;
	int px;
} measure_ctx;

static double measure(void *ctx, const char *s, size_t n)
{
	measure_ctx *m = ctx;
	return gfx_text_width(m->g, m->font, m->px, s, n);
}

int flow_para_height(flow *f, gfx_font font, int px, int w, const char *s, int max_lines)
{
	if (!s || !*s)
		return 0;
	measure_ctx m = {f->g, font, px};
	size_t n = text_wrap(s, w, measure, &m, NULL);
	if (max_lines > 0 && n > (size_t)max_lines)
		n = (size_t)max_lines;
	return (int)n * gfx_text_height(f->g, font, px);
}

int flow_para(flow *f, gfx_font font, int px, gfx_color c, int x, int y, int w, const char *s,
	      int max_lines)
{
	if (!s || !*s)
		return 0;
	measure_ctx m = {f->g, font, px};
	text_line *lines = NULL;
	size_t n = text_wrap(s, w, measure, &m, &lines);
	int lh = gfx_text_height(f->g, font, px);
	size_t shown = max_lines > 0 && n > (size_t)max_lines ? (size_t)max_lines : n;
	for (size_t i = 0; i < shown; i++) {
		const char *p = s + lines[i].start;
		size_t len = lines[i].len;
		if (i + 1 == shown && shown < n) {
			int lw;
			size_t rest = strlen(p);
			size_t k = fit_prefix(f, font, px, p, rest, w, &lw);
			add_text(f, font, px, c, x, y + (int)i * lh, lw, p, k, ELLIPSIS);
			continue;
		}
		add_text(f, font, px, c, x, y + (int)i * lh, gfx_text_width(f->g, font, px, p, len), p,
			 len, NULL);
	}
	free(lines);
	return (int)shown * lh;
}

size_t flow_box(flow *f, gfx_rect r, int radius, gfx_color c)
{
	flow_item *it = add(f, FLOW_BOX, r);
	it->px = radius;
	it->color = c;
	return f->n - 1;
}

size_t flow_outline(flow *f, gfx_rect r, int radius, int thick, gfx_color c)
{
	flow_item *it = add(f, FLOW_OUTLINE, r);
	it->px = radius;
	it->thick = thick;
	it->color = c;
	return f->n - 1;
}

void flow_triangle(flow *f, int x1, int y1, int x2, int y2, int x3, int y3, gfx_color c)
{
	int extent = f->extent; /* add() reads r as a rect; these are corners */
	flow_item *it = add(f, FLOW_TRIANGLE, (gfx_rect){x1, y1, x2, y2});
	it->thick = x3;
	it->y3 = y3;
	it->color = c;
	int bottom = y1 > y2 ? y1 : y2;
	bottom = bottom > y3 ? bottom : y3;
	f->extent = bottom > extent ? bottom : extent;
}

void flow_cells(flow *f, gfx_rect r, const unsigned char *cells, int n)
{
	flow_item *it = add(f, FLOW_CELLS, r);
	it->px = n;
	it->off = arena_add(f, cells, (size_t)n * (size_t)n);
	it->len = (size_t)n * (size_t)n;
}

void flow_emblem(flow *f, gfx_rect r) { add(f, FLOW_EMBLEM, r); }

void flow_image(flow *f, gfx_rect r, int id) { add(f, FLOW_IMAGE, r)->px = id; }

void flow_set_rect(flow *f, size_t item, gfx_rect r)
{
	f->items[item].r = r;
	if (r.y + r.h > f->extent)
		f->extent = r.y + r.h;
}

size_t flow_container_push(flow *f, gfx_rect r)
{
	add(f, FLOW_CONTAINER, r);
	if (f->n_containers < (int)(sizeof f->containers / sizeof *f->containers))
		f->containers[f->n_containers++] = (int)f->n - 1;
	return f->n - 1;
}

void flow_container_pop(flow *f)
{
	if (f->n_containers > 0)
		f->n_containers--;
}

void flow_hit(flow *f, gfx_rect r, int action, int arg)
{
	f->hits = xgrow(f->hits, &f->cap_hits, f->n_hits + 1, sizeof *f->hits);
	f->hits[f->n_hits++] = (flow_target){r, action, arg};
}

const flow_target *flow_hit_at(const flow *f, int x, int y)
{
	for (size_t i = f->n_hits; i-- > 0;)
		if (rect_contains(f->hits[i].r, x, y))
			return &f->hits[i];
	return NULL;
}

bool rect_contains(gfx_rect r, int x, int y)
{
	return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool rect_inside(gfx_rect in, gfx_rect out)
{
	return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
	       in.y + in.h <= out.y + out.h;
}

gfx_rect rect_intersect(gfx_rect a, gfx_rect b)
{
	int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
	int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
	int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
	if (x1 <= x0 || y1 <= y0)
		return (gfx_rect){x0, y0, 0, 0};
	return (gfx_rect){x0, y0, x1 - x0, y1 - y0};
}

bool rect_overlap(gfx_rect a, gfx_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
