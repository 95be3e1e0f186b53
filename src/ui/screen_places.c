/* screen_places — "Tra cứu địa bàn cũ": the old commune and ward names of
 * the bundle's dia_ban.csv and what each belongs to since the 2025
 * reorganisation. Citizens' papers still carry the old addresses: typing a
 * few letters of the old name (no accents needed) lists the matches with
 * the unit, the province and the resolution that merged it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "keyboard.h"
#include "searchbox.h"
#include "widgets.h"

/* More matches than this: the citizen types more letters. */
#define PLACES_LIMIT 50

typedef struct places_state {
	char *query;
	catalog_data d;  /* the small tables; only d.places is used */
	char **keys;     /* folded "old name old district" of each place */
	size_t *hits;    /* indices into d.places of the matches */
	size_t n_hits;
} places_state;

static void places_free_data(places_state *st)
{
	for (size_t i = 0; i < st->d.n_places; i++)
		free(st->keys[i]);
	free(st->keys);
	st->keys = NULL;
	catalog_data_clear(&st->d);
}

/* A match: every word typed (folded) is somewhere in the folded old name or
 * district, so "chieng" and "Chiềng Sơn" both find "xã Chiềng Sơn". */
static bool place_matches(const char *key, char **words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strstr(key, words[i]))
			return false;
	return true;
}

static void places_run(places_state *st)
{
	free(st->hits);
	st->hits = NULL;
	st->n_hits = 0;
	char *q = st->query && *st->query ? text_fold(st->query) : NULL;
	if (!q)
		return;
	/* Words, split on spaces. */
	char *words[16];
	size_t n = 0;
	for (char *w = strtok(q, " "); w && n < 16; w = strtok(NULL, " "))
		words[n++] = w;
	if (n) {
		st->hits = xcalloc(st->d.n_places + 1, sizeof *st->hits);
		for (size_t i = 0; i < st->d.n_places; i++)
			if (place_matches(st->keys[i], words, n))
				st->hits[st->n_hits++] = i;
	}
	free(q);
}

static void places_load(places_state *st, app *a)
{
	places_free_data(st);
	if (a->cat && catalog_load_extras(a->cat, &st->d) < 0)
		catalog_data_clear(&st->d);
	st->keys = xcalloc(st->d.n_places + 1, sizeof *st->keys);
	for (size_t i = 0; i < st->d.n_places; i++) {
		const place *p = &st->d.places[i];
		char *t = xasprintf("%s %s", p->old_name ? p->old_name : "", p->old_district ? p->old_district : "");
		st->keys[i] = text_fold(t);
		if (!st->keys[i])
			st->keys[i] = xstrdup("");
		free(t);
	}
	places_run(st);
}

static const char *places_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Old commune and ward names");
}

/* One match as a card: the old name (and district), then what it is now. */
static int place_card(flow *f, const ui_metrics *m, int y, int w, const place *p)
{
	size_t card = widgets_card(f, m, (gfx_rect){0, y, w, 0});
	flow_container_push(f, (gfx_rect){0, y, w, 0});
	int iw = w - 2 * m->pad, iy = y + m->pad;
	char *old = str_empty(p->old_district) ? xstrdup(p->old_name) : xasprintf("%s (%s)", p->old_name, p->old_district);
	iy += flow_para(f, GFX_BOLD, m->px_h2, UI_INK, m->pad, iy, iw, old, 0) + m->gap / 2;
	free(old);
	char *now = str_empty(p->province) ? xasprintf(_("Now: %s"), p->new_unit)
					   : xasprintf(_("Now: %s, %s"), p->new_unit, p->province);
	iy += flow_para(f, GFX_BOLD, m->px_body, UI_BRAND, m->pad, iy, iw, now, 0);
	free(now);
	if (!str_empty(p->decision) || !str_empty(p->effective_date)) {
		char *by = str_empty(p->effective_date) ? xasprintf(_("Merged by: %s"), p->decision)
			   : str_empty(p->decision)     ? xasprintf(_("Since %s"), p->effective_date)
							: xasprintf(_("Merged by: %s, from %s"), p->decision,
								    p->effective_date);
		iy += m->gap / 2;
		iy += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, m->pad, iy, iw, by, 0);
		free(by);
	}
	if (!str_empty(p->note)) {
		iy += m->gap / 2;
		iy += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, m->pad, iy, iw, p->note, 0);
	}
	gfx_rect r = {0, y, w, iy + m->pad - y};
	widgets_card_resize(f, card, r);
	flow_set_rect(f, card + 2, r);
	flow_container_pop(f);
	return r.h;
}

static void results(screen *s, app *a, int w)
{
	places_state *st = s->state;
	const ui_metrics *m = &a->m;
	flow *f = &s->content;
	int y = m->gap;
	if (!st->query || !*st->query) {
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w,
			       _("Since 1 July 2025 many communes and wards were merged and districts abolished. "
				 "Type the old name written on your papers to see what it belongs to now."),
			       0);
		return;
	}
	if (st->n_hits == 0) {
		y += flow_para(f, GFX_BOLD, m->px_body, UI_INK, 0, y, w, _("No old commune or ward has this name."), 0);
		y += m->gap;
		flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w,
			  _("Check the spelling or type fewer letters; the staff at the desk can help."), 0);
		return;
	}
	char count[96];
	snprintf(count, sizeof count,
		 st->n_hits > PLACES_LIMIT ? _("More than %zu matches; type more to narrow them.") : _("%zu matches"),
		 st->n_hits > PLACES_LIMIT ? (size_t)PLACES_LIMIT : st->n_hits);
	y += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, 0, y, w, count, 0) + m->gap;
	for (size_t i = 0; i < st->n_hits && i < PLACES_LIMIT; i++)
		y += place_card(f, m, y, w, &st->d.places[st->hits[i]]) + m->gap;
}

static void places_layout(screen *s, app *a, gfx_rect body)
{
	places_state *st = s->state;
	searchbox sb = {.query = st->query,
			.hint = _("Type the old name of a commune or ward; no accents needed"),
			.hint_lines = 2};
	s->view = searchbox_layout(&s->fixed, &a->m, &sb, body);
	results(s, a, s->view.w);
}

static void places_action(screen *s, app *a, int action, int arg)
{
	places_state *st = s->state;
	(void)a;
	if (keyboard_apply(&st->query, action, arg)) {
		places_run(st);
		s->scroll.offset = 0;
	}
}

static void places_reload(screen *s, app *a) { places_load(s->state, a); }

static void places_destroy(void *state)
{
	places_state *st = state;
	places_free_data(st);
	free(st->hits);
	free(st->query);
	free(st);
}

static const screen_ops places_ops = {
	.id = SCREEN_PLACES,
	.name = "places",
	.title = places_title,
	.layout = places_layout,
	.action = places_action,
	.reload = places_reload,
	.destroy = places_destroy,
};

screen *screen_places_new(app *a)
{
	places_state *st = xcalloc(1, sizeof *st);
	st->query = xstrdup("");
	places_load(st, a);
	return screen_new(&places_ops, st);
}
