#include "textruns.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "flow.h"

void textruns_reset(textruns *t)
{
	t->n = 0;
	t->arena_n = 0;
	t->ordered = false;
}

void textruns_clear(textruns *t)
{
	free(t->v);
	free(t->arena);
	memset(t, 0, sizeof *t);
}

void textruns_add(textruns *t, const char *s, size_t n, gfx_rect r, gfx_rect visible,
		  gfx_rect container)
{
	if (visible.w <= 0 || visible.h <= 0)
		return;
	if (t->arena_n + n + 1 > t->arena_cap) {
		size_t cap = t->arena_cap ? t->arena_cap : 8192;
		while (cap < t->arena_n + n + 1)
			cap *= 2;
		t->arena = xrealloc(t->arena, cap);
		t->arena_cap = cap;
	}
	size_t off = t->arena_n;
	memcpy(t->arena + off, s, n);
	t->arena[off + n] = 0;
	t->arena_n += n + 1;
	t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n++] = (text_run){off, n, r, visible, container};
	t->ordered = false;
}

const char *textruns_text(const textruns *t, size_t i) { return t->arena + t->v[i].off; }

/* Runs that share a line (their visible rects overlap vertically by more
 * than half the smaller one) are read left to right; otherwise top first. */
static bool before(const text_run *a, const text_run *b)
{
	gfx_rect p = a->visible, q = b->visible;
	int top = p.y > q.y ? p.y : q.y;
	int bottom = p.y + p.h < q.y + q.h ? p.y + p.h : q.y + q.h;
	int smaller = p.h < q.h ? p.h : q.h;
	if (bottom - top > smaller / 2)
		return p.x < q.x;
	return p.y < q.y;
}

static void order(textruns *t)
{
	if (t->ordered)
		return;
	/* Insertion sort: stable, and a frame holds a few hundred runs. */
	for (size_t i = 1; i < t->n; i++) {
		text_run cur = t->v[i];
		size_t j = i;
		while (j > 0 && before(&cur, &t->v[j - 1])) {
			t->v[j] = t->v[j - 1];
			j--;
		}
		t->v[j] = cur;
	}
	t->ordered = true;
}

const text_run *textruns_find(textruns *t, const char *needle)
{
	order(t);
	for (size_t i = 0; i < t->n; i++)
		if (strstr(t->arena + t->v[i].off, needle))
			return &t->v[i];
	return NULL;
}

const text_run *textruns_find_exact(textruns *t, const char *text)
{
	order(t);
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->arena + t->v[i].off, text))
			return &t->v[i];
	return NULL;
}

static char *describe(const textruns *t, const text_run *r)
{
	return xasprintf("\"%s\" at %dx%d+%d+%d", t->arena + r->off, r->r.w, r->r.h, r->r.x, r->r.y);
}

bool textruns_check(textruns *t, int w, int h, char **why)
{
	order(t);
	gfx_rect screen = {0, 0, w, h};
	for (size_t i = 0; i < t->n; i++) {
		const text_run *r = &t->v[i];
		if (!rect_inside(r->r, r->container)) {
			char *d = describe(t, r);
			*why = xasprintf("text %s is not inside its box %dx%d+%d+%d", d, r->container.w,
					 r->container.h, r->container.x, r->container.y);
			free(d);
			return false;
		}
		if (!rect_inside(r->visible, screen)) {
			char *d = describe(t, r);
			*why = xasprintf("text %s is not inside the %dx%d screen", d, w, h);
			free(d);
			return false;
		}
	}
	for (size_t i = 0; i < t->n; i++)
		for (size_t j = i + 1; j < t->n; j++)
			if (rect_overlap(t->v[i].visible, t->v[j].visible)) {
				char *a = describe(t, &t->v[i]), *b = describe(t, &t->v[j]);
				*why = xasprintf("text %s overlaps text %s", a, b);
				free(a);
				free(b);
				return false;
			}
	return true;
}
