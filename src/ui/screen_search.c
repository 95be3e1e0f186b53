/* screen_search — type a few letters on the on-screen keyboard; results
 * update with every key. A query that finds nothing is recorded in the
 * events store once the citizen stops typing (or leaves), not per key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "keyboard.h"
#include "searchbox.h"
#include "widgets.h"

#define SEARCH_LIMIT 50
/* Typing has stopped when no key came for this long. */
#define SEARCH_SETTLE_MS 3000

enum { SEARCH_ACT_RESULT = 1, SEARCH_ACT_FIELDS, SEARCH_ACT_RELATED, SEARCH_ACT_HOTLINES };

/* At most this many "gần giống" suggestions when nothing matches. */
#define SEARCH_RELATED 3

typedef struct search_state {
	char *query;
	proc_summary *v;
	size_t n;
	proc_summary *related; /* when nothing matches: what merely resembles it */
	size_t n_related;
	app *a;          /* for the events store and the clock; outlives the screen */
	char *pending;   /* a folded query that found nothing, not yet recorded */
	int64_t pending_at;
	char *recorded;  /* the last one recorded: once per query */
} search_state;

/* Records the pending query that found nothing, unless it was just recorded. */
static void search_flush(search_state *st)
{
	if (!st->pending)
		return;
	if (st->a->events && (!st->recorded || strcmp(st->recorded, st->pending) != 0))
		events_record(st->a->events, EVENT_SEARCH_NO_RESULT, st->pending, (time_t)(app_wall_ms(st->a) / 1000));
	free(st->recorded);
	st->recorded = st->pending;
	st->pending = NULL;
}

/* After a key: a query that finds nothing waits for typing to stop. */
static void search_note(search_state *st, int64_t now)
{
	free(st->pending);
	st->pending = NULL;
	if (st->n == 0 && st->query && *st->query) {
		st->pending = text_fold(st->query);
		st->pending_at = now + SEARCH_SETTLE_MS;
	}
}

static void search_run(search_state *st, app *a)
{
	catalog_summaries_free(st->v, st->n);
	st->v = NULL;
	catalog_summaries_free(st->related, st->n_related);
	st->related = NULL;
	st->n_related = 0;
	bool q = a->cat && st->query && *st->query;
	st->n = q ? catalog_search_in(a->cat, app_content_lang(a), st->query, SEARCH_LIMIT, &st->v) : 0;
	if (q && st->n == 0) {
		st->n_related = catalog_search_related(a->cat, st->query, SEARCH_RELATED, &st->related);
		app_summaries_translate(a, st->related, st->n_related);
	}
}

static const char *search_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Search");
}

static void results(screen *s, app *a, int w)
{
	search_state *st = s->state;
	const ui_metrics *m = &a->m;
	flow *f = &s->content;
	int y = m->gap;
	if (!st->query || !*st->query) {
		flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w, _("Results appear here as you type."), 0);
		return;
	}
	if (st->n == 0) {
		/* Said plainly; what merely resembles the query is labelled as such,
		 * and there is always a person to ask. */
		y += flow_para(f, GFX_BOLD, m->px_body, UI_INK, 0, y, w, _("No procedure matches what you typed."), 0);
		y += m->gap;
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w,
			       _("Check the spelling, type fewer letters, or browse the procedures by field."), 0);
		y += m->pad;
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w,
			       _("Need help? Ask the staff at the desk or call a hotline."), 0);
		y += m->pad;
		const char *b = _("Browse by field"), *h = _("Hotlines");
		int bw = widgets_button_width(f, m, b, m->px_h2, WIDGET_NO_ICON);
		int hw = widgets_button_width(f, m, h, m->px_h2, WIDGET_NO_ICON);
		if (bw > w)
			bw = w;
		if (hw > w)
			hw = w;
		widgets_button(f, m, (gfx_rect){0, y, bw, m->touch}, b, m->px_h2, WIDGET_PRIMARY, WIDGET_NO_ICON,
			       SEARCH_ACT_FIELDS, 0);
		/* Beside it when both fit, else below. */
		int hx = bw + m->gap + hw <= w ? bw + m->gap : 0;
		int hy = hx ? y : y + m->touch + m->gap;
		widgets_button(f, m, (gfx_rect){hx, hy, hw, m->touch}, h, m->px_h2, WIDGET_SECONDARY,
			       WIDGET_NO_ICON, SEARCH_ACT_HOTLINES, 0);
		y = hy + m->touch + m->pad;
		if (st->n_related) {
			y += flow_para(f, GFX_BOLD, m->px_small, UI_MUTED, 0, y, w,
				       _("Similar, but perhaps not what you need:"), 0) +
			     m->gap;
			for (size_t i = 0; i < st->n_related; i++) {
				char *sub = app_marked(st->related[i].code, st->related[i].untranslated);
				y += widgets_row(f, m, 0, y, w, 0, st->related[i].name, sub, NULL, UI_INK,
						 SEARCH_ACT_RELATED, (int)i) +
				     m->gap;
				free(sub);
			}
		}
		return;
	}
	char count[64];
	snprintf(count, sizeof count, st->n >= SEARCH_LIMIT ? _("More than %zu results; type more to narrow them.")
							    : _("%zu results"),
		 st->n >= SEARCH_LIMIT ? (size_t)SEARCH_LIMIT : st->n);
	y += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, 0, y, w, count, 0) + m->gap;
	for (size_t i = 0; i < st->n; i++) {
		gfx_color bg = UI_INK;
		const char *badge = widgets_status_badge(st->v[i].status, &bg);
		char *sub = app_marked(st->v[i].code, st->v[i].untranslated);
		y += widgets_row(f, m, 0, y, w, 0, st->v[i].name, sub, badge, bg, SEARCH_ACT_RESULT, (int)i) +
		     m->gap;
		free(sub);
	}
}

static void search_layout(screen *s, app *a, gfx_rect body)
{
	search_state *st = s->state;
	searchbox sb = {.query = st->query,
			.hint = _("Type the name of a procedure; no accents needed"),
			.hint_lines = 2};
	s->view = searchbox_layout(&s->fixed, &a->m, &sb, body);
	results(s, a, s->view.w);
}

static void search_action(screen *s, app *a, int action, int arg)
{
	search_state *st = s->state;
	switch (action) {
	case SEARCH_ACT_RESULT:
		if (arg >= 0 && (size_t)arg < st->n)
			app_push(a, screen_detail_new(a, st->v[arg].code));
		return;
	case SEARCH_ACT_RELATED:
		if (arg >= 0 && (size_t)arg < st->n_related)
			app_push(a, screen_detail_new(a, st->related[arg].code));
		return;
	case SEARCH_ACT_FIELDS:
		search_flush(st);
		app_push(a, screen_fields_new(a));
		return;
	case SEARCH_ACT_HOTLINES:
		search_flush(st);
		app_push(a, screen_hotlines_new(a));
		return;
	default:
		if (keyboard_apply(&st->query, action, arg)) {
			search_run(st, a);
			search_note(st, a->now);
			s->scroll.offset = 0;
		}
		return;
	}
}

static void search_reload(screen *s, app *a) { search_run(s->state, a); }

static int64_t search_deadline(screen *s, app *a)
{
	search_state *st = s->state;
	(void)a;
	return st->pending ? st->pending_at : INT64_MAX;
}

static void search_tick(screen *s, app *a, int64_t now)
{
	(void)a;
	(void)now;
	search_flush(s->state);
}

static void search_destroy(void *state)
{
	search_state *st = state;
	search_flush(st); /* leaving the screen: typing has stopped */
	free(st->recorded);
	catalog_summaries_free(st->v, st->n);
	catalog_summaries_free(st->related, st->n_related);
	free(st->query);
	free(st);
}

static const screen_ops search_ops = {
	.id = SCREEN_SEARCH,
	.name = "search",
	.title = search_title,
	.layout = search_layout,
	.action = search_action,
	.reload = search_reload,
	.deadline = search_deadline,
	.tick = search_tick,
	.destroy = search_destroy,
};

screen *screen_search_new(app *a)
{
	search_state *st = xcalloc(1, sizeof *st);
	st->a = a;
	st->query = xstrdup("");
	return screen_new(&search_ops, st);
}
